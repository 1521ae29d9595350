/**
 * The debrief API (docs/API.md "Debrief"): a session's whole history and its counterfactuals,
 * computed on the server from the full state (the seed stays here: counterfactuals replay the
 * same dice, which a client could not do without learning the seed).
 *
 * Access (docs/SECURITY.md, S-DBF rules): the caller proves a seat with its credentials
 * (server/credentials.ts: constant time); the facilitator (seat "0") any time after the start, a player only
 * once the game is over, because during play the debrief would show other workshops' hidden state.
 */
import { Worker } from 'node:worker_threads';
import type Router from '@koa/router';
import type { Server, State } from 'boardgame.io';
import {
  type CompactRound,
  type CounterfactualSpec,
  compactHistory,
  counterfactual,
} from '../game/debrief/counterfactual';
import type { CounterfactualWire } from '../game/contract/api';
import { debriefData } from '../game/debrief/data';
import type { DebriefData } from '../game/debrief/types';
import { FACILITATOR, type G } from '../game/core/types';
import { isRecord } from '../game/core/schema';
import { holdsSeat } from './credentials';
import { HttpError, handle, readJson } from './http';
import type { FromWorker, ToWorker } from './counterfactualWorker';
import type { Logger } from './log';
import { findSession } from './sessions';
import type { SqliteStorage } from './storage/sqlite';

export interface DebriefDeps {
  readonly storage: SqliteStorage;
  readonly log: Logger;
  /** Entries kept by each cache (debriefs, counterfactuals). */
  readonly cacheSize?: number;
  /** Replays estimated to take longer than this run in a worker thread (default 20 ms; 0: always). */
  readonly inProcessMs?: number;
}

/** A small least-recently-used cache (a Map keeps insertion order). */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
  get length(): number {
    return this.map.size;
  }
}

/** Names of the humans holding workshop seats, by seat (the facilitator's seat is not a workshop). */
export function seatNames(metadata: Server.MatchData): Record<string, string> {
  const names: Record<string, string> = {};
  for (const p of Object.values(metadata.players)) {
    if (String(p.id) !== FACILITATOR && typeof p.name === 'string') names[String(p.id)] = p.name;
  }
  return names;
}

/** The workshop seat names in seat order (a leaderboard entry's names). */
export function namesInSeatOrder(names: Readonly<Record<string, string>>): string[] {
  return Object.keys(names)
    .sort((a, b) => Number(a) - Number(b))
    .map((seat) => names[seat]!);
}

/** The seat a caller proves: `{seat, credentials}` (400 malformed, 401 wrong credentials). */
export function authenticate(body: unknown, metadata: Server.MatchData, allowed: readonly string[]): string {
  if (!isRecord(body) || typeof body.seat !== 'string' || typeof body.credentials !== 'string') {
    throw new HttpError(400, { code: 'body.shape', field: null, expected: ['seat', 'credentials', ...allowed] });
  }
  const extra = Object.keys(body).find((k) => !['seat', 'credentials', ...allowed].includes(k));
  if (extra) throw new HttpError(400, { code: 'body.unknownField', field: null, name: extra.slice(0, 40) });
  const seat = body.seat;
  if (!/^\d{1,3}$/.test(seat)) throw new HttpError(400, { code: 'seat.malformed', field: 'seat' });
  if (!holdsSeat(metadata, Number(seat), body.credentials))
    throw new HttpError(401, { code: 'seat.credentials', field: null });
  return seat;
}

/** S-DBF1: the facilitator after the start; a player once the game is over. */
export function checkAccess(seat: string, g: G): void {
  if (g.status === 'setup') throw new HttpError(403, { code: 'debrief.notStarted', field: null });
  if (seat !== FACILITATOR && g.status !== 'over') throw new HttpError(403, { code: 'debrief.notOver', field: null });
}

/** Parse a counterfactual spec for this match (400 with the reason). */
export function parseSpec(raw: unknown, g: G): CounterfactualSpec {
  if (!isRecord(raw)) throw new HttpError(400, { code: 'spec.shape', field: 'spec' });
  const fields: Record<string, string[]> = {
    actual: ['kind'],
    bots: ['kind'],
    uniform: ['kind', 'bin'],
    raise: ['kind', 'workshop', 'bin'],
  };
  const kind =
    typeof raw.kind === 'string' && Object.hasOwn(fields, raw.kind) ? (raw.kind as CounterfactualSpec['kind']) : null;
  if (kind === null) throw new HttpError(400, { code: 'spec.kind', field: 'spec.kind' });
  const allowed = fields[kind]!;
  const extra = Object.keys(raw).find((k) => !allowed.includes(k));
  if (extra) throw new HttpError(400, { code: 'spec.fields', field: 'spec', kind, allowed, name: extra.slice(0, 40) });
  const { maxBin } = g.config;
  const bin = (value: unknown): number => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > maxBin)
      throw new HttpError(400, { code: 'spec.bin', field: 'spec.bin', max: maxBin });
    return value;
  };
  if (kind === 'actual' || kind === 'bots') return { kind };
  if (kind === 'uniform') {
    // The default: 1.25 times the critical buffer (the contract's), within the scenario's maximum.
    if (raw.bin === undefined && g.config.criticalBuffer !== null)
      return { kind, bin: Math.min(maxBin, 1.25 * g.config.criticalBuffer) };
    return { kind, bin: bin(raw.bin) };
  }
  const n = g.workshops.length;
  const w = raw.workshop;
  if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w >= n)
    throw new HttpError(400, { code: 'spec.workshop', field: 'spec.workshop', max: n - 1 });
  return { kind, workshop: w, bin: bin(raw.bin) };
}

