/**
 * Challenges (docs/API.md "Challenges"): every scenario on its published seed
 * (`challenge-<scenario>-1`), so every team plays the same dice and shocks; a leaderboard per
 * scenario ranked by the challenge score (mean bin / critical buffer, lower is better, counted
 * only when the lateness stayed bounded).
 *
 *  - solo: one human, bots on every other workshop, no timer; the server starts the match
 *    (the steward plays the facilitator's seat through boardgame.io's Master);
 *  - a table: a session like POST /api/sessions on the challenge seed; the facilitator runs it.
 *
 * When a challenge match is over, `sweep` records exactly one leaderboard entry (a flag flipped in
 * the same transaction as the insert, and a unique match id), also after a restart. Rules S-CH.
 */
import { randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import type { Game, State } from 'boardgame.io';
import { historyDigest } from '../game/core/headless';
import { type Scenario, SCENARIO_ID, challengeCriticalBuffer } from '../game/core/scenario';
import { SCENARIOS } from '../game/core/scenarios';
import { workshopCount } from '../game/core/setup';
import type { G } from '../game/core/types';
import { seatWorkshop } from '../game/core/world';
import type {
  CreatedSession,
  ChallengeEntryWire,
  ChallengeRunWire,
  ChallengeWire,
  JoinedSeatWire,
  LeaderboardEntryWire,
  LeaderboardWire,
} from '../game/contract/api';
import { debriefData } from '../game/debrief/data';
import { type JudgeNumbers, type NotCounted, challengeSeed, challengeVerdict } from '../game/debrief/score';
import { namesInSeatOrder, seatNames } from './debrief';
import type { RequestRefusal } from '../game/contract/requestRefusals';
import { HttpError, handle, readJson } from './http';
import type { Logger } from './log';
import { onlyFields, parseTableRequest, requireName, requireRecord, scenarioOf } from './sessionRequest';
import { openSession, openTable, secretToken } from './sessions';
import type { Steward } from './steward';
import type { SqliteStorage } from './storage/sqlite';
import { perStore } from './storage/statements';

/** Entries listed per part (valid, invalid) of a leaderboard. */
export const LEADERBOARD_LIMIT = 100;
export const ENTRY_ID = /^[0-9a-f]{16}$/;
/** boardgame.io match ids (nanoid): letters, digits, '_' and '-'. */
const MATCH_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface ChallengeDeps {
  readonly game: Game<G>;
  readonly storage: SqliteStorage;
  readonly steward: Pick<Steward, 'move'>;
  readonly log: Logger;
  readonly publicUrl?: string;
}

/** A recorded run: what the leaderboard shows (the contract's entry) and what the server keeps. */
export interface LeaderboardEntry extends LeaderboardEntryWire {
  readonly scenario: string;
  readonly seed: string;
  readonly criticalBuffer: number;
  /** historyDigest of the played history (game/core/headless.ts). */
  readonly digest: string;
}

interface EntryRow {
  id: string;
  scenario: string;
  seed: string;
  names: string;
  created_at: number;
  score: number | null;
  mean_bin: number | null;
  critical_buffer: number;
  bounded: number;
  valid: number;
  reason: string | null;
  why: string;
  judge: string | null;
  rounds: number;
  digest: string;
}

/** A reason in English (the API's `reason`, the logs, the play CLI). */
export function reasonText(r: NotCounted): string {
  switch (r.kind) {
    case 'seed':
      return `not played on the challenge seed ${r.seed}`;
    case 'noRounds':
      return 'no round was played';
    case 'endedEarly':
      return `ended by the facilitator after ${r.played} of ${r.rounds} rounds`;
    case 'shocks':
      return `the facilitator injected shocks (round ${r.rounds.join(', ')})`;
    case 'growth':
      return (
        `with these bins the network's lateness grows by ${r.rate.toFixed(3)} ± ${r.standardError.toFixed(3)} h ` +
        'per round (the judge allows at most 2 standard errors above 0)'
      );
    case 'lateness':
      return (
        `mean lateness ${r.lateness.toFixed(3)} h, more than the ${r.reference.toFixed(3)} h of even bins ` +
        `at the critical buffer ${r.bin.toFixed(3)} h on the same dice`
      );
    case 'unbounded':
      return (
        `the lateness kept growing (slope ${r.slope.toFixed(3)} h per round over rounds ${r.from}-${r.to}, ` +
        `above ${r.threshold.toFixed(3)}; the judge before schema 3)`
      );
  }
}

interface ChallengeRow {
  match_id: string;
  code: string;
  scenario: string;
  seed: string;
}

const finite = (x: number | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

function toEntry(row: EntryRow): LeaderboardEntry {
  return {
    id: row.id,
    scenario: row.scenario,
    seed: row.seed,
    names: JSON.parse(row.names) as string[],
    date: new Date(row.created_at).toISOString(),
    score: row.score,
    meanBin: row.mean_bin,
    criticalBuffer: row.critical_buffer,
    bounded: row.bounded === 1,
    valid: row.valid === 1,
    reason: row.reason,
    why: JSON.parse(row.why) as NotCounted[],
    judge: row.judge === null ? null : (JSON.parse(row.judge) as JudgeNumbers),
    rounds: row.rounds,
    digest: row.digest,
  };
}

/** The leaderboard entry of a finished challenge match (everything but id and date). S-CH4, S-CH5. */
export function scoreChallenge(g: G, names: Readonly<Record<string, string>>, scenario: Scenario, seed: string) {
  const history = g.history;
  const criticalBuffer = challengeCriticalBuffer(scenario);
  const { score, judge, notCounted: why } = challengeVerdict(g, criticalBuffer, seed);
  const held = judge !== null && !why.some((r) => r.kind === 'growth' || r.kind === 'lateness');
  return {
    names: namesInSeatOrder(names),
    score: finite(score?.score),
    meanBin: finite(score?.meanBin),
    criticalBuffer,
    bounded: held,
    judge,
    valid: why.length === 0 && held && finite(score?.score) !== null,
    reason: why.length > 0 ? why.map(reasonText).join('; ') : null,
    why,
    rounds: history.length,
    digest: historyDigest(history),
  };
}

export interface ChallengeApi {
  /** Record an entry for every challenge match that is over and not yet recorded; returns how many. */
  sweep(): number;
  start(intervalMs: number): void;
  stop(): void;
}

function prepareChallenges(storage: SqliteStorage) {
  const db = storage.db;
  const columns =
    'id, scenario, seed, names, created_at, score, mean_bin, critical_buffer, bounded, valid, reason, why, judge, rounds, digest';
  return {
    addChallenge: db.prepare(
      'INSERT INTO challenges (match_id, code, scenario, seed, kind, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    // The storage's matches table flags finished matches (gameover = 1): no JSON is read for running ones.
    due: db.prepare<[], ChallengeRow>(
      `SELECT c.match_id, c.code, c.scenario, c.seed FROM challenges c JOIN matches m ON m.id = c.match_id
       WHERE c.recorded = 0 AND m.gameover = 1`,
    ),
    claim: db.prepare('UPDATE challenges SET recorded = 1 WHERE match_id = ? AND recorded = 0'),
    insert: db.prepare(
      `INSERT INTO leaderboard (id, match_id, scenario, seed, names, created_at, mean_bin, critical_buffer, score,
       bounded, valid, reason, why, judge, rounds, digest, debrief) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    challenge: db.prepare<[string], ChallengeRow>(
      'SELECT match_id, code, scenario, seed FROM challenges WHERE match_id = ?',
    ),
    byMatch: db.prepare<[string], EntryRow>(`SELECT ${columns} FROM leaderboard WHERE match_id = ?`),
    valid: db.prepare<[string, number], EntryRow>(
      `SELECT ${columns} FROM leaderboard WHERE scenario = ? AND valid = 1 ORDER BY score, created_at, id LIMIT ?`,
    ),
    invalid: db.prepare<[string, number], EntryRow>(
      `SELECT ${columns} FROM leaderboard WHERE scenario = ? AND valid = 0 ORDER BY created_at DESC, id LIMIT ?`,
    ),
    entry: db.prepare<[string], EntryRow & { debrief: string }>(
      `SELECT ${columns}, debrief FROM leaderboard WHERE id = ?`,
    ),
  };
}

/** The statements on a store's challenges and leaderboard tables (storage/schema.ts), prepared once per store. */
const challengeTables = perStore(prepareChallenges);

/** Record one finished challenge match once; false when it was not over or already recorded. */
export function recordChallenge(deps: Pick<ChallengeDeps, 'storage' | 'log'>, row: ChallengeRow): boolean {
  const { storage, log } = deps;
  const sql = challengeTables(storage);
  const { state, metadata } = storage.fetch(row.match_id, { state: true, metadata: true });
  const scenario = SCENARIOS.get(row.scenario);
  if (!state || !metadata || !scenario) {
    // The match is gone (or its scenario no longer exists): nothing can ever be recorded.
    sql.claim.run(row.match_id);
    log('challenge-unrecordable', { matchID: row.match_id, scenario: row.scenario });
    return false;
  }
  const g = (state as State<G>).G;
  if (g.status !== 'over') return false;
  const names = seatNames(metadata);
  const entry = scoreChallenge(g, names, scenario, row.seed);
  const debrief = JSON.stringify(debriefData(g, names));
  const id = randomBytes(8).toString('hex');
  const write = storage.db.transaction(() => {
    if (sql.claim.run(row.match_id).changes !== 1) return false;
    sql.insert.run(
      id,
      row.match_id,
      row.scenario,
      row.seed,
      JSON.stringify(entry.names),
      Date.now(),
      entry.meanBin,
      entry.criticalBuffer,
      entry.score,
      entry.bounded ? 1 : 0,
      entry.valid ? 1 : 0,
      entry.reason,
      JSON.stringify(entry.why),
      entry.judge === null ? null : JSON.stringify(entry.judge),
      entry.rounds,
      entry.digest,
      debrief,
    );
    return true;
  });
  const recorded = write();
  if (recorded) log('challenge-recorded', { id, code: row.code, scenario: row.scenario, valid: entry.valid });
  return recorded;
}

/** Record every finished challenge not yet recorded (skipping those in `failed`, which it fills); how many. */
export function sweepChallenges(deps: Pick<ChallengeDeps, 'storage' | 'log'>, failed: Set<string>): number {
  let count = 0;
  for (const row of challengeTables(deps.storage).due.all()) {
    if (failed.has(row.match_id)) continue;
    try {
      if (recordChallenge(deps, row)) count++;
    } catch (e) {
      // Logged once; retried after a restart.
      failed.add(row.match_id);
      deps.log('challenge-record-error', { matchID: row.match_id, message: (e as Error).message });
    }
  }
  return count;
}

/** GET /api/challenges: every scenario's challenge and its best valid entry. */
export function challengeList(storage: SqliteStorage): ChallengeWire[] {
  const sql = challengeTables(storage);
  return [...SCENARIOS.values()].map((s) => {
    const best = sql.valid.get(s.id, 1);
    return {
      scenario: s.id,
      title: s.title,
      seed: challengeSeed(s.id),
      rounds: s.rounds,
      workshops: workshopCount(s.network),
      criticalBuffer: challengeCriticalBuffer(s),
      best: best ? { score: best.score, name: (JSON.parse(best.names) as string[]).join(', ') } : null,
    };
  });
}

/** B6: the bots hold the players' mean bin, so the score is the players' own (no free ride). */
function challengeSetup(scenario: Scenario, options: Record<string, unknown>) {
  return {
    scenario: scenario.id,
    humanSeats: workshopCount(scenario.network),
    seed: { policy: 'fixed' as const, value: challengeSeed(scenario.id) },
    autopilot: 'mirror',
    ...options,
  };
}

/** POST /api/challenges: a solo attempt (started) or a table (400 with the refusal otherwise). */
export async function createChallenge(
  deps: ChallengeDeps,
  body: unknown,
  requestOrigin: string,
): Promise<JoinedSeatWire | CreatedSession> {
  const usage: RequestRefusal = { code: 'challenge.mode', field: null, both: false };
  const fields = requireRecord(body, usage);
  const solo = fields.name !== undefined;
  if (solo && fields.players !== undefined) throw new HttpError(400, { ...usage, both: true });
  if (!solo && fields.players === undefined) throw new HttpError(400, usage);
  if (solo) {
    onlyFields(fields, ['scenario', 'name']);
    const scenario = scenarioOf(fields.scenario);
    const name = requireName(fields.name);
    return createSolo(deps, scenario, name, challengeSetup(scenario, { roundSeconds: 0 }));
  }
  const { scenario, players, options } = parseTableRequest(fields, usage, ['roundSeconds']);
  const { code, matchID, reply } = openTable(deps, requestOrigin, challengeSetup(scenario, options), players);
  challengeTables(deps.storage).addChallenge.run(
    matchID,
    code,
    scenario.id,
    challengeSeed(scenario.id),
    'table',
    Date.now(),
  );
  deps.log('challenge-created', { code, matchID, scenario: scenario.id, kind: 'table', players });
  return reply;
}

/** S-CH1: a solo challenge: the human's seat joined, the match started, every other seat on autopilot. */
async function createSolo(
  deps: ChallengeDeps,
  scenario: Scenario,
  name: string,
  setupData: Record<string, unknown> & { humanSeats: number },
): Promise<JoinedSeatWire> {
  const { storage, steward, log } = deps;
  const { code, matchID } = openSession(deps, setupData, 1);
  const seat = seatWorkshop(1, 1, setupData.humanSeats) + 1;
  const credentials = secretToken();
  const { metadata } = storage.fetch(matchID, { metadata: true });
  metadata.players[seat] = { ...metadata.players[seat], id: seat, name, credentials };
  storage.setMetadata(matchID, metadata);
  challengeTables(storage).addChallenge.run(matchID, code, scenario.id, challengeSeed(scenario.id), 'solo', Date.now());
  await steward.move(matchID, 'start', []);
  const started = storage.rawState(matchID) as State<G> | undefined;
  if (started?.G.status !== 'playing') throw new Error(`challenge ${code} did not start`);
  // Every other workshop runs on autopilot from the first round (the steward would do it on its next pass).
  const others = started.G.workshops.map((w) => w.seat).filter((s): s is string => s !== null && s !== String(seat));
  if (others.length > 0) await steward.move(matchID, 'setPresence', [others, false]);
  const w = started.G.workshops[seat - 1]!;
  log('challenge-created', { code, matchID, scenario: scenario.id, kind: 'solo' });
  return { code, matchID, seat: String(seat), credentials, workshop: { index: seat - 1, id: w.id, name: w.name } };
}

/** GET /api/challenges/entries/:id: one entry and its debrief (400 malformed id, 404 unknown). */
export function challengeEntry(storage: SqliteStorage, id: string): ChallengeEntryWire {
  if (!ENTRY_ID.test(id)) throw new HttpError(400, { code: 'entry.malformed', field: 'id' });
  const row = challengeTables(storage).entry.get(id);
  if (!row) throw new HttpError(404, { code: 'entry.unknown', field: null, id });
  return { entry: toEntry(row), debrief: JSON.parse(row.debrief) as unknown };
}

/** GET /api/challenges/:scenario/leaderboard: valid entries by score, then invalid ones, newest first. */
export function leaderboard(storage: SqliteStorage, id: string): LeaderboardWire {
  const scenario = SCENARIO_ID.test(id) ? SCENARIOS.get(id) : undefined;
  if (!scenario) throw new HttpError(404, { code: 'challenge.unknown', field: null, scenario: id.slice(0, 40) });
  const sql = challengeTables(storage);
  const rows = [...sql.valid.all(id, LEADERBOARD_LIMIT), ...sql.invalid.all(id, LEADERBOARD_LIMIT)];
  return {
    scenario: id,
    seed: challengeSeed(id),
    entries: rows.map((r) => wireEntry(toEntry(r))),
  };
}

/** What the leaderboard API shows of an entry. */
function wireEntry(e: LeaderboardEntry): LeaderboardEntryWire {
  const { scenario: _s, seed: _seed, criticalBuffer: _c, digest: _d, ...listed } = e;
  return listed;
}

/**
 * GET /api/challenges/matches/:matchID: the verdict of a finished challenge match, for its
 * game-over screen (the seat's view has no dice to replay, so the server judges). Recorded now
 * when it is over and the sweep has not reached it yet (unless recording it failed before).
 */
export function challengeRun(
  deps: Pick<ChallengeDeps, 'storage' | 'log'>,
  matchID: string,
  failed: ReadonlySet<string>,
): ChallengeRunWire {
  const sql = challengeTables(deps.storage);
  const row = MATCH_ID.test(matchID) ? sql.challenge.get(matchID) : undefined;
  if (!row) throw new HttpError(404, { code: 'challengeMatch.unknown', field: null });
  if (sql.byMatch.get(matchID) === undefined && !failed.has(matchID)) recordChallenge(deps, row);
  const recorded = sql.byMatch.get(matchID);
  if (!recorded) throw new HttpError(409, { code: 'challengeMatch.notOver', field: null });
  const e = toEntry(recorded);
  return { entry: { ...wireEntry(e), criticalBuffer: e.criticalBuffer } };
}

export function installChallengeApi(router: Router, deps: ChallengeDeps): ChallengeApi {
  const crash = (e: unknown) => deps.log('http-error', { message: (e as Error).message });
  const failed = new Set<string>();
  const sweep = () => sweepChallenges(deps, failed);

  router.get('/api/challenges', (ctx) => {
    ctx.body = challengeList(deps.storage);
  });
  router.post(
    '/api/challenges',
    handle(async (ctx) => {
      ctx.body = await createChallenge(deps, await readJson(ctx), ctx.origin);
      ctx.status = 201;
    }, crash),
  );
  router.get(
    '/api/challenges/matches/:matchID',
    handle(async (ctx) => {
      ctx.body = challengeRun(deps, ctx.params.matchID ?? '', failed);
    }, crash),
  );
  // Registered before ":scenario/leaderboard" (both have two segments).
  router.get(
    '/api/challenges/entries/:id',
    handle(async (ctx) => {
      ctx.body = challengeEntry(deps.storage, ctx.params.id ?? '');
    }, crash),
  );
  router.get(
    '/api/challenges/:scenario/leaderboard',
    handle(async (ctx) => {
      ctx.body = leaderboard(deps.storage, ctx.params.scenario ?? '');
    }, crash),
  );

  let timer: NodeJS.Timeout | null = null;
  return {
    sweep,
    start(intervalMs: number) {
      if (timer) return;
      sweep();
      timer = setInterval(() => sweep(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
