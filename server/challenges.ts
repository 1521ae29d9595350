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
import { type Scenario, SCENARIO_ID } from '../game/core/scenario';
import { SCENARIOS } from '../game/core/scenarios';
import { workshopCount } from '../game/core/setup';
import type { G } from '../game/core/types';
import { seatWorkshop } from '../game/core/world';
import type {
  ChallengeEntryWire,
  ChallengeWire,
  JoinedSeatWire,
  LeaderboardEntryWire,
  LeaderboardWire,
} from '../game/contract/api';
import { debriefData } from '../game/debrief/data';
import { type NotCounted, challengeSeed, challengeVerdict } from '../game/debrief/score';
import { namesInSeatOrder, seatNames } from './debrief';
import { HttpError, handle, readJson } from './http';
import { nameProblem } from './names';
import type { Logger } from './log';
import { createdSession, openSession, secretToken } from './sessions';
import type { Steward } from './steward';
import type { SqliteStorage } from './storage/sqlite';

/** Entries listed per part (valid, invalid) of a leaderboard. */
export const LEADERBOARD_LIMIT = 100;
export const ENTRY_ID = /^[0-9a-f]{16}$/;

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
  rounds: number;
  digest: string;
}

/** A reason in English (the API's `reason`, the logs). */
function reasonText(r: NotCounted): string {
  switch (r.kind) {
    case 'seed':
      return `not played on the challenge seed ${r.seed}`;
    case 'noRounds':
      return 'no round was played';
    case 'endedEarly':
      return `ended by the facilitator after ${r.played} of ${r.rounds} rounds`;
    case 'shocks':
      return `the facilitator injected shocks (round ${r.rounds.join(', ')})`;
    case 'unbounded':
      return (
        `the lateness kept growing (slope ${r.slope.toFixed(3)} h per round over rounds ${r.from}-${r.to}, ` +
        `above ${r.threshold.toFixed(3)})`
      );
  }
}

interface ChallengeRow {
  match_id: string;
  code: string;
  scenario: string;
  seed: string;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
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
    rounds: row.rounds,
    digest: row.digest,
  };
}

