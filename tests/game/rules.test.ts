/**
 * Game rules on a plain G (pure: the game's real moves and turn functions applied by `Table`, no
 * boardgame.io), plus the few rules that need boardgame.io's flow (ctx.gameover) over Local().
 * G1 setupData, G4 start, R0-R8 rounds and resolution, D2-D3 where resolution matters, C1-C4
 * council, F2/F7/F8 facilitator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tally } from '../../game/core/council';
import { binFloor } from '../../game/core/decisions';
import { verdictText } from '../../game/core/refusals';
import { autopilotDecision, roundComplete } from '../../game/core/round';
import { canShock } from '../../game/core/shocks';
import { diceStream, resolveRound, roll } from '../../game/core/resolve';
import { initialState, parseSetupData, validateSetupData } from '../../game/core/setup';
import { FACILITATOR, type Decision, type G, type Shock } from '../../game/core/types';
import { buildWorld, neighbours, seatWorkshop } from '../../game/core/world';
import { unwrap } from '../../game/engine/result';
import { Match, Table, clone, decision, makeG, setupData } from './fixtures';

/** The first `count` rolls of workshop i's stream in round r (with its die as it is now). */
function rolls(g: G, round: number, i: number, count: number): number[] {
  const stream = diceStream(g.secret.seed, round, i);
  return Array.from({ length: count }, () => roll(g.workshops[i]!, stream));
}

/** Every human seat commits `bins(seat)`; then the facilitator closes the round if it is still open. */
function playRound(t: Table, bins: (seat: string, w: number) => number | number[] = () => 2.5, extra = {}) {
  const round = t.g.round;
  t.g.workshops.forEach((w, i) => {
    if (w.seat !== null && !t.g.absent.includes(w.seat))
      expect(t.commit(w.seat, decision(t.g, i, bins(w.seat, i), extra)), `commit of seat ${w.seat}`).toBe(true);
  });
  if (t.g.round === round && t.g.status === 'playing') t.settle();
  if (t.g.round === round && t.g.status === 'playing') t.close();
}

/** All-bot decisions for resolveRound: every workshop keeps bins `bin`, nothing else. */
const botDecisions = (g: G, bin: number): Decision[] => g.workshops.map((_, i) => decision(g, i, bin));

