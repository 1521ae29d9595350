/**
 * `npm run bench:server -- [--matches N] [--seats M] [--rounds R] [--think MIN-MAX|MS] [--scenario ID] [--seed S]
 * [--only kc|baseline] [--cpu-prof DIR]`:
 * the game server under load, recorded in docs/PERFORMANCE.md ("Server").
 *
 * The server runs as a child process (this file with `--serve kc|baseline`, forked with the same
 * tsx loader), so its CPU and memory are its own: the child answers a `stats` message over the
 * fork IPC channel with `process.cpuUsage()`, `process.memoryUsage().rss` and
 * `process.resourceUsage().maxRSS`. The load runs in this process: N matches, each with a
 * facilitator and M headless players (boardgame.io `Client` + `SocketIO`), created through the
 * session API; the facilitator starts and every player commits each round after a think time
 * drawn from a seeded stream. Bytes per update are the `JSON.stringify` length of the arguments
 * of every `update`/`patch` message a player's socket receives (`socket.onAny`), i.e. the payload
 * without Socket.IO's few framing bytes.
 *
 * The same load then runs against a baseline: a minimal boardgame.io game (one `commit` move,
 * `client: false`, no rules; the turn ends when every seat has committed) on a plain boardgame.io
 * Server with the same storage class (SqliteStorage). Everything is bounded: a match with no
 * progress for 10 s counts as stalled and is dropped, and the whole run stops after --timeout s.
 * Smoke run: `npm run bench:server -- --matches 4 --seats 4 --rounds 3`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Game, State } from 'boardgame.io';
import { Client } from 'boardgame.io/client';
import { INVALID_MOVE } from 'boardgame.io/core';
import { SocketIO } from 'boardgame.io/multiplayer';
import { Server } from 'boardgame.io/server';
import { formatTable } from '../server/cli/table';

type Kind = 'kc' | 'baseline';

// ---------------------------------------------------------------------------------------------
// The baseline game: one commit per seat per round, nothing else.

interface BaseG {
  round: number;
  rounds: number;
  committed: Record<string, boolean>;
}

const BASELINE = 'baseline';

const baselineGame: Game<BaseG> = {
  name: BASELINE,
  setup: ({ ctx }, setupData?: { rounds?: number }) => {
    void ctx;
    return { round: 1, rounds: setupData?.rounds ?? 30, committed: {} };
  },
  turn: {
    activePlayers: { all: 'act' },
    stages: { act: {} },
    endIf: ({ G, ctx }) => Object.keys(G.committed).length >= ctx.numPlayers,
    onEnd: ({ G }) => {
      G.committed = {};
      G.round += 1;
    },
  },
  endIf: ({ G }) => (G.round > G.rounds ? { over: true } : undefined),
  moves: {
    commit: {
      move: ({ G, playerID }, round: number): typeof INVALID_MOVE | void => {
        if (round !== G.round || G.committed[playerID]) return INVALID_MOVE;
        G.committed[playerID] = true;
      },
      client: false,
      ignoreStaleStateID: true,
    },
  },
};

// ---------------------------------------------------------------------------------------------
// The child: a server and its statistics over IPC.

interface Stats {
  cpuMicros: number;
  rss: number;
  maxRss: number;
}

function stats(): Stats {
  const cpu = process.cpuUsage();
  return {
    cpuMicros: cpu.user + cpu.system,
    rss: process.memoryUsage().rss,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

async function serve(kind: Kind): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), `kc-bench-${kind}-`));
  let close: () => Promise<void>;
  let port: number;
  if (kind === 'kc') {
    const { startApp } = await import('../server/app');
    const { silentLogger } = await import('../server/log');
    // Every simulated classroom connects from 127.0.0.1: the limits per address (connections,
    // join-code and creation requests) would count them all as one; the limits per socket stay.
    const off = { burst: Infinity, perSecond: 1 };
    const app = await startApp({
      port: 0,
      dataDir,
      log: silentLogger,
      clientDir: join(dataDir, 'no-client'),
      limits: { connectionsPerAddress: Infinity, codeRequests: off, creations: off, wrongCodes: off },
    });
    port = app.port;
    close = () => app.close();
  } else {
    const { SqliteStorage } = await import('../server/storage/sqlite');
    const storage = new SqliteStorage({ dataDir, sanitiseInitialState: (s) => s });
    const server = Server({ games: [baselineGame], db: storage, origins: ['http://127.0.0.1'] });
    const running = await server.run({ port: 0 });
    port = (running.appServer.address() as { port: number }).port;
    close = async () => {
      server.kill(running);
      storage.close();
    };
  }
  process.on('message', (msg: { type: string }) => {
    if (msg.type === 'stats') process.send!({ type: 'stats', stats: stats() });
    if (msg.type === 'stop') {
      void close().finally(() => {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
    }
  });
  process.send!({ type: 'ready', port });
}

class Child {
  private constructor(
    readonly proc: ChildProcess,
    readonly url: string,
  ) {}

  static async start(kind: Kind, cpuProf: string | null): Promise<Child> {
    const proc = fork(fileURLToPath(import.meta.url), ['--serve', kind], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: cpuProf ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : process.execArgv,
      // Both servers run as `npm start` runs one (server/main.ts): production unless told otherwise.
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
    });
    const port = await new Promise<number>((resolve, reject) => {
      proc.once('error', reject);
      proc.once('exit', (code) => reject(new Error(`server exited (${code})`)));
      proc.on('message', (m: { type: string; port?: number }) => {
        if (m.type === 'ready') resolve(m.port!);
      });
    });
    return new Child(proc, `http://127.0.0.1:${port}`);
  }

  stats(): Promise<Stats> {
    return new Promise((resolve) => {
      const on = (m: { type: string; stats?: Stats }) => {
        if (m.type !== 'stats') return;
        this.proc.off('message', on);
        resolve(m.stats!);
      };
      this.proc.on('message', on);
      this.proc.send({ type: 'stats' });
    });
  }

  async stop(): Promise<void> {
    this.proc.removeAllListeners('exit');
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.send({ type: 'stop' });
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// The load.

interface Options {
  matches: number;
  seats: number;
  rounds: number;
  thinkMin: number;
  thinkMax: number;
  scenario: string;
  seed: number;
  timeoutS: number;
  /** Write a V8 CPU profile of each server child into this directory (node --cpu-prof). */
  cpuProf: string | null;
  /** Run one server only. */
  only: Kind | null;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    matches: 50,
    seats: 16,
    rounds: 30,
    thinkMin: 200,
    thinkMax: 800,
    scenario: 'spot-market',
    seed: 1,
    timeoutS: 600,
    cpuProf: null,
    only: null,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]!;
    const value = argv[i + 1] ?? '';
    const int = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${key} needs a whole number, not "${value}"`);
      return n;
    };
    if (key === '--matches') o.matches = Math.max(1, int());
    else if (key === '--seats') o.seats = Math.max(1, int());
    else if (key === '--rounds') o.rounds = Math.max(1, int());
    else if (key === '--seed') o.seed = int();
    else if (key === '--timeout') o.timeoutS = Math.max(1, int());
    else if (key === '--scenario') o.scenario = value;
    else if (key === '--cpu-prof') {
      if (value === '') throw new Error('--cpu-prof needs a directory');
      o.cpuProf = value;
    } else if (key === '--only') {
      if (value !== 'kc' && value !== 'baseline') throw new Error('--only kc or --only baseline');
      o.only = value;
    } else if (key === '--think') {
      const [a, b] = value.split('-').map(Number);
      if (!Number.isFinite(a) || (b !== undefined && !Number.isFinite(b))) throw new Error('--think MIN-MAX or MS');
      o.thinkMin = a!;
      o.thinkMax = b ?? a!;
    } else throw new Error(`unknown option ${key}`);
  }
  return o;
}

/** mulberry32: the seeded think-time stream. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${url}: ${r.status} ${text}`);
  return JSON.parse(text) as T;
}

