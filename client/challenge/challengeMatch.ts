/**
 * Is a match a challenge, and how did it score? Pure: the board's game-over screen reads it from
 * the seat's view (the full history is public once the game is over, I5). The score is H1's
 * `challengeScore` (game/debrief/score.ts, CH1-CH3); whether the run counts follows the
 * leaderboard's rules (CH4): bounded, every round played, no shocks.
 */
import type { PublicConfig, RoundRecord } from '../../game/core/types';
import { type ChallengeScore, challengeScore } from '../../game/debrief/score';

export const CHALLENGE_SEED_PREFIX = 'challenge-';

/** A challenge match: a fixed, published seed of the form "challenge-…". */
export function isChallenge(config: Pick<PublicConfig, 'seedPolicy' | 'publicSeed'>): boolean {
  return config.seedPolicy === 'fixed' && (config.publicSeed?.startsWith(CHALLENGE_SEED_PREFIX) ?? false);
}

/** Why a run does not count (the server's `why` of a leaderboard entry has the same shape, S-CH5). */
export type NotCounted =
  | { readonly kind: 'seed'; readonly seed: string }
  | { readonly kind: 'noRounds' }
  | { readonly kind: 'endedEarly'; readonly played: number; readonly rounds: number }
  | { readonly kind: 'shocks'; readonly rounds: readonly number[] }
  | {
      readonly kind: 'unbounded';
      readonly slope: number;
      readonly threshold: number;
      readonly from: number;
      readonly to: number;
    };

export interface ChallengeResult {
  readonly score: ChallengeScore;
  /** Why the run will not count on the leaderboard (empty: it counts). */
  readonly notCounted: readonly NotCounted[];
}

/** The result of a finished challenge match, or null (not a challenge, no rounds, no B_c). */
export function challengeResult(config: PublicConfig, history: readonly RoundRecord[] | null): ChallengeResult | null {
  if (!isChallenge(config) || !history || history.length === 0 || config.criticalBuffer === null) return null;
  const score = challengeScore(history, config, config.criticalBuffer);
  const notCounted: NotCounted[] = [];
  if (history.length < config.rounds)
    notCounted.push({ kind: 'endedEarly', played: history.length, rounds: config.rounds });
  const shocked = history.filter((r) => r.shocks.length > 0).map((r) => r.round);
  if (shocked.length > 0) notCounted.push({ kind: 'shocks', rounds: shocked });
  // As the server: a run cut short is judged on that alone (S-CH5).
  if (!score.bounded.bounded && history.length >= config.rounds) {
    const { slope, threshold, window } = score.bounded;
    notCounted.push({ kind: 'unbounded', slope, threshold, from: window[0], to: window[1] });
  }
  return { score, notCounted };
}
