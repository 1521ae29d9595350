/**
 * A seeded fuzzer for the whole server: random and adversarial input at every move (over a real
 * socket, framed as socket.io-client frames it), every Socket.IO event, and every HTTP route of
 * the session, debrief, challenge and Lobby APIs. Inputs are deep (thousands of levels), wide,
 * long, prototype-keyed ("__proto__", "constructor", "toString"...), mis-typed, or near-valid (a
 * real move's arguments with one part replaced), so they reach the rules and not only the guard.
 *
 * What counts as a finding: an HTTP answer of 500 or more, a failed request (the server hung up),
 * a health check that fails, a state that breaks an invariant of the game (matchProblems), or
 * Object.prototype gaining a property. Uncaught exceptions and unhandled rejections are the
 * caller's to catch (vitest reports them; scripts/fuzz.ts counts them).
 *
 * The same seed and the same time budget give the same sequence of inputs (the server's answers
 * and timing may still differ).
 */
import type { State } from 'boardgame.io';
import { rootStream, type RandomStream } from '../../game/engine/rng';
import { BOT_POLICIES, type G } from '../../game/core/types';
import { SCENARIOS } from '../../game/core/scenarios';
import { MOVE_NAMES } from '../../game/contract/moves';
import { api, createSession, joinSession } from '../server/helpers';
import { type RawSeat, rawSocket } from '../security/raw';

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON'];
const MOVE_KEYS = ['round', 'bins', 'kaizenFace', 'help', 'suppliers', 'kind', 'workshop', 'hours', 'workshops'];
const MOVES = MOVE_NAMES;
/** Moves with arguments come up more often: their arguments are what the rules read. */
const WEIGHTED_MOVES = [
  ...MOVES,
  'commit',
  'commit',
  'vote',
  'shock',
  'shock',
  'shock',
  'clock',
  'setPresence',
] as const;
const STRINGS = [
  '',
  'x',
  '0',
  '1',
  '999',
  '-1',
  'NaN',
  'null',
  'floor',
  'budget',
  'none',
  'delay',
  '\u202eevil',
  '\u0000',
  'é',
];
const NUMBERS = [0, 1, 2, 3, -1, 0.5, 1.5, 7, 11, 12, 100, 1e308, -1e308, 2 ** 53, 2 ** 31, 1e-300];

/**
 * Limits for a fuzzing server: every input comes from 127.0.0.1, so the limits per address would
 * soon refuse (and disconnect) everything and the fuzzer would test only the limiter. They still
 * count (their code runs); they just never refuse.
 */
const UNLIMITED = { burst: 1e9, perSecond: 1e9 };
export const FUZZ_LIMITS = {
  wrongCodes: UNLIMITED,
  codeRequests: UNLIMITED,
  creations: UNLIMITED,
  packets: UNLIMITED,
  refusedPackets: UNLIMITED,
} as const;

export interface FuzzReport {
  /** Inputs sent, by kind. */
  readonly sent: Record<string, number>;
  /** HTTP answers by status. */
  readonly statuses: Record<string, number>;
  readonly findings: string[];
  readonly ms: number;
}

/** Invariants every stored match keeps, whatever it was sent: a list of what is broken. */
export function matchProblems(g: G): string[] {
  const problems: string[] = [];
  const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  const { config } = g;
  if (!['setup', 'playing', 'council', 'over'].includes(g.status)) problems.push(`status ${String(g.status)}`);
  if (!Number.isInteger(g.round) || g.round < 0 || g.round > config.rounds + 1) problems.push(`round ${g.round}`);
  if (g.status !== 'setup' && g.workshops.length !== config.workshops) problems.push('workshops');
  g.workshops.forEach((w, i) => {
    if (w.bins.length !== w.suppliers.length) problems.push(`workshop ${i}: ${w.bins.length} bins`);
    for (const b of w.bins) if (!finite(b) || b < 0 || b > config.maxBin) problems.push(`workshop ${i}: bin ${b}`);
    for (const s of w.suppliers)
      if (!Number.isInteger(s) || s < 0 || s >= g.workshops.length || s === i) problems.push(`workshop ${i}: supplier`);
    if (!finite(w.coins)) problems.push(`workshop ${i}: coins ${w.coins}`);
  });
  const seats = new Set(g.workshops.map((w) => w.seat).filter((s) => s !== null));
  for (const [seat, d] of Object.entries(g.committed)) {
    if (!seats.has(seat)) problems.push(`committed by seat ${seat}`);
    if (d.round !== g.round) problems.push(`seat ${seat} committed for round ${d.round}`);
    for (const b of d.bins) if (!finite(b) || b < 0 || b > config.maxBin) problems.push(`seat ${seat}: bin ${b}`);
  }
  for (const shock of g.pendingShocks)
    if (!['delay', 'storm', 'cut', 'open'].includes(shock.kind)) problems.push(`shock ${String(shock.kind)}`);
  for (const seat of g.absent) if (!seats.has(seat)) problems.push(`absent ${seat}`);
  if (g.status === 'playing' && g.history.length !== g.round - 1)
    problems.push(`history ${g.history.length} at round ${g.round}`);
  // Only plain JSON data, and no key that names a prototype property anywhere.
  const stack: unknown[] = [g];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'number' && !Number.isFinite(v)) problems.push('a non-finite number');
    if (typeof v !== 'object' || v === null) continue;
    for (const [k, child] of Object.entries(v)) {
      if (PROTO_KEYS.includes(k)) problems.push(`key ${k}`);
      stack.push(child);
    }
  }
  return problems;
}

