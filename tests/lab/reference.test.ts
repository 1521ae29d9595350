/**
 * The engine against the science: every number of the reference table in
 * docs/MODEL.md (the authors' reference numbers), within its tolerance. Seeds are
 * fixed, so these runs are deterministic; each also checks that its own standard error is small
 * enough for the tolerance to mean something.
 */
import { describe, expect, it } from 'vitest';
import { parseNoise } from '../../game/engine/noise';
import { unwrap } from '../../game/engine/result';
import { runReplica } from '../../game/lab/replica';
import { infiniteNCriticalBuffer } from '../../game/lab/theory';
import { measureCritical, measureSweep, modelOf, runOf } from './helpers';

describe('[M1] K=1 ring: the critical buffer is exactly the mean trouble', () => {
  it.each([
    ['exp:1', 1],
    ['exp:2', 2],
    ['d6', 3.5],
    ['faces:0,0,0,1,1,2!', 0.8],
  ])('noise %s gives B_c = %s', (noise, mu) => {
    const result = measureCritical(
      modelOf({ kind: 'ring', n: 200, k: 1 }, { noise }),
      runOf({ replicas: 8, steps: 5000 }),
    );
    expect(result.standardError).toBeLessThan(0.01 * mu);
    expect(Math.abs(result.criticalBuffer - mu)).toBeLessThan(4 * result.standardError + 1e-9);
  });
});

describe('[M2] annealed distinct suppliers (spot), N = 1000, exp:1', () => {
  it.each([
    [2, 2.449],
    [3, 2.951],
  ])('K=%i: B_c = %f +- 0.005', (k, expected) => {
    const result = measureCritical(modelOf({ kind: 'spot', n: 1000, k }), runOf({ replicas: 12, steps: 5000 }));
    expect(result.standardError).toBeLessThan(0.0025);
    expect(Math.abs(result.criticalBuffer - expected)).toBeLessThan(0.005);
  });
});

describe("[M3] K=5 with replacement (spot-any): the authors' mean-field data", () => {
  it.each([
    [20, 2.724, 100_000],
    [100, 3.171, 40_000],
    [1000, 3.505, 5000],
  ])('N=%i: B_c = %f +- 0.01', (n, expected, steps) => {
    const result = measureCritical(modelOf({ kind: 'spot-any', n, k: 5 }), runOf({ replicas: 8, steps }));
    expect(result.standardError).toBeLessThan(0.004);
    expect(Math.abs(result.criticalBuffer - expected)).toBeLessThan(0.01);
  });
});

describe('[M4] small annealed networks (spot, exp:1) for calibrating sessions', () => {
  const table: [number, number, number][] = [
    [2, 4, 1.72],
    [2, 8, 1.88],
    [2, 12, 1.96],
    [2, 16, 2.01],
    [2, 24, 2.09],
    [3, 4, 1.96],
    [3, 8, 2.18],
    [3, 12, 2.29],
    [3, 16, 2.37],
    [3, 24, 2.46],
  ];
  it.each(table)('K=%i, N=%i: B_c = %f +- 0.01', (k, n, expected) => {
    const result = measureCritical(modelOf({ kind: 'spot', n, k }), runOf({ replicas: 8, steps: 80_000 }));
    expect(result.standardError).toBeLessThan(0.003);
    expect(Math.abs(result.criticalBuffer - expected)).toBeLessThan(0.01);
  });
});