describe('G1 setupData, G4 start', () => {
  it('[G1] valid setupData parses; unknown fields and bad values are refused with a message naming them', () => {
    expect(parseSetupData(setupData()).ok).toBe(true);
    const bad: [unknown, RegExp][] = [
      [null, /object/],
      [{ humanSeats: 2 }, /scenario/],
      [setupData({ scenario: 'nope' }), /nope/],
      [{ ...setupData(), cheat: 1 }, /cheat/],
      [setupData({ humanSeats: 13 }), /humanSeats/],
      [setupData({ humanSeats: 1.5 }), /humanSeats/],
      [setupData({ rounds: 0 }), /rounds/],
      [setupData({ rounds: 501 }), /rounds/],
      [setupData({ roundSeconds: 5 }), /roundSeconds/],
      [setupData({ trouble: 'faces:' }), /trouble/],
      [setupData({ mechanics: { spot: true } }), /spot/],
      [setupData({ mechanics: { kaizen: true }, trouble: 'exp:1' }), /kaizen/],
      [setupData({ costs: { rent: -1 } }), /rent/],
      [setupData({ seed: { policy: 'fixed', value: 'a b' } as never }), /seed/],
      [setupData({ seed: { policy: 'random', value: 'x' } as never }), /seed/],
      [setupData({ autopilot: 'planner' }), /planner/],
      [setupData({ newRoad: true }), /newRoad/],
    ];
    for (const [data, message] of bad) {
      const result = parseSetupData(data);
      expect(result.ok, JSON.stringify(data)).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
  });

  it('[G1] numPlayers must be humanSeats + 1 (the facilitator’s seat)', () => {
    expect(validateSetupData(setupData({ humanSeats: 3 }), 4)).toBeUndefined();
    expect(validateSetupData(setupData({ humanSeats: 3 }), 3)).toMatch(/humanSeats \+ 1/);
    expect(validateSetupData({ humanSeats: 3 }, 4)).toMatch(/scenario/);
  });

  it('[G3] the initial state holds the public configuration only: no workshops, no seed', () => {
    const g = initialState(unwrap(parseSetupData(setupData())));
    expect(g.status).toBe('setup');
    expect(g.round).toBe(0);
    expect(g.workshops).toEqual([]);
    expect(g.secret.seed).toBe('');
  });

  it('[G4][G2] start builds the world from the seed: seats spread evenly, scenario bins, coins, workers and die', () => {
    const t = new Table(makeG({ humanSeats: 4 }, { unstarted: true }));
    expect(t.move('1', 'start')).toBe(false);
    expect(t.move(FACILITATOR, 'start')).toBe(true);
    const g = t.g;
    expect(g.status).toBe('playing');
    expect(g.round).toBe(1);
    expect(g.secret.seed).not.toBe('');
    expect(g.workshops).toHaveLength(12);
    expect(g.workshops.map((w) => w.seat)).toEqual([
      '1',
      null,
      null,
      '2',
      null,
      null,
      '3',
      null,
      null,
      '4',
      null,
      null,
    ]);
    for (let h = 1; h <= 4; h++) expect(g.workshops[seatWorkshop(h, 4, 12)]!.seat).toBe(String(h));
    for (const [i, w] of g.workshops.entries()) {
      expect(w.suppliers).toHaveLength(2);
      expect(new Set(w.suppliers).size).toBe(2);
      expect(w.suppliers).not.toContain(i);
      expect(w.bins).toEqual([2.5, 2.5]);
      expect(w.coins).toBe(200);
      expect(w.workers).toBe(1);
      expect(w.trouble).toEqual({
        kind: 'die',
        die: { faces: [0, 0, 0, 1, 1, 2], explodes: [false, false, false, false, false, true] },
      });
      expect(w.autopilot).toBe(w.seat === null);
    }
    expect(t.move(FACILITATOR, 'start')).toBe(false);
  });

  it('[G4] the same seed gives the same world; different seeds give different maps', () => {
    const a = makeG({}, { seed: 'alpha' });
    const b = makeG({}, { seed: 'alpha' });
    expect(a).toEqual(b);
    const maps = ['s1', 's2', 's3', 's4'].map((seed) =>
      JSON.stringify(makeG({}, { seed }).workshops.map((w) => w.suppliers)),
    );
    expect(new Set(maps).size).toBeGreaterThan(1);
  });

  it('[G4] the random policy draws the seed from the random plugin; the fixed policy uses the published seed', () => {
    const seeds = [0.1, 0.7].map((x) => {
      const t = new Table(makeG({}, { unstarted: true }), () => x);
      t.move(FACILITATOR, 'start');
      return t.g.secret.seed;
    });
    expect(seeds[0]).not.toBe(seeds[1]);
    const fixed = new Table(makeG({ seed: { policy: 'fixed', value: 'challenge-1' } }, { unstarted: true }), () => 0.3);
    fixed.move(FACILITATOR, 'start');
    expect(fixed.g.secret.seed).toBe('challenge-1');
    expect(fixed.g.workshops).toEqual(
      makeG({ seed: { policy: 'fixed', value: 'challenge-1' } }, { seed: 'challenge-1' }).workshops,
    );
  });

  it('[G4] a custom network from setupData.network can be started', () => {
    const network = {
      kind: 'custom',
      workshops: [
        { id: 'a', name: 'Anvil', inputs: ['c'] },
        { id: 'b', inputs: ['a'] },
        { id: 'c', inputs: ['a', 'b'] },
      ],
    };
    const g = initialState(unwrap(parseSetupData({ network, humanSeats: 1 })));
    expect(() => buildWorld(g, 'custom-seed')).not.toThrow();
    expect(g.workshops.map((w) => w.id)).toEqual(['a', 'b', 'c']);
    expect(g.workshops.map((w) => w.suppliers)).toEqual([[2], [0], [0, 1]]);
  });
});

describe('R0 closing a round, autopilot', () => {
  it('[R0] the round closes when every present human has committed, not before', () => {
    const t = new Table(makeG({ humanSeats: 3 }));
    expect(t.turnOver()).toBe(false);
    expect(t.commit('1', decision(t.g, 0, 2))).toBe(true);
    expect(t.commit('2', decision(t.g, 4, 2))).toBe(true);
    expect(t.turnOver()).toBe(false);
    expect(t.commit('3', decision(t.g, 8, 2))).toBe(true);
    expect(t.turnOver()).toBe(true);
    expect(t.settle()).toBe(1);
    expect(t.g.round).toBe(2);
    expect(t.g.committed).toEqual({});
    expect(t.g.history).toHaveLength(1);
  });

  it('[R0][F1] closeRound closes it at once; missing decisions go to the autopilot and are marked', () => {
    const t = new Table(makeG({ humanSeats: 3 }));
    expect(t.commit('2', decision(t.g, 4, 1.75))).toBe(true);
    expect(t.move(FACILITATOR, 'closeRound', 2)).toBe(false);
    expect(t.move(FACILITATOR, 'closeRound', 0)).toBe(false);
    expect(t.move('2', 'closeRound', 1)).toBe(false);
    expect(t.close()).toBe(1);
    const row = t.g.history[0]!.workshops;
    row.forEach((w, i) => {
      expect(w.autopilot, `workshop ${i}`).toBe(i !== 4);
      expect(t.g.workshops[i]!.autopilot).toBe(i !== 4);
      // The decisions set the next round's bins (R1): seat 2's commit, steady:2.5 for the rest.
      expect(t.g.workshops[i]!.bins).toEqual(i === 4 ? [1.75, 1.75] : [2.5, 2.5]);
    });
  });

  it('[R0] a round without humans (all bots, or every human absent) closes only by closeRound', () => {
    const bots = new Table(makeG({ humanSeats: 0 }));
    for (let k = 0; k < 3; k++) expect(bots.settle()).toBe(0);
    expect(roundComplete(bots.g)).toBe(false);
    expect(bots.close()).toBe(1);
    expect(bots.g.round).toBe(2);
    expect(bots.g.history[0]!.workshops.every((w) => w.autopilot)).toBe(true);

    const away = new Table(makeG({ humanSeats: 2 }));
    expect(away.move(FACILITATOR, 'setPresence', '1', false)).toBe(true);
    expect(away.move(FACILITATOR, 'setPresence', '2', false)).toBe(true);
    expect(away.settle()).toBe(0);
    expect(away.close()).toBe(1);
    expect(away.g.history[0]!.workshops.every((w) => w.autopilot)).toBe(true);
  });

  it('[R0][B0] the autopilot decision is the policy’s, validated like a commit', () => {
    const g = makeG({ humanSeats: 1, autopilot: 'steady:3.25' });
    expect(autopilotDecision(g, 5)).toEqual({
      round: 1,
      bins: [3.25, 3.25],
      kaizenFace: null,
      help: null,
      suppliers: null,
    });
    // A human's workshop on autopilot gets the same; the seat stays with its human.
    expect(autopilotDecision(g, 0).bins).toEqual([3.25, 3.25]);
    expect(g.workshops[0]!.seat).toBe('1');
    // Under a council floor the policy's bin is raised to it.
    g.rule = { kind: 'floor', bin: 4 };
    expect(autopilotDecision(g, 5).bins).toEqual([4, 4]);
  });
});

describe('R1-R3 resolution', () => {
  it('[R2] lateness = max(0, max_j(incoming_j - b_j)) + trouble, incoming = suppliers’ lateness of the round before', () => {
    const t = new Table(makeG({ humanSeats: 4, autopilot: 'steady:0.5', trouble: 'faces:0,1,2,3' }, { seed: 'r2' }));
    const binsOf = (_s: string, i: number) => [0.25 + (i % 3) * 0.5, 1.5 - (i % 2)];
    let breaches = 0;
    let propagated = 0;
    for (let r = 1; r <= 6; r++) {
      const before = t.g.workshops.map((w) => w.lateness);
      playRound(t, binsOf);
      const record = t.g.history.at(-1)!;
      expect(record.round).toBe(r);
      record.workshops.forEach((row, i) => {
        expect(row.incoming).toEqual(row.suppliers.map((s) => before[s]));
        const excess = row.incoming.map((x, j) => x - row.bins[j]!);
        const worst = Math.max(...excess);
        expect(row.lateness, `round ${r} workshop ${i}`).toBe(Math.max(0, worst) + row.trouble);
        expect(row.breached).toBe(worst > 0);
        if (row.breached) expect(row.binding).toBe(row.suppliers[excess.indexOf(worst)]);
        expect(t.g.workshops[i]!.lateness).toBe(row.lateness);
        breaches += row.breached ? 1 : 0;
        propagated += row.lateness > row.trouble ? 1 : 0;
      });
      expect(record.meanLateness).toBeCloseTo(record.workshops.reduce((s, w) => s + w.lateness, 0) / 12, 12);
      expect(record.breachRate).toBe(record.workshops.filter((w) => w.breached).length / 12);
    }
    expect(breaches).toBeGreaterThan(5);
    expect(propagated).toBeGreaterThan(5);
  });

  it('[R1] committed bins are the stock of the next round: round r runs on the bins decided in round r - 1', () => {
    const t = new Table(makeG({ humanSeats: 2 }));
    playRound(t, (seat) => (seat === '1' ? [0.5, 4] : [3, 3]));
    expect(t.g.history[0]!.workshops[0]!.bins).toEqual([2.5, 2.5]); // the starting bins
    expect(t.g.workshops[0]!.bins).toEqual([0.5, 4]);
    expect(t.g.workshops[6]!.bins).toEqual([3, 3]);
    playRound(t, (seat) => (seat === '1' ? [1, 1] : [2, 2]));
    expect(t.g.history[1]!.workshops[0]!.bins).toEqual([0.5, 4]);
    expect(t.g.history[1]!.workshops[6]!.bins).toEqual([3, 3]);
    expect(t.g.workshops[0]!.bins).toEqual([1, 1]);
  });

  it('[R3] trouble comes from the stream seed/round-r/w-i: the same seed gives the same dice, another seed others', () => {
    const run = (seed: string) => {
      const t = new Table(makeG({ humanSeats: 2, trouble: 'd6' }, { seed }));
      for (let r = 0; r < 5; r++) playRound(t);
      return t.g.history.map((h) => h.workshops.map((w) => w.trouble));
    };
    expect(run('same')).toEqual(run('same'));
    expect(run('same')).not.toEqual(run('other'));
    const t = new Table(makeG({ humanSeats: 2, trouble: 'd6' }, { seed: 'same' }));
    for (let r = 1; r <= 3; r++) {
      const expected = t.g.workshops.map((_, i) => rolls(t.g, r, i, 1)[0]);
      playRound(t);
      expect(t.g.history.at(-1)!.workshops.map((w) => w.trouble)).toEqual(expected);
    }
  });

  it('[R3] a different decision by one workshop changes nobody’s dice (bins), and help only the two concerned', () => {
    const base = () =>
      new Table(makeG({ humanSeats: 2, trouble: 'd6', mechanics: { workers: true } }, { seed: 'dice' }));
    const a = base();
    const b = base();
    for (let r = 0; r < 4; r++) {
      playRound(a, () => 2.5);
      playRound(b, (seat) => (seat === '1' ? [0, 9.5] : 2.5));
    }
    const dice = (t: Table) => t.g.history.map((h) => h.workshops.map((w) => w.trouble));
    expect(dice(b)).toEqual(dice(a));
    expect(b.g.history.map((h) => h.meanLateness)).not.toEqual(a.g.history.map((h) => h.meanLateness));
    // Help from seat 1 (workshop 0) to its neighbour: only workshops 0 and that neighbour may differ.
    const c = base();
    const target = neighbours(c.g, 0)[0]!;
    for (let r = 0; r < 4; r++) {
      expect(c.commit('1', decision(c.g, 0, 2.5, { help: target }))).toBe(true);
      expect(c.commit('2', decision(c.g, 6, 2.5))).toBe(true);
      expect(c.settle()).toBe(1);
    }
    expect(c.g.history.some((h, r) => h.workshops[target]!.trouble !== dice(a)[r]![target])).toBe(true);
    c.g.history.forEach((h, r) =>
      h.workshops.forEach((w, i) => {
        if (i !== 0 && i !== target) expect(w.trouble, `round ${r + 1} workshop ${i}`).toBe(dice(a)[r]![i]);
      }),
    );
  });
});

describe('R4-R7 workers, congestion, costs, line stops and kaizen', () => {
  it('[R4] the helped workshop keeps the lowest of its rolls, the sender the higher of two; commuting is paid', () => {
    const t = new Table(makeG({ humanSeats: 1, trouble: 'd6', mechanics: { workers: true } }, { seed: 'help' }));
    const target = neighbours(t.g, 0)[0]!;
    let mattered = 0;
    for (let r = 1; r <= 8; r++) {
      const [a1, a2] = rolls(t.g, r, 0, 2) as [number, number];
      const [b1, , b3] = rolls(t.g, r, target, 3) as [number, number, number];
      const coins = t.g.workshops[0]!.coins;
      expect(t.commit('1', decision(t.g, 0, 2.5, { help: target }))).toBe(true);
      t.settle();
      const row = t.g.history.at(-1)!.workshops;
      expect(row[0]!.trouble).toBe(Math.max(a1, a2));
      expect(row[target]!.trouble).toBe(Math.min(b1, b3));
      expect(row[0]!.help).toBe(target);
      expect(t.g.workshops[0]!.coins).toBeCloseTo(coins - row[0]!.rent - row[0]!.penalty - 2, 10);
      if (a2 > a1 || b3 < b1) mattered++;
    }
    expect(mattered).toBeGreaterThan(2);
  });

  it('[R4] two helpers: the helped workshop keeps the lowest of its first roll and one extra roll per helper', () => {
    const g = makeG({ humanSeats: 0, trouble: 'd6', mechanics: { workers: true } }, { seed: 'two-helpers' });
    const d = botDecisions(g, 2.5).map((x, i) => (i === 1 || i === 2 ? { ...x, help: 0 } : x));
    const [c1, , c3, c4] = rolls(g, 1, 0, 4) as [number, number, number, number];
    const record = resolveRound(
      g,
      d,
      d.map(() => true),
      2.5,
    );
    expect(record.workshops[0]!.trouble).toBe(Math.min(c1, c3, c4));
    expect(record.totalCost).toBeCloseTo(record.workshops.reduce((s, w) => s + w.rent + w.penalty, 0) + 2 * 2, 10);
  });

  it('[R5] congestion: trouble grows by congestion x max(0, customers - congestionFree)', () => {
    const t = new Table(
      makeG(
        { humanSeats: 0, mechanics: { supplierChoice: true }, costs: { congestion: 1.5, congestionFree: 1 } },
        { seed: 'cong' },
      ),
    );
    const customers = t.g.workshops.map((_, i) => t.g.workshops.filter((w) => w.suppliers.includes(i)).length);
    expect(Math.max(...customers)).toBeGreaterThanOrEqual(2);
    expect(Math.min(...customers)).toBeLessThanOrEqual(1);
    const plain = t.g.workshops.map((_, i) => rolls(t.g, 1, i, 1)[0]!);
    t.close();
    t.g.history[0]!.workshops.forEach((row, i) =>
      expect(row.trouble, `workshop ${i}`).toBe(plain[i]! + 1.5 * Math.max(0, customers[i]! - 1)),
    );
    // Without supplier choice there is no congestion.
    const off = new Table(makeG({ humanSeats: 0, costs: { congestion: 1.5, congestionFree: 1 } }, { seed: 'cong' }));
    off.close();
    expect(off.g.history[0]!.workshops.map((w) => w.trouble)).toEqual(plain);
  });

  it('[R6] rent = (rent + rentGrowth (round - 1)) x sum of bins, penalty = latePenalty x lateness, both from coins', () => {
    const t = new Table(
      makeG({ humanSeats: 2, costs: { rent: 1.5, rentGrowth: 0.25, latePenalty: 3 } }, { seed: 'cost' }),
    );
    for (let r = 1; r <= 4; r++) {
      const coins = t.g.workshops.map((w) => w.coins);
      playRound(t, (seat) => (seat === '1' ? [1, 3.5] : [0.5, 2]));
      const record = t.g.history.at(-1)!;
      record.workshops.forEach((row, i) => {
        const w = t.g.workshops[i]!;
        expect(row.rent).toBe((1.5 + 0.25 * (r - 1)) * (row.bins[0]! + row.bins[1]!));
        expect(row.penalty).toBe(3 * row.lateness);
        expect(w.lastRent).toBe(row.rent);
        expect(w.lastPenalty).toBe(row.penalty);
        expect(w.coins).toBeCloseTo(coins[i]! - row.rent - row.penalty, 10);
      });
      expect(record.totalCost).toBeCloseTo(
        record.workshops.reduce((s, w) => s + w.rent + w.penalty, 0),
        10,
      );
    }
    expect(t.g.history.some((h) => h.workshops.some((w) => w.penalty > 0))).toBe(true);
  });

  it('[R7] every breach is a line stop; kaizen points are earned only with kaizen on', () => {
    for (const kaizen of [false, true]) {
      const t = new Table(makeG({ humanSeats: 2, autopilot: 'steady:0', mechanics: { kaizen } }, { seed: 'andon' }));
      for (let r = 0; r < 6; r++) playRound(t, () => 0);
      t.g.workshops.forEach((w, i) => {
        const stops = t.g.history.filter((h) => h.workshops[i]!.breached).length;
        expect(w.lineStops).toBe(stops);
        expect(w.kaizenPoints).toBe(kaizen ? stops : 0);
      });
      expect(t.g.workshops.reduce((s, w) => s + w.lineStops, 0)).toBeGreaterThan(10);
    }
  });

  it('[D3][R7] kaizen lowers one face by one hour before the roll, costs kaizenCost points, never below 0', () => {
    const t = new Table(
      makeG({ humanSeats: 1, mechanics: { kaizen: true }, costs: { kaizenCost: 2 } }, { seed: 'kaizen' }),
    );
    const w = t.g.workshops[0]!;
    expect(t.commit('1', decision(t.g, 0, 2.5, { kaizenFace: 5 }))).toBe(false); // no points yet
    w.kaizenPoints = 5;
    expect(t.commit('1', decision(t.g, 0, 2.5, { kaizenFace: 0 }))).toBe(false); // face 0 is already 0
    expect(t.commit('1', decision(t.g, 0, 2.5, { kaizenFace: 3 }))).toBe(true);
    t.settle();
    const die = () => (t.g.workshops[0]!.trouble as { die: { faces: number[] } }).die.faces;
    expect(die()).toEqual([0, 0, 0, 0, 1, 2]);
    expect(t.g.workshops[0]!.kaizenPoints).toBe(3 + (t.g.workshops[0]!.breached ? 1 : 0));
    // The lowered face is used from this round on: recompute the roll with the new die.
    expect(t.g.history[0]!.workshops[0]!.trouble).toBe(rolls(t.g, 1, 0, 1)[0]);
    expect(t.commit('1', decision(t.g, 0, 2.5, { kaizenFace: 3 }))).toBe(false); // now 0
    // Only this workshop's die changed.
    for (const x of t.g.workshops.slice(1)) expect(x.trouble).toEqual(makeG().workshops[0]!.trouble);
    expect(w.trouble).toBe(t.g.workshops[0]!.trouble);
  });
});

describe('R8 shocks', () => {
  it('[R8][F3] delay adds its hours at the workshop in the next resolution only', () => {
    const t = new Table(makeG({ humanSeats: 0 }, { seed: 'delay' }));
    expect(t.move(FACILITATOR, 'shock', { kind: 'delay', workshop: 5, hours: 4.5 })).toBe(true);
    expect(t.g.pendingShocks).toHaveLength(1);
    const plain = rolls(t.g, 1, 5, 1)[0]!;
    t.close();
    expect(t.g.history[0]!.workshops[5]!.trouble).toBe(plain + 4.5);
    expect(t.g.history[0]!.shocks).toEqual([{ kind: 'delay', workshop: 5, hours: 4.5 }]);
    expect(t.g.pendingShocks).toEqual([]);
    const next = rolls(t.g, 2, 5, 1)[0]!;
    t.close();
    expect(t.g.history[1]!.workshops[5]!.trouble).toBe(next);
  });

  it('[R8][F3] a storm adds its extra hours to every roll of its region for N rounds', () => {
    const t = new Table(makeG({ humanSeats: 0 }, { seed: 'storm' }));
    t.close(); // round 1 calm
    expect(t.move(FACILITATOR, 'shock', { kind: 'storm', workshops: [2, 3], rounds: 2, extra: 1.25 })).toBe(true);
    for (const r of [2, 3, 4]) {
      const plain = t.g.workshops.map((_, i) => rolls(t.g, r, i, 1)[0]!);
      t.close();
      const got = t.g.history.at(-1)!.workshops.map((w) => w.trouble);
      const extra = r <= 3 ? 1.25 : 0;
      expect(got, `round ${r}`).toEqual(plain.map((x, i) => (i === 2 || i === 3 ? x + extra : x)));
    }
    expect(t.g.storms).toEqual([]);
  });

  it('[F3] a shock kind that every object inherits (constructor, toString, __proto__...) is refused, not a crash', () => {
    const t = new Table(makeG({ humanSeats: 0 }, { seed: 'proto' }));
    const before = clone(t.g);
    for (const kind of [
      'constructor',
      'toString',
      '__proto__',
      'valueOf',
      'hasOwnProperty',
      'isPrototypeOf',
      1,
      null,
    ]) {
      expect(verdictText(canShock(t.g, { kind })), String(kind)).toBe('shock kind must be delay, storm, cut or open');
      expect(t.move(FACILITATOR, 'shock', { kind })).toBe(false);
    }
    expect(t.g).toEqual(before);
  });

  it('[R8][F5] cut removes a link at the next resolution; cutting a workshop’s last input is refused', () => {
    const t = new Table(makeG({ humanSeats: 0 }, { seed: 'cut' }));
    const [a, b] = t.g.workshops[4]!.suppliers as [number, number];
    expect(t.move(FACILITATOR, 'shock', { kind: 'cut', workshop: 4, supplier: a })).toBe(true);
    expect(t.g.workshops[4]!.suppliers).toEqual([a, b]); // not yet
    t.close();
    expect(t.g.workshops[4]!.suppliers).toEqual([b]);
    expect(t.g.workshops[4]!.bins).toHaveLength(1);
    expect(t.g.history[0]!.workshops[4]!.suppliers).toEqual([b]);
    const before = clone(t.g);
    expect(verdictText(canShock(t.g, { kind: 'cut', workshop: 4, supplier: b }))).toMatch(/at least one/);
    expect(t.move(FACILITATOR, 'shock', { kind: 'cut', workshop: 4, supplier: b })).toBe(false);
    expect(t.move(FACILITATOR, 'shock', { kind: 'cut', workshop: 4, supplier: a })).toBe(false); // no such link now
    expect(t.g).toEqual(before);
    // The next round runs with one input.
    t.close();
    const row = t.g.history[1]!.workshops[4]!;
    expect(row.lateness).toBe(Math.max(0, row.incoming[0]! - row.bins[0]!) + row.trouble);
  });

  it('[R8][F4] open adds a link: a new input with the starting bin (no choices at that workshop)', () => {
    const t = new Table(makeG({ humanSeats: 1 }, { seed: 'open' }));
    const w = t.g.workshops[0]!;
    const c = t.g.workshops.findIndex((_, j) => j !== 0 && !w.suppliers.includes(j));
    expect(t.move(FACILITATOR, 'shock', { kind: 'open', workshop: 0, supplier: w.suppliers[0] })).toBe(false);
    expect(t.move(FACILITATOR, 'shock', { kind: 'open', workshop: 0, supplier: c })).toBe(true);
    const suppliers = [...w.suppliers];
    playRound(t, () => 1);
    expect(t.g.workshops[0]!.suppliers).toEqual([...suppliers, c]);
    // The inputs changed this round, so the two-bin decision is dropped: the bins in effect stay.
    expect(t.g.workshops[0]!.bins).toEqual([2.5, 2.5, 2.5]);
    expect(t.g.history[0]!.workshops[0]!.suppliers).toEqual([...suppliers, c]);
    expect(neighbours(t.g, c)).toContain(0);
    // The seat now commits three bins; two are refused.
    expect(t.commit('1', decision(t.g, 0, [1, 1]))).toBe(false);
    expect(t.commit('1', decision(t.g, 0, [1, 1, 1]))).toBe(true);
  });

  it('[R8][N3] in a spot market links are redrawn every round: cut and open are refused, delay is not', () => {
    const t = new Table(makeG({ scenario: 'spot-market', humanSeats: 0 }, { seed: 'spot' }));
    const w = t.g.workshops[0]!;
    const other = t.g.workshops.findIndex((_, j) => j !== 0 && !w.suppliers.includes(j));
    expect(t.move(FACILITATOR, 'shock', { kind: 'cut', workshop: 0, supplier: w.suppliers[0] })).toBe(false);
    expect(t.move(FACILITATOR, 'shock', { kind: 'open', workshop: 0, supplier: other })).toBe(false);
    expect(t.move(FACILITATOR, 'shock', { kind: 'delay', workshop: 0, hours: 1 })).toBe(true);
    t.close();
    t.close();
    for (const x of t.g.workshops) expect(x.bins).toHaveLength(x.suppliers.length);
  });

  it('[F3] malformed shocks are refused', () => {
    const t = new Table(makeG({ humanSeats: 0 }));
    const bad: unknown[] = [
      null,
      'delay',
      { kind: 'quake', workshop: 1 },
      { kind: 'delay', workshop: 12, hours: 1 },
      { kind: 'delay', workshop: 1.5, hours: 1 },
      { kind: 'delay', workshop: 1, hours: 0 },
      { kind: 'delay', workshop: 1, hours: 101 },
      { kind: 'delay', workshop: 1, hours: Number.NaN },
      { kind: 'delay', workshop: 1, hours: 1, extra: 1 },
      { kind: 'storm', workshops: [], rounds: 1, extra: 1 },
      { kind: 'storm', workshops: [1], rounds: 0, extra: 1 },
      { kind: 'storm', workshops: [1], rounds: 1, extra: 21 },
      { kind: 'cut', workshop: 1, supplier: 1 },
      { kind: 'open', workshop: 1, supplier: 99 },
    ];
    const before = clone(t.g);
    for (const shock of bad) expect(t.move(FACILITATOR, 'shock', shock), JSON.stringify(shock)).toBe(false);
    expect(t.g).toEqual(before);
    const shock: Shock = { kind: 'delay', workshop: 1, hours: 2 };
    expect(t.move(FACILITATOR, 'shock', shock)).toBe(true);
  });
});

describe('C1-C4 council', () => {
  const councilG = (rounds: number[] = [2], humanSeats = 3) =>
    makeG(
      { humanSeats },
      {
        seed: 'council',
        config: {
          councilRounds: rounds,
          mechanics: { kaizen: false, workers: false, supplierChoice: false, council: true, spot: false },
        },
      },
    );

  it('[C1] the council sits before its round: no commits, only votes', () => {
    const t = new Table(councilG());
    playRound(t);
    expect(t.g.status).toBe('council');
    expect(t.g.round).toBe(2);
    expect(t.g.council).toEqual({ round: 2, votes: {} });
    expect(t.commit('1', decision(t.g, 0, 2))).toBe(false);
    expect(t.move('1', 'vote', 2, 'none')).toBe(true);
  });

  it('[C2] each present human votes once; the facilitator, a wrong round and malformed proposals are refused', () => {
    const t = new Table(councilG());
    playRound(t);
    const bad: [string, unknown, unknown][] = [
      [FACILITATOR, 2, 'none'],
      ['1', 1, 'none'],
      ['1', 3, 'none'],
      ['1', 2, 'floor'],
      ['1', 2, { kind: 'floor', bin: -1 }],
      ['1', 2, { kind: 'floor', bin: 10.5 }],
      ['1', 2, { kind: 'floor', bin: Number.NaN }],
      ['1', 2, { kind: 'floor', bin: 2, total: 3 }],
      ['1', 2, { kind: 'budget', total: 1e9 }],
      ['1', 2, { kind: 'tax', rate: 1 }],
      ['1', 2, null],
      ['9', 2, 'none'],
    ];
    const before = clone(t.g);
    for (const [seat, round, proposal] of bad)
      expect(t.move(seat, 'vote', round, proposal), `${seat} ${JSON.stringify(proposal)}`).toBe(false);
    expect(t.g).toEqual(before);
    expect(t.move('1', 'vote', 2, { kind: 'floor', bin: 3 })).toBe(true);
    expect(t.move('1', 'vote', 2, 'none')).toBe(false);
    expect(t.g.council!.votes).toEqual({ '1': { kind: 'floor', bin: 3 } });
  });

  it('[C3] tally: the majority kind wins with the median of its values; a tie keeps the current rule', () => {
    const floor = (bin: number) => ({ kind: 'floor', bin }) as const;
    const budget = (total: number) => ({ kind: 'budget', total }) as const;
    expect(tally({})).toBeNull();
    expect(tally({ 1: floor(2), 2: floor(4), 3: floor(3) })).toEqual(floor(3));
    expect(tally({ 1: floor(2), 2: floor(5) })).toEqual(floor(3.5));
    expect(tally({ 1: budget(30), 2: budget(50), 3: floor(9) })).toEqual(budget(40));
    expect(tally({ 1: 'none', 2: 'none', 3: floor(9) })).toBe('none');
    expect(tally({ 1: floor(2), 2: budget(30) })).toBeNull();
    expect(tally({ 1: floor(2), 2: budget(30), 3: 'none' })).toBeNull();
  });

  it('[C4][D2] a floor applies from the round that follows: lower bins are refused, the autopilot is raised', () => {
    const t = new Table(councilG());
    playRound(t, () => 1);
    expect(t.g.rule).toBeNull();
    expect(t.g.workshops[0]!.bins).toEqual([1, 1]); // decided before the council: no floor yet
    expect(t.move('1', 'vote', 2, { kind: 'floor', bin: 3 })).toBe(true);
    expect(t.move('2', 'vote', 2, { kind: 'floor', bin: 4 })).toBe(true);
    expect(t.settle()).toBe(0);
    expect(t.move('3', 'vote', 2, 'none')).toBe(true);
    expect(t.settle()).toBe(1);
    expect(t.g.status).toBe('playing');
    expect(t.g.round).toBe(2);
    expect(t.g.rule).toEqual({ kind: 'floor', bin: 3.5 });
    expect(binFloor(t.g)).toBe(3.5);
    // The bins in effect are raised to the floor at once, so round 2 already runs on >= 3.5.
    for (const w of t.g.workshops) expect(w.bins).toEqual([3.5, 3.5]);
    expect(t.commit('1', decision(t.g, 0, [3, 5]))).toBe(false);
    expect(t.commit('1', decision(t.g, 0, [3.5, 5]))).toBe(true);
    t.close();
    for (const [i, w] of t.g.history[1]!.workshops.entries()) expect(w.bins, `workshop ${i}`).toEqual([3.5, 3.5]);
    // Seat 1's commit is its next stock; the autopilot (steady:2.5) is raised to the floor.
    expect(t.g.workshops[0]!.bins).toEqual([3.5, 5]);
    for (const w of t.g.workshops.slice(1)) expect(w.bins).toEqual([3.5, 3.5]);
  });

  it('[C3] a tied council keeps the rule in force', () => {
    const t = new Table(councilG([2, 3], 2));
    playRound(t);
    t.move('1', 'vote', 2, { kind: 'floor', bin: 3 });
    t.move('2', 'vote', 2, { kind: 'floor', bin: 3 });
    t.settle();
    expect(t.g.rule).toEqual({ kind: 'floor', bin: 3 });
    playRound(t, () => 3);
    expect(t.g.status).toBe('council');
    t.move('1', 'vote', 3, 'none');
    t.move('2', 'vote', 3, { kind: 'budget', total: 20 });
    t.settle();
    expect(t.g.rule).toEqual({ kind: 'floor', bin: 3 });
  });

  it('[C4] a budget is allocated over every input slot and sums to the total', () => {
    const t = new Table(councilG());
    playRound(t);
    t.move('1', 'vote', 2, { kind: 'budget', total: 36 });
    t.move('2', 'vote', 2, { kind: 'budget', total: 48 });
    t.move('3', 'vote', 2, 'none');
    t.settle();
    expect(t.g.rule).toEqual({ kind: 'budget', total: 42 });
    playRound(t, () => 9);
    const bins = t.g.history[1]!.workshops.flatMap((w) => w.bins);
    expect(bins).toHaveLength(24);
    expect(bins.reduce((a, b) => a + b, 0)).toBeCloseTo(42, 10);
  });

  it('[C2][F1][F7] absent seats do not hold the council; closeRound ends it without closing the next round', () => {
    const t = new Table(councilG());
    playRound(t);
    expect(t.move(FACILITATOR, 'setPresence', '3', false)).toBe(true);
    t.move('1', 'vote', 2, { kind: 'floor', bin: 2 });
    expect(t.settle()).toBe(0);
    t.move('2', 'vote', 2, { kind: 'floor', bin: 2 });
    expect(t.settle()).toBe(1);
    expect(t.g.rule).toEqual({ kind: 'floor', bin: 2 });

    const u = new Table(councilG());
    playRound(u);
    u.move('1', 'vote', 2, { kind: 'floor', bin: 2 });
    expect(u.close()).toBe(1);
    expect(u.g.status).toBe('playing');
    expect(u.g.round).toBe(2);
    expect(u.g.history).toHaveLength(1);
    expect(u.g.rule).toEqual({ kind: 'floor', bin: 2 });
  });
});

describe('F2 pause, F7 presence', () => {
  it('[F2] pause and resume toggle the paused flag; a second pause or a resume while running is refused', () => {
    const t = new Table(makeG({ humanSeats: 1 }));
    expect(t.move(FACILITATOR, 'resume')).toBe(false);
    expect(t.move(FACILITATOR, 'pause')).toBe(true);
    expect(t.g.paused).toBe(true);
    expect(t.move(FACILITATOR, 'pause')).toBe(false);
    expect(t.move('1', 'resume')).toBe(false);
    expect(t.move(FACILITATOR, 'resume')).toBe(true);
    expect(t.g.paused).toBe(false);
    t.g.status = 'over';
    expect(t.move(FACILITATOR, 'pause')).toBe(false);
  });

  it('[F7] an absent seat does not hold the round and runs on autopilot; back, it holds it again', () => {
    const t = new Table(makeG({ humanSeats: 2 }));
    expect(t.move(FACILITATOR, 'setPresence', '2', false)).toBe(true);
    expect(t.g.absent).toEqual(['2']);
    expect(t.commit('1', decision(t.g, 0, 2))).toBe(true);
    expect(t.settle()).toBe(1);
    expect(t.g.history[0]!.workshops[6]!.autopilot).toBe(true);
    expect(t.g.history[0]!.workshops[0]!.autopilot).toBe(false);
    expect(t.move(FACILITATOR, 'setPresence', '2', true)).toBe(true);
    expect(t.g.absent).toEqual([]);
    expect(t.commit('1', decision(t.g, 0, 2))).toBe(true);
    expect(t.settle()).toBe(0);
    expect(t.commit('2', decision(t.g, 6, 2))).toBe(true);
    expect(t.settle()).toBe(1);
    // Refused: the facilitator's seat, a seat without workshop, a non-boolean, a non-string seat.
    for (const args of [
      ['0', false],
      ['9', false],
      ['1', 'no'],
      [1, false],
    ])
      expect(t.move(FACILITATOR, 'setPresence', ...args), JSON.stringify(args)).toBe(false);
  });
});

describe('F8 endGame, R9 the last round (boardgame.io flow over Local)', () => {
  let open: Match[] = [];
  afterEach(() => {
    for (const m of open) m.stop();
    open = [];
  });

  it('[F8] endGame ends the match: status over, ctx.gameover, history for everyone; refused before the start', async () => {
    const m = await Match.open(setupData({ humanSeats: 2 }), { start: false, spectator: true });
    open.push(m);
    await m.move(FACILITATOR, 'endGame');
    expect(m.g.status).toBe('setup');
    await m.move(FACILITATOR, 'start');
    await m.commit('1', 2);
    await m.commit('2', 2);
    await m.move(FACILITATOR, 'endGame');
    expect(m.g.status).toBe('over');
    expect(m.server().ctx.gameover).toEqual({ over: true });
    for (const s of m.seats()) {
      expect(s.client.getState()!.ctx.gameover).toEqual({ over: true });
      expect(m.view(s.id).history).toEqual(clone(m.g.history));
    }
    expect(m.g.history).toHaveLength(1);
  });

  it('[R9] the match ends after the configured rounds', async () => {
    const m = await Match.open(setupData({ humanSeats: 1, rounds: 3 }));
    open.push(m);
    for (let r = 1; r <= 3; r++) await m.commit('1', 2);
    expect(m.g.status).toBe('over');
    expect(m.g.round).toBe(3);
    expect(m.g.history.map((h) => h.round)).toEqual([1, 2, 3]);
    expect(m.server().ctx.gameover).toEqual({ over: true });
  });

  it('[R0][C1] over Local: closing a council with closeRound leaves the next round open', async () => {
    const m = await Match.open(setupData({ humanSeats: 2 }), {
      config: {
        councilRounds: [2],
        mechanics: { kaizen: false, workers: false, supplierChoice: false, council: true, spot: false },
      },
    });
    open.push(m);
    await m.commit('1', 2);
    await m.commit('2', 2);
    expect(m.g.status).toBe('council');
    await m.move(FACILITATOR, 'closeRound', 2);
    expect(m.g.status).toBe('playing');
    expect(m.g.round).toBe(2);
    expect(m.g.history).toHaveLength(1);
  });
});
