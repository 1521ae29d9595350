/**
 * Decisions D1-D6 and the facilitator's exclusive moves (F1-F8), through the real boardgame.io
 * wiring over Local(): every refused move must leave the master's whole stored state (G, ctx,
 * plugins, state id) exactly as it was; accepted commits show up as committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACILITATOR } from '../../game/core/types';
import { neighbours } from '../../game/core/world';
import { Match, Table, clone, decision, makeG, setupData } from './fixtures';

let open: Match[] = [];
afterAll(() => {
  for (const m of open) m.stop();
  open = [];
});

async function openMatch(...args: Parameters<typeof Match.open>): Promise<Match> {
  const m = await Match.open(...args);
  open.push(m);
  return m;
}

/**
 * The master's stored state as JSON (what must not change after a refused move): G, ctx, the state
 * id and every plugin's data. (boardgame.io stores a refused move's state with its plugin API
 * objects attached, `plugins.*.api`: not game state, so left out.)
 */
const stored = (m: Match) => {
  const { G, ctx, plugins, _stateID } = m.server();
  const pluginData = Object.fromEntries(Object.entries(plugins).map(([k, v]) => [k, v.data]));
  return clone({ G, ctx, pluginData, _stateID });
};

/** Send a move that must be refused; the stored state must be deep-equal before and after. */
async function expectRefused(m: Match, seat: string | null, name: string, ...args: unknown[]) {
  const before = stored(m);
  await m.move(seat, name, ...args);
  expect(stored(m), `${name}(${JSON.stringify(args)}) from seat ${String(seat)} changed the state`).toEqual(before);
}

const valid = (m: Match, seat: string) => {
  const g = m.g;
  const w = g.workshops.findIndex((x) => x.seat === seat);
  return { ...decision(g, w, 2), w };
};

