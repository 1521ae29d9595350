/**
 * Helpers for the server tests: a real server (startApp) on a free port with a temporary data
 * folder, real HTTP (fetch), real boardgame.io socket clients, and polling waits (no fixed sleeps).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { State } from 'boardgame.io';
import { afterAll, beforeAll } from 'vitest';
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { startApp, type AppOptions, type RunningApp } from '../../server/app';
import { silentLogger } from '../../server/log';
import { createGame, viewGame } from '../../game/core/game';
import type { FacilitatorView, SeatView, View } from '../../game/core/view';
import type { Decision, G } from '../../game/core/types';

export type { FacilitatorView, SeatView, View };

export interface TestApp extends RunningApp {
  readonly dataDir: string;
}

/** Start the whole server on a free port; `dataDir` reuses a folder (restart tests). */
export async function startTestApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kc-server-')));
  const app = await startApp({
    port: 0,
    log: silentLogger,
    graceMs: 300,
    tickMs: 40,
    ...options,
    dataDir,
  });
  return { ...app, close: app.close, dataDir };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * One real server for a test file (or a describe block): started before its tests, stopped after
 * them with every socket client of connectSeat and its data folder. `set` receives the app;
 * `cleanUp` runs first at the end (the security suite closes its raw sockets there).
 */
export function withTestApp(
  set: (app: TestApp) => void,
  options: Partial<AppOptions> = {},
  cleanUp: () => void = () => {},
): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(options);
    set(app);
  });
  afterAll(async () => {
    cleanUp();
    stopAllClients();
    if (!app) return;
    await app.close();
    await removeDir(app.dataDir);
  });
}

export interface Reply<T = unknown> {
  readonly status: number;
  readonly type: string;
  readonly json: T;
  readonly text: string;
}

/** One HTTP request; a body object is sent as JSON unless a raw string body is given. */
export async function api<T = Record<string, unknown>>(
  app: { url: string },
  path: string,
  init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  let body: string | undefined;
  if (init.raw !== undefined) body = init.raw;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${app.url}${path}`, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, type: response.headers.get('content-type') ?? '', json: json as T, text };
}

export interface Created {
  code: string;
  matchID: string;
  seat: string;
  credentials: string;
  joinUrl: string;
  facilitatorUrl: string;
}

export interface Joined {
  code: string;
  matchID: string;
  seat: string;
  credentials: string;
  workshop: { index: number; id: string | null; name: string | null };
}

export async function createSession(app: { url: string }, body: Record<string, unknown>): Promise<Created> {
  const reply = await api<Created>(app, '/api/sessions', { body });
  if (reply.status !== 201) throw new Error(`create failed: ${reply.status} ${reply.text}`);
  return reply.json;
}

export async function joinSession(app: { url: string }, code: string, name: string): Promise<Joined> {
  const reply = await api<Joined>(app, `/api/sessions/${code}/join`, { body: { name } });
  if (reply.status !== 200) throw new Error(`join failed: ${reply.status} ${reply.text}`);
  return reply.json;
}

/** Wait until `probe` returns a value other than undefined/false; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 5000,
  intervalMs = 20,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${String(last)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

type GameClient = ReturnType<typeof Client<View>>;

/** A started socket client for one seat; `view` is the seat's G (its playerView). */
export interface SeatClient {
  readonly client: GameClient;
  readonly seat: string;
  state(): State | null;
  view<V extends View = View>(): V | null;
  /** Wait until the view satisfies `check`. */
  until<V extends View = View>(check: (view: V) => boolean, what: string, timeoutMs?: number): Promise<V>;
  move(name: string, ...args: unknown[]): void;
  stop(): void;
}

const started = new Set<SeatClient>();

export function connectSeat(
  app: { url: string },
  match: { matchID: string; seat: string; credentials?: string },
): SeatClient {
  const client = Client<View>({
    game: viewGame(createGame()),
    multiplayer: SocketIO({ server: app.url }),
    matchID: match.matchID,
    playerID: match.seat,
    ...(match.credentials !== undefined ? { credentials: match.credentials } : {}),
    debug: false,
  });
  client.start();
  const seatClient: SeatClient = {
    client,
    seat: match.seat,
    state: () => client.getState() as State | null,
    view: <V extends View>() => (client.getState()?.G as V | undefined) ?? null,
    until: <V extends View>(check: (view: V) => boolean, what: string, timeoutMs = 5000) =>
      waitFor(
        () => {
          const v = client.getState()?.G as V | undefined;
          return v !== undefined && check(v) ? v : undefined;
        },
        `seat ${match.seat}: ${what}`,
        timeoutMs,
      ),
    move: (name, ...args) => {
      const fn = client.moves[name];
      if (!fn) throw new Error(`no move ${name}`);
      fn(...args);
    },
    stop: () => {
      started.delete(seatClient);
      client.stop();
    },
  };
  started.add(seatClient);
  return seatClient;
}

/** Stop every client still running (afterEach). */
export function stopAllClients(): void {
  for (const c of [...started]) c.stop();
}

/** A decision for a seat's view: every input's bin set to `bin` (within the scenario's maximum). */
export function decision(view: SeatView, bin: number): Decision {
  return { round: view.round, bins: view.me.suppliers.map(() => bin), kaizenFace: null, help: null, suppliers: null };
}

/** The server's stored state of a match (raw, server-side). */
export function rawState(app: RunningApp, matchID: string): State<G> {
  const state = app.storage.rawState(matchID);
  if (!state) throw new Error(`no match ${matchID}`);
  return state as State<G>;
}

/**
 * Let wall-clock time pass. Only for waits that are about time itself (a grace period, a clock
 * that must run out, a window in which nothing may happen); to wait for something to happen use
 * `waitFor`, a seat's `until` or `upToDate`.
 */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Wait until every client holds the server's latest state of the match (no update still on its way to them). */
export function upToDate(app: RunningApp, matchID: string, ...seats: SeatClient[]): Promise<true> {
  return waitFor(
    () => seats.every((c) => c.state()?._stateID === rawState(app, matchID)._stateID),
    `${seats.map((c) => `seat ${c.seat}`).join(', ')} up to date`,
  );
}
