/**
 * The session API (docs/API.md): create a session (a boardgame.io match with a short join
 * code), read it, join a seat, leave it, and the join link's QR code. Every workshop is a seat;
 * joiners are spread over the network; credentials go only to the joiner.
 */
import { randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import type { Game, Server } from 'boardgame.io';
import { createMatch } from 'boardgame.io/internal';
import QRCode from 'qrcode';
import { SCENARIOS } from '../game/core/scenarios';
import { parseSetupData, workshopCount } from '../game/core/setup';
import type { G } from '../game/core/types';
import { seatWorkshop } from '../game/core/world';
import { isRecord } from '../game/core/schema';
import { holdsSeat } from './credentials';
import {
  CREATE_SESSION_FIELDS,
  type CreatedSession,
  type JoinedSeatWire,
  type LeftSeat,
  type ScenarioWire,
  type SessionWire,
} from '../game/contract/api';
import { CODE_ALPHABET, CODE_LENGTH, CODE_PATTERN } from '../game/contract/codes';
import { sessionPath } from '../game/contract/routes';
import { HttpError, handle, readJson } from './http';
import { parseTableRequest, requireName, setupRefusal } from './sessionRequest';
import type { Logger } from './log';
import type { SqliteStorage } from './storage/sqlite';
import { perStore } from './storage/statements';

export const secretToken = (bytes = 16) => randomBytes(bytes).toString('hex');

function newCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export interface SessionRow {
  code: string;
  match_id: string;
  players: number;
}

export interface SessionDeps {
  readonly game: Game<G>;
  readonly storage: SqliteStorage;
  readonly log: Logger;
  /** The origin players use in links (from the request's Host when not configured). */
  readonly publicUrl?: string;
}

function prepareSessions(storage: SqliteStorage) {
  const db = storage.db;
  return {
    insert: db.prepare('INSERT INTO sessions (code, match_id, players, created_at) VALUES (?, ?, ?, ?)'),
    byCode: db.prepare<[string], SessionRow>('SELECT code, match_id, players FROM sessions WHERE code = ?'),
    byMatch: db.prepare<[string], { code: string }>('SELECT code FROM sessions WHERE match_id = ?'),
  };
}

/** The statements on a store's sessions table (storage/schema.ts), prepared once per store. */
const sessionsTable = perStore(prepareSessions);

/** The session of a join code: 400 for a malformed code, 404 for an unknown one, 410 when its match is gone. */
export function findSession(storage: SqliteStorage, code: string): SessionRow {
  if (!CODE_PATTERN.test(code))
    throw new HttpError(400, { code: 'code.malformed', field: 'code', length: CODE_LENGTH });
  const row = sessionsTable(storage).byCode.get(code);
  if (!row) throw new HttpError(404, { code: 'session.unknown', field: 'code', joinCode: code });
  if (!storage.fetch(row.match_id, { metadata: true }).metadata)
    throw new HttpError(410, { code: 'session.gone', field: null, joinCode: code });
  return row;
}

/**
 * Create a session's match from setupData (validated here: 400 with the reason), seat 0 holding
 * fresh facilitator credentials, and its join code. `players` is the number of people expected.
 */
export function openSession(
  deps: Pick<SessionDeps, 'game' | 'storage'>,
  setupData: Record<string, unknown> & { humanSeats: number },
  players: number,
): { code: string; matchID: string; credentials: string } {
  const { game, storage } = deps;
  const table = sessionsTable(storage);
  const plan = parseSetupData(setupData);
  if (!plan.ok) throw new HttpError(400, setupRefusal(setupData, plan.error.replace(/^setupData\./, '')));
  const match = createMatch({ game, numPlayers: setupData.humanSeats + 1, setupData, unlisted: true });
  if ('setupDataError' in match) throw new HttpError(400, setupRefusal(setupData, String(match.setupDataError)));
  const matchID = secretToken(8);
  const credentials = secretToken();
  match.metadata.players[0] = { id: 0, name: 'Facilitator', credentials };
  storage.createMatch(matchID, { initialState: match.initialState, metadata: match.metadata });
  let code = newCode();
  while (table.byCode.get(code)) code = newCode();
  table.insert.run(code, matchID, players, Date.now());
  return { code, matchID, credentials };
}

/** The answer to a created session (or table challenge): the facilitator's seat 0 and the links. */
export function createdSession(origin: string, code: string, matchID: string, credentials: string): CreatedSession {
  return {
    code,
    matchID,
    seat: '0',
    credentials,
    joinUrl: `${origin}${sessionPath('join', code)}`,
    facilitatorUrl: `${origin}${sessionPath('facilitate', code)}`,
  };
}

/** Open a table's session and the 201 reply: the facilitator's seat, credentials and links. */
export function openTable(
  deps: Pick<SessionDeps, 'game' | 'storage' | 'publicUrl'>,
  requestOrigin: string,
  setupData: Record<string, unknown> & { humanSeats: number },
  players: number,
): { code: string; matchID: string; reply: CreatedSession } {
  const { code, matchID, credentials } = openSession(deps, setupData, players);
  return { code, matchID, reply: createdSession(deps.publicUrl ?? requestOrigin, code, matchID, credentials) };
}

/** GET /api/scenarios: every scenario's summary. */
export function scenarioList(): ScenarioWire[] {
  return [...SCENARIOS.values()].map((s) => ({
    id: s.id,
    title: s.title,
    story: s.story,
    learningGoal: s.learningGoal,
    questions: s.questions,
    workshops: workshopCount(s.network),
    rounds: s.rounds,
    criticalBuffer: s.criticalBuffer.value,
    mechanics: s.mechanics,
    trouble: s.trouble,
    hasNewRoad: s.newRoad.length > 0,
  }));
}

/** POST /api/sessions: open a table on a random seed (400 with the refusal otherwise). */
export function createSession(deps: SessionDeps, body: unknown, requestOrigin: string): CreatedSession {
  const { scenario, workshops, players, options } = parseTableRequest(
    body,
    { code: 'body.shape', field: null, expected: ['scenario', 'players', 'rounds', 'roundSeconds'] },
    CREATE_SESSION_FIELDS.filter((field) => field !== 'scenario' && field !== 'players'),
  );
  const setupData = { scenario: scenario.id, humanSeats: workshops, ...options, seed: { policy: 'random' as const } };
  const { code, matchID, reply } = openTable(deps, requestOrigin, setupData, players);
  deps.log('session-created', { code, matchID, scenario: scenario.id, players, workshops });
  return reply;
}

/** GET /api/sessions/:code: the session as everyone may see it. */
export function sessionInfo(storage: SqliteStorage, code: string): SessionWire {
  const row = findSession(storage, code);
  const { metadata, state } = storage.fetch(row.match_id, { metadata: true, state: true });
  const g = state.G as G;
  return {
    code: row.code,
    matchID: row.match_id,
    scenario: {
      id: g.config.scenarioId,
      title: g.config.title,
      learningGoal: SCENARIOS.get(g.config.scenarioId)?.learningGoal ?? '',
    },
    workshops: g.config.workshops,
    rounds: g.config.rounds,
    roundSeconds: g.config.roundSeconds,
    expectedPlayers: row.players,
    status: g.status,
    round: g.round,
    players: Object.values(metadata.players)
      .filter((p) => p.id !== 0 && p.name !== undefined)
      .map((p) => ({ seat: String(p.id), name: p.name!, connected: Boolean(p.isConnected) })),
  };
}

/** The seat a joiner takes: the expected players spread over the network first, then the rest in order. */
function freeSeat(metadata: Server.MatchData, players: number, workshops: number): number | undefined {
  const order = [
    ...Array.from({ length: players }, (_, k) => seatWorkshop(k + 1, players, workshops) + 1),
    ...Array.from({ length: workshops }, (_, i) => i + 1),
  ];
  return order.find((s) => metadata.players[s]?.name === undefined);
}

/** POST /api/sessions/:code/join: a seat and its fresh credentials for `{name}`. */
export function joinSession(deps: Pick<SessionDeps, 'storage' | 'log'>, code: string, body: unknown): JoinedSeatWire {
  const { storage } = deps;
  const row = findSession(storage, code);
  const name = requireName(isRecord(body) ? body.name : undefined);
  const { metadata, state } = storage.fetch(row.match_id, { metadata: true, state: true });
  if (state.ctx.gameover !== undefined) throw new HttpError(409, { code: 'session.ended', field: null });
  const g = state.G as G;
  const seat = freeSeat(metadata, row.players, g.config.workshops);
  if (seat === undefined) throw new HttpError(409, { code: 'session.full', field: null });
  const credentials = secretToken();
  metadata.players[seat] = { ...metadata.players[seat], id: seat, name, credentials };
  storage.setMetadata(row.match_id, metadata);
  deps.log('seat-joined', { code: row.code, seat });
  const w = g.workshops[seat - 1];
  return {
    code: row.code,
    matchID: row.match_id,
    seat: String(seat),
    credentials,
    workshop: w ? { index: seat - 1, id: w.id, name: w.name } : { index: seat - 1, id: null, name: null },
  };
}

/** POST /api/sessions/:code/leave: free a workshop seat its credentials hold (403 otherwise). */
export function leaveSession(deps: Pick<SessionDeps, 'storage' | 'log'>, code: string, body: unknown): LeftSeat {
  const { storage } = deps;
  const row = findSession(storage, code);
  if (!isRecord(body) || typeof body.seat !== 'string' || typeof body.credentials !== 'string')
    throw new HttpError(400, { code: 'body.shape', field: null, expected: ['seat', 'credentials'] });
  const { metadata } = storage.fetch(row.match_id, { metadata: true });
  const seat = Number(body.seat);
  if (!Number.isInteger(seat) || seat < 1 || !holdsSeat(metadata, seat, body.credentials))
    throw new HttpError(403, { code: 'seat.credentials', field: null });
  metadata.players[seat] = { id: seat };
  storage.setMetadata(row.match_id, metadata);
  deps.log('seat-left', { code: row.code, seat });
  return { ok: true };
}

/** GET /api/sessions/:code/qr.svg: the join link as an SVG QR code. */
export function joinQr(storage: SqliteStorage, code: string, origin: string): Promise<string> {
  const row = findSession(storage, code);
  return QRCode.toString(`${origin}${sessionPath('join', row.code)}`, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
  });
}