/**
 * Estimated milliseconds of a replay on this machine's class of CPU: per workshop-round about
 * 5 us as played, 35 us with every workshop on autopilot (measured on 60 workshops x 40 rounds,
 * docs/API.md "Debrief").
 */
export function replayEstimateMs(g: G, spec: CounterfactualSpec): number {
  return (g.workshops.length * g.history.length * (spec.kind === 'bots' ? 35 : 5)) / 1000;
}

/**
 * Runs replays: small ones in-process, long ones in one worker thread (started on first use,
 * tsx registered inside it as in server/cli/pool.ts), so a long replay never stalls other matches.
 * If the worker cannot run, the replay runs in-process.
 */
export class ReplayRunner {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(r: CompactRound[]): void; reject(e: Error): void }>();

  constructor(
    private readonly inProcessMs: number,
    private readonly log: Logger,
  ) {}

  async run(g: G, spec: CounterfactualSpec): Promise<{ rounds: CompactRound[]; where: 'process' | 'worker' }> {
    if (replayEstimateMs(g, spec) < this.inProcessMs)
      return { rounds: compactHistory(counterfactual(g, spec)), where: 'process' };
    try {
      return { rounds: await this.inWorker(g, spec), where: 'worker' };
    } catch (e) {
      this.log('counterfactual-worker-error', { message: (e as Error).message });
      return { rounds: compactHistory(counterfactual(g, spec)), where: 'process' };
    }
  }

  private inWorker(g: G, spec: CounterfactualSpec): Promise<CompactRound[]> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, g, spec } satisfies ToWorker);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const target = new URL('./counterfactualWorker.ts', import.meta.url).href;
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
    const worker = new Worker(bootstrap, { eval: true });
    worker.unref();
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('message', (message: FromWorker) => {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.type === 'result') p.resolve(message.rounds);
      else p.reject(new Error(message.message));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the counterfactual worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

interface Loaded {
  readonly matchID: string;
  readonly state: State<G>;
  readonly metadata: Server.MatchData;
  readonly seat: string;
}

export interface DebriefService {
  /** POST /api/sessions/:code/debrief: the session's DebriefData for a caller the access rule lets in. */
  debrief(code: string, body: unknown): DebriefData;
  /** POST /api/sessions/:code/counterfactual: a replay of the session on the same dice. */
  counterfactual(code: string, body: unknown): Promise<CounterfactualWire>;
  close(): Promise<void>;
}

/** The debrief and counterfactual services over a store, with their caches and replay runner. */
export function debriefService(deps: DebriefDeps): DebriefService {
  const { storage, log } = deps;
  const debriefs = new Lru<DebriefData>(deps.cacheSize ?? 32);
  const counterfactuals = new Lru<CompactRound[]>(deps.cacheSize ?? 64);
  // Requests for a replay already running wait for it instead of starting another.
  const running = new Map<string, Promise<CompactRound[]>>();
  const runner = new ReplayRunner(deps.inProcessMs ?? 20, log);

  /** The session's full state after authenticating the caller and checking the access rule. */
  const load = (code: string, body: unknown, allowed: readonly string[]): Loaded => {
    const row = findSession(storage, code);
    const { state, metadata } = storage.fetch(row.match_id, { state: true, metadata: true });
    if (!state || !metadata) throw new HttpError(410, { code: 'session.gone', field: null, joinCode: code });
    const seat = authenticate(body, metadata, allowed);
    checkAccess(seat, (state as State<G>).G);
    return { matchID: row.match_id, state: state as State<G>, metadata, seat };
  };

  /** A replay, from the cache, from the same replay already running, or started now. */
  const replay = (
    matchID: string,
    seat: string,
    g: G,
    spec: CounterfactualSpec,
    key: string,
  ): Promise<CompactRound[]> => {
    const cached = counterfactuals.get(key);
    if (cached) return Promise.resolve(cached);
    let job = running.get(key);
    if (!job) {
      const started = performance.now();
      job = runner.run(g, spec).then(({ rounds, where }) => {
        counterfactuals.set(key, rounds);
        const ms = Math.round(performance.now() - started);
        log('counterfactual', { matchID, seat, kind: spec.kind, rounds: rounds.length, where, ms });
        return rounds;
      });
      running.set(key, job);
      void job.finally(() => running.delete(key)).catch(() => {});
    }
    return job;
  };

  return {
    debrief(code, body) {
      const { matchID, state, metadata, seat } = load(code, body, []);
      const key = `${matchID}:${state._stateID}`;
      let data = debriefs.get(key);
      if (!data) {
        data = debriefData(state.G, seatNames(metadata));
        debriefs.set(key, data);
      }
      log('debrief', { matchID, seat, status: state.G.status });
      return data;
    },
    async counterfactual(code, body) {
      const { matchID, state, seat } = load(code, body, ['spec']);
      const spec = parseSpec((body as { spec?: unknown }).spec, state.G);
      const rounds = await replay(matchID, seat, state.G, spec, `${matchID}:${state._stateID}:${JSON.stringify(spec)}`);
      return { spec, rounds };
    },
    close: () => runner.close(),
  };
}

export function installDebriefApi(router: Router, deps: DebriefDeps): { close(): Promise<void> } {
  const service = debriefService(deps);
  const crash = (e: unknown) => deps.log('http-error', { message: (e as Error).message });
  router.post(
    '/api/sessions/:code/debrief',
    handle(async (ctx) => {
      ctx.body = service.debrief(ctx.params.code ?? '', await readJson(ctx));
    }, crash),
  );
  router.post(
    '/api/sessions/:code/counterfactual',
    handle(async (ctx) => {
      ctx.body = await service.counterfactual(ctx.params.code ?? '', await readJson(ctx));
    }, crash),
  );
  return { close: () => service.close() };
}