/** The leaderboard entry of a finished challenge match (everything but id and date). S-CH4, S-CH5. */
export function scoreChallenge(g: G, names: Readonly<Record<string, string>>, scenario: Scenario, seed: string) {
  const history = g.history;
  const criticalBuffer = g.config.criticalBuffer ?? scenario.criticalBuffer.value;
  const { score, notCounted: why } = challengeVerdict(history, g.config, criticalBuffer, seed);
  return {
    names: namesInSeatOrder(names),
    score: finite(score?.score),
    meanBin: finite(score?.meanBin),
    criticalBuffer,
    bounded: score?.bounded.bounded ?? false,
    valid: why.length === 0 && score !== null && score.valid && finite(score.score) !== null,
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

export function installChallengeApi(router: Router, deps: ChallengeDeps): ChallengeApi {
  const { storage, log, steward } = deps;
  const db = storage.db;
  db.exec(`
    CREATE TABLE IF NOT EXISTS challenges (
      match_id TEXT PRIMARY KEY,
      code TEXT NOT NULL,
      scenario TEXT NOT NULL,
      seed TEXT NOT NULL,
      kind TEXT NOT NULL,
      recorded INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS leaderboard (
      id TEXT PRIMARY KEY,
      match_id TEXT NOT NULL UNIQUE,
      scenario TEXT NOT NULL,
      seed TEXT NOT NULL,
      names TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      mean_bin REAL,
      critical_buffer REAL NOT NULL,
      score REAL,
      bounded INTEGER NOT NULL,
      valid INTEGER NOT NULL,
      reason TEXT,
      why TEXT NOT NULL DEFAULT '[]',
      rounds INTEGER NOT NULL,
      digest TEXT NOT NULL,
      debrief TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS leaderboard_rank ON leaderboard (scenario, valid, score);
  `);
  // Databases from before the structured reasons get the column (their old entries: no reasons as data).
  const hasWhy = (db.prepare('PRAGMA table_info(leaderboard)').all() as { name: string }[]).some(
    (c) => c.name === 'why',
  );
  if (!hasWhy) db.exec("ALTER TABLE leaderboard ADD COLUMN why TEXT NOT NULL DEFAULT '[]'");
  const columns =
    'id, scenario, seed, names, created_at, score, mean_bin, critical_buffer, bounded, valid, reason, why, rounds, digest';
  const sql = {
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
       bounded, valid, reason, why, rounds, digest, debrief) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
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
  const crash = (e: unknown) => log('http-error', { message: (e as Error).message });
  const origin = (ctx: { origin: string }) => deps.publicUrl ?? ctx.origin;
  const failed = new Set<string>();

  const scenarioOf = (id: unknown): Scenario => {
    const scenario = typeof id === 'string' ? SCENARIOS.get(id) : undefined;
    if (!scenario) throw new HttpError(400, `scenario must be one of ${[...SCENARIOS.keys()].join(', ')}`);
    return scenario;
  };

  /** Record one finished match; false when it was not over or already recorded. */
  const record = (row: ChallengeRow): boolean => {
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
    const write = db.transaction(() => {
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
        entry.rounds,
        entry.digest,
        debrief,
      );
      return true;
    });
    const recorded = write();
    if (recorded) log('challenge-recorded', { id, code: row.code, scenario: row.scenario, valid: entry.valid });
    return recorded;
  };

  const sweep = (): number => {
    let count = 0;
    for (const row of sql.due.all()) {
      if (failed.has(row.match_id)) continue;
      try {
        if (record(row)) count++;
      } catch (e) {
        // Logged once; retried after a restart.
        failed.add(row.match_id);
        log('challenge-record-error', { matchID: row.match_id, message: (e as Error).message });
      }
    }
    return count;
  };

  router.get('/api/challenges', (ctx) => {
    ctx.body = [...SCENARIOS.values()].map((s): ChallengeWire => {
      const best = sql.valid.get(s.id, 1);
      return {
        scenario: s.id,
        title: s.title,
        seed: challengeSeed(s.id),
        rounds: s.rounds,
        workshops: workshopCount(s.network),
        criticalBuffer: s.criticalBuffer.value,
        best: best ? { score: best.score, name: (JSON.parse(best.names) as string[]).join(', ') } : null,
      };
    });
  });

  router.post(
    '/api/challenges',
    handle(async (ctx) => {
      const body = await readJson(ctx);
      if (!isRecord(body))
        throw new HttpError(400, 'send {"scenario", "name"} to play alone or {"scenario", "players"} for a table');
      const solo = body.name !== undefined;
      if (solo && body.players !== undefined)
        throw new HttpError(400, 'send either "name" (play alone) or "players" (a table), not both');
      if (!solo && body.players === undefined)
        throw new HttpError(400, 'send {"scenario", "name"} to play alone or {"scenario", "players"} for a table');
      const allowed = solo ? ['scenario', 'name'] : ['scenario', 'players', 'roundSeconds'];
      const extra = Object.keys(body).find((k) => !allowed.includes(k));
      if (extra) throw new HttpError(400, `unknown field "${extra}"`);
      const scenario = scenarioOf(body.scenario);
      const workshops = workshopCount(scenario.network);
      const seed = challengeSeed(scenario.id);
      const setupData = {
        scenario: scenario.id,
        humanSeats: workshops,
        seed: { policy: 'fixed' as const, value: seed },
        // B6: the bots hold the players' mean bin, so the score is the players' own (no free ride).
        autopilot: 'mirror',
        ...(solo ? { roundSeconds: 0 } : body.roundSeconds !== undefined ? { roundSeconds: body.roundSeconds } : {}),
      };
      if (solo) {
        const problem = nameProblem(body.name);
        if (problem) throw new HttpError(400, problem);
        ctx.status = 201;
        ctx.body = await createSolo(scenario, (body.name as string).trim(), setupData, seed);
        return;
      }
      const players = body.players;
      if (typeof players !== 'number' || !Number.isInteger(players) || players < 1 || players > workshops) {
        throw new HttpError(
          400,
          `players must be a whole number from 1 to ${workshops} (the workshops of ${scenario.title})`,
        );
      }
      const { code, matchID, credentials } = openSession(deps, setupData, players);
      sql.addChallenge.run(matchID, code, scenario.id, seed, 'table', Date.now());
      log('challenge-created', { code, matchID, scenario: scenario.id, kind: 'table', players });
      ctx.status = 201;
      ctx.body = createdSession(origin(ctx), code, matchID, credentials);
    }, crash),
  );

  /** S-CH1: a solo challenge: the human's seat joined, the match started, every other seat on autopilot. */
  const createSolo = async (
    scenario: Scenario,
    name: string,
    setupData: Record<string, unknown> & { humanSeats: number },
    seed: string,
  ): Promise<JoinedSeatWire> => {
    const { code, matchID } = openSession(deps, setupData, 1);
    const seat = seatWorkshop(1, 1, setupData.humanSeats) + 1;
    const credentials = secretToken();
    const { metadata } = storage.fetch(matchID, { metadata: true });
    metadata!.players[seat] = { ...metadata!.players[seat], id: seat, name, credentials };
    storage.setMetadata(matchID, metadata!);
    sql.addChallenge.run(matchID, code, scenario.id, seed, 'solo', Date.now());
    await steward.move(matchID, 'start', []);
    const started = storage.rawState(matchID) as State<G> | undefined;
    if (started?.G.status !== 'playing') throw new Error(`challenge ${code} did not start`);
    // Every other workshop runs on autopilot from the first round (the steward would do it on its next pass).
    const others = started.G.workshops.map((w) => w.seat).filter((s): s is string => s !== null && s !== String(seat));
    if (others.length > 0) await steward.move(matchID, 'setPresence', [others, false]);
    const w = started.G.workshops[seat - 1]!;
    log('challenge-created', { code, matchID, scenario: scenario.id, kind: 'solo' });
    return { code, matchID, seat: String(seat), credentials, workshop: { index: seat - 1, id: w.id, name: w.name } };
  };

  // Registered before ":scenario/leaderboard" (both have two segments).
  router.get(
    '/api/challenges/entries/:id',
    handle(async (ctx) => {
      const id = ctx.params.id ?? '';
      if (!ENTRY_ID.test(id)) throw new HttpError(400, 'an entry id is 16 hexadecimal digits');
      const row = sql.entry.get(id);
      if (!row) throw new HttpError(404, `no leaderboard entry has the id ${id}`);
      ctx.body = { entry: toEntry(row), debrief: JSON.parse(row.debrief) as unknown } satisfies ChallengeEntryWire;
    }, crash),
  );

  router.get(
    '/api/challenges/:scenario/leaderboard',
    handle(async (ctx) => {
      const id = ctx.params.scenario ?? '';
      const scenario = SCENARIO_ID.test(id) ? SCENARIOS.get(id) : undefined;
      if (!scenario) throw new HttpError(404, `no challenge for the scenario "${id.slice(0, 40)}"`);
      const rows = [...sql.valid.all(id, LEADERBOARD_LIMIT), ...sql.invalid.all(id, LEADERBOARD_LIMIT)];
      const body: LeaderboardWire = {
        scenario: id,
        seed: challengeSeed(id),
        entries: rows.map((r) => {
          const e = toEntry(r);
          return {
            id: e.id,
            names: e.names,
            date: e.date,
            score: e.score,
            meanBin: e.meanBin,
            bounded: e.bounded,
            valid: e.valid,
            reason: e.reason,
            why: e.why,
            rounds: e.rounds,
          };
        }),
      };
      ctx.body = body;
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
