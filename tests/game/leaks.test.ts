/**
 * Information rules I1-I5 (and C1), checked on what each client really receives over boardgame.io's
 * Local() transport: every raw transport message ('sync', 'update', ...) is recorded by wrapping the
 * transport's data callback (tests/game/fixtures.ts), and after every move we also record what the
 * client holds: getState() (G, ctx, plugins, log), getInitialState(), client.log, matchData, chat.
 *
 * The truth is the master's unfiltered stored state. For each seat we collect, at every step, the
 * numbers it may legitimately know (config, network aggregates, its own workshop and history rows,
 * its neighbours' lateness) and the numbers it must not (other workshops' bins, coins, dice, costs,
 * history rows, non-neighbours' lateness, facilitator shocks). Bins are committed with distinctive
 * fractional values and a delay shock of 3.7071 hours makes a non-neighbour's lateness
 * distinguishable; integers (ids, counters) are never treated as evidence. A forbidden number is
 * one that is not also legitimately known, so a hit in a payload is a leak, not a coincidence.
 */
import { Client } from 'boardgame.io/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createGame } from '../../game/core/game';
import { FACILITATOR, type G, type RoundRecord } from '../../game/core/types';
import type { SeatView } from '../../game/core/view';
import { neighbours } from '../../game/core/world';
import { Match, type MatchOptions, type Seat, clone, setupData } from './fixtures';

// ------------------------------------------------------------------ walking payloads

function numbersIn(value: unknown, out: Set<number> = new Set()): Set<number> {
  if (typeof value === 'number') out.add(value);
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) numbersIn(v, out);
  return out;
}

/** Every path at which `pred(key, value)` holds, e.g. `received[3].args[1].state.G.me.bins`. */
function pathsWhere(
  value: unknown,
  pred: (key: string, v: unknown, path: string) => boolean,
  path = '$',
  out: string[] = [],
): string[] {
  if (Array.isArray(value))
    value.forEach((v, i) => {
      if (pred(String(i), v, `${path}[${i}]`)) out.push(`${path}[${i}]`);
      pathsWhere(v, pred, `${path}[${i}]`, out);
    });
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (pred(k, v, `${path}.${k}`)) out.push(`${path}.${k}`);
      pathsWhere(v, pred, `${path}.${k}`, out);
    }
  return out;
}

/** Paths of a given number, to explain a failure. */
const whereNumber = (value: unknown, n: number) => pathsWhere(value, (_k, v) => v === n).slice(0, 5);

/** Everything a seat received or held, up to (not including) message `received` and snapshot `held`. */
function everything(seat: Seat, upTo?: { received: number; held: number }) {
  return {
    received: seat.received.slice(0, upTo?.received),
    held: seat.held.slice(0, upTo?.held),
  };
}

const mark = (seat: Seat) => ({ received: seat.received.length, held: seat.held.length });

/** Log entries in every form a client gets them: sync logs, update deltalogs, client.log. */
function logEntries(data: ReturnType<typeof everything>): { playerID: string; args: unknown; type: string }[] {
  // Moves only: boardgame.io's automatic events (the turn's end) carry no player arguments.
  const entries: unknown[] = [];
  for (const m of data.received) {
    const args = m.args as unknown[];
    if (m.type === 'sync') entries.push(...((args[1] as { log?: unknown[] }).log ?? []));
    if (m.type === 'update') entries.push(...((args[2] as unknown[] | undefined) ?? []));
    if (m.type === 'patch') entries.push(...((args[4] as unknown[] | undefined) ?? []));
  }
  for (const h of data.held) entries.push(...((h as { log: unknown[] }).log ?? []));
  type Entry = { action: { type: string; payload: { playerID: string; args: unknown; type: string } } };
  return (entries as Entry[])
    .filter((e) => e.action.type === 'MAKE_MOVE')
    .map(({ action: { payload: p } }) => ({ playerID: p.playerID, args: p.args, type: p.type }));
}

