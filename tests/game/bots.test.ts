/**
 * [B1-B5] Bot policies: each policy's behaviour on hand-made seat views, their decisions in real
 * game states (every one passes canCommit, so the autopilot never falls back to "keep"), their
 * determinism and that they read nothing beyond the seat's view; the planner and the council's
 * budget allocation (B5).
 */
import { describe, expect, it } from 'vitest';
import {
  CAUTIOUS_MARGIN,
  CAUTIOUS_WINDOW,
  LEAN_CUT,
  LEAN_GROWTH,
  LEAN_MIN_GROWTH,
  POLICIES,
  type Policy,
  allocateBudget,
  cautious,
  lean,
  planner,
  quantile,
  selfish,
  slotWeights,
  steady,
} from '../../game/bots/policies';
import { canCommit } from '../../game/core/decisions';
import { autopilotDecision, closeRound } from '../../game/core/round';
import { workshopScope } from '../../game/core/scope';
import { DEFAULT_COSTS } from '../../game/core/scenario';
import { type SetupData, initialState, parseSetupData } from '../../game/core/setup';
import {
  type Costs,
  type Decision,
  type G,
  type Mechanics,
  type PublicConfig,
  type RoundRecord,
  type WorkshopRound,
} from '../../game/core/types';
import { type PublicWorkshop, type SeatView, workshopView } from '../../game/core/view';
import { buildWorld } from '../../game/core/world';
import { unwrap } from '../../game/engine/result';

// ------------------------------------------------------------------ fixtures

const NO_MECHANICS: Mechanics = { kaizen: false, workers: false, supplierChoice: false, council: false, spot: false };

function config(overrides: Partial<PublicConfig> = {}, costs: Partial<Costs> = {}): PublicConfig {
  return {
    scenarioId: 'fixture',
    title: 'Fixture',
    rounds: 30,
    roundSeconds: 0,
    humanSeats: 1,
    workshops: 12,
    trouble: 'faces:0,0,0,1,1,2!',
    mechanics: NO_MECHANICS,
    costs: { ...DEFAULT_COSTS, ...costs },
    councilRounds: [],
    maxBin: 10,
    startingBin: 2,
    workers: 1,
    autopilot: { name: 'steady', param: 2 },
    seedPolicy: 'fixed',
    publicSeed: 'fixture',
    criticalBuffer: 1.85,
    ...overrides,
  };
}

/** A neighbour's public state. */
function neighbour(index: number, lateness = 0, extra: Partial<PublicWorkshop> = {}): PublicWorkshop {
  return { index, id: `w${index}`, name: `Workshop ${index}`, lateness, breached: false, autopilot: true, ...extra };
}

/** One row of my history: by default two inputs from workshops 1 and 2, nothing late. */
function row(overrides: Partial<WorkshopRound> = {}): WorkshopRound {
  return {
    lateness: 0,
    trouble: 0,
    binding: -1,
    breached: false,
    bins: [2, 2],
    suppliers: [1, 2],
    incoming: [0, 0],
    rent: 4,
    penalty: 0,
    autopilot: true,
    help: null,
    kaizen: null,
    ...overrides,
  };
}

interface ViewOverrides extends Omit<Partial<SeatView>, 'me' | 'config'> {
  readonly me?: Partial<SeatView['me']>;
  readonly config?: Partial<PublicConfig>;
  readonly costs?: Partial<Costs>;
}

/**
 * The view of workshop 0 (two inputs from workshops 1 and 2, one customer 3) in round
 * `myHistory.length + 1`; overrides replace fields (`me`, `config`, `costs` merge).
 */
