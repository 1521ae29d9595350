/**
 * Is a match a challenge, and how did it score? Pure: the board's game-over screen reads it from
 * the seat's view (the full history is public once the game is over, I5). The score is H1's
 * `challengeScore` (game/debrief/score.ts, CH1-CH3); whether the run counts follows the
 * leaderboard's rules (CH4): bounded, every round played, no shocks.
 */
import type { PublicConfig, RoundRecord } from '../../game/core/types';
import { type ChallengeScore, type NotCounted, challengeVerdict } from '../../game/debrief/score';

export const CHALLENGE_SEED_PREFIX = 'challenge-';

/** A challenge match: a fixed, published seed of the form "challenge-…". */
export function isChallenge(config: Pick<PublicConfig, 'seedPolicy' | 'publicSeed'>): boolean {
  return config.seedPolicy === 'fixed' && (config.publicSeed?.startsWith(CHALLENGE_SEED_PREFIX) ?? false);
}

export type { NotCounted };

export interface ChallengeResult {
  readonly score: ChallengeScore;
  /** Why the run will not count on the leaderboard (empty: it counts). */
  readonly notCounted: readonly NotCounted[];
}

/** The result of a finished challenge match, or null (not a challenge, no rounds, no B_c). */
export function challengeResult(config: PublicConfig, history: readonly RoundRecord[] | null): ChallengeResult | null {
  if (!isChallenge(config) || !history || history.length === 0 || config.criticalBuffer === null) return null;
  const { score, notCounted } = challengeVerdict(history, config, config.criticalBuffer, config.publicSeed!);
  if (!score) return null;
  return { score, notCounted };
}
