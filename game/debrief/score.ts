/**
 * Challenge scoring (rules CH1, CH2; docs/DEBRIEF.md "Bounded and the challenge score").
 *
 * Held (CH1): the judge (judge.ts) checks the network the run built: the growth rate of its
 * max-plus system without the positive part, with the run's time-averaged bins, is at most
 * JUDGE.sigmas standard errors above 0; and the run's mean lateness is at most that of uniform
 * bins at the map's critical buffer on the same dice.
 *
 * Score (CH2). The mean over rounds of the network's mean bin, divided by the published map's
 * critical buffer: lower is better (less stock for the same safety); it counts only for a whole
 * match that held.
 */
import type { G, RoundRecord } from '../core/types';
import { type Growth, type Level, judgeGrowth, judgeLevel } from './judge';

export interface ChallengeScore {
  /** Mean over rounds of the network's mean bin (every input slot of every workshop, bots too). */
  readonly meanBin: number;
  readonly criticalBuffer: number;
  /** meanBin / criticalBuffer; lower is better. */
  readonly score: number;
}

/** CH2: the score of a challenge history against a critical buffer (0 when it is not positive). */
export function challengeScore(history: readonly RoundRecord[], criticalBuffer: number): ChallengeScore {
  const meanBin = history.length === 0 ? 0 : history.reduce((s, h) => s + h.meanBin, 0) / history.length;
  const usable = Number.isFinite(criticalBuffer) && criticalBuffer > 0;
  return { meanBin, criticalBuffer, score: usable ? meanBin / criticalBuffer : 0 };
}

/** The judge's numbers (CH1), recorded with every judged run (also one that counts). */
export interface JudgeNumbers {
  readonly growth: Pick<Growth, 'rate' | 'standardError' | 'replicas' | 'steps'>;
  readonly level: Pick<Level, 'lateness' | 'reference' | 'bin'>;
}

/** Why a challenge run does not count on the leaderboard (the server's `why`, CH3-CH4). */
export type NotCounted =
  | { readonly kind: 'seed'; readonly seed: string }
  | { readonly kind: 'noRounds' }
  | { readonly kind: 'endedEarly'; readonly played: number; readonly rounds: number }
  | { readonly kind: 'shocks'; readonly rounds: readonly number[] }
  /** CH1 (a): with the run's average bins the network's lateness grows (hours per round, +- SE). */
  | { readonly kind: 'growth'; readonly rate: number; readonly standardError: number }
  /** CH1 (b): the run was later on average than uniform bins at B_c (`bin`) on the same dice. */
  | { readonly kind: 'lateness'; readonly lateness: number; readonly reference: number; readonly bin: number }
  /** Recorded by the slope judge before schema version 3 (never produced now). */
  | {
      readonly kind: 'unbounded';
      readonly slope: number;
      readonly threshold: number;
      readonly from: number;
      readonly to: number;
    };

export interface ChallengeVerdict {
  /** Null when no round was played. */
  readonly score: ChallengeScore | null;
  /** Null when the run was not judged (no round, or cut short). */
  readonly judge: JudgeNumbers | null;
  /** Every reason the run does not count (empty: it counts). */
  readonly notCounted: readonly NotCounted[];
}

/**
 * A finished challenge run from the full G (the level test replays its dice): its score against
 * the published map's critical buffer, the judge's numbers and every reason it does not count.
 * The server records it; the play CLI prints it.
 */
export function challengeVerdict(g: G, criticalBuffer: number, seed: string): ChallengeVerdict {
  const { history, config } = g;
  const notCounted: NotCounted[] = [];
  if (config.publicSeed !== seed) notCounted.push({ kind: 'seed', seed });
  if (history.length === 0) notCounted.push({ kind: 'noRounds' });
  else if (history.length < config.rounds)
    notCounted.push({ kind: 'endedEarly', played: history.length, rounds: config.rounds });
  const shocked = history.filter((r) => r.shocks.length > 0).map((r) => r.round);
  if (shocked.length > 0) notCounted.push({ kind: 'shocks', rounds: shocked });
  const score = history.length > 0 ? challengeScore(history, criticalBuffer) : null;
  // A run cut short is judged on that alone.
  if (!score || history.length < config.rounds || !(score.score > 0)) return { score, judge: null, notCounted };
  const growth = judgeGrowth(history, config);
  const level = judgeLevel(g, criticalBuffer);
  if (!growth.holds) notCounted.push({ kind: 'growth', rate: growth.rate, standardError: growth.standardError });
  if (!level.holds) notCounted.push({ kind: 'lateness', ...pick(level) });
  const judge: JudgeNumbers = {
    growth: { rate: growth.rate, standardError: growth.standardError, replicas: growth.replicas, steps: growth.steps },
    level: pick(level),
  };
  return { score, judge, notCounted };
}

const pick = ({ lateness, reference, bin }: Level) => ({ lateness, reference, bin });

/** The published seed of a scenario's challenge (fixed seed policy, setupData.seed.value). */
export const challengeSeed = (scenarioId: string): string => `challenge-${scenarioId}-1`;
