/**
 * Cost against fragility per workshop, as a scatter: what a workshop paid (rent and penalties)
 * against how fragile it was (how often its line stop spread to others, or how often its line
 * stopped). Humans and bots get different shapes and labels, never colour alone. Pure.
 */
import type { DebriefWorkshop } from '../../game/debrief/types';
import type { WorkshopCost } from '../../game/debrief/fragility';
import { niceTicks } from '../facilitator/chart';

export const FRAGILITY_MEASURES = ['spread', 'breachRate'] as const;
export type FragilityMeasure = (typeof FRAGILITY_MEASURES)[number];

export const SCATTER = { width: 460, height: 300, left: 60, right: 30, top: 22, bottom: 250 } as const;

export interface ScatterPoint {
  readonly workshop: number;
  readonly x: number;
  readonly y: number;
  readonly human: boolean;
  /** The player's name for humans, the workshop's number for bots. */
  readonly label: string;
  readonly fragility: number;
  readonly cost: number;
}

export interface ScatterModel {
  readonly points: readonly ScatterPoint[];
  readonly xOf: (share: number) => number;
  readonly yOf: (coins: number) => number;
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
}

export function scatterModel(
  costs: readonly WorkshopCost[],
  workshops: readonly DebriefWorkshop[],
  measure: FragilityMeasure,
): ScatterModel {
  const { width, left, right, top, bottom } = SCATTER;
  const xMax = Math.max(0.1, ...costs.map((c) => c[measure]));
  // Shares: ticks of 10% steps up to the largest share (at most 100%).
  const xTicks = niceTicks(Math.min(1, xMax), 5).filter((v) => v <= 1 + 1e-9);
  const xEnd = Math.max(xTicks.at(-1)!, xMax);
  const yTicks = niceTicks(Math.max(1, ...costs.map((c) => c.cost)), 4);
  const yEnd = yTicks.at(-1)!;
  const xOf = (share: number) => left + (share / xEnd) * (width - left - right);
  const yOf = (coins: number) => bottom - (coins / yEnd) * (bottom - top);
  const points = costs.map((c) => {
    const player = workshops[c.workshop]?.player ?? null;
    return {
      workshop: c.workshop,
      x: xOf(c[measure]),
      y: yOf(c.cost),
      human: player !== null,
      label: player ?? String(c.workshop + 1),
      fragility: c[measure],
      cost: c.cost,
    };
  });
  return { points, xOf, yOf, xTicks, yTicks };
}