describe('[M5] N = infinity: min over g of [ln K + ln E exp(g eps)] / g', () => {
  it.each([
    ['exp:1', 2, 2.67835],
    ['exp:1', 3, 3.28928],
    ['exp:1', 5, 3.99431],
    ['d6', 2, 5.354],
    ['d6', 3, 5.7061],
  ])('noise %s, K=%i: %f', (noise, k, expected) => {
    const result = infiniteNCriticalBuffer(unwrap(parseNoise(noise)), k);
    expect(Math.abs(result.criticalBuffer - expected)).toBeLessThan(6e-5);
  });

  it('equals the Lambert-W form -mu W_{-1}(-1/(eK)) for exponential noise', () => {
    for (const [mean, k] of [
      [1, 2],
      [1, 7],
      [2.5, 3],
      [0.5, 40],
    ] as const) {
      const result = infiniteNCriticalBuffer({ kind: 'exp', mean }, k);
      expect(result.lambertW).toBeDefined();
      expect(Math.abs(result.criticalBuffer - result.lambertW!)).toBeLessThan(1e-9 * mean * k);
    }
  });

  it('is the largest face when trouble is bounded and inputs are many (a bin of the maximum is safe)', () => {
    expect(infiniteNCriticalBuffer(unwrap(parseNoise('faces:0,0,0,1,1,3')), 20).criticalBuffer).toBe(3);
  });

  it('is the mean trouble for K=1', () => {
    expect(infiniteNCriticalBuffer(unwrap(parseNoise('d6')), 1).criticalBuffer).toBe(3.5);
  });

  it('lies above every finite network of the same K (finite-size B_c rises towards it)', () => {
    const finite = measureCritical(modelOf({ kind: 'spot', n: 1000, k: 2 }), runOf({ replicas: 4, steps: 2000 }));
    expect(finite.criticalBuffer).toBeLessThan(infiniteNCriticalBuffer({ kind: 'exp', mean: 1 }, 2).criticalBuffer);
  });
});

describe('[M6] K=1 stationary mean delay above B_c (exact: 1/alpha with exp(-alpha B) = 1 - alpha)', () => {
  const exact = (b: number) => {
    // Solve exp(-a B) = 1 - a for a in (0, 1) by bisection.
    let lo = 1e-12;
    let hi = 1 - 1e-12;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (Math.exp(-mid * b) - (1 - mid) > 0) hi = mid;
      else lo = mid;
    }
    return 1 / lo;
  };
  it.each([
    [1.25, 2.693, 0.02],
    [1.5, 1.716, 0.01],
    [2, 1.255, 0.005],
    [3, 1.063, 0.003],
  ])('B=%f: mean delay %f', (buffer, expected, tolerance) => {
    expect(Math.abs(exact(buffer) - expected)).toBeLessThan(5e-4);
    const replicas = [0, 1, 2, 3].map((replica) =>
      runReplica({
        model: modelOf({ kind: 'ring', n: 1000, k: 1 }),
        seed: 'stationary',
        replica,
        buffer,
        burnIn: 2000,
        steps: 10_000,
      }),
    );
    const meanDelay = replicas.reduce((s, r) => s + r.meanDelay, 0) / replicas.length;
    expect(Math.abs(meanDelay - exact(buffer))).toBeLessThan(tolerance);
    for (const r of replicas) expect(Math.abs(r.growthRate)).toBeLessThan(1e-3);
  });
});

describe('[M7] growth rate v(B) = max(0, B_c - B)', () => {
  const model = modelOf({ kind: 'spot', n: 1000, k: 2 });
  const run = runOf({ replicas: 4, steps: 3000, burnIn: 300 });
  const points = measureSweep(model, run, { from: 0, to: 3.5, step: 0.5 });
  const v0 = points[0]!.growthRate;

  it('has slope exactly -1 below B_c (same dice at every buffer)', () => {
    for (const p of points.filter((p) => p.buffer <= 1.5)) expect(p.growthRate).toBeCloseTo(v0 - p.buffer, 2);
  });

  it('is zero above B_c: delays stay bounded', () => {
    for (const p of points.filter((p) => p.buffer >= 3)) expect(Math.abs(p.growthRate)).toBeLessThan(0.005);
  });

  it('breaches almost always below B_c, often just above it, rarely at 1.5 B_c', () => {
    const at = (b: number) => points.find((p) => p.buffer === b)!;
    expect(at(1).breachRate).toBeGreaterThan(0.95);
    const above = measureSweep(model, runOf({ replicas: 2, steps: 4000, burnIn: 2000 }), {
      from: 2.55,
      to: 3.7,
      step: 1.15,
    });
    expect(above[0]!.breachRate).toBeGreaterThan(0.3);
    expect(above[0]!.breachRate).toBeLessThan(0.6);
    expect(above[1]!.breachRate).toBeLessThan(0.2);
  });
});