describe('D1-D6: invalid commits are refused and change nothing', () => {
  let m: Match;
  beforeAll(async () => {
    m = await openMatch(setupData({ humanSeats: 4 }));
  });

  type Case = [
    name: string,
    seat: string,
    round: (r: number) => unknown,
    patch: (d: Record<string, unknown>) => unknown,
  ];
  const keep = (d: Record<string, unknown>) => d;
  const withBins = (bins: unknown) => (d: Record<string, unknown>) => ({ ...d, bins });
  const cases: Case[] = [
    ['[D6] previous round', '1', (r) => r - 1, (d) => ({ ...d, round: (d.round as number) - 1 })],
    ['[D6] next round', '1', (r) => r + 1, (d) => ({ ...d, round: (d.round as number) + 1 })],
    ['[D6] round argument as a string', '1', (r) => String(r), keep],
    ['[D6] round argument missing', '1', () => undefined, keep],
    ['[D6] decision for another round inside the args', '1', (r) => r, (d) => ({ ...d, round: 2 })],
    ['[D6] decision without a round', '1', (r) => r, ({ round: _round, ...d }) => d],
    ['[D6] the facilitator commits', FACILITATOR, (r) => r, keep],
    ['[D6] extra field (a forged seat)', '1', (r) => r, (d) => ({ ...d, seat: '2' })],
    ['[D6] extra field (a forged workshop)', '1', (r) => r, (d) => ({ ...d, workshop: 3 })],
    ['[D6] decision null', '1', (r) => r, () => null],
    ['[D6] decision an array', '1', (r) => r, (d) => [d]],
    ['[D6] decision a string', '1', (r) => r, (d) => JSON.stringify(d)],
    ['[D6] decision missing', '1', (r) => r, () => undefined],
    ['[D1] bins missing', '1', (r) => r, ({ bins: _bins, ...d }) => d],
    ['[D1] bins null', '1', (r) => r, withBins(null)],
    ['[D1] bins a number', '1', (r) => r, withBins(2)],
    ['[D1] bins an array-like object', '1', (r) => r, withBins({ 0: 2, 1: 2, length: 2 })],
    ['[D1] bins of wrong length (1)', '1', (r) => r, withBins([2])],
    ['[D1] bins of wrong length (3)', '1', (r) => r, withBins([2, 2, 2])],
    ['[D1] bins empty', '1', (r) => r, withBins([])],
    ['[D1] bin NaN', '1', (r) => r, withBins([2, Number.NaN])],
    ['[D1] bin Infinity', '1', (r) => r, withBins([Number.POSITIVE_INFINITY, 2])],
    ['[D1] bin -Infinity', '1', (r) => r, withBins([2, Number.NEGATIVE_INFINITY])],
    ['[D1] bin -1', '1', (r) => r, withBins([-1, 2])],
    ['[D1] bin -0.001', '1', (r) => r, withBins([2, -0.001])],
    ['[D1] bin huge (1e9)', '1', (r) => r, withBins([1e9, 2])],
    ['[D1] bin just above maxBin', '1', (r) => r, withBins([2, 10.000001])],
    ['[D1] bin a string', '1', (r) => r, withBins(['2', 2])],
    ['[D1] bin null', '1', (r) => r, withBins([null, 2])],
    ['[D1] bin a boolean', '1', (r) => r, withBins([true, 2])],
    ['[D1] bin a hole (sparse array)', '1', (r) => r, withBins([, 2])], // eslint-disable-line no-sparse-arrays
    ['[D3] kaizen when kaizen is off', '1', (r) => r, (d) => ({ ...d, kaizenFace: 0 })],
    ['[D4] help when workers are off', '1', (r) => r, (d) => ({ ...d, help: 1 })],
    ['[D5] suppliers not on offer', '1', (r) => r, (d) => ({ ...d, suppliers: [2, 3] })],
    ['[D5] suppliers of wrong length', '1', (r) => r, (d) => ({ ...d, suppliers: [1] })],
    ['[D5] suppliers not an array', '1', (r) => r, (d) => ({ ...d, suppliers: 'all' })],
  ];

  it.each(cases)('%s', async (_name, seat, round, patch) => {
    const g = m.g;
    const w = Math.max(
      0,
      g.workshops.findIndex((x) => x.seat === seat),
    );
    const d = decision(g, w, 2) as unknown as Record<string, unknown>;
    await expectRefused(m, seat, 'commit', round(g.round), patch(d));
    expect(m.g.committed).toEqual({});
  });

  it('[D5] the current suppliers are accepted as a "choice" (then refused once committed: D6 twice)', async () => {
    const g = m.g;
    const { w, ...d } = valid(m, '1');
    await m.move('1', 'commit', g.round, { ...d, suppliers: [...g.workshops[w]!.suppliers] });
    expect(m.g.committed['1']?.suppliers).toEqual(g.workshops[w]!.suppliers);
    // [D6] the same seat commits a second time: refused, the first decision stays.
    await expectRefused(m, '1', 'commit', g.round, { ...d, bins: [7, 7] });
    expect(m.g.committed['1']?.bins).toEqual([2, 2]);
  });

  it('[D6] a spectator (no playerID) cannot commit', async () => {
    const s = await openMatch(setupData({ humanSeats: 2 }), { spectator: true });
    const g = s.g;
    await expectRefused(s, null, 'commit', g.round, decision(g, 0, 2));
  });

  it('[D6] commits before the start and after the game are refused', async () => {
    const s = await openMatch(setupData({ humanSeats: 2 }), { start: false });
    await expectRefused(s, '1', 'commit', 0, { round: 0, bins: [2, 2] });
    await expectRefused(s, '1', 'commit', 1, { round: 1, bins: [2, 2] });
    await s.move(FACILITATOR, 'start');
    await s.move(FACILITATOR, 'endGame');
    expect(s.g.status).toBe('over');
    const g = s.g;
    await expectRefused(s, '1', 'commit', g.round, decision(g, 0, 2));
  });
});

