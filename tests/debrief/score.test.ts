/**
 * [CH1] Bounded: the least-squares slope of the mean lateness after the first quarter of the
 * rounds against 0.1 B_c, calibrated on every scenario (engine and game); [CH2] the challenge
 * score and seed.
 */
import '../../game/engine/wasm/index';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../game/core/scenarios';
import { SEED_PATTERN, parseSetupData } from '../../game/core/setup';
import {
  BOUNDED_SLOPE_SHARE,
  boundedness,
  boundednessAt,
  challengeScore,
  challengeSeed,
  leastSquaresSlope,
  referenceBuffer,
} from '../../game/debrief/score';
import { makeG } from '../game/fixtures';
import { calibrate, seriesRecords, steadyMatch } from './calibration';

/** Loop- and chain-dominated maps whose mean lateness is close to one random walk (docs/DEBRIEF.md). */
const NOISY = new Map([
  ['ring-road', 0.25],
  ['new-road', 0.45],
]);

describe('[CH1] bounded', () => {
  it('[CH1] fits the slope after the first quarter of the rounds, exactly on a straight line', () => {
    const line = seriesRecords(Array.from({ length: 20 }, (_, t) => 0.5 + 0.25 * (t + 1)));
    expect(boundednessAt(line, 2)).toEqual({ bounded: false, slope: 0.25, threshold: 0.2, window: [6, 20] });
    expect(boundednessAt(line, 2.5)).toEqual({ bounded: true, slope: 0.25, threshold: 0.25, window: [6, 20] });
    // A burst in the first quarter does not count; a flat tail is bounded.
    const settled = seriesRecords(Array.from({ length: 20 }, (_, t) => (t < 5 ? 10 * t : 3)));
    expect(boundednessAt(settled, 1)).toMatchObject({ bounded: true, slope: 0, window: [6, 20] });
    expect(leastSquaresSlope([1, 2, 3], [3, 1, 2])).toBe(-0.5);
    expect(leastSquaresSlope([1], [3])).toBe(0);
    expect(boundednessAt([], 1)).toEqual({ bounded: true, slope: 0, threshold: 0.1, window: [0, 0] });
    expect(boundednessAt(seriesRecords([4]), 1)).toMatchObject({ bounded: true, window: [1, 1] });
  });

  it('[CH1] measures against the configured B_c, else the mean trouble (a lower bound of B_c)', () => {
    const config = makeG().config;
    expect(referenceBuffer(config)).toBe(1.852);
    const custom = { ...config, criticalBuffer: null, trouble: 'faces:0,0,0,1,1,2!' };
    expect(referenceBuffer(custom)).toBeCloseTo(0.8, 12);
    const line = seriesRecords(Array.from({ length: 12 }, (_, t) => 0.15 * t));
    expect(boundedness(line, config).bounded).toBe(true);
    expect(boundedness(line, custom).bounded).toBe(false);
    expect(boundedness(line, custom).threshold).toBeCloseTo(BOUNDED_SLOPE_SHARE * 0.8, 12);
  });

  it('[CH1] calibration (engine, 400 networks per case): few wrong verdicts at 0.7 B_c and 1.3 B_c on every scenario', () => {
    for (const scenario of SCENARIOS.values()) {
      const row = calibrate(scenario, 400);
      expect(row.falseBounded, `${scenario.id} called bounded at 0.7 B_c`).toBeLessThanOrEqual(0.07);
      expect(row.falseUnbounded, `${scenario.id} called unbounded at 1.3 B_c`).toBeLessThanOrEqual(
        NOISY.get(scenario.id) ?? 0.04,
      );
    }
  });

  it('[CH1] the real game agrees: steady bins at 0.7 B_c are unbounded and at 1.3 B_c bounded on most seeds', () => {
    const seeds = Array.from({ length: 30 }, (_, k) => `ch1-${k}`);
    for (const scenario of SCENARIOS.values()) {
      const bc = scenario.criticalBuffer.value;
      const config = makeG({ scenario: scenario.id, humanSeats: 0 }).config;
      const low = seeds.filter((seed) => boundedness(steadyMatch(scenario.id, seed, 0.7 * bc), config).bounded);
      const high = seeds.filter((seed) => !boundedness(steadyMatch(scenario.id, seed, 1.3 * bc), config).bounded);
      expect(low.length, `${scenario.id}: bounded at 0.7 B_c on ${low.join(', ')}`).toBeLessThanOrEqual(3);
      expect(high.length, `${scenario.id}: unbounded at 1.3 B_c on ${high.join(', ')}`).toBeLessThanOrEqual(
        Math.ceil(30 * (NOISY.get(scenario.id) ?? 0.1)),
      );
    }
  });
});

describe('[CH2] challenge score', () => {
  const config = makeG({ humanSeats: 0 }).config;
  const played = (bin: number) => steadyMatch('two-inputs', challengeSeed('two-inputs'), bin);

  it('[CH2] is the mean over rounds of the mean bin over B_c, valid for a whole bounded match', () => {
    const history = played(2.5);
    const score = challengeScore(history, config, 1.852);
    expect(score.meanBin).toBe(2.5);
    expect(score.score).toBe(2.5 / 1.852);
    expect(score.bounded.bounded).toBe(true);
    expect(score.valid).toBe(true);
    const mixed = history.map((h, i) => ({ ...h, meanBin: i < 15 ? 2 : 3 }));
    expect(challengeScore(mixed, config, 2).meanBin).toBe(2.5);
  });

  it('[CH2] is invalid below the cliff, for a match cut short, or without a critical buffer', () => {
    const low = challengeScore(played(0.7 * 1.852), config, 1.852);
    expect(low.bounded.bounded).toBe(false);
    expect(low.valid).toBe(false);
    expect(low.score).toBeCloseTo(0.7, 12);
    const history = played(2.5);
    expect(challengeScore(history.slice(0, 20), config, 1.852).valid).toBe(false);
    expect(challengeScore(history, config, 0)).toMatchObject({ valid: false, score: 0 });
    expect(challengeScore([], config, 1.852)).toMatchObject({ valid: false, meanBin: 0 });
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