class Gen {
  constructor(private readonly r: RandomStream) {}
  int(n: number): number {
    return this.r.nextInt(n);
  }
  chance(p: number): boolean {
    return this.r.nextFloat() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** A random JSON value as text: any shape, sometimes very deep or wide. */
  json(depth = 0): string {
    const k = this.int(depth > 3 ? 6 : 10);
    switch (k) {
      case 0:
        return String(this.pick(NUMBERS));
      case 1:
        return JSON.stringify(this.pick([...STRINGS, ...PROTO_KEYS, 'x'.repeat(this.int(5000))]));
      case 2:
        return this.pick(['true', 'false', 'null']);
      case 3:
        return JSON.stringify(this.pick([...MOVE_KEYS, ...MOVES]));
      case 4:
        return String(this.int(20));
      case 5:
        return this.pick(['"1"', '"0"', '"7"', '[]', '{}']);
      case 6: {
        const n = this.int(5);
        return `[${Array.from({ length: n }, () => this.json(depth + 1)).join(',')}]`;
      }
      case 7: {
        const n = this.int(5);
        const keys = [...MOVE_KEYS, ...PROTO_KEYS, 'x', ''];
        return `{${Array.from({ length: n }, () => `${JSON.stringify(this.pick(keys))}:${this.json(depth + 1)}`).join(',')}}`;
      }
      case 8: {
        const d = 1 + this.int(this.chance(0.5) ? 20 : 8000);
        return this.chance(0.5) ? '['.repeat(d) + ']'.repeat(d) : '{"a":'.repeat(d) + '1' + '}'.repeat(d);
      }
      default:
        return `[${Array.from({ length: 200 + this.int(3000) }, () => this.pick(['0', '1', '"x"', '{}', '[]'])).join(',')}]`;
    }
  }

  /** Valid arguments of a move in state g, as a JSON value. */
  validArgs(move: (typeof MOVES)[number], g: G, seatIndex: number): unknown[] {
    const w = g.workshops[seatIndex];
    const bins = (w?.suppliers ?? [0]).map(() => this.int(Math.ceil(g.config.maxBin) + 1));
    const round = g.status === 'council' ? (g.council?.round ?? g.round) : g.round;
    switch (move) {
      case 'commit':
        return [g.round, { round: g.round, bins, kaizenFace: null, help: null, suppliers: null }];
      case 'vote':
        return [round, this.pick(['none', { kind: 'floor', bin: 2 }, { kind: 'budget', total: 10 }])];
      case 'closeRound':
        return [g.round];
      case 'clock':
        return [g.round, Date.now() + 60_000, 60_000];
      case 'shock':
        return [
          this.pick([
            { kind: 'delay', workshop: this.int(g.workshops.length || 1), hours: 1 + this.int(10) },
            { kind: 'storm', workshops: [0, 1], rounds: 2, extra: 1 },
            { kind: 'cut', workshop: 0, supplier: g.workshops[0]?.suppliers[0] ?? 1 },
            { kind: 'open', workshop: 0, supplier: 5 },
          ]),
        ];
      case 'reveal':
        return [this.chance(0.5)];
      case 'setPresence':
        return [[String(1 + this.int(3))], this.chance(0.5)];
      default:
        return [];
    }
  }

  /** Replace one part of a JSON value with a random value (as text). */
  mutate(value: unknown): string {
    const text = JSON.stringify(value);
    // Often: one string or number of the value swapped for a prototype name or an odd value, so
    // the input still has the right shape and reaches the rule that reads it.
    // Sometimes every string value at once becomes the same prototype name (a shock's kind, a
    // vote's kind, a seat): the cheapest way to reach every table lookup.
    if (this.chance(0.15)) {
      const name = this.pick(PROTO_KEYS);
      return JSON.stringify(mapLeaves(value, (leaf) => (typeof leaf === 'string' ? name : leaf)));
    }
    // Often: one leaf (a string, number, boolean or null) swapped for a prototype name or an odd
    // value, so the input keeps its shape and reaches the rule that reads that value.
    const leaves = countLeaves(value);
    if (leaves > 0 && this.chance(0.4)) {
      const target = this.int(leaves);
      let seen = 0;
      const marked = mapLeaves(value, (leaf) => (seen++ === target ? MARK : leaf));
      const odd = this.chance(0.6) ? JSON.stringify(this.pick(this.chance(0.6) ? PROTO_KEYS : STRINGS)) : this.json(3);
      return JSON.stringify(marked).replace(JSON.stringify(MARK), odd);
    }
    const spots: number[] = [];
    for (let i = 0; i < text.length; i++) if ('[{,:'.includes(text[i]!)) spots.push(i);
    if (spots.length === 0 || this.chance(0.15)) return this.json();
    // Insert a value after an opening bracket, a comma or a colon, replacing what stood there.
    const at = this.pick(spots);
    const rest = text.slice(at + 1);
    const end = valueEnd(rest);
    if (text[at] === '{')
      return `${text.slice(0, at + 1)}${JSON.stringify(this.pick([...PROTO_KEYS, ...MOVE_KEYS, 'zz']))}:${this.json(2)}${rest.length && rest[0] !== '}' ? ',' : ''}${rest}`;
    return `${text.slice(0, at + 1)}${this.json(2)}${rest.slice(end)}`;
  }
}

const MARK = '\u0000fuzz-mark\u0000';

/** The value with every leaf (not an array or object) replaced by `f(leaf)`, in document order. */
function mapLeaves(value: unknown, f: (leaf: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => mapLeaves(v, f));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapLeaves(v, f)]));
  return f(value);
}

