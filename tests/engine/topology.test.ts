import { describe, expect, it } from 'vitest';
import { unwrap } from '../../game/engine/result';
import { rootStream } from '../../game/engine/rng';
import {
  MAX_FIRMS,
  MAX_K,
  type Network,
  type TopologySpec,
  buildTopology,
  drawAnnealed,
  validateTopologySpec,
} from '../../game/engine/topology';

const build = (spec: TopologySpec, seed = 'topology'): Network =>
  unwrap(buildTopology(spec, rootStream(seed).child('network')));

function row(suppliers: Int32Array, network: Network, i: number): number[] {
  return Array.from(suppliers.subarray(network.offsets[i], network.offsets[i + 1]));
}

function uniformOffsets(n: number, k: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => i * k);
}

describe('ring', () => {
  it('has firm i supplied by firm i - 1 (mod n), one input each', () => {
    const net = build({ kind: 'ring', n: 6, k: 1 });
    expect(net.k).toBe(1);
    expect(net.annealed).toBe(false);
    expect(Array.from(net.offsets)).toEqual(uniformOffsets(6, 1));
    expect(Array.from(net.suppliers)).toEqual([5, 0, 1, 2, 3, 4]);
  });
});

describe('local-ring', () => {
  it('with k = 3 has firm i supplied by i-1, i-2, i-3 (mod n) in that order', () => {
    const n = 7;
    const net = build({ kind: 'local-ring', n, k: 3 });
    expect(Array.from(net.offsets)).toEqual(uniformOffsets(n, 3));
    for (let i = 0; i < n; i++) {
      expect(row(net.suppliers, net, i)).toEqual([(i - 1 + n) % n, (i - 2 + n) % n, (i - 3 + n) % n]);
    }
  });
});

describe('fixed', () => {
  it('gives every firm K distinct suppliers, never itself, with uniform offsets', () => {
    for (const [n, k] of [
      [10, 3],
      [5, 4],
      [50, 7],
    ] as const) {
      const net = build({ kind: 'fixed', n, k });
      expect(net.annealed).toBe(false);
      expect(net.k).toBe(k);
      expect(Array.from(net.offsets)).toEqual(uniformOffsets(n, k));
      expect(net.suppliers.length).toBe(n * k);
      for (let i = 0; i < n; i++) {
        const r = row(net.suppliers, net, i);
        expect(new Set(r).size).toBe(k);
        expect(r).not.toContain(i);
        for (const j of r) expect(j >= 0 && j < n).toBe(true);
      }
    }
  });

  it('is the same network for the same stream and a different one for another stream', () => {
    const a = build({ kind: 'fixed', n: 40, k: 3 }, 'same');
    const b = build({ kind: 'fixed', n: 40, k: 3 }, 'same');
    const c = build({ kind: 'fixed', n: 40, k: 3 }, 'other');
    expect(b.suppliers).toEqual(a.suppliers);
    expect(c.suppliers).not.toEqual(a.suppliers);
  });

  it('with k = n - 1 makes every other firm a supplier', () => {
    const net = build({ kind: 'fixed', n: 5, k: 4 });
    for (let i = 0; i < 5; i++)
      expect(row(net.suppliers, net, i).sort()).toEqual([0, 1, 2, 3, 4].filter((j) => j !== i));
  });
});

