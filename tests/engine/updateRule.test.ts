import { describe, expect, it } from 'vitest';
import { rootStream } from '../../game/engine/rng';
import { type UpdateInputs, applyUpdateRule, applyUpdateRuleFast } from '../../game/engine/updateRule';

/**
 * The hand-computed example. Four firms, prev = [5, 1, 5, 0.5], noise = [0.25, 0.5, 0.75, 1]:
 *   firm 0 <- [1, 2]   firm 1 <- [0]   firm 2 <- [1, 3]   firm 3 <- [2, 0] (tie: prev 5 and 5)
 */
const PREV = Float64Array.from([5, 1, 5, 0.5]);
const OFFSETS = Int32Array.from([0, 2, 3, 5, 7]);
const SUPPLIERS = Int32Array.from([1, 2, 0, 1, 3, 2, 0]);
const NOISE = Float64Array.from([0.25, 0.5, 0.75, 1]);

function inputs(overrides: Partial<UpdateInputs> = {}): UpdateInputs {
  return {
    prev: PREV,
    offsets: OFFSETS,
    suppliers: SUPPLIERS,
    stride: 0,
    uniformBuffer: 2,
    slotBuffers: null,
    noise: NOISE,
    positivePart: true,
    ...overrides,
  };
}

function run(input: UpdateInputs) {
  const n = input.offsets.length - 1;
  const next = new Float64Array(n).fill(-99);
  const binding = new Int32Array(n).fill(-99);
  const breached = new Uint8Array(n).fill(99);
  const breaches = applyUpdateRule(input, { next, binding, breached });
  const fastNext = new Float64Array(n).fill(-99);
  const fastBreaches = applyUpdateRuleFast(input, fastNext);
  return { next, binding, breached, breaches, fastNext, fastBreaches };
}

describe('[M0] applyUpdateRule on a hand-computed 4-firm example with a uniform buffer B = 2', () => {
  const r = run(inputs());

  it('adds the noise to the positive part of the binding excess', () => {
    // firm 0: max(1, 5) - 2 = 3 -> 3.25; firm 1: 5 - 2 = 3 -> 3.5; firm 3: 5 - 2 = 3 -> 4.
    expect(r.next[0]).toBe(3.25);
    expect(r.next[1]).toBe(3.5);
    expect(r.next[3]).toBe(4);
  });

  it('gives exactly the noise when the largest supplier delay is below the buffer (positive part before the noise)', () => {
    // firm 2: max(1, 0.5) - 2 = -1 -> max(0, -1) + 0.75 = 0.75 (not -0.25, not max(0, -0.25)).
    expect(r.next[2]).toBe(0.75);
  });

  it('names the supplier with the largest lateness as binding, the first listed on ties', () => {
    expect(Array.from(r.binding)).toEqual([2, 0, 1, 2]);
  });

  it('flags breaches where the excess is positive and returns their count', () => {
    expect(Array.from(r.breached)).toEqual([1, 1, 0, 1]);
    expect(r.breaches).toBe(3);
  });

  it('the fast rule gives the same delays and count', () => {
    expect(r.fastNext).toEqual(r.next);
    expect(r.fastBreaches).toBe(3);
  });

  it('reverses the tie winner when the tied suppliers are listed the other way round', () => {
    const swapped = run(inputs({ suppliers: Int32Array.from([1, 2, 0, 1, 3, 0, 2]) }));
    expect(swapped.binding[3]).toBe(0);
    expect(swapped.next[3]).toBe(4);
  });

  it('does not count an excess of exactly 0 as a breach, and adds nothing for it', () => {
    const atBin = run(inputs({ uniformBuffer: 5 }));
    // firms 0, 1, 3 see exactly 5 - 5 = 0; firm 2 sees 1 - 5 = -4.
    expect(Array.from(atBin.breached)).toEqual([0, 0, 0, 0]);
    expect(atBin.breaches).toBe(0);
    expect(atBin.next).toEqual(NOISE);
    expect(atBin.fastBreaches).toBe(0);
  });
});

describe('[M0] applyUpdateRule with per-slot buffers', () => {
  // Slot buffers, in slot order: firm 0 [0, 4.5], firm 1 [6], firm 2 [1, 0], firm 3 [1, 0].
  const slotBuffers = Float64Array.from([0, 4.5, 6, 1, 0, 1, 0]);
  const r = run(inputs({ slotBuffers, uniformBuffer: 123 }));

  it('changes which supplier binds (per-slot lateness tau_j - B_ij decides)', () => {
    // firm 0: 1-0 = 1 beats 5-4.5 = 0.5 -> supplier 1 (was 2 with B = 2)
    // firm 2: 1-1 = 0 loses to 0.5-0 = 0.5 -> supplier 3 (was 1)
    // firm 3: 5-1 = 4 loses to 5-0 = 5 -> supplier 0 (was 2 on the tie)
    expect(Array.from(r.binding)).toEqual([1, 0, 3, 0]);
  });

  it('computes the delays from the per-slot excess and ignores the uniform buffer', () => {
    // firm 0: 1 + 0.25; firm 1: 5 - 6 = -1 -> 0 + 0.5; firm 2: 0.5 + 0.75; firm 3: 5 + 1.
    expect(Array.from(r.next)).toEqual([1.25, 0.5, 1.25, 6]);
    expect(Array.from(r.breached)).toEqual([1, 0, 1, 1]);
    expect(r.breaches).toBe(3);
    expect(r.fastNext).toEqual(r.next);
    expect(r.fastBreaches).toBe(3);
  });
});

