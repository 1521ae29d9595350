/**
 * Bot policies (rules B1-B5). A policy sees only what its seat may see (`SeatView`, the same
 * view a human at that workshop gets) and returns a decision; policies are deterministic.
 * The planner is the exception: it sees everything and allocates globally (counterfactuals,
 * council budgets).
 *
 * Timing (resolve.ts): the `incoming` of a history row is the lateness each supplier had when
 * that round was decided; the bins of the round had to absorb it.
 */
import { councilFloor, hundredths, rentRate } from '../core/measures';
import type { BotPolicyName, Decision, G, WorkshopRound } from '../core/types';
import type { SeatView } from '../core/view';

export type Policy = (view: SeatView, param: number) => Decision;

/** B2 lean: share cut from every bin after a calm round. */
export const LEAN_CUT = 0.1;
/** B2 lean: share added to every bin after a line stop (and at least LEAN_MIN_GROWTH hours). */
export const LEAN_GROWTH = 0.25;
export const LEAN_MIN_GROWTH = 0.25;
/** B3 cautious: rounds of incoming lateness looked at, and the margin (hours) added on top. */
export const CAUTIOUS_WINDOW = 5;
export const CAUTIOUS_MARGIN = 0.5;
/** B4 selfish: rounds of incoming lateness behind the newsvendor quantile. */
export const SELFISH_BIN_WINDOW = 10;
/** B4 selfish: rounds of observations behind a supplier's "recent lateness". */
export const SELFISH_CHOICE_WINDOW = 3;

/** A bin the server accepts: rounded to hundredths, within [floor, maxBin] (D1). */
export const clampBin = (view: SeatView, bin: number): number => {
  const rounded = Number.isFinite(bin) ? hundredths(bin) : 0;
  return Math.min(view.config.maxBin, Math.max(councilFloor(view.rule), rounded));
};

const decision = (view: SeatView, bins: readonly number[], extra: Partial<Decision> = {}): Decision => ({
  round: view.round,
  bins: bins.map((b) => clampBin(view, b)),
  kaizenFace: null,
  help: null,
  suppliers: null,
  ...extra,
});

/** The last `window` rows of my history (oldest first). */
const recent = (view: SeatView, window: number): readonly WorkshopRound[] => view.myHistory.slice(-window);

/** Incoming lateness seen on input slot `slot` over the last `window` rounds. */
export function slotIncoming(view: SeatView, slot: number, window: number): number[] {
  return recent(view, window)
    .map((row) => row.incoming[slot])
    .filter((x): x is number => x !== undefined);
}

/** The empirical q-quantile (smallest x with F(x) >= q) of a non-empty sample; q <= 0 gives 0. */
export function quantile(sample: readonly number[], q: number): number {
  if (sample.length === 0 || q <= 0) return 0;
  const sorted = [...sample].sort((a, b) => a - b);
  const k = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length - 1e-9)));
  return sorted[k - 1]!;
}

/** B1 steady: every bin at the parameter, nothing else. */
export const steady: Policy = (view, param) =>
  decision(
    view,
    view.me.bins.map(() => param),
  );

/**
 * B2 lean (a TPS team): start every bin at the parameter; after a calm round (no line stop in
 * my last round) cut every bin by LEAN_CUT; after a line stop grow every bin by LEAN_GROWTH
 * (at least LEAN_MIN_GROWTH hours). With kaizen on, spend points on the highest face of the die.
 */
export const lean: Policy = (view, param) => {
  const last = view.myHistory.at(-1);
  const bins = view.me.bins.map((b) => {
    if (!last) return param;
    if (last.breached) return Math.max(b * (1 + LEAN_GROWTH), b + LEAN_MIN_GROWTH);
    // Rounded down to hundredths so that small bins keep shrinking to 0.
    return Math.floor(b * (1 - LEAN_CUT) * 100 + 1e-9) / 100;
  });
  return decision(view, bins, { kaizenFace: kaizenFace(view) });
};

