/**
 * [CH2] The challenge score (mean bin over the published map's B_c) and the challenge seed; the
 * judge (CH1) is tests/debrief/judge.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../game/core/scenarios';
import { SEED_PATTERN, parseSetupData } from '../../game/core/setup';
import type { RoundRecord } from '../../game/core/types';
import { challengeScore, challengeSeed } from '../../game/debrief/score';

const records = (bins: readonly number[]): RoundRecord[] =>
  bins.map((meanBin, i) => ({
    round: i + 1,
    workshops: [],
    meanLateness: 0,
    breachRate: 0,
    meanBin,
    totalCost: 0,
    shocks: [],
  }));

describe('[CH2] challenge score', () => {
  it('[CH2] is the mean over rounds of the network mean bin over B_c', () => {
    const score = challengeScore(records([2.5, 2.5, 2.5]), 1.887);
    expect(score).toEqual({ meanBin: 2.5, criticalBuffer: 1.887, score: 2.5 / 1.887 });
    expect(challengeScore(records(Array.from({ length: 30 }, (_, i) => (i < 15 ? 2 : 3))), 2).meanBin).toBe(2.5);
  });

  it('[CH2] is 0 without a positive critical buffer, and an empty history has mean bin 0', () => {
    expect(challengeScore(records([2.5]), 0)).toMatchObject({ score: 0 });
    expect(challengeScore(records([2.5]), Number.NaN)).toMatchObject({ score: 0 });
    expect(challengeScore([], 1.887)).toMatchObject({ meanBin: 0, score: 0 });
  });

  it('[CH2] the challenge seed is challenge-<scenario>-1 and setupData accepts it for every scenario', () => {
    expect(challengeSeed('two-inputs')).toBe('challenge-two-inputs-1');
    for (const id of SCENARIOS.keys()) {
      expect(challengeSeed(id)).toMatch(SEED_PATTERN);
      const plan = parseSetupData({ scenario: id, humanSeats: 1, seed: { policy: 'fixed', value: challengeSeed(id) } });
      expect(plan.ok && plan.value.config.publicSeed).toBe(challengeSeed(id));
    }
  });
});