describe('D3-D5 with the mechanics on', () => {
  it('[D4] help: refused to a non-neighbour, to itself, out of range or fractional; accepted to a neighbour', async () => {
    const m = await openMatch(setupData({ humanSeats: 2, mechanics: { workers: true } }));
    const g = m.g;
    const { w, ...d } = valid(m, '1');
    const near = neighbours(g, w);
    const stranger = g.workshops.findIndex((_, j) => j !== w && !near.includes(j));
    expect(stranger).toBeGreaterThanOrEqual(0);
    for (const help of [stranger, w, -1, 12, 99, near[0]! + 0.5, String(near[0]), true])
      await expectRefused(m, '1', 'commit', g.round, { ...d, help });
    await m.move('1', 'commit', g.round, { ...d, help: near[0] });
    expect(m.g.committed['1']?.help).toBe(near[0]);
  });

  it('[D4] help needs the commuting coins', async () => {
    const m = await openMatch(setupData({ humanSeats: 1, mechanics: { workers: true }, costs: { startingCoins: 1 } }));
    const g = m.g;
    const { w, ...d } = valid(m, '1');
    await expectRefused(m, '1', 'commit', g.round, { ...d, help: neighbours(g, w)[0] });
  });

  it('[D3] kaizen with the mechanic on: no points, a face already at 0, or no such face: refused', async () => {
    const m = await openMatch(setupData({ humanSeats: 1, mechanics: { kaizen: true } }));
    const g = m.g;
    const { w: _w, ...d } = valid(m, '1');
    // The die is 0,0,0,1,1,2!: faces 3-5 could go down but cost points (0 held); faces 0-2 are 0.
    for (const kaizenFace of [3, 5, 0, 6, -1, 1.5, '5'])
      await expectRefused(m, '1', 'commit', g.round, { ...d, kaizenFace });
  });
});

describe('D5 supplier choice (pure: a workshop given alternatives by hand)', () => {
  // No registered scenario offers choices yet and custom networks cannot start (rules.test.ts, G4),
  // so slot 0 of workshop 0 gets the alternatives [current, x] directly.
  const table = (supplierChoice: boolean) => {
    const g = makeG({ humanSeats: 1, mechanics: { supplierChoice } });
    const w = g.workshops[0]!;
    const other = g.workshops.findIndex((_, j) => j !== 0 && !w.suppliers.includes(j));
    w.alternatives[0] = [w.suppliers[0]!, other];
    return { t: new Table(g), w, other };
  };

  it('[D5] a supplier not on offer, two inputs from one supplier, a wrong length: refused, nothing changes', () => {
    const { t, w, other } = table(true);
    const stranger = t.g.workshops.findIndex((_, j) => j !== 0 && j !== other && !w.suppliers.includes(j));
    const [s0, s1] = w.suppliers as [number, number];
    for (const suppliers of [[stranger, s1], [s0, other], [s1, s1], [s0], [s0, s1, other], 'x', [String(s0), s1]]) {
      const before = clone(t.g);
      expect(t.commit('1', { ...decision(t.g, 0, 2), suppliers }), JSON.stringify(suppliers)).toBe(false);
      expect(t.g).toEqual(before);
    }
    expect(t.commit('1', { ...decision(t.g, 0, 2), suppliers: [other, s1] })).toBe(true);
    expect(t.g.committed['1']?.suppliers).toEqual([other, s1]);
  });

  it('[D5] with supplier choice switched off, switching is refused; no choice (null) is accepted', () => {
    const { t, w, other } = table(false);
    const [, s1] = w.suppliers as [number, number];
    expect(t.commit('1', { ...decision(t.g, 0, 2), suppliers: [other, s1] })).toBe(false);
    expect(t.g.committed).toEqual({});
    expect(t.commit('1', { ...decision(t.g, 0, 2), suppliers: null })).toBe(true);
  });
});