describe('applyUpdateRule with positivePart false', () => {
  it('lets a negative excess through to the delay (uniform buffer)', () => {
    const r = run(inputs({ positivePart: false }));
    expect(Array.from(r.next)).toEqual([3.25, 3.5, -0.25, 4]);
    expect(Array.from(r.breached)).toEqual([1, 1, 0, 1]);
    expect(r.breaches).toBe(3);
    expect(r.fastNext).toEqual(r.next);
  });

  it('lets a negative excess through to the delay (per-slot buffers)', () => {
    const r = run(inputs({ positivePart: false, slotBuffers: Float64Array.from([0, 4.5, 6, 1, 0, 1, 0]) }));
    expect(Array.from(r.next)).toEqual([1.25, -0.5, 1.25, 6]);
    expect(r.fastNext).toEqual(r.next);
  });
});

describe('applyUpdateRule for a firm without inputs', () => {
  it('reports binding -1, no breach, and a delay equal to the noise', () => {
    for (const positivePart of [true, false]) {
      const r = run(
        inputs({
          offsets: Int32Array.from([0, 2, 2, 4, 6]),
          suppliers: Int32Array.from([1, 2, 1, 3, 2, 0]),
          positivePart,
        }),
      );
      expect(r.binding[1]).toBe(-1);
      expect(r.breached[1]).toBe(0);
      expect(r.next[1]).toBe(0.5);
      expect(r.fastNext).toEqual(r.next);
    }
  });
});

describe('applyUpdateRuleFast agrees bit for bit with applyUpdateRule on random inputs', () => {
  /** Delays on a 0.25 grid (many exact ties and exact-zero excesses) or continuous. */
  function randomCase(seed: string, n: number, k: number, grid: boolean) {
    const s = rootStream('fast-vs-full').child(seed);
    const value = (scale: number): number => (grid ? Math.floor(s.nextFloat() * scale * 4) / 4 : s.nextFloat() * scale);
    const prev = Float64Array.from({ length: n }, () => value(8));
    const noise = Float64Array.from({ length: n }, () => value(2));
    const offsets = Int32Array.from({ length: n + 1 }, (_, i) => i * k);
    const suppliers = Int32Array.from({ length: n * k }, () => s.nextInt(n));
    const slotBuffers = Float64Array.from({ length: n * k }, () => value(6));
    return { prev, noise, offsets, suppliers, slotBuffers };
  }

  function compare(input: UpdateInputs): void {
    const r = run(input);
    expect(r.fastNext).toEqual(r.next);
    expect(r.fastBreaches).toBe(r.breaches);
    // recount the breach flags of the full rule
    expect(r.breached.reduce((a, b) => a + b, 0)).toBe(r.breaches);
  }

  it('for uniform and per-slot buffers, stride k and stride 0 with the same offsets, with and without the positive part', () => {
    let cases = 0;
    for (const grid of [true, false]) {
      for (const [n, k] of [
        [50, 1],
        [50, 3],
        [200, 5],
      ] as const) {
        for (let rep = 0; rep < 10; rep++) {
          const c = randomCase(`${grid}-${n}-${k}-${rep}`, n, k, grid);
          for (const stride of [k, 0]) {
            for (const positivePart of [true, false]) {
              for (const slotBuffers of [null, c.slotBuffers]) {
                compare({
                  prev: c.prev,
                  offsets: c.offsets,
                  suppliers: c.suppliers,
                  stride,
                  uniformBuffer: 3,
                  slotBuffers,
                  noise: c.noise,
                  positivePart,
                });
                cases++;
              }
            }
          }
        }
      }
    }
    expect(cases).toBe(2 * 3 * 10 * 2 * 2 * 2);
  });

  it('gives the same result with stride k as with stride 0 on the same inputs', () => {
    const c = randomCase('stride', 100, 4, true);
    const base = {
      prev: c.prev,
      offsets: c.offsets,
      suppliers: c.suppliers,
      uniformBuffer: 6,
      slotBuffers: null,
      noise: c.noise,
      positivePart: true,
    };
    const withStride = new Float64Array(100);
    const without = new Float64Array(100);
    const b1 = applyUpdateRuleFast({ ...base, stride: 4 }, withStride);
    const b2 = applyUpdateRuleFast({ ...base, stride: 0 }, without);
    expect(withStride).toEqual(without);
    expect(b1).toBe(b2);
    expect(b1).toBeGreaterThan(0);
    expect(b1).toBeLessThan(100);
  });

  it('for ragged in-degrees (stride 0)', () => {
    const s = rootStream('ragged');
    for (let rep = 0; rep < 20; rep++) {
      const n = 40;
      const offsets = new Int32Array(n + 1);
      for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + 1 + s.nextInt(4);
      const slots = offsets[n]!;
      const suppliers = Int32Array.from({ length: slots }, () => s.nextInt(n));
      const prev = Float64Array.from({ length: n }, () => Math.floor(s.nextFloat() * 24) / 4);
      const noise = Float64Array.from({ length: n }, () => s.nextFloat());
      const slotBuffers = Float64Array.from({ length: slots }, () => Math.floor(s.nextFloat() * 12) / 4);
      for (const positivePart of [true, false]) {
        for (const sb of [null, slotBuffers])
          compare({ prev, offsets, suppliers, stride: 0, uniformBuffer: 2, slotBuffers: sb, noise, positivePart });
      }
    }
  });
});