type AnyClient = ReturnType<typeof Client>;

interface Seat {
  readonly client: AnyClient;
  readonly playerID: string;
}

interface Match {
  readonly seats: Seat[];
  readonly facilitator: AnyClient | null;
  lastProgress: number;
  done: boolean;
  stalled: boolean;
}

interface Measures {
  commits: number;
  latencies: number[];
  updateBytes: number[];
  stalled: number;
  wallS: number;
  cpuMicros: number;
  peakRss: number;
  finished: number;
}

function socketOf(client: AnyClient): { onAny(fn: (event: string, ...args: unknown[]) => void): void } | undefined {
  return (client as unknown as { transport?: { socket?: { onAny(fn: (e: string, ...a: unknown[]) => void): void } } })
    .transport?.socket;
}

async function createKcMatch(
  url: string,
  o: Options,
  gameImport: () => Game,
): Promise<{ match: Match; ready: Promise<void> }> {
  const created = await post<{ code: string; matchID: string; credentials: string }>(`${url}/api/sessions`, {
    scenario: o.scenario,
    players: o.seats,
    rounds: o.rounds,
    roundSeconds: 0,
  });
  const seats: Seat[] = [];
  for (let k = 0; k < o.seats; k++) {
    const joined = await post<{ seat: string; credentials: string }>(`${url}/api/sessions/${created.code}/join`, {
      name: `P${k}`,
    });
    const client = Client({
      game: gameImport(),
      multiplayer: SocketIO({ server: url }),
      matchID: created.matchID,
      playerID: joined.seat,
      credentials: joined.credentials,
      debug: false,
    });
    seats.push({ client, playerID: joined.seat });
  }
  const facilitator = Client({
    game: gameImport(),
    multiplayer: SocketIO({ server: url }),
    matchID: created.matchID,
    playerID: '0',
    credentials: created.credentials,
    debug: false,
  });
  return {
    match: { seats, facilitator, lastProgress: Date.now(), done: false, stalled: false },
    ready: Promise.resolve(),
  };
}