function seatView(o: ViewOverrides = {}): SeatView {
  const { me, config: cfg, costs, ...rest } = o;
  const history = rest.myHistory ?? [];
  const suppliers = me?.suppliers ?? [1, 2];
  return {
    config: config(cfg, costs),
    status: 'playing',
    round: history.length + 1,
    paused: false,
    clock: null,
    voted: false,
    offers: [],
    waitingFor: 1,
    rule: null,
    council: null,
    rounds: history.map((_, r) => ({ round: r + 1, meanLateness: 1, breachRate: 0.2, meanBin: 2 })),
    role: 'player',
    seat: '1',
    me: {
      index: 0,
      id: 'w0',
      name: 'Workshop 0',
      seat: '1',
      autopilot: false,
      suppliers,
      alternatives: suppliers.map(() => []),
      bins: suppliers.map(() => 2),
      trouble: { kind: 'die', die: { faces: [0, 0, 0, 1, 1, 2], explodes: [false, false, false, false, false, true] } },
      kaizenPoints: 0,
      workers: 1,
      coins: 200,
      lateness: 0,
      lineStops: 0,
      breached: false,
      binding: -1,
      lastTrouble: 0,
      lastRent: 0,
      lastPenalty: 0,
      ...me,
    },
    suppliers: [...new Set(suppliers)].map((j) => neighbour(j)),
    customers: [neighbour(3)],
    myHistory: history,
    committed: false,
    map: null,
    history: null,
    ...rest,
  };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A started match (as `start` leaves it) for real-state checks. */
function makeG(setup: SetupData, seed = 'bots-fixture'): G {
  const g = initialState(unwrap(parseSetupData(setup)));
  buildWorld(g, seed);
  g.status = 'playing';
  g.round = 1;
  return g;
}

/** canCommit for workshop i as if a seat held it (as autopilotDecision checks bots). */
function check(g: G, i: number, d: Decision) {
  return canCommit(workshopScope(g, i), g.round, d);
}

const SEAT_POLICIES = Object.entries<Policy>(POLICIES);

// ------------------------------------------------------------------ B1-B4 on hand-made views

describe('[B1] steady', () => {
  it('holds every bin at the parameter, within the council floor and maxBin', () => {
    expect(steady(seatView(), 1.5).bins).toEqual([1.5, 1.5]);
    expect(steady(seatView({ rule: { kind: 'floor', bin: 2 } }), 1.5).bins).toEqual([2, 2]);
    expect(steady(seatView({ config: { maxBin: 3 } }), 7).bins).toEqual([3, 3]);
    expect(steady(seatView(), 1.5)).toMatchObject({ round: 1, kaizenFace: null, help: null, suppliers: null });
  });
});

describe('[B2] lean', () => {
  it('starts every bin at the parameter', () => {
    expect(lean(seatView({ me: { bins: [5, 0] } }), 2).bins).toEqual([2, 2]);
  });

  it('cuts every bin by a step after a calm round, and keeps cutting', () => {
    const calm = seatView({ me: { bins: [2, 1] }, myHistory: [row({ bins: [2, 1] })] });
    expect(lean(calm, 2).bins).toEqual([2 * (1 - LEAN_CUT), 1 * (1 - LEAN_CUT)]);
    let bins = [2, 2];
    const seen: number[] = [];
    for (let r = 0; r < 10; r++) {
      const history = Array.from({ length: r + 1 }, () => row({ bins }));
      bins = [...lean(seatView({ me: { bins }, myHistory: history }), 2).bins];
      seen.push(bins[0]!);
    }
    expect(seen.every((b, k) => k === 0 || b < seen[k - 1]!)).toBe(true);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
  });

  it('grows every bin after a line stop, even an empty one', () => {
    const stop = row({ breached: true, binding: 1, incoming: [3, 0], lateness: 1.5 });
    const d = lean(seatView({ me: { bins: [2, 0] }, myHistory: [row(), stop] }), 2);
    expect(d.bins).toEqual([2 * (1 + LEAN_GROWTH), LEAN_MIN_GROWTH]);
  });

  it('never cuts below the council floor', () => {
    const view = seatView({ me: { bins: [1, 1] }, myHistory: [row()], rule: { kind: 'floor', bin: 1 } });
    expect(lean(view, 2).bins).toEqual([1, 1]);
  });

  it('spends kaizen points on the highest face when the scenario has kaizen', () => {
    const kaizen = { ...NO_MECHANICS, kaizen: true };
    const rich = seatView({ config: { mechanics: kaizen }, me: { kaizenPoints: 2 }, myHistory: [row()] });
    expect(lean(rich, 2).kaizenFace).toBe(5);
    const poor = seatView({ config: { mechanics: kaizen }, me: { kaizenPoints: 1 }, myHistory: [row()] });
    expect(lean(poor, 2).kaizenFace).toBeNull();
    expect(lean(seatView({ me: { kaizenPoints: 5 } }), 2).kaizenFace).toBeNull();
  });
});

describe('[B3] cautious', () => {
  it('starts at the parameter', () => {
    expect(cautious(seatView(), 3).bins).toEqual([3, 3]);
  });

  it('covers the largest incoming lateness of the last rounds on each input, plus a margin', () => {
    const history = [
      row({ incoming: [9, 9] }), // older than the window: forgotten
      ...Array.from({ length: CAUTIOUS_WINDOW - 2 }, () => row({ incoming: [1, 0] })),
      row({ incoming: [4, 0.5] }),
      row({ incoming: [2, 0] }),
    ];
    expect(history.length).toBe(CAUTIOUS_WINDOW + 1);
    const d = cautious(seatView({ myHistory: history }), 3);
    expect(d.bins).toEqual([4 + CAUTIOUS_MARGIN, 0.5 + CAUTIOUS_MARGIN]);
  });

  it('follows the lateness as it rises and falls', () => {
    const rising = cautious(seatView({ myHistory: [row({ incoming: [1, 1] }), row({ incoming: [3, 6] })] }), 0);
    expect(rising.bins).toEqual([3.5, 6.5]);
    const calm = Array.from({ length: CAUTIOUS_WINDOW }, () => row({ incoming: [0, 0] }));
    const fallen = cautious(seatView({ myHistory: [row({ incoming: [8, 8] }), ...calm] }), 0);
    expect(fallen.bins).toEqual([CAUTIOUS_MARGIN, CAUTIOUS_MARGIN]);
  });

  it('stays within maxBin', () => {
    const d = cautious(seatView({ config: { maxBin: 4 }, myHistory: [row({ incoming: [20, 0] })] }), 1);
    expect(d.bins).toEqual([4, CAUTIOUS_MARGIN]);
  });
});

describe('[B4] selfish', () => {
  const incoming = [0, 1, 2, 3, 4, 5, 6, 7];
  const history = incoming.map((x) => row({ incoming: [x, 0] }));

  it('starts at the parameter', () => {
    expect(selfish(seatView(), 2.5).bins).toEqual([2.5, 2.5]);
  });

  it('picks the newsvendor quantile 1 - rent / latePenalty of its incoming lateness', () => {
    // rent 1, penalty 4: the 0.75-quantile of 0..7 is 5 (6 of 8 values are at most 5).
    const d = selfish(seatView({ myHistory: history, costs: { rent: 1, latePenalty: 4 } }), 2);
    expect(d.bins).toEqual([5, 0]);
    // Check the quantile is the cost minimiser: rent*b + penalty*mean(max(0, x - b)).
    const cost = (b: number) => b + (4 * incoming.reduce((s, x) => s + Math.max(0, x - b), 0)) / incoming.length;
    for (const b of [0, 1, 2, 3, 4, 4.5, 5.5, 6, 7]) expect(cost(b)).toBeGreaterThanOrEqual(cost(5));
    // Penalty 2: the median; rent at least the penalty: no stock at all.
    expect(selfish(seatView({ myHistory: history, costs: { latePenalty: 2 } }), 2).bins).toEqual([3, 0]);
    expect(selfish(seatView({ myHistory: history, costs: { latePenalty: 1 } }), 2).bins).toEqual([0, 0]);
  });

  it('holds less as rent grows round after round', () => {
    // Round 9 with rentGrowth 0.25: rent 3, penalty 4: the 0.25-quantile.
    const d = selfish(seatView({ myHistory: history, costs: { rent: 1, rentGrowth: 0.25, latePenalty: 4 } }), 2);
    expect(d.bins).toEqual([quantile(incoming, 0.25), 0]);
    expect(d.bins[0]).toBe(1);
  });

  it('picks the alternative with the lowest recently observed lateness', () => {
    const choice = { ...NO_MECHANICS, supplierChoice: true };
    // Slot 1 chooses among 2 (current) and 5; I bought from 5 two rounds ago (lateness 0.5).
    const past = [row({ suppliers: [1, 5], incoming: [0, 0.5] }), row({ suppliers: [1, 2], incoming: [0, 3] })];
    const me = { suppliers: [1, 2], alternatives: [[], [2, 5]] };
    const suppliers = [neighbour(1, 0), neighbour(2, 4)];
    const costs = { latePenalty: 4 };
    const d = selfish(seatView({ config: { mechanics: choice }, costs, me, suppliers, myHistory: past }), 2);
    // 5: seen at 0.5; 2: seen at 3 last round and 4 now (mean 3.5).
    expect(d.suppliers).toEqual([1, 5]);
    // The bin for the new supplier follows what I saw from it.
    expect(d.bins[1]).toBe(0.5);
    // The current supplier is kept when it is the less late one (0.2 then 0.25 against 0.5).
    const calmPast = [past[0]!, row({ suppliers: [1, 2], incoming: [0, 0.2] })];
    const calm = [neighbour(1, 0), neighbour(2, 0.25)];
    const kept = selfish(seatView({ config: { mechanics: choice }, me, suppliers: calm, myHistory: calmPast }), 2);
    expect(kept.suppliers).toBeNull();
    // Without the mechanic, no choice is made.
    expect(selfish(seatView({ me, suppliers, myHistory: past }), 2).suppliers).toBeNull();
  });

  it('uses what is visible: a customer on offer by its public state, an unseen one as the room average', () => {
    const choice = { ...NO_MECHANICS, supplierChoice: true };
    const me = { suppliers: [1, 2], alternatives: [[], [2, 3, 7]] };
    const base = { config: { mechanics: choice }, me, myHistory: [row()] };
    // Customer 3 is visible (lateness 0.2); 7 is unseen (room average 1); current 2 is 4 late.
    const visible = seatView({ ...base, suppliers: [neighbour(1), neighbour(2, 4)], customers: [neighbour(3, 0.2)] });
    expect(selfish(visible, 2).suppliers).toEqual([1, 3]);
    // Customer 3 is late too: the unseen 7 at the room's average (1) is the best guess.
    const late = seatView({ ...base, suppliers: [neighbour(1), neighbour(2, 4)], customers: [neighbour(3, 5)] });
    expect(selfish(late, 2).suppliers).toEqual([1, 7]);
    // Before any round there is nothing to compare: keep the current supplier.
    expect(selfish(seatView({ ...base, myHistory: [] }), 2).suppliers).toBeNull();
  });

  it('never picks the same supplier for two inputs', () => {
    const choice = { ...NO_MECHANICS, supplierChoice: true };
    const me = {
      suppliers: [1, 2],
      alternatives: [
        [1, 9],
        [2, 9],
      ],
    };
    const suppliers = [neighbour(1, 5), neighbour(2, 5)];
    const d = selfish(seatView({ config: { mechanics: choice }, me, suppliers, myHistory: [row()] }), 2);
    expect(d.suppliers).toHaveLength(2);
    expect(new Set(d.suppliers).size).toBe(2);
    expect(d.suppliers).toContain(9);
  });
});

// ------------------------------------------------------------------ every policy

describe('[B1-B4] every seat policy', () => {
  const views: [string, SeatView][] = [
    ['fresh', seatView()],
    ['after a stop', seatView({ myHistory: [row({ incoming: [4, 1], breached: true, binding: 1 })] })],
    [
      'with a choice and a floor',
      seatView({
        config: { mechanics: { ...NO_MECHANICS, supplierChoice: true } },
        me: { alternatives: [[], [2, 4]] },
        rule: { kind: 'floor', bin: 1 },
        myHistory: [row({ incoming: [0, 3] }), row({ incoming: [0.5, 2] })],
      }),
    ],
  ];

  it('registers steady, lean, cautious and selfish', () => {
    expect(Object.keys(POLICIES).sort()).toEqual(['cautious', 'lean', 'selfish', 'steady']);
  });

  for (const [name, policy] of SEAT_POLICIES)
    for (const [label, view] of views)
      it(`${name} (${label}): same view, same decision; the view is not changed`, () => {
        const frozen = deepFreeze(clone(view));
        const one = policy(frozen, 2);
        expect(policy(clone(view), 2)).toEqual(one);
        expect(frozen).toEqual(view);
        expect(one.round).toBe(view.round);
        expect(one.bins).toHaveLength(view.me.suppliers.length);
      });

  for (const [name, policy] of SEAT_POLICIES)
    it(`${name} reads nothing beyond the seat's own view (whole map and history do not matter)`, () => {
      const view = seatView({ myHistory: [row({ incoming: [2, 1] }), row({ incoming: [1, 3], breached: true })] });
      const map = {
        workshops: Array.from({ length: 12 }, (_, j) => ({ ...neighbour(j, 50 + j), suppliers: [1, 2], binding: 1 })),
      };
      const record: RoundRecord = {
        round: 1,
        workshops: [row({ incoming: [99, 99] })],
        meanLateness: 99,
        breachRate: 1,
        meanBin: 0,
        totalCost: 0,
        shocks: [],
      };
      expect(policy({ ...view, map, history: [record, record] }, 2)).toEqual(policy(view, 2));
    });
});

// ------------------------------------------------------------------ real game states

describe('[B1-B4] decisions in real matches pass canCommit', () => {
  const matches: [string, SetupData][] = [
    ['two-inputs', { scenario: 'two-inputs', humanSeats: 0, rounds: 12 }],
    ['new-road, road open', { scenario: 'new-road', humanSeats: 0, rounds: 12, newRoad: true }],
    ['toyota-city', { scenario: 'toyota-city', humanSeats: 0, rounds: 12 }],
  ];
  for (const [name, policy] of SEAT_POLICIES)
    for (const [label, setup] of matches)
      it(`${name} on ${label}`, () => {
        const g = makeG({ ...setup, autopilot: `${name}:1.5`, seed: { policy: 'fixed', value: `bots-${name}` } });
        let choices = 0;
        for (let round = 1; round <= 12; round++) {
          // A council floor for a few rounds: every bin must respect it.
          g.rule = round >= 5 && round <= 7 ? { kind: 'floor', bin: 1.25 } : null;
          g.workshops.forEach((w, i) => {
            const d = policy(workshopView(g, i, w.seat ?? `bot-${i}`), 1.5);
            const checked = check(g, i, d);
            expect(checked.ok ? 'ok' : checked.error, `${name} round ${round} workshop ${i}`).toBe('ok');
            if (g.rule) expect(Math.min(...d.bins)).toBeGreaterThanOrEqual(1.25);
            if (d.suppliers) choices++;
            // The autopilot takes the policy's decision as it is (no fallback to "keep").
            expect(autopilotDecision(g, i)).toEqual(checked.ok ? checked.value : null);
          });
          closeRound(g);
        }
        expect(g.history).toHaveLength(12);
        if (name === 'selfish' && label.startsWith('new-road')) expect(choices).toBeGreaterThan(0);
      });
});

// ------------------------------------------------------------------ B5 planner

describe('[B5] planner and shared budget', () => {
  const g = makeG({ scenario: 'two-inputs', humanSeats: 0, rounds: 10, seed: { policy: 'fixed', value: 'planner' } });
  for (let r = 0; r < 6; r++) {
    closeRound(g);
  }

  it('planner: the same bin on every input of every workshop, one valid decision each', () => {
    const decisions = planner(g, 2.3);
    expect(decisions).toHaveLength(g.workshops.length);
    decisions.forEach((d, i) => {
      expect(d.bins).toEqual(g.workshops[i]!.suppliers.map(() => 2.3));
      const checked = check(g, i, d);
      expect(checked.ok).toBe(true);
    });
    expect(planner(g, 1000)[0]!.bins[0]).toBe(g.config.maxBin);
  });

  it('allocateBudget: spends the total exactly, one bin per input, none above maxBin', () => {
    for (const total of [0, 7, 24, 55.5]) {
      const bins = allocateBudget(g, total);
      expect(bins.map((b) => b.length)).toEqual(g.workshops.map((w) => w.suppliers.length));
      const sum = bins.flat().reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(total, 9);
      for (const b of bins.flat()) expect(b >= 0 && b <= g.config.maxBin).toBe(true);
    }
    const slots = g.workshops.reduce((s, w) => s + w.suppliers.length, 0);
    // Near the cap: the excess of capped slots goes to the others, the total still holds.
    const near = allocateBudget(g, slots * g.config.maxBin - 1);
    expect(near.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(slots * g.config.maxBin - 1, 9);
    // More than every slot can hold: every bin at maxBin.
    expect(
      allocateBudget(g, slots * g.config.maxBin + 50)
        .flat()
        .every((b) => b === g.config.maxBin),
    ).toBe(true);
  });

  it('allocateBudget: more stock on inputs whose supplier is later and busier', () => {
    const weights = slotWeights(g).flat();
    const bins = allocateBudget(g, 24).flat();
    const ratio = bins.map((b, k) => b / weights[k]!);
    for (const r of ratio) expect(r).toBeCloseTo(ratio[0]!, 9);
    // A supplier that was much later than the rest gets more cover on every input it feeds.
    const late = clone(g);
    for (const h of late.history) (h.workshops[0] as { lateness: number }).lateness = 20;
    const lateBins = allocateBudget(late, 24);
    const before = allocateBudget(g, 24);
    let fed = 0;
    late.workshops.forEach((w, i) =>
      w.suppliers.forEach((s, slot) => {
        if (s !== 0) return;
        fed++;
        expect(lateBins[i]![slot]!).toBeGreaterThan(before[i]![slot]!);
      }),
    );
    expect(fed).toBeGreaterThan(0);
  });

  it('allocateBudget before any round: weights by customers only, total respected', () => {
    const fresh = makeG({ scenario: 'new-road', humanSeats: 0 });
    const bins = allocateBudget(fresh, 30);
    expect(bins.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(30, 9);
    // The depot (three customers) is weighted above the smelter's only customer (the depot).
    const ids = fresh.workshops.map((w) => w.id);
    const slotOf = (workshop: string, supplier: string) =>
      fresh.workshops[ids.indexOf(workshop)]!.suppliers.indexOf(ids.indexOf(supplier));
    const mill = bins[ids.indexOf('mill')]![slotOf('mill', 'depot')]!;
    const depot = bins[ids.indexOf('depot')]![slotOf('depot', 'smelter')]!;
    expect(mill).toBeGreaterThan(depot);
  });
});
