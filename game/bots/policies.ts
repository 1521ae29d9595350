/**
 * Bot policies (rules B1-B5). A policy sees only what its seat may see (`SeatView`, the same
 * view a human at that workshop gets) and returns a decision; policies are deterministic.
 * The planner is the exception: it sees everything and allocates globally (counterfactuals,
 * council budgets).
 */
import type { BotPolicyName, Decision, G } from '../core/types';
import type { SeatView } from '../core/view';

export type Policy = (view: SeatView, param: number) => Decision;

const clampBin = (view: SeatView, bin: number) =>
  Math.min(view.config.maxBin, Math.max(view.rule?.kind === 'floor' ? view.rule.bin : 0, bin));

/** B1 steady: every bin at the parameter, nothing else. */
export const steady: Policy = (view, param) => ({
  round: view.round,
  bins: view.me.bins.map(() => clampBin(view, param)),
  kaizenFace: null,
  help: null,
  suppliers: null,
});

export const POLICIES: Partial<Record<Exclude<BotPolicyName, 'planner'>, Policy>> = { steady };

/** B5 planner: full information; default allocation is a uniform bin (param) everywhere. */
export type Planner = (g: G, param: number) => Decision[];

export const planner: Planner = (g, param) =>
  g.workshops.map((w) => ({
    round: g.round,
    bins: w.bins.map(() => Math.min(g.config.maxBin, param)),
    kaizenFace: null,
    help: null,
    suppliers: null,
  }));

/** Spread a shared stock budget (hours of cover in all) over every input slot: the planner's allocation. */
export function allocateBudget(g: G, total: number): number[][] {
  const slots = g.workshops.reduce((s, w) => s + w.bins.length, 0);
  const each = Math.min(g.config.maxBin, total / Math.max(1, slots));
  return g.workshops.map((w) => w.bins.map(() => each));
}
