/**
 * [CH1] The challenge judge, through the real solo-challenge path (the game with mirror bots, as
 * the server plays it: game/core/soloChallenge.ts) on every scenario: on the published tape and on
 * fresh tapes, constant bins at 0.95 B_c never count, empty bins for the first quarter then B_c
 * never count, constant bins at 1.05 B_c always count (tests/debrief/judgeCases.ts). The judge is
 * deterministic, each of its two tests rejects on its own, and [CH2] the published map's stored
 * critical buffer matches a fresh lab measurement of the map the challenge seed builds.
 */
import '../../game/engine/wasm/index';
import { describe, expect, it } from 'vitest';
import { type Scenario, challengeCriticalBuffer, parseScenario } from '../../game/core/scenario';
import { SCENARIOS } from '../../game/core/scenarios';
import { playSoloChallenge } from '../../game/core/soloChallenge';
import { unwrap } from '../../game/engine/result';
import { challengeLabModel } from '../../game/debrief/data';
import { JUDGE, judgeGrowth, judgeLevel } from '../../game/debrief/judge';
import { challengeSeed, challengeVerdict } from '../../game/debrief/score';
import { measureCritical, scenarioFiles } from '../game/scenarios-lab';
import { CASES, MUST_COUNT, casePolicy, counted, judgeCase } from './judgeCases';

/** The published tape and this many fresh ones per scenario and case (bench/judge.ts runs 40). */
const FRESH_TAPES = 3;
const ALL = [...SCENARIOS.values()];

describe('[CH1] the judge on every scenario, published and fresh tapes', () => {
  it.each(ALL.map((s) => [s.id] as const))(
    '[CH1] %s: 0.95 B_c and dig-then-hold never count, 1.05 B_c always counts',
    async (id) => {
      for (const c of CASES) {
        for (let tape = 0; tape <= FRESH_TAPES; tape++) {
          const v = await judgeCase(id, c, tape);
          const why = JSON.stringify(v.notCounted);
          expect(counted(v), `${c} on tape ${tape}: ${why}`).toBe(MUST_COUNT[c]);
          if (c === 'low') {
            // Both tests reject on their own: the stock is below the cliff, and the run is later.
            expect(v.notCounted.map((r) => r.kind).sort(), why).toEqual(['growth', 'lateness']);
          }
          if (c === 'dig')
            expect(
              v.notCounted.map((r) => r.kind),
              why,
            ).toContain('lateness');
        }
      }
    },
    240_000,
  );
});

describe('[CH1] the judge itself', () => {
  it('[CH1] gives the same numbers for the same run, and the growth test has a margin of a few errors', async () => {
    const id = 'two-inputs';
    const run = await playSoloChallenge(id, 'judge-determinism', casePolicy(id, 'high'));
    const bc = challengeCriticalBuffer(SCENARIOS.get(id)!);
    const one = challengeVerdict(run.g, bc, challengeSeed(id));
    const two = challengeVerdict(run.g, bc, challengeSeed(id));
    expect(two).toEqual(one);
    const growth = judgeGrowth(run.history, run.config);
    expect(growth.standardError).toBeGreaterThan(0);
    // 1.05 B_c: the rate is about -0.05 B_c, many standard errors below the threshold.
    expect(growth.rate).toBeLessThan(-0.03 * bc);
    expect(growth.rate).toBeGreaterThan(-0.1 * bc);
    expect(growth.holds).toBe(growth.rate <= JUDGE.sigmas * growth.standardError);
  });

  it('[CH1] the growth rate is the linear system of the run: shifting every bin by d shifts it by -d', async () => {
    const id = 'spot-market';
    const run = await playSoloChallenge(id, 'judge-shift', casePolicy(id, 'high'));
    const base = judgeGrowth(run.history, run.config, { replicas: 4, steps: 1000 });
    const shifted = run.history.map((h) => ({
      ...h,
      workshops: h.workshops.map((w) => ({ ...w, bins: w.bins.map((b) => b - 0.25) })),
    }));
    const lower = judgeGrowth(shifted, run.config, { replicas: 4, steps: 1000 });
    expect(lower.rate - base.rate).toBeCloseTo(0.25, 9);
  });

  it('[CH1] the lateness test compares with uniform bins at the given bin on the same dice', async () => {
    const id = 'ring-road';
    const run = await playSoloChallenge(id, 'judge-level', casePolicy(id, 'low'));
    const bc = challengeCriticalBuffer(SCENARIOS.get(id)!);
    const level = judgeLevel(run.g, bc);
    expect(level.lateness).toBeCloseTo(run.history.reduce((a, h) => a + h.meanLateness, 0) / run.history.length, 12);
    expect(level.lateness).toBeGreaterThan(level.reference);
    expect(level.holds).toBe(false);
    // Against a lower reference bin than the run's own the run is no later (monotone in the bins, M).
    expect(judgeLevel(run.g, 0.5).holds).toBe(true);
  });

  it('[CH1] a run cut short is judged on that alone', async () => {
    const id = 'ring-road';
    const run = await playSoloChallenge(id, 'judge-short', casePolicy(id, 'low'));
    const g = { ...run.g, history: run.g.history.slice(0, 5) };
    const v = challengeVerdict(g, challengeCriticalBuffer(SCENARIOS.get(id)!), challengeSeed(id));
    expect(v.judge).toBeNull();
    expect(v.notCounted).toEqual([{ kind: 'endedEarly', played: 5, rounds: 20 }]);
  });
});

describe("[CH2] the published map's own critical buffer", () => {
  it.each(ALL.map((s) => [s.id, s] as const))(
    '[CH2] %s: stored with its command, and a fresh lab measurement agrees within max(3 SE, 0.03)',
    (id, s: Scenario) => {
      const stored = s.challenge!.criticalBuffer;
      expect(stored.command).toBe(
        `npm run --silent lab -- critical --challenge ${id} --steps 20000 --replicas 64 --json`,
      );
      expect(challengeCriticalBuffer(s)).toBe(stored.value);
      const fresh = measureCritical(challengeLabModel(id), { seed: '1', replicas: 64, steps: 5000, burnIn: 100 });
      expect(Math.abs(fresh.criticalBuffer - stored.value)).toBeLessThanOrEqual(
        Math.max(3 * stored.standardError, 0.03),
      );
    },
    20_000,
  );

  it('[CH2] a scenario file may carry challenge.criticalBuffer; a bad one gets an error naming the field', () => {
    const data = scenarioFiles().find((f) => f.name === 'ring-road')!.data;
    const cb = { value: 1, standardError: 0.001, command: 'npm run --silent lab -- critical --challenge ring-road' };
    expect(unwrap(parseScenario({ ...data, challenge: undefined })).challenge).toBeNull();
    expect(unwrap(parseScenario({ ...data, challenge: { criticalBuffer: cb } })).challenge).toEqual({
      criticalBuffer: cb,
    });
    const bad: [unknown, RegExp][] = [
      ['fast', /challenge must be \{"criticalBuffer"/],
      [{ criticalBuffer: cb, extra: 1 }, /unknown field "extra"/],
      [{ criticalBuffer: { ...cb, value: -1 } }, /challenge\.criticalBuffer\.value must be from 0 to 1000/],
      [{}, /challenge\.criticalBuffer must be \{"value", "standardError", "command"\}/],
    ];
    for (const [challenge, message] of bad) {
      const r = parseScenario({ ...data, challenge });
      expect(r.ok ? 'parsed' : r.error).toMatch(message);
    }
  });
});