function countLeaves(value: unknown): number {
  let n = 0;
  mapLeaves(value, () => n++);
  return n;
}

/** Where the JSON value at the start of `text` ends (0 when none starts there). */
function valueEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (depth === 0) return i;
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === ',' && depth === 0) return i;
  }
  return text.length;
}

interface Table {
  readonly code: string;
  readonly matchID: string;
  readonly seats: { seat: string; credentials: string; socket: RawSeat; index: number }[];
  readonly spectator: RawSeat;
}

const polluted = () => Object.getOwnPropertyNames(Object.prototype).filter((k) => !BASE_PROTO.includes(k));
const BASE_PROTO = Object.getOwnPropertyNames(Object.prototype);

export interface FuzzOptions {
  readonly app: { url: string };
  /** The stored state of a match (server side), to check invariants; omit to check what the facilitator sees. */
  readonly stored?: (matchID: string) => State | undefined;
  readonly seed: string;
  readonly ms: number;
  /** Called with each finding as it is found. */
  readonly onFinding?: (finding: string) => void;
}

/** Run the fuzzer for `ms` milliseconds against a running server. */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const gen = new Gen(rootStream(options.seed).child('fuzz'));
  const sent: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  const findings: string[] = [];
  const found = (f: string) => {
    if (findings.length < 50) findings.push(f);
    options.onFinding?.(f);
  };
  const count = (kind: string) => (sent[kind] = (sent[kind] ?? 0) + 1);
  const start = Date.now();
  let table = await newTable(options.app, gen);
  const stateOf = (t: Table): G | undefined =>
    (options.stored?.(t.matchID)?.G as G | undefined) ?? t.seats[0]!.socket.latest()?.G;

  while (Date.now() - start < options.ms) {
    const g = stateOf(table);
    if (!g || g.status === 'over') {
      closeTable(table);
      table = await newTable(options.app, gen);
      continue;
    }
    const kind = gen.pick(['move', 'move', 'nearMove', 'nearMove', 'nearMove', 'event', 'http', 'http', 'lobby']);
    count(kind);
    if (kind === 'move' || kind === 'nearMove') {
      const move = gen.pick(WEIGHTED_MOVES.filter((m) => m !== 'endGame' || gen.chance(0.05)));
      // Mostly the seat the move is for (the facilitator's moves from seat 0), so it gets past
      // the seat checks to the rule that reads its arguments.
      const own = move === 'commit' || move === 'vote' ? table.seats.slice(1) : table.seats.slice(0, 1);
      const who = gen.pick(gen.chance(0.8) ? own : table.seats);
      const valid = gen.validArgs(move, g, who.index);
      const args = kind === 'move' ? JSON.stringify(valid) : gen.mutate(valid);
      const state = who.socket.latest()?._stateID ?? 0;
      const action = `{"type":"MAKE_MOVE","payload":{"type":${JSON.stringify(move)},"args":${args},"playerID":"${who.seat}","credentials":"${who.credentials}"}}`;
      const packet = `["update",${action},${state},"${table.matchID}","${who.seat}"]`;
      if (packet.length < 60_000) who.socket.emitRaw(packet);
    } else if (kind === 'event') {
      const who = gen.pick(table.seats);
      const event = gen.pick(['update', 'sync', 'chat', 'update', 'sync', 'x', '__proto__']);
      const args = Array.from({ length: gen.int(6) }, () =>
        gen.chance(0.3) ? JSON.stringify(gen.pick([table.matchID, who.seat, who.credentials])) : gen.json(1),
      );
      const packet = `[${JSON.stringify(event)}${args.map((a) => `,${a}`).join('')}]`;
      if (packet.length < 60_000) who.socket.emitRaw(packet);
      // A socket whose packet could not be decoded is closed by the server: open a new one.
      if (!who.socket.socket.connected) who.socket = await reopen(options.app, table, who);
    } else {
      const status = await httpProbe(options.app, gen, table, kind === 'lobby');
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 'failed' || Number(status) >= 500) found(`HTTP ${status} on ${lastProbe}`);
    }
    // Let the server (in this process, or not) handle what was sent before the next input.
    await new Promise((r) => setImmediate(r));
    const stored = options.stored?.(table.matchID)?.G as G | undefined;
    if (stored) for (const p of matchProblems(stored)) found(`match ${table.matchID}: ${p}`);
    const extra = polluted();
    if (extra.length > 0) {
      found(`Object.prototype polluted: ${extra.join(', ')}`);
      for (const key of extra) delete (Object.prototype as Record<string, unknown>)[key];
    }
  }
  // The server still answers.
  const health = await api(options.app, '/health').catch(() => null);
  if (health?.status !== 200) found(`/health answered ${health?.status ?? 'nothing'}`);
  closeTable(table);
  return { sent, statuses, findings, ms: Date.now() - start };
}

