/**
 * Small numeric rules that the game, the bots and the board share, each stated once: the
 * council's floor (D2), the rent rate of a round (R6), and rounding to hundredths (bins, B0-B6).
 */
import type { Costs, CouncilProposal } from './types';

/** D2: the lowest bin the council's rule allows (its floor), 0 without a floor. */
export const councilFloor = (rule: CouncilProposal | null): number => (rule?.kind === 'floor' ? rule.bin : 0);

/** R6: rent per hour of cover in `round`: rent + rentGrowth (round - 1). */
export const rentRate = (costs: Pick<Costs, 'rent' | 'rentGrowth'>, round: number): number =>
  costs.rent + costs.rentGrowth * (Math.max(1, round) - 1);

/** A number of hours rounded to hundredths, as bins are set (the stepper, the bots). */
export const hundredths = (hours: number): number => Math.round(hours * 100) / 100;