/** The G of every state a client got or holds (sync state, updates, getState()). */
function viewsIn(data: ReturnType<typeof everything>): Record<string, unknown>[] {
  const views: unknown[] = [];
  for (const m of data.received) {
    const args = m.args as unknown[];
    if (m.type === 'sync') views.push((args[1] as { state: { G: unknown } }).state.G);
    if (m.type === 'update') views.push((args[1] as { G: unknown }).G);
  }
  for (const h of data.held) {
    const state = (h as { state: { G: unknown } | null }).state;
    if (state) views.push(state.G);
  }
  return views as Record<string, unknown>[];
}

/** The initial states a client got with 'sync' or holds (getInitialState()). */
function initialStatesIn(data: ReturnType<typeof everything>): unknown[] {
  const out: unknown[] = [];
  for (const m of data.received) if (m.type === 'sync') out.push((m.args[1] as { initialState: unknown }).initialState);
  for (const h of data.held) out.push((h as { initialState: unknown }).initialState);
  return out;
}

// ------------------------------------------------------------------ what each seat may know

const PRIVATE_KEYS = new Set([
  'bins',
  'coins',
  'kaizenPoints',
  'workers',
  'die',
  'faces',
  'explodes',
  'lastTrouble',
  'lastRent',
  'lastPenalty',
  'incoming',
  'rent',
  'penalty',
  'alternatives',
  'lineStops',
  'secret',
  'seed',
  'committed',
  'pendingShocks',
  'storms',
  'absent',
  'lastRound',
  'workshops',
  'history',
  'myHistory',
  'me',
]);

/**
 * Where a private key may appear for a seat: inside its own workshop and rows, the public config
 * (costs.rent, trouble spec, ...), the map's list of public workshops, the random plugin's seed
 * (separate test), its own `committed` flag, null/empty history before game over, and boardgame.io's
 * own fields.
 */