let lastProbe = '';

async function httpProbe(app: { url: string }, gen: Gen, t: Table, lobby: boolean): Promise<string> {
  const seat = gen.pick(t.seats);
  const code = gen.chance(0.7) ? t.code : gen.pick(['', 'AAAAAA', '__proto__', 'x'.repeat(200), '%00', 'constructor']);
  const id = gen.chance(0.7) ? t.matchID : gen.pick(['__proto__', 'x', 'constructor', '0'.repeat(16)]);
  const routes: [string, string, unknown][] = lobby
    ? [
        ['GET', '/games', null],
        ['GET', '/games/kanban-cascade', null],
        ['GET', `/games/kanban-cascade/${id}`, null],
        [
          'POST',
          '/games/kanban-cascade/create',
          { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2 } },
        ],
        ['POST', `/games/kanban-cascade/${id}/join`, { playerID: gen.pick(['1', '2', '__proto__']), playerName: 'F' }],
        [
          'POST',
          `/games/kanban-cascade/${id}/update`,
          { playerID: seat.seat, credentials: seat.credentials, newName: 'N' },
        ],
        ['POST', `/games/kanban-cascade/${id}/leave`, { playerID: seat.seat, credentials: seat.credentials }],
        ['POST', `/games/kanban-cascade/${id}/playAgain`, { playerID: seat.seat, credentials: seat.credentials }],
        [
          'POST',
          `/games/kanban-cascade/${id}/rename`,
          { playerID: seat.seat, credentials: seat.credentials, newName: 'N' },
        ],
      ]
    : [
        ['GET', '/api/scenarios', null],
        ['POST', '/api/sessions', { scenario: gen.pick([...SCENARIOS.keys()]), players: 2, roundSeconds: 0 }],
        ['GET', `/api/sessions/${code}`, null],
        ['POST', `/api/sessions/${code}/join`, { name: 'Fuzz' }],
        ['POST', `/api/sessions/${code}/leave`, { seat: seat.seat, credentials: seat.credentials }],
        ['GET', `/api/sessions/${code}/qr.svg`, null],
        ['POST', `/api/sessions/${code}/debrief`, { seat: seat.seat, credentials: seat.credentials }],
        [
          'POST',
          `/api/sessions/${code}/counterfactual`,
          { seat: '0', credentials: t.seats[0]!.credentials, spec: { kind: 'uniform', bin: 2 } },
        ],
        ['GET', '/api/challenges', null],
        ['POST', '/api/challenges', { scenario: 'ring-road', name: 'Fuzz' }],
        ['POST', '/api/challenges', { scenario: 'ring-road', players: 1, autopilot: gen.pick(BOT_POLICIES) }],
        ['GET', `/api/challenges/${gen.pick(['ring-road', '__proto__', 'x'])}/leaderboard`, null],
        ['GET', `/api/challenges/entries/${gen.pick(['0'.repeat(16), '__proto__', 'x'])}`, null],
        ['GET', `/api/challenges/matches/${gen.pick(['m', '__proto__', 'x'.repeat(80), '%00'])}`, null],
      ];
  const [method, rawPath, valid] = gen.pick(routes);
  // Spellings the routers may accept: case, trailing and doubled slashes, percent-encoding.
  const path = gen.chance(0.3)
    ? gen.pick([
        rawPath.toUpperCase(),
        `${rawPath}/`,
        rawPath.replace('/', '//'),
        rawPath.replace(/[a-z]$/, (c) => `%${c.charCodeAt(0).toString(16)}`),
        `${rawPath}/..`,
        `${rawPath}%`,
      ])
    : rawPath;
  const body = method === 'GET' ? undefined : valid === null || gen.chance(0.4) ? gen.json() : gen.mutate(valid);
  const type = gen.chance(0.9) ? 'application/json' : gen.pick(['text/plain', '', 'application/json; charset=utf-16']);
  lastProbe = `${method} ${path.slice(0, 120)} ${body?.slice(0, 400) ?? ''}`;
  try {
    const reply = await api(app, path, {
      method,
      ...(body !== undefined ? { raw: body, headers: type ? { 'content-type': type } : {} } : {}),
    });
    return String(reply.status);
  } catch {
    return 'failed';
  }
}