/** The face lean's kaizen lowers: the highest face of at least 1 hour, when points allow. */
export function kaizenFace(view: SeatView): number | null {
  const { me, config } = view;
  if (!config.mechanics.kaizen || me.trouble.kind !== 'die' || me.kaizenPoints < config.costs.kaizenCost) return null;
  const faces = me.trouble.die.faces;
  let best = -1;
  faces.forEach((f, i) => {
    if (f >= 1 && (best < 0 || f > faces[best]!)) best = i;
  });
  return best < 0 ? null : best;
}

/**
 * B3 cautious: each bin covers the largest incoming lateness seen on that input in the last
 * CAUTIOUS_WINDOW rounds, plus CAUTIOUS_MARGIN hours; the parameter before any history.
 */
export const cautious: Policy = (view, param) => {
  const bins = view.me.bins.map((_, slot) => {
    const seen = slotIncoming(view, slot, CAUTIOUS_WINDOW);
    return seen.length === 0 ? param : Math.max(...seen) + CAUTIOUS_MARGIN;
  });
  return decision(view, bins);
};

/** Rent per hour of cover this round (rent grows every round by rentGrowth, R6). */
export const rentNow = (view: SeatView): number => rentRate(view.config.costs, view.round);

/** B4: the newsvendor quantile 1 - rent / latePenalty (0 when holding stock never pays). */
export function newsvendorLevel(view: SeatView): number {
  const penalty = view.config.costs.latePenalty;
  return penalty > 0 ? Math.max(0, 1 - rentNow(view) / penalty) : 0;
}

/**
 * Observations of a workshop's lateness within the last `window` rounds, as this seat saw them:
 * its public state now (when it is a supplier or customer of mine) and the incoming lateness of
 * my own rows in which it supplied me. Oldest first.
 */
export function observedLateness(view: SeatView, workshop: number, window: number): number[] {
  const seen: number[] = [];
  for (const row of recent(view, window))
    row.suppliers.forEach((s, slot) => {
      const x = row.incoming[slot];
      if (s === workshop && x !== undefined) seen.push(x);
    });
  const visible = [...view.suppliers, ...view.customers].find((p) => p.index === workshop);
  if (visible) seen.push(visible.lateness);
  return seen;
}

/**
 * A candidate's recent lateness: the mean of what I observed of it lately; for one I have not
 * seen lately, the network's mean lateness last round (public to the room); null before any round.
 */
export function recentLateness(view: SeatView, workshop: number): number | null {
  const seen = observedLateness(view, workshop, SELFISH_CHOICE_WINDOW);
  if (seen.length > 0) return seen.reduce((a, b) => a + b, 0) / seen.length;
  return view.rounds.at(-1)?.meanLateness ?? null;
}

/**
 * B4's supplier choice (greedy): on every slot with alternatives, the candidate with the lowest
 * `recentLateness` (ties keep the current supplier, then the lower index); never one that another
 * of my inputs already uses. Null when nothing changes, before any round, or without the mechanic.
 */
export function greedySuppliers(view: SeatView): number[] | null {
  const { me } = view;
  if (!view.config.mechanics.supplierChoice || me.alternatives.every((a) => a.length === 0)) return null;
  const chosen = [...me.suppliers];
  const taken = new Set(me.suppliers.filter((_, slot) => me.alternatives[slot]!.length === 0));
  for (const [slot, alternatives] of me.alternatives.entries()) {
    if (alternatives.length === 0) continue;
    const current = me.suppliers[slot]!;
    let best = -1;
    let bestLate = Infinity;
    for (const c of alternatives) {
      if (taken.has(c)) continue;
      const late = recentLateness(view, c);
      if (late === null) continue;
      const better = late < bestLate || (late === bestLate && (c === current || (best !== current && c < best)));
      if (better) {
        best = c;
        bestLate = late;
      }
    }
    if (best < 0) best = !taken.has(current) ? current : (alternatives.find((c) => !taken.has(c)) ?? -1);
    if (best < 0) return null;
    chosen[slot] = best;
    taken.add(best);
  }
  return chosen.every((s, slot) => s === me.suppliers[slot]) ? null : chosen;
}