function allowedPrivatePath(path: string, value: unknown, over: boolean): boolean {
  if (/\.G\.me(\.|\[|$)/.test(path) || /\.G\.myHistory(\.|\[|$)/.test(path)) return true;
  if (/\.config(\.|\[|$)/.test(path)) return true;
  if (/\.G\.map\.workshops$/.test(path)) return true;
  if (/\.G\.committed$/.test(path) && typeof value === 'boolean') return true;
  if (/\.G\.(history|map)$/.test(path) && value === null) return true;
  if (over && /\.G\.history(\.|\[|$)/.test(path)) return true;
  if (/\.plugins\.random\.data\.seed$/.test(path)) return true; // see the I3/G4 seed test below
  // The seat's own move arguments in the log (others' are checked to be null).
  if (/\.action\.payload\.args[.[]/.test(path)) return true;
  // The initial state (no world yet): empty containers and the blank secret are checked separately.
  if (/initialState\.G\./.test(path)) return true;
  return false;
}

interface Truth {
  allowed: Set<number>;
  forbidden: Set<number>;
  /** Workshop indices the seat may never hear of (during play). */
  strangers: Set<number>;
}

const newTruth = (): Truth => ({ allowed: new Set(), forbidden: new Set(), strangers: new Set() });

function aggregates(history: readonly RoundRecord[]) {
  return history.map((h) => ({
    round: h.round,
    meanLateness: h.meanLateness,
    breachRate: h.breachRate,
    meanBin: h.meanBin,
  }));
}

function privateOf(g: G, j: number) {
  const w = g.workshops[j]!;
  return [w.bins, w.coins, w.kaizenPoints, w.workers, w.trouble, w.lastTrouble, w.lastRent, w.lastPenalty];
}

/** Accumulate what seat `seat` (null: spectator) may and may not know in the current server state. */
function observe(g: G, seat: string | null, t: Truth): void {
  numbersIn(g.config, t.allowed);
  numbersIn(aggregates(g.history), t.allowed);
  numbersIn(g.pendingShocks, t.forbidden);
  numbersIn(g.storms, t.forbidden);
  for (const h of g.history) numbersIn(h.shocks, t.forbidden);
  const i = seat === null ? -1 : g.workshops.findIndex((w) => w.seat === seat);
  const near = i >= 0 ? new Set(neighbours(g, i)) : new Set<number>();
  if (i >= 0) {
    numbersIn(g.workshops[i], t.allowed);
    numbersIn(
      g.history.map((h) => h.workshops[i]),
      t.allowed,
    );
  }
  g.workshops.forEach((w, j) => {
    if (j === i) return;
    numbersIn(privateOf(g, j), t.forbidden);
    if (near.has(j)) t.allowed.add(w.lateness);
    else {
      t.forbidden.add(w.lateness);
      t.strangers.add(j);
    }
  });
  for (const h of g.history)
    h.workshops.forEach((row, j) => {
      if (j === i) return;
      if (near.has(j)) t.allowed.add(row.lateness);
      numbersIn({ ...row, lateness: near.has(j) ? 0 : row.lateness }, t.forbidden);
    });
}

/** Forbidden numbers that are evidence: not integers, not legitimately known. */
function evidence(t: Truth): Set<number> {
  return new Set([...t.forbidden].filter((x) => !Number.isInteger(x) && !t.allowed.has(x)));
}

/** Where forbidden numbers occur in what a seat got (first few paths per number). */
function forbiddenNumbers(data: ReturnType<typeof everything>, bad: Set<number>): string[] {
  const seen = numbersIn(data);
  return [...bad]
    .filter((x) => seen.has(x))
    .flatMap((x) => {
      const where = whereNumber(data, x);
      return where.length > 0 ? where.map((p) => `${x} at ${p}`) : [`${x}`];
    });
}

/** Private fields outside the places a seat may have them. */
function privateFields(data: ReturnType<typeof everything>, over: boolean): string[] {
  return pathsWhere(data, (k, v, p) => PRIVATE_KEYS.has(k) && !allowedPrivatePath(p, v, over));
}

/** Quoted ids and names of strangers found in what a seat got. */
function strangerNames(g: G, data: ReturnType<typeof everything>, strangers: Iterable<number>): string[] {
  const text = JSON.stringify(data);
  return [...strangers].flatMap((j) => quotedId(g, j)).filter((q) => text.includes(q));
}

/** Names the seat and the match's random seed (replay a failure with Match.open(..., { randomSeed })). */
let replaySeed = '';
const who = (seat: Seat) => `seat ${String(seat.id)} (randomSeed ${replaySeed})`;

function expectNoForbiddenNumbers(seat: Seat, data: ReturnType<typeof everything>, bad: Set<number>) {
  expect(forbiddenNumbers(data, bad), `${who(seat)} received forbidden numbers`).toEqual([]);
}

function expectPrivateKeysOnlyWhereAllowed(seat: Seat, data: ReturnType<typeof everything>, over: boolean) {
  expect(privateFields(data, over).slice(0, 10), `${who(seat)} received private fields`).toEqual([]);
}

/** The seed, or any 5+ character piece of it, in a payload. */
function seedPieces(seed: string, data: unknown): string[] {
  const text = JSON.stringify(data);
  return [seed, ...seed.split('-').filter((p) => p.length >= 5)].filter((p) => text.includes(p));
}

const quotedId = (g: G, j: number) => [`"${g.workshops[j]!.id}"`, `"${g.workshops[j]!.name}"`];

// ------------------------------------------------------------------ the scenario

/** Distinctive bins for seat h in step k (never an integer, never a bot's 2.5). */
const binsOf = (h: number, k: number): [number, number] => [
  Number((1.1 + 0.1234567 * h + 0.0311 * k).toFixed(7)),
  Number((1.6 + 0.0765432 * h + 0.0173 * k).toFixed(7)),
];

interface Played {
  match: Match;
  truths: Map<string | null, Truth>;
  /** Where game over began in each seat's records. */
  overAt: Map<string | null, { received: number; held: number }>;
  target: number;
  shockHours: number;
  stormExtra: number;
}

let open: Match[] = [];
/** Stop the match after the test; failure messages name its random seed. */
function track(match: Match): void {
  open.push(match);
  replaySeed = match.randomSeed;
}
afterEach(() => {
  for (const m of open) m.stop();
  open = [];
});

/**
 * 4 humans on "Two inputs" (12 workshops) + facilitator + spectator: 5 rounds with commits carrying
 * bins, a delay shock and a storm on a workshop that is no neighbour of seat 1, a closeRound with a
 * missing commit, an absent seat, then endGame.
 */
async function play(options: MatchOptions = {}): Promise<Played> {
  const match = await Match.open(setupData({ humanSeats: 4 }), { spectator: true, ...options });
  track(match);
  const truths = new Map<string | null, Truth>(match.seats().map((s) => [s.id, newTruth()]));
  const observeAll = () => {
    const g = match.g;
    for (const s of match.seats()) if (s.id !== FACILITATOR) observe(g, s.id, truths.get(s.id)!);
  };
  observeAll();
  const g0 = match.g;
  const seatWorkshops = g0.workshops.map((w, i) => (w.seat ? i : -1)).filter((i) => i >= 0);
  const near1 = new Set(neighbours(g0, seatWorkshops[0]!));
  // A bot workshop that is no neighbour of seat 1 (prefer one that is nobody's neighbour).
  const candidates = g0.workshops.map((_, j) => j).filter((j) => g0.workshops[j]!.seat === null && !near1.has(j));
  const score = (j: number) => seatWorkshops.filter((i) => neighbours(g0, i).includes(j)).length;
  const target = candidates.sort((a, b) => score(a) - score(b))[0]!;
  const shockHours = 3.7071;
  const stormExtra = 1.2345;

  const commitAll = async (k: number, seats: number[]) => {
    for (const h of seats) {
      await match.commit(String(h), binsOf(h, k));
      observeAll();
    }
  };
  // Round 1: everyone commits; the round closes by itself.
  await commitAll(1, [1, 2, 3, 4]);
  // Round 2: a delay shock; seat 4 does not commit; the facilitator closes the round.
  await match.move(FACILITATOR, 'shock', { kind: 'delay', workshop: target, hours: shockHours });
  observeAll();
  await commitAll(2, [1, 2, 3]);
  await match.move(FACILITATOR, 'closeRound', 2);
  observeAll();
  // Round 3: seat 4 is absent; a storm over the target; the three present seats close the round.
  await match.move(FACILITATOR, 'setPresence', '4', false);
  await match.move(FACILITATOR, 'shock', { kind: 'storm', workshops: [target], rounds: 2, extra: stormExtra });
  observeAll();
  await commitAll(3, [1, 2, 3]);
  // Rounds 4 and 5: seat 4 is back.
  await match.move(FACILITATOR, 'setPresence', '4', true);
  await commitAll(4, [1, 2, 3, 4]);
  await commitAll(5, [4, 3, 2, 1]);
  observeAll();
  expect(match.g.round).toBe(6);
  expect(match.g.history).toHaveLength(5);
  const overAt = new Map(match.seats().map((s) => [s.id, mark(s)]));
  await match.move(FACILITATOR, 'endGame');
  return { match, truths, overAt, target, shockHours, stormExtra };
}

describe('I1-I5: what each client receives over Local()', () => {
  it('[I1][I2][I4] during play a seat receives its own workshop in full and of others only its neighbours’ public state', async () => {
    const { match, truths, overAt, target } = await play();
    const g = match.g;
    const secretSeed = g.secret.seed;
    expect(secretSeed.length).toBeGreaterThan(8);
    for (const seat of match.humans) {
      const data = everything(seat, overAt.get(seat.id));
      const i = g.workshops.findIndex((w) => w.seat === seat.id);
      const truth = truths.get(seat.id)!;
      const bad = evidence(truth);
      // The check is meaningful: other seats' committed bins and the shock are distinguishable.
      for (const h of [1, 2, 3, 4].filter((x) => String(x) !== seat.id))
        for (const b of binsOf(h, 1)) expect(bad.has(b), `bin ${b} of seat ${h} is evidence`).toBe(true);
      // The target is a stranger to seat 1 by construction: its shocked lateness is evidence there.
      if (seat.id === '1') expect(truth.strangers.has(target)).toBe(true);
      if (truth.strangers.has(target))
        expect(
          g.history.some((h) => bad.has(h.workshops[target]!.lateness)),
          'the shocked stranger’s lateness is evidence',
        ).toBe(true);
      expect(bad.size).toBeGreaterThan(30);
      expectNoForbiddenNumbers(seat, data, bad);
      expectPrivateKeysOnlyWhereAllowed(seat, data, false);
      // No word about strangers: neither their ids nor their names.
      expect(truth.strangers.size).toBeGreaterThan(3);
      expect(strangerNames(g, data, truth.strangers), `${who(seat)} heard of strangers`).toEqual([]);
      // Every view: the seat's own workshop and exactly its neighbours, public fields only.
      const views = viewsIn(data).filter((v) => v.status !== 'setup');
      expect(views.length).toBeGreaterThan(10);
      const near = neighbours(g, i);
      for (const v of views) {
        expect(v.role).toBe('player');
        expect((v.me as { index: number }).index).toBe(i);
        expect(v.map).toBeNull();
        expect(v.history).toBeNull();
        for (const p of [...(v.suppliers as object[]), ...(v.customers as object[])]) {
          expect(Object.keys(p).sort()).toEqual(['autopilot', 'breached', 'id', 'index', 'lateness', 'name']);
          expect(near).toContain((p as { index: number }).index);
        }
      }
      // Decisions: others' move arguments are redacted everywhere; mine are not (so the check bites).
      const entries = logEntries(data);
      const mine = entries.filter((e) => e.playerID === seat.id && e.type === 'commit');
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((e) => e.args !== null)).toBe(true);
      const others = entries.filter((e) => e.playerID !== seat.id);
      expect(others.some((e) => e.type === 'commit')).toBe(true);
      expect(others.some((e) => e.type === 'shock')).toBe(true);
      expect(others.filter((e) => e.args !== null)).toEqual([]);
      // The seed appears nowhere, not even in pieces.
      expect(seedPieces(secretSeed, data)).toEqual([]);
    }
  });

  it('[I1] a seat’s own workshop and history rows arrive complete and current after every step', async () => {
    const match = await Match.open(setupData({ humanSeats: 4 }));
    track(match);
    for (let k = 1; k <= 3; k++) {
      for (const h of [1, 2, 3, 4]) {
        await match.commit(String(h), binsOf(h, k));
        const g = match.g;
        for (const seat of match.humans) {
          const i = g.workshops.findIndex((w) => w.seat === seat.id);
          const v = match.view(seat.id);
          expect(v.me).toEqual({ ...clone(g.workshops[i]!), index: i });
          expect(v.myHistory).toEqual(clone(g.history.map((r) => r.workshops[i])));
          const near = neighbours(g, i);
          const listed = [...(v.suppliers as { index: number }[]), ...(v.customers as { index: number }[])];
          expect(new Set(listed.map((p) => p.index))).toEqual(new Set(near));
          for (const p of listed as { index: number; lateness: number; breached: boolean }[]) {
            expect(p.lateness).toBe(g.workshops[p.index]!.lateness);
            expect(p.breached).toBe(g.workshops[p.index]!.breached);
          }
          expect(v.committed).toBe(Boolean(g.committed[seat.id!]));
        }
      }
    }
    expect(match.g.history).toHaveLength(3);
  });

  it('[I3] the facilitator receives every workshop in full, the shocks and absences, but never the seed', async () => {
    const { match, overAt } = await play();
    const g = match.g;
    const f = match.facilitator;
    const v = match.view(FACILITATOR);
    expect(v.role).toBe('facilitator');
    expect(v.workshops).toEqual(clone(g.workshops));
    expect(v.history).toEqual(clone(g.history));
    const data = everything(f);
    expect(seedPieces(g.secret.seed, data)).toEqual([]);
    const secretPaths = pathsWhere(data, (k) => k === 'secret').filter((p) => !/initialState\.G\.secret$/.test(p));
    expect(secretPaths).toEqual([]);
    // During play: the facilitator saw the pending delay shock and seat 4's absence.
    const during = viewsIn(everything(f, overAt.get(FACILITATOR)));
    expect(
      during.some((x) => (x.pendingShocks as { kind: string }[] | undefined)?.some((s) => s.kind === 'delay')),
    ).toBe(true);
    expect(during.some((x) => (x.absent as string[] | undefined)?.includes('4'))).toBe(true);
    // I5: even the facilitator gets the network's history only at game over (the latest round in full).
    const playing = during.filter((x) => x.status === 'playing');
    expect(playing.length).toBeGreaterThan(10);
    expect(playing.every((x) => x.history === null)).toBe(true);
    expect(playing.at(-1)!.lastRound).toEqual(clone(g.history[4]));
  });

  it('[I3] a spectator receives no workshop at all during play: only config and network aggregates', async () => {
    const { match, truths, overAt } = await play();
    const g = match.g;
    const spectator = match.spectator!;
    const data = everything(spectator, overAt.get(null));
    const truth = truths.get(null)!;
    const bad = evidence(truth);
    expect(bad.size).toBeGreaterThan(40);
    expectNoForbiddenNumbers(spectator, data, bad);
    expect(JSON.stringify(data).match(/"w\d+"|Workshop \d/)).toBeNull();
    const views = viewsIn(data);
    for (const v of views) {
      expect(v.role).toBe('spectator');
      expect(v.map).toBeNull();
      expect(v.history).toBeNull();
      expect(Object.keys(v).sort()).toEqual(
        [
          'clock',
          'config',
          'council',
          'history',
          'map',
          'paused',
          'role',
          'round',
          'rounds',
          'rule',
          'status',
          'waitingFor',
        ].sort(),
      );
    }
    const last = views.at(-1)!;
    expect(last.rounds).toEqual(aggregates(g.history));
    expect(logEntries(data).filter((e) => e.args !== null)).toEqual([]);
    expectPrivateKeysOnlyWhereAllowed(spectator, data, false);
  });

  it('[I5] at game over every client gets the whole history and map, but still no seed, coins or dice of others', async () => {
    const { match } = await play();
    const g = match.g;
    expect(g.status).toBe('over');
    for (const seat of match.seats()) {
      const state = seat.client.getState()!;
      expect(state.ctx.gameover).toEqual({ over: true });
      const v = state.G as unknown as Record<string, unknown>;
      expect(v.history).toEqual(clone(g.history));
      if (seat.id !== FACILITATOR) {
        const map = v.map as { workshops: Record<string, unknown>[] };
        expect(map.workshops).toHaveLength(12);
        map.workshops.forEach((w, j) => {
          expect(w.lateness).toBe(g.workshops[j]!.lateness);
          expect(w.suppliers).toEqual(g.workshops[j]!.suppliers);
          expect(Object.keys(w).sort()).toEqual(
            ['autopilot', 'binding', 'breached', 'id', 'index', 'lateness', 'name', 'suppliers'].sort(),
          );
        });
        // After game over: history rows are public, but not others' coins, dice, points, workers.
        const data = everything(seat);
        expectPrivateKeysOnlyWhereAllowed(seat, data, true);
      }
      expect(seedPieces(g.secret.seed, everything(seat))).toEqual([]);
    }
  });

  it('[G3][I3] the initial state sent with sync holds no workshop data and no seed', async () => {
    const match = await Match.open(setupData({ humanSeats: 4 }), { spectator: true });
    track(match);
    await match.commit('1', binsOf(1, 1));
    const g = match.g;
    for (const seat of match.seats()) {
      const inits = initialStatesIn(everything(seat));
      expect(inits.length).toBeGreaterThan(1);
      for (const init of inits) {
        const s = init as { G: G };
        expect(s.G.status).toBe('setup');
        expect(s.G.workshops).toEqual([]);
        expect(s.G.history).toEqual([]);
        expect(s.G.secret.seed).toBe('');
        expect(JSON.stringify(init).match(/"w\d+"|Workshop \d/)).toBeNull();
        expect(seedPieces(g.secret.seed, init)).toEqual([]);
      }
    }
  });

  it('[G3][I2] a hand-made network (setupData.network) is public like a printed board: its links, never the states', async () => {
    // Five workshops in a ring; seat 1 holds alpha: its neighbours are echo and bravo. The map of a
    // hand-made network is public by design (the Lobby API shows setupData too), so its ids and
    // links may reach every client; what must not is any workshop's state.
    const network = {
      kind: 'custom',
      workshops: [
        { id: 'alpha', name: 'Alpha works', inputs: ['echo'] },
        { id: 'bravo', name: 'Bravo works', inputs: ['alpha'] },
        { id: 'charlie', name: 'Charlie works', inputs: ['bravo'] },
        { id: 'delta', name: 'Delta works', inputs: ['charlie'] },
        { id: 'echo', name: 'Echo works', inputs: ['delta'] },
      ],
    };
    const match = await Match.open({ network, humanSeats: 1 }, { spectator: true, start: false });
    track(match);
    expect(match.g.status).toBe('setup');
    // Before the start: the sync's initial state holds no workshop at all, only the map.
    for (const init of initialStatesIn(everything(match.seat('1')))) {
      expect((init as { G: G }).G.workshops).toEqual([]);
    }
    await match.move(FACILITATOR, 'start');
    const view = match.view('1') as unknown as SeatView;
    expect(view.me.id).toBe('alpha');
    expect([...view.suppliers, ...view.customers].map((w) => w.id).sort()).toEqual(['bravo', 'echo']);
    // After the start, charlie's and delta's states never reach seat 1 or the spectator.
    const stateKeys = ['"bins"', '"coins"', '"kaizenPoints"', '"trouble"'];
    for (const client of [match.seat('1'), match.seat(null)]) {
      const received = everything(client);
      const strangers = JSON.stringify(received).match(/\{[^{}]*"id":"(charlie|delta)"[^{}]*\}/g) ?? [];
      for (const object of strangers) for (const key of stateKeys) expect(object.includes(key), object).toBe(false);
    }
  });

  /** The match seed a player predicts by replaying `start` offline from its sync's initial state. */
  async function predictedSeed(match: Match): Promise<string | null> {
    const init = initialStatesIn(everything(match.seat('1')))[0] as { plugins: Record<string, { data?: unknown }> };
    const randomData = init.plugins.random?.data as { seed?: string } | undefined;
    if (randomData?.seed === undefined) return null;
    const offline = Client<G>({
      game: { ...createGame(match.data), seed: randomData.seed },
      numPlayers: match.data.humanSeats + 1,
      playerID: FACILITATOR,
    });
    offline.start();
    offline.moves.start!();
    const seed = (offline.store.getState() as { G: G }).G.secret.seed;
    offline.stop();
    return seed;
  }

  it('[G4][I3] with the server’s seed source (createGame drawSeed) the match seed cannot be recomputed from sync', async () => {
    const match = await Match.open(setupData({ humanSeats: 2 }), { drawSeed: () => crypto.randomUUID() });
    track(match);
    const secretSeed = match.g.secret.seed;
    expect(secretSeed).toMatch(/^[0-9a-f-]{36}$/);
    expect(await predictedSeed(match)).not.toBe(secretSeed);
    expect(seedPieces(secretSeed, everything(match.seat('1')))).toEqual([]);
  });

  it('[G4][I3] warning: WITHOUT drawSeed the seed is recomputable from the sync payload (why the server must inject one)', async () => {
    // boardgame.io sends the unfiltered initial state, with its random plugin's seed, to every
    // client (#1159); `start` draws the match seed from that plugin when no drawSeed is given.
    const match = await Match.open(setupData({ humanSeats: 2 }));
    track(match);
    expect(await predictedSeed(match)).toBe(match.g.secret.seed);
  });
});

describe('the leak checks themselves', () => {
  it('[I2] each check catches a deliberately leaky playerView (so the checks above are not vacuous)', async () => {
    // A view that adds, for seats only: every lateness (bare numbers), other seats' bins under an
    // innocent key, every workshop's name, and one private field name holding an integer.
    const { match, truths, overAt } = await play({
      wrap: (game) => ({
        ...game,
        playerView: (ctx) => {
          const view = game.playerView!(ctx) as unknown as Record<string, unknown>;
          if (view.role !== 'player') return view;
          const g = ctx.G;
          const me = g.workshops.find((w) => w.seat === ctx.playerID);
          return {
            ...view,
            gossip: {
              everyLateness: g.workshops.map((w) => w.lateness),
              stock: g.workshops.filter((w) => w.seat !== null && w !== me).map((w) => w.bins),
              everyone: g.workshops.map((w) => w.name),
              friend: { coins: 1 },
            },
          };
        },
      }),
    });
    const g = match.g;
    const seat = match.seat('1');
    const data = everything(seat, overAt.get('1'));
    const truth = truths.get('1')!;
    const numbers = forbiddenNumbers(data, evidence(truth));
    expect(numbers.some((x) => x.includes('.gossip.everyLateness['))).toBe(true);
    expect(numbers.some((x) => x.includes('.gossip.stock['))).toBe(true);
    expect(strangerNames(g, data, truth.strangers).length).toBe(truth.strangers.size); // names only
    expect(privateFields(data, false).some((p) => p.endsWith('.gossip.friend.coins'))).toBe(true);
  });
});

describe('C1, F6: the map opens during a council and on reveal, private state stays private', () => {
  it('[C1][I5] during a council every seat gets the map (public states) but not others’ bins, coins or dice', async () => {
    const match = await Match.open(setupData({ humanSeats: 4 }), {
      spectator: true,
      config: {
        councilRounds: [2],
        mechanics: { kaizen: false, workers: false, supplierChoice: false, council: true, spot: false },
      },
    });
    track(match);
    const truths = new Map(match.humans.map((s) => [s.id, newTruth()]));
    for (const h of [1, 2, 3, 4]) await match.commit(String(h), binsOf(h, 1));
    const g = match.g;
    expect(g.status).toBe('council');
    expect(g.council).toEqual({ round: 2, votes: {} });
    for (const s of match.humans) observe(g, s.id, truths.get(s.id)!);
    const before = new Map(match.seats().map((s) => [s.id, mark(s)]));
    await match.move('1', 'vote', 2, { kind: 'floor', bin: 2 });
    for (const seat of match.humans) {
      const v = match.view(seat.id);
      expect(v.status).toBe('council');
      const map = v.map as { workshops: Record<string, unknown>[] };
      expect(map.workshops).toHaveLength(12);
      map.workshops.forEach((w, j) => {
        expect(Object.keys(w).sort()).toEqual(
          ['autopilot', 'binding', 'breached', 'id', 'index', 'lateness', 'name', 'suppliers'].sort(),
        );
        expect(w.lateness).toBe(g.workshops[j]!.lateness);
      });
      expect(v.history).toBeNull();
      const data = everything(seat);
      const truth = truths.get(seat.id)!;
      // Lateness is public now; bins, coins, dice and rows of others are not.
      const bad = new Set([...evidence(truth)].filter((x) => !g.workshops.some((w) => w.lateness === x)));
      for (const h of [1, 2, 3, 4].filter((x) => String(x) !== seat.id))
        for (const b of binsOf(h, 1)) expect(bad.has(b)).toBe(true);
      expectNoForbiddenNumbers(seat, data, bad);
      expectPrivateKeysOnlyWhereAllowed(seat, data, false);
      // Votes are counted, not shown.
      expect(v.council).toEqual({ round: 2, votes: 1 });
      const votes = logEntries(everything(seat)).filter((e) => e.type === 'vote' && e.playerID !== seat.id);
      expect(votes.every((e) => e.args === null)).toBe(true);
    }
    // Whatever the spectator sees of the council (view.ts gives it no map), it gets no private state.
    expectPrivateKeysOnlyWhereAllowed(match.spectator!, everything(match.spectator!), false);
    // The map closes again once the council is over.
    for (const h of [2, 3, 4]) await match.move(String(h), 'vote', 2, { kind: 'floor', bin: 2 });
    expect(match.g.status).toBe('playing');
    for (const seat of match.humans) expect(match.view(seat.id).map).toBeNull();
    expect(before.size).toBe(6);
  });

  it('[F6][I5] after the facilitator’s reveal everyone (spectator too) gets the map, but no private state', async () => {
    const match = await Match.open(setupData({ humanSeats: 4 }), { spectator: true });
    track(match);
    for (const h of [1, 2, 3, 4]) await match.commit(String(h), binsOf(h, 1));
    await match.move(FACILITATOR, 'reveal', true);
    const g = match.g;
    for (const seat of [...match.humans, match.spectator!]) {
      const v = match.view(seat.id);
      const map = v.map as { workshops: { id: string; lateness: number }[] };
      expect(map.workshops.map((w) => w.id)).toEqual(g.workshops.map((w) => w.id));
      expectPrivateKeysOnlyWhereAllowed(seat, everything(seat), false);
      expect(v.history).toBeNull();
    }
    await match.move(FACILITATOR, 'reveal', false);
    for (const seat of [...match.humans, match.spectator!]) expect(match.view(seat.id).map).toBeNull();
    // A seat cannot reveal.
    await match.move('1', 'reveal', true);
    expect(match.g.revealed).toBe(false);
  });
});