describe('D6: valid commits are accepted and shown', () => {
  it('[D6] each valid commit is stored, shown as committed to its seat, and waitingFor decreases for everyone', async () => {
    const m = await openMatch(setupData({ humanSeats: 4 }), { spectator: true });
    const g = m.g;
    const variants = [
      { round: g.round, bins: [0, 10] },
      { round: g.round, bins: [2.5, 1.25], kaizenFace: null, help: null, suppliers: null },
      { round: g.round, bins: [3, 3], suppliers: null },
    ];
    for (const [k, d] of variants.entries()) {
      const seat = String(k + 1);
      await m.move(seat, 'commit', g.round, d);
      expect(m.g.committed[seat]?.bins).toEqual(d.bins);
      expect(m.view(seat).committed).toBe(true);
      for (const s of m.seats()) expect(m.view(s.id).waitingFor).toBe(4 - (k + 1));
      expect(m.view(FACILITATOR).committedSeats).toEqual(variants.slice(0, k + 1).map((_, i) => String(i + 1)));
      // The others still owe a decision.
      expect(m.view('4').committed).toBe(false);
    }
    // The last commit closes the round (R0): round 2, nobody committed yet.
    await m.move(
      '4',
      'commit',
      g.round,
      decision(
        m.g,
        m.g.workshops.findIndex((x) => x.seat === '4'),
        2,
      ),
    );
    expect(m.g.round).toBe(2);
    expect(m.view('1').committed).toBe(false);
    expect(m.view('1').waitingFor).toBe(4);
    // R1: committed bins are the stock for the next round; round 1 ran on the starting bins.
    expect(m.g.history[0]!.workshops[0]!.bins).toEqual([2.5, 2.5]);
    expect(m.g.workshops[0]!.bins).toEqual([0, 10]);
  });
});

describe('F1-F8: facilitator-only moves are refused from player seats', () => {
  let m: Match;
  beforeAll(async () => {
    m = await openMatch(setupData({ humanSeats: 3 }), { spectator: true });
  });

  const moves: [string, string, (round: number) => unknown[]][] = [
    ['F1', 'closeRound', (r) => [r]],
    ['F2', 'pause', () => []],
    ['F3', 'shock', () => [{ kind: 'delay', workshop: 1, hours: 3 }]],
    ['F6', 'reveal', () => [true]],
    ['F7', 'setPresence', () => ['2', false]],
    ['F8', 'endGame', () => []],
    ['G4', 'start', () => []],
  ];
  for (const [id, name, args] of moves)
    it(`[${id}] ${name} is refused from seats 1-3 and from a spectator`, async () => {
      for (const seat of ['1', '2', '3', null]) await expectRefused(m, seat, name, ...args(m.g.round));
    });

  it('[F2] resume from a seat while paused', async () => {
    await m.move(FACILITATOR, 'pause');
    expect(m.g.paused).toBe(true);
    for (const seat of ['1', '2', '3', null]) await expectRefused(m, seat, 'resume');
    await m.move(FACILITATOR, 'resume');
    expect(m.g.paused).toBe(false);
  });

  it('[G4] start from a seat before the start, and a second start by the facilitator', async () => {
    const s = await openMatch(setupData({ humanSeats: 2 }), { start: false });
    for (const seat of ['1', '2']) await expectRefused(s, seat, 'start');
    await s.move(FACILITATOR, 'start');
    expect(s.g.status).toBe('playing');
    await expectRefused(s, FACILITATOR, 'start');
  });

  it('[R0][F1] a seat cannot close the round with boardgame.io’s endTurn event (the game must not resolve on it)', async () => {
    const s = await openMatch(setupData({ humanSeats: 2 }));
    await s.commit('1', 2);
    const before = stored(s);
    s.seat('1').client.store.dispatch({
      type: 'GAME_EVENT',
      payload: { type: 'endTurn', args: undefined, playerID: '1' },
    });
    await s.settle();
    // Seat 2 has not committed: the round must still be open, nothing resolved, seat 1's commit kept.
    expect(s.g.round).toBe(1);
    expect(s.g.history).toHaveLength(0);
    expect(s.g.committed).toEqual(before.G.committed);
  });
});