/**
 * B4 selfish cost-minimiser: per input, the bin minimising rent * b + latePenalty *
 * E[max(0, incoming - b)] over the last SELFISH_BIN_WINDOW rounds: the newsvendor quantile
 * 1 - rent / latePenalty of the incoming lateness seen from the supplier it will use (or, for a
 * supplier not seen yet, on that input); the parameter before any history. With supplier choice,
 * greedy: the alternative with the lowest recently observed lateness.
 */
export const selfish: Policy = (view, param) => {
  const suppliers = greedySuppliers(view);
  const level = newsvendorLevel(view);
  const bins = view.me.bins.map((_, slot) => {
    const supplier = (suppliers ?? view.me.suppliers)[slot]!;
    let sample = recent(view, SELFISH_BIN_WINDOW).flatMap((row) =>
      row.suppliers.flatMap((s, k) => (s === supplier && row.incoming[k] !== undefined ? [row.incoming[k]] : [])),
    );
    if (sample.length === 0) sample = slotIncoming(view, slot, SELFISH_BIN_WINDOW);
    return sample.length === 0 ? param : quantile(sample, level);
  });
  return decision(view, bins, { suppliers });
};

export const POLICIES: Partial<Record<Exclude<BotPolicyName, 'planner' | 'mirror'>, Policy>> = {
  steady,
  lean,
  cautious,
  selfish,
};

/** B5 planner: full information; default allocation is a uniform bin (param) everywhere. */
export type Planner = (g: G, param: number) => Decision[];

/** B5 planner: every workshop holds the same bin (param, within the floor and maxBin) on every input. */
export const planner: Planner = (g, param) =>
  g.workshops.map((w) => ({
    round: g.round,
    bins: w.suppliers.map(() => Math.min(g.config.maxBin, Math.max(councilFloor(g.rule), param))),
    kaizenFace: null,
    help: null,
    suppliers: null,
  }));

/**
 * The weight of every input slot in a shared budget (B5): 1 + how late its supplier has been
 * relative to the network (mean lateness over the recorded rounds divided by the mean over all
 * workshops; 1 before any history) + how many customers it serves relative to the average.
 */
export function slotWeights(g: G): number[][] {
  const n = g.workshops.length;
  const meanLate = g.workshops.map((_, j) =>
    g.history.length === 0 ? 0 : g.history.reduce((s, h) => s + (h.workshops[j]?.lateness ?? 0), 0) / g.history.length,
  );
  const overall = meanLate.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const customers = new Array<number>(n).fill(0);
  for (const w of g.workshops) for (const s of w.suppliers) customers[s]!++;
  const meanCustomers = customers.reduce((a, b) => a + b, 0) / Math.max(1, n);
  return g.workshops.map((w) =>
    w.suppliers.map(
      (j) => 1 + (overall > 0 ? meanLate[j]! / overall : 1) + (meanCustomers > 0 ? customers[j]! / meanCustomers : 1),
    ),
  );
}

/**
 * Spread a shared stock budget (hours of cover in all) over every input slot (B5): in proportion
 * to `slotWeights`, no slot above maxBin (the excess goes to the others); the bins add up to the
 * total exactly unless it exceeds maxBin on every slot.
 */
export function allocateBudget(g: G, total: number): number[][] {
  const weights = slotWeights(g).flat();
  const bins = new Array<number>(weights.length).fill(0);
  const cap = g.config.maxBin;
  let left = Math.max(0, Number.isFinite(total) ? total : 0);
  let open = weights.map((_, k) => k);
  while (left > 1e-12 && open.length > 0) {
    const sum = open.reduce((s, k) => s + weights[k]!, 0);
    const full = open.filter((k) => bins[k]! + (left * weights[k]!) / sum >= cap);
    if (full.length === 0) {
      open.forEach((k) => (bins[k]! += (left * weights[k]!) / sum));
      left = 0;
    } else {
      full.forEach((k) => {
        left -= cap - bins[k]!;
        bins[k] = cap;
      });
      open = open.filter((k) => !full.includes(k));
    }
  }
  let k = 0;
  return g.workshops.map((w) => w.suppliers.map(() => bins[k++]!));
}