describe('annealed topologies redraw their suppliers every step', () => {
  it('are flagged annealed, with uniform offsets and K slots per firm', () => {
    for (const kind of ['spot', 'spot-any', 'out-regular'] as const) {
      const net = build({ kind, n: 8, k: 3 });
      expect(net.annealed).toBe(true);
      expect(Array.from(net.offsets)).toEqual(uniformOffsets(8, 3));
      expect(net.suppliers.length).toBe(24);
    }
  });

  it('spot gives K distinct suppliers other than the firm itself at every step', () => {
    const n = 6;
    const k = 4;
    const net = build({ kind: 'spot', n, k });
    const stream = rootStream('spot').child('suppliers');
    const out = new Int32Array(n * k);
    const seen = new Set<string>();
    for (let step = 0; step < 500; step++) {
      drawAnnealed('spot', out, n, k, stream);
      for (let i = 0; i < n; i++) {
        const r = row(out, net, i);
        expect(new Set(r).size).toBe(k);
        expect(r).not.toContain(i);
        for (const j of r) expect(j >= 0 && j < n).toBe(true);
      }
      seen.add(out.join(','));
    }
    expect(seen.size).toBeGreaterThan(400); // it really redraws
  });

  it('spot picks each other firm about equally often (chi-square)', () => {
    const n = 10;
    const k = 3;
    const steps = 3000;
    const stream = rootStream('spot-uniform').child('suppliers');
    const out = new Int32Array(n * k);
    const counts = new Array<number>(n).fill(0); // suppliers of firm 0
    for (let step = 0; step < steps; step++) {
      drawAnnealed('spot', out, n, k, stream);
      for (let s = 0; s < k; s++) counts[out[s]!]!++;
    }
    expect(counts[0]).toBe(0);
    const expected = (steps * k) / (n - 1);
    const chi2 = counts.slice(1).reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(40); // 8 degrees of freedom
  });

  it('spot-any stays in range and sometimes draws the firm itself and repeats (n = 5, k = 5)', () => {
    const n = 5;
    const k = 5;
    const net = build({ kind: 'spot-any', n, k });
    const stream = rootStream('spot-any').child('suppliers');
    const out = new Int32Array(n * k);
    let selfDraws = 0;
    let rowsWithRepeats = 0;
    for (let step = 0; step < 200; step++) {
      drawAnnealed('spot-any', out, n, k, stream);
      for (let i = 0; i < n; i++) {
        const r = row(out, net, i);
        for (const j of r) expect(j >= 0 && j < n).toBe(true);
        if (r.includes(i)) selfDraws++;
        if (new Set(r).size < k) rowsWithRepeats++;
      }
    }
    expect(selfDraws).toBeGreaterThan(0);
    expect(rowsWithRepeats).toBeGreaterThan(0);
  });

  it("out-regular makes every firm appear exactly K times in each step's supplier array", () => {
    for (const [n, k] of [
      [7, 3],
      [5, 8],
      [100, 2],
    ] as const) {
      const stream = rootStream('out-regular').child(`${n}-${k}`);
      const out = new Int32Array(n * k);
      const seen = new Set<string>();
      for (let step = 0; step < 200; step++) {
        drawAnnealed('out-regular', out, n, k, stream);
        const counts = new Array<number>(n).fill(0);
        for (const j of out) counts[j]!++;
        expect(counts).toEqual(new Array(n).fill(k));
        seen.add(out.join(','));
      }
      expect(seen.size).toBeGreaterThan(150);
    }
  });

  it('out-regular puts every firm in every slot about equally often (chi-square per slot)', () => {
    const n = 7;
    const k = 3;
    const steps = 3000;
    const stream = rootStream('out-regular-uniform').child('suppliers');
    const out = new Int32Array(n * k);
    const counts = Array.from({ length: n * k }, () => new Array<number>(n).fill(0));
    for (let step = 0; step < steps; step++) {
      drawAnnealed('out-regular', out, n, k, stream);
      for (let s = 0; s < n * k; s++) counts[s]![out[s]!]!++;
    }
    const expected = steps / n;
    for (const slotCounts of counts) {
      const chi2 = slotCounts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
      expect(chi2).toBeLessThan(45); // 6 degrees of freedom: P(chi2 > 45) is about 5e-8
    }
  });

  it('gives the same draws from identical streams', () => {
    for (const kind of ['spot', 'spot-any', 'out-regular'] as const) {
      const a = new Int32Array(30);
      const b = new Int32Array(30);
      const sa = rootStream('same-draw');
      const sb = rootStream('same-draw');
      for (let step = 0; step < 20; step++) {
        drawAnnealed(kind, a, 10, 3, sa);
        drawAnnealed(kind, b, 10, 3, sb);
        expect(a).toEqual(b);
      }
    }
  });

  it('refuses to redraw a static kind', () => {
    expect(() => drawAnnealed('ring', new Int32Array(4), 4, 1, rootStream('x'))).toThrow(/ring/);
    expect(() => drawAnnealed('fixed', new Int32Array(4), 4, 1, rootStream('x'))).toThrow(/fixed/);
  });
});

describe('validateTopologySpec', () => {
  const rejects = (spec: TopologySpec, mentions: RegExp): void => {
    const result = validateTopologySpec(spec);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(mentions);
    // buildTopology refuses the same spec
    expect(buildTopology(spec, rootStream('x')).ok).toBe(false);
  };

  it('rejects an unknown kind, naming it', () => {
    rejects({ kind: 'torus' as TopologySpec['kind'], n: 10, k: 1 }, /"torus"/);
    rejects({ kind: 'custom' as TopologySpec['kind'], n: 10, k: 1 }, /"custom"/);
  });

  it('rejects n = 1, n = 2.5 and n above the maximum, naming n', () => {
    rejects({ kind: 'spot', n: 1, k: 1 }, /\bn\b.*\b1\b/);
    rejects({ kind: 'spot', n: 2.5, k: 1 }, /\bn\b.*2\.5/);
    rejects({ kind: 'spot-any', n: MAX_FIRMS + 1, k: 1 }, new RegExp(`\\bn\\b.*${MAX_FIRMS + 1}`));
  });

  it('rejects k = 0, k = 1.5 and k above the maximum, naming k', () => {
    rejects({ kind: 'spot', n: 10, k: 0 }, /\bk\b.*\b0\b/);
    rejects({ kind: 'spot', n: 10, k: 1.5 }, /\bk\b.*1\.5/);
    rejects({ kind: 'spot-any', n: 100, k: MAX_K + 1 }, new RegExp(`\\bk\\b.*\\b${MAX_K + 1}\\b`));
  });

  it('rejects a ring with k = 2, naming k', () => {
    rejects({ kind: 'ring', n: 10, k: 2 }, /k = 2/);
  });

  it('rejects fixed, spot and local-ring with k >= n, naming k and n', () => {
    for (const kind of ['fixed', 'spot', 'local-ring'] as const) {
      rejects({ kind, n: 5, k: 5 }, /k = 5, n = 5/);
      rejects({ kind, n: 5, k: 6 }, /k = 6, n = 5/);
    }
  });

  it('accepts k >= n for spot-any and out-regular, and k = n - 1 for fixed and spot', () => {
    for (const spec of [
      { kind: 'spot-any', n: 5, k: 5 },
      { kind: 'out-regular', n: 5, k: 8 },
      { kind: 'fixed', n: 5, k: 4 },
      { kind: 'spot', n: 5, k: 4 },
      { kind: 'ring', n: 2, k: 1 },
    ] as const) {
      expect(validateTopologySpec({ ...spec })).toEqual({ ok: true, value: spec });
    }
  });
});
