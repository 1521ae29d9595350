/**
 * Is a match a challenge? Pure: the board's game-over screen asks it of the seat's view, then
 * loads the server's verdict (GET /api/challenges/matches/:matchID): the judge replays the run's
 * dice, which the seat never sees (CH1, CH5).
 */
import type { PublicConfig } from '../../game/core/types';
import type { NotCounted } from '../../game/debrief/score';

export const CHALLENGE_SEED_PREFIX = 'challenge-';

/** A challenge match: a fixed, published seed of the form "challenge-…". */
export function isChallenge(config: Pick<PublicConfig, 'seedPolicy' | 'publicSeed'>): boolean {
  return config.seedPolicy === 'fixed' && (config.publicSeed?.startsWith(CHALLENGE_SEED_PREFIX) ?? false);
}

export type { NotCounted };
