import { describe, expect, it } from 'vitest';
import { type RandomStream, TWO_POW_MINUS_32, rootStream } from '../../game/engine/rng';

function draws(stream: RandomStream, count: number): number[] {
  return Array.from({ length: count }, () => stream.nextUint32());
}

/** The xoshiro128** state word s1 whose next output is `target` (output = rotl(s1 * 5, 7) * 9). */
function s1ForOutput(target: number): number {
  const inverse9 = 0x38e38e39; // 9 * inverse9 = 1 (mod 2^32)
  const inverse5 = 0xcccccccd; // 5 * inverse5 = 1 (mod 2^32)
  const rotated = Math.imul(target, inverse9) >>> 0;
  const m = ((rotated >>> 7) | (rotated << 25)) >>> 0;
  return Math.imul(m, inverse5) >>> 0;
}

describe('[M8] rootStream: seeded streams are reproducible', () => {
  it('gives identical sequences of integers and floats for the same seed', () => {
    const a = rootStream('seed-42');
    const b = rootStream('seed-42');
    expect(draws(a, 1000)).toEqual(draws(b, 1000));
    const floatsA = Array.from({ length: 200 }, () => [a.nextFloat(), a.nextOpenFloat(), a.nextInt(37)]);
    const floatsB = Array.from({ length: 200 }, () => [b.nextFloat(), b.nextOpenFloat(), b.nextInt(37)]);
    expect(floatsA).toEqual(floatsB);
  });

  it('treats a numeric seed and its decimal string as the same seed', () => {
    expect(draws(rootStream(7), 50)).toEqual(draws(rootStream('7'), 50));
  });

  it('gives different sequences for different seeds', () => {
    const seqs = ['1', '2', '10', 'a', 'A', ''].map((seed) => draws(rootStream(seed), 8).join(','));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('gives different sequences for different child labels and for a child versus its parent', () => {
    const root = rootStream('1');
    const seqs = [
      draws(rootStream('1'), 8),
      draws(root.child('noise'), 8),
      draws(root.child('suppliers'), 8),
      draws(root.child('noise').child('noise'), 8),
      draws(root.child(3), 8),
      draws(root.child(4), 8),
    ].map((s) => s.join(','));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('names a child by its key path', () => {
    expect(rootStream('42').child('noise').child(3).key).toBe('42/noise/3');
  });

  it('derives a child from its key path alone: a child taken after 1000 parent draws equals one taken before', () => {
    const fresh = rootStream('parent');
    const before = fresh.child('x');
    const used = rootStream('parent');
    draws(used, 1000);
    const after = used.child('x');
    expect(draws(after, 100)).toEqual(draws(before, 100));
  });

  it('does not advance the parent when a child is created', () => {
    const parent = rootStream('parent');
    parent.child('a');
    parent.child('b').nextUint32();
    expect(draws(parent, 20)).toEqual(draws(rootStream('parent'), 20));
  });
});

describe('rootStream: golden vectors (cross-version stability)', () => {
  it("produces the pinned first five nextUint32 of rootStream('1')", () => {
    expect(draws(rootStream('1'), 5)).toEqual([1731137017, 231711165, 1670439693, 4030202853, 2192733232]);
  });

  it("produces the pinned first five nextUint32 of rootStream('1').child('noise')", () => {
    expect(draws(rootStream('1').child('noise'), 5)).toEqual([
      3449907718, 1740814331, 667415210, 2287588755, 1764037898,
    ]);
  });
});

describe('nextInt', () => {
  it('stays in [0, n) for small and large n', () => {
    const s = rootStream('nextInt-range');
    for (const n of [1, 2, 3, 7, 10, 1000, 2 ** 20 + 1, 2 ** 31]) {
      for (let i = 0; i < 2000; i++) {
        const v = s.nextInt(n);
        expect(Number.isInteger(v) && v >= 0 && v < n).toBe(true);
      }
    }
  });

  it('stays below n even for the largest raw value', () => {
    const s = rootStream('edge');
    s.state[1] = s1ForOutput(0xffffffff);
    const probe = rootStream('edge');
    probe.state.set(s.state);
    expect(probe.nextUint32()).toBe(0xffffffff);
    expect(s.nextInt(2 ** 31)).toBe(2 ** 31 - 1);
  });

  it('is roughly uniform over 10 values (chi-square over 100k draws)', () => {
    const s = rootStream('nextInt-chi2');
    const counts = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) counts[s.nextInt(10)]!++;
    const expected = draws / 10;
    const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: P(chi2 > 40) is about 7e-6.
    expect(chi2).toBeLessThan(40);
    expect(counts.every((c) => c > 0)).toBe(true);
  });
});

describe('nextFloat and nextOpenFloat', () => {
  it('nextOpenFloat is never 0 or 1 over many draws', () => {
    const s = rootStream('open');
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = s.nextOpenFloat();
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
  });

  it('nextOpenFloat stays strictly inside (0, 1) at the raw extremes 0 and 2^32 - 1', () => {
    const low = rootStream('low');
    low.state[1] = 0; // output = rotl(0 * 5, 7) * 9 = 0
    expect(low.nextOpenFloat()).toBe(0.5 * TWO_POW_MINUS_32);

    const high = rootStream('high');
    high.state[1] = s1ForOutput(0xffffffff);
    const u = high.nextOpenFloat();
    expect(u).toBe(1 - 0.5 * TWO_POW_MINUS_32);
    expect(u).toBeLessThan(1);
  });

  it('nextFloat lies in [0, 1) and reaches 0 only for the raw value 0', () => {
    const zero = rootStream('zero');
    zero.state[1] = 0;
    expect(zero.nextFloat()).toBe(0);
    const high = rootStream('high');
    high.state[1] = s1ForOutput(0xffffffff);
    expect(high.nextFloat()).toBeLessThan(1);
  });
});