async function createBaselineMatch(url: string, o: Options): Promise<{ match: Match; ready: Promise<void> }> {
  const { matchID } = await post<{ matchID: string }>(`${url}/games/${BASELINE}/create`, {
    numPlayers: o.seats,
    setupData: { rounds: o.rounds },
  });
  const seats: Seat[] = [];
  for (let k = 0; k < o.seats; k++) {
    const { playerCredentials } = await post<{ playerCredentials: string }>(
      `${url}/games/${BASELINE}/${matchID}/join`,
      {
        playerID: String(k),
        playerName: `P${k}`,
      },
    );
    const client = Client({
      game: baselineGame,
      multiplayer: SocketIO({ server: url }),
      matchID,
      playerID: String(k),
      credentials: playerCredentials,
      debug: false,
    });
    seats.push({ client, playerID: String(k) });
  }
  return {
    match: { seats, facilitator: null, lastProgress: Date.now(), done: false, stalled: false },
    ready: Promise.resolve(),
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Round, whether this seat has committed, and whether the match is over, from a client's state. */
function readState(
  kind: Kind,
  state: State | null,
  playerID: string,
): { round: number; committed: boolean; playing: boolean; over: boolean } | null {
  if (!state) return null;
  if (kind === 'baseline') {
    const g = state.G as BaseG;
    const over = Boolean(state.ctx.gameover);
    return { round: g.round, committed: Boolean(g.committed[playerID]), playing: !over, over };
  }
  const v = state.G as unknown as { status: string; round: number; committed?: boolean };
  return {
    round: v.round,
    committed: Boolean(v.committed),
    playing: v.status === 'playing',
    over: v.status === 'over',
  };
}

async function runLoad(kind: Kind, o: Options): Promise<Measures> {
  const child = await Child.start(kind, o.cpuProf);
  const random = seeded(o.seed);
  const think = () => o.thinkMin + (o.thinkMax - o.thinkMin) * random();
  const { createGame } = await import('../game/core/game');
  const measures: Measures = {
    commits: 0,
    latencies: [],
    updateBytes: [],
    stalled: 0,
    wallS: 0,
    cpuMicros: 0,
    peakRss: 0,
    finished: 0,
  };
  const matches: Match[] = [];
  try {
    // Create every match and connect every client before the clock starts.
    for (let m = 0; m < o.matches; m++) {
      const { match } =
        kind === 'kc'
          ? await createKcMatch(child.url, o, () => createGame() as Game)
          : await createBaselineMatch(child.url, o);
      matches.push(match);
    }
    const all = matches.flatMap((m) => [...m.seats.map((s) => s.client), ...(m.facilitator ? [m.facilitator] : [])]);
    for (const c of all) c.start();
    for (const match of matches) {
      for (const seat of match.seats) {
        socketOf(seat.client)?.onAny((event, ...args) => {
          if (event === 'update' || event === 'patch') measures.updateBytes.push(JSON.stringify(args).length);
        });
      }
    }
    const deadline = Date.now() + 60_000;
    while (!all.every((c) => c.getState() !== null)) {
      if (Date.now() > deadline) throw new Error('clients did not sync within 60 s');
      await sleep(50);
    }
    await sleep(300); // let presence settle
    const before = await child.stats();
    const t0 = performance.now();
    const done = matches.map(
      (match) =>
        new Promise<void>((resolve) => {
          const finish = () => {
            if (match.done) return;
            match.done = true;
            resolve();
          };
          for (const seat of match.seats) {
            let pending: { round: number; sent: number } | null = null;
            let scheduled = 0; // the round a commit is scheduled or sent for
            let lastRound = 0;
            const onState = (state: State | null) => {
              const s = readState(kind, state, seat.playerID);
              if (!s) return;
              if (s.round !== lastRound) {
                lastRound = s.round;
                match.lastProgress = Date.now();
              }
              if (pending && (s.committed || s.round > pending.round || s.over)) {
                measures.latencies.push(performance.now() - pending.sent);
                measures.commits += 1;
                match.lastProgress = Date.now();
                pending = null;
              }
              if (s.over) {
                if (match.seats.every((x) => readState(kind, x.client.getState(), x.playerID)?.over)) finish();
                return;
              }
              if (s.playing && !s.committed && scheduled < s.round) {
                const round = s.round;
                scheduled = round;
                setTimeout(() => {
                  if (match.done) return;
                  pending = { round, sent: performance.now() };
                  if (kind === 'kc') {
                    const me = (seat.client.getState()?.G as { me: { suppliers: unknown[] } }).me;
                    seat.client.moves.commit!(round, {
                      round,
                      bins: me.suppliers.map(() => 2),
                      kaizenFace: null,
                      help: null,
                      suppliers: null,
                    });
                  } else seat.client.moves.commit!(round);
                }, think());
              }
            };
            seat.client.subscribe(onState);
          }
          if (match.facilitator) match.facilitator.moves.start!();
          const watchdog = setInterval(() => {
            if (match.done) clearInterval(watchdog);
            else if (Date.now() - match.lastProgress > 10_000) {
              match.stalled = true;
              clearInterval(watchdog);
              finish();
            }
          }, 500);
        }),
    );
    let timedOut = false;
    await Promise.race([Promise.all(done), sleep(o.timeoutS * 1000).then(() => (timedOut = true))]);
    measures.wallS = (performance.now() - t0) / 1000;
    const after = await child.stats();
    measures.cpuMicros = after.cpuMicros - before.cpuMicros;
    measures.peakRss = after.maxRss;
    measures.stalled = matches.filter((m) => m.stalled || (timedOut && !m.done)).length;
    measures.finished = matches.filter((m) => m.done && !m.stalled).length;
    for (const m of matches) m.done = true;
    for (const c of all) c.stop();
  } finally {
    await child.stop();
  }
  return measures;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  console.log(
    `Kanban Cascade server benchmark: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores`,
  );
  console.log(
    `${o.matches} matches x ${o.seats} seats x ${o.rounds} rounds, think ${o.thinkMin}-${o.thinkMax} ms, scenario ${o.scenario}, seed ${o.seed}\n`,
  );
  const results: [string, Measures][] = [];
  for (const kind of o.only ? [o.only] : (['kc', 'baseline'] as const)) {
    const m = await runLoad(kind, o);
    results.push([kind === 'kc' ? 'kanban-cascade' : 'baseline', m]);
  }
  const rows = results.map(([name, m]) => {
    const lat = [...m.latencies].sort((a, b) => a - b);
    const bytes = [...m.updateBytes].sort((a, b) => a - b);
    const mean = bytes.reduce((s, b) => s + b, 0) / Math.max(1, bytes.length);
    return [
      name,
      String(m.commits),
      (m.commits / m.wallS).toFixed(0),
      quantile(lat, 0.5).toFixed(1),
      quantile(lat, 0.95).toFixed(1),
      quantile(lat, 0.99).toFixed(1),
      String(m.stalled),
      `${m.finished}/${o.matches}`,
      (m.cpuMicros / 1000 / Math.max(1, m.commits)).toFixed(2),
      ((m.cpuMicros / 1e6 / m.wallS) * 100).toFixed(0),
      (m.peakRss / 2 ** 20).toFixed(0),
      mean.toFixed(0),
      String(quantile(bytes, 0.99)),
      m.wallS.toFixed(1),
    ];
  });
  console.log(
    formatTable(
      [
        'server',
        'commits',
        'commits/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'stalled',
        'finished',
        'CPU ms/commit',
        'server CPU %',
        'peak RSS MB',
        'bytes/update',
        'p99 bytes',
        'wall s',
      ],
      rows,
    ),
  );
  const kc = results.find(([name]) => name === 'kanban-cascade')?.[1];
  const base = results.find(([name]) => name === 'baseline')?.[1];
  if (kc && base)
    console.log(
      `\nthroughput ratio kanban-cascade / baseline: ${(kc.commits / kc.wallS / (base.commits / base.wallS)).toFixed(2)}`,
    );
  console.log(
    'A run is saturated when the server CPU % is near 100 (one core: the server is single-threaded) or the think time is 0.',
  );
  // Stop by itself: no timer or socket left behind keeps the process alive.
  process.exit(results.some(([, m]) => m.stalled > 0) ? 1 : 0);
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex >= 0) void serve(process.argv[serveIndex + 1] as Kind);
else
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