async function newTable(app: { url: string }, gen: Gen): Promise<Table> {
  const scenario = gen.pick(['ring-road', 'two-inputs', 'spot-market', 'toyota-city']);
  const s = await createSession(app, { scenario, players: 2, roundSeconds: 0 });
  const people = [await joinSession(app, s.code, 'Ada'), await joinSession(app, s.code, 'Bo')];
  const seats: Table['seats'] = [];
  for (const [seat, credentials] of [
    ['0', s.credentials],
    ...people.map((p) => [p.seat, p.credentials] as const),
  ] as const) {
    const socket = await rawSocket(app);
    socket.sync(s.matchID, seat, credentials);
    seats.push({ seat, credentials, socket, index: Number(seat) - 1 });
  }
  const spectator = await rawSocket(app);
  spectator.sync(s.matchID, null);
  const until = Date.now() + 5000;
  while (seats.some((x) => x.socket.latest() === null) && Date.now() < until)
    await new Promise((r) => setTimeout(r, 10));
  seats[0]!.socket.move(s.matchID, '0', 'start', [], s.credentials);
  return { code: s.code, matchID: s.matchID, seats, spectator };
}

async function reopen(app: { url: string }, t: Table, who: Table['seats'][number]): Promise<RawSeat> {
  who.socket.close();
  const socket = await rawSocket(app);
  socket.sync(t.matchID, who.seat, who.credentials);
  return socket;
}

function closeTable(t: Table): void {
  for (const s of t.seats) s.socket.close();
  t.spectator.close();
}