/** Install the session API; returns whether a match belongs to a session (has a join code). */
export function installSessionApi(router: Router, deps: SessionDeps): (matchID: string) => boolean {
  const { storage, log } = deps;
  const crash = (e: unknown) => log('http-error', { message: (e as Error).message });

  router.get('/api/scenarios', (ctx) => {
    ctx.body = scenarioList();
  });
  router.post(
    '/api/sessions',
    handle(async (ctx) => {
      const body = await readJson(ctx);
      ctx.body = createSession(deps, body, ctx.origin);
      ctx.status = 201;
    }, crash),
  );
  router.get(
    '/api/sessions/:code',
    handle(async (ctx) => {
      ctx.body = sessionInfo(storage, ctx.params.code ?? '');
    }, crash),
  );
  router.post(
    '/api/sessions/:code/join',
    handle(async (ctx) => {
      // The code first: an unknown code answers 404 whatever the body.
      findSession(storage, ctx.params.code ?? '');
      ctx.body = joinSession(deps, ctx.params.code ?? '', await readJson(ctx));
    }, crash),
  );
  router.post(
    '/api/sessions/:code/leave',
    handle(async (ctx) => {
      findSession(storage, ctx.params.code ?? '');
      ctx.body = leaveSession(deps, ctx.params.code ?? '', await readJson(ctx));
    }, crash),
  );
  router.get(
    '/api/sessions/:code/qr.svg',
    handle(async (ctx) => {
      const svg = await joinQr(storage, ctx.params.code ?? '', deps.publicUrl ?? ctx.origin);
      ctx.type = 'image/svg+xml';
      ctx.body = svg;
    }, crash),
  );
  const { byMatch } = sessionsTable(storage);
  return (matchID: string) => byMatch.get(matchID) !== undefined;
}
