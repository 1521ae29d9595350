import { describe, expect, it } from 'vitest';
import { negLogUniform } from '../../game/engine/detlog';
import {
  type Noise,
  compileNoise,
  formatNoise,
  noiseLogMgf,
  noiseMax,
  noiseMean,
  parseNoise,
  sampleNoise,
} from '../../game/engine/noise';
import { unwrap } from '../../game/engine/result';
import { rootStream } from '../../game/engine/rng';

const noise = (spec: string): Noise => unwrap(parseNoise(spec));

function compiledDraws(spec: string, seed: string, count: number): Float64Array {
  const out = new Float64Array(count);
  compileNoise(noise(spec))(rootStream(seed).child('noise'), out, count);
  return out;
}

const mean = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('parseNoise accepts valid specs', () => {
  it('parses exp:MEAN to an exponential with that mean', () => {
    expect(parseNoise('exp:1')).toEqual({ ok: true, value: { kind: 'exp', mean: 1 } });
    expect(parseNoise('exp:2.5')).toEqual({ ok: true, value: { kind: 'exp', mean: 2.5 } });
  });

  it('parses d6 to the faces 1..6, none exploding', () => {
    expect(parseNoise('d6')).toEqual({
      ok: true,
      value: { kind: 'faces', faces: [1, 2, 3, 4, 5, 6], explodes: [false, false, false, false, false, false] },
    });
  });

  it('parses a face list, marking faces that end in ! as exploding', () => {
    expect(parseNoise('faces:0,0,0,1,1,3')).toEqual({
      ok: true,
      value: { kind: 'faces', faces: [0, 0, 0, 1, 1, 3], explodes: [false, false, false, false, false, false] },
    });
    expect(parseNoise('faces:0,0,0,1,1,2!')).toEqual({
      ok: true,
      value: { kind: 'faces', faces: [0, 0, 0, 1, 1, 2], explodes: [false, false, false, false, false, true] },
    });
  });
});

describe('parseNoise rejects invalid specs with a message that quotes the spec', () => {
  const bad = [
    '',
    'exp',
    'exp:0',
    'exp:-1',
    'exp:abc',
    'exp:NaN',
    'exp:Infinity',
    'faces:',
    'faces:1,,2',
    'faces:-1,2',
    'faces:2!',
    'faces:0!,1',
    'gauss:1',
  ];
  for (const spec of bad) {
    it(`rejects ${JSON.stringify(spec)}`, () => {
      const result = parseNoise(spec);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain(`"${spec}"`);
    });
  }
});

describe('formatNoise', () => {
  it('round-trips through parseNoise for every accepted spec', () => {
    for (const spec of [
      'exp:1',
      'exp:2.5',
      'exp:0.30000000000000004',
      'exp:1e-7',
      'd6',
      'faces:0,0,0,1,1,3',
      'faces:0,0,0,1,1,2!',
      'faces:0.5,7!,2',
    ]) {
      const parsed = noise(spec);
      expect(parseNoise(formatNoise(parsed))).toEqual({ ok: true, value: parsed });
    }
  });

  it('writes the canonical spec string', () => {
    expect(formatNoise(noise('exp:2.5'))).toBe('exp:2.5');
    expect(formatNoise(noise('d6'))).toBe('faces:1,2,3,4,5,6');
    expect(formatNoise(noise('faces:0, 0,0,1,1, 2!'))).toBe('faces:0,0,0,1,1,2!');
  });
});

describe('noiseMean', () => {
  it('is the mean of an exponential', () => {
    expect(noiseMean(noise('exp:2'))).toBe(2);
  });

  it('is 3.5 for d6', () => {
    expect(noiseMean(noise('d6'))).toBe(3.5);
  });

  it('is the geometric-series value 4/5 for faces:0,0,0,1,1,2! (a 2! adds 2 and re-rolls)', () => {
    // E = (0+0+0+1+1)/6 + (1/6)(2 + E)  =>  (5/6) E = 4/6  =>  E = 4/5.
    // Equivalently sum_{m>=0} (1/6)^m * (5/6) * (2m + 2/5) = 2 * (1/5) + 2/5 = 4/5.
    expect(noiseMean(noise('faces:0,0,0,1,1,2!'))).toBeCloseTo(0.8, 14);
  });

  it('matches the sample mean of 200k compiled draws of faces:0,0,0,1,1,2! within 0.02', () => {
    const xs = compiledDraws('faces:0,0,0,1,1,2!', 'mean-exploding', 200_000);
    expect(Math.abs(mean(xs) - 0.8)).toBeLessThan(0.02);
  });

  it('matches the sample means of exp:1 and d6 (200k compiled draws)', () => {
    expect(Math.abs(mean(compiledDraws('exp:1', 'mean-exp', 200_000)) - 1)).toBeLessThan(0.015);
    expect(Math.abs(mean(compiledDraws('d6', 'mean-d6', 200_000)) - 3.5)).toBeLessThan(0.025);
  });
});

describe('noiseMax', () => {
  it('is the top face for a plain die and Infinity for exp and exploding dice', () => {
    expect(noiseMax(noise('faces:0,0,0,1,1,3'))).toBe(3);
    expect(noiseMax(noise('exp:1'))).toBe(Infinity);
    expect(noiseMax(noise('faces:0,0,0,1,1,2!'))).toBe(Infinity);
  });
});

describe('compiled dice draw only what the faces allow', () => {
  it('a plain die gives only its listed faces, and all of them', () => {
    const xs = compiledDraws('faces:0,0,0,1,1,3', 'plain-faces', 20_000);
    const seen = new Set(xs);
    expect([...seen].sort()).toEqual([0, 1, 3]);
  });

  it('d6 gives each of 1..6 and nothing else', () => {
    const xs = compiledDraws('d6', 'd6-faces', 20_000);
    expect([...new Set(xs)].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('an exploding die gives sums of exploding faces plus one plain face', () => {
    // faces:0,1,5!: a total is 5m + 0 or 5m + 1 for m >= 0 explosions.
    const xs = compiledDraws('faces:0,1,5!', 'exploding-sums', 50_000);
    for (const x of xs) {
      expect(Number.isInteger(x) && x >= 0 && [0, 1].includes(x % 5)).toBe(true);
    }
    expect(Math.max(...xs)).toBeGreaterThanOrEqual(10); // at least two explosions happened
  });

  it('faces:0,0,0,1,1,2! gives non-negative integers, exceeding 2 only through explosions', () => {
    const xs = compiledDraws('faces:0,0,0,1,1,2!', 'exploding-small', 50_000);
    for (const x of xs) expect(Number.isInteger(x) && x >= 0).toBe(true);
    expect(Math.max(...xs)).toBeGreaterThan(2);
  });

  it('exp draws are finite and positive', () => {
    const xs = compiledDraws('exp:1', 'exp-positive', 50_000);
    for (const x of xs) expect(x > 0 && Number.isFinite(x)).toBe(true);
  });
});

describe('compileNoise bulk fill equals repeated sampleNoise on an identical stream', () => {
  for (const spec of ['exp:1', 'exp:2.5', 'd6', 'faces:0,0,0,1,1,2!', 'faces:0,1,5!']) {
    it(`gives the same numbers bit for bit and leaves the stream in the same state for ${spec}`, () => {
      const parsed = noise(spec);
      const bulkStream = rootStream('bulk').child(spec);
      const oneStream = rootStream('bulk').child(spec);
      const fill = compileNoise(parsed);
      const bulk = new Float64Array(5000);
      fill(bulkStream, bulk, 2000); // two fills in a row continue the stream
      const tail = new Float64Array(3000);
      fill(bulkStream, tail, 3000);
      bulk.set(tail, 2000);
      const one = Float64Array.from({ length: 5000 }, () => sampleNoise(parsed, oneStream));
      expect(bulk).toEqual(one);
      expect(bulkStream.state).toEqual(oneStream.state);
    });
  }

  it('fills only the first n entries', () => {
    const out = new Float64Array(10).fill(-1);
    compileNoise(noise('exp:1'))(rootStream('partial'), out, 4);
    expect(out.subarray(0, 4).every((x) => x > 0)).toBe(true);
    expect(Array.from(out.subarray(4))).toEqual(new Array(6).fill(-1));
  });
});

describe('negLogUniform (deterministic -ln u)', () => {
  const maxRelError = 4.5e-16;
  const relError = (r: number): number => {
    const reference = -Math.log((r + 0.5) / 4294967296);
    return Math.abs(negLogUniform(r) - reference) / reference;
  };

  it('is within 2 ulp-relative of -Math.log((r + 0.5) / 2^32) for r = 0..1000', () => {
    let worst = 0;
    for (let r = 0; r <= 1000; r++) worst = Math.max(worst, relError(r));
    expect(worst).toBeLessThan(maxRelError);
  });

  it('is within 2 ulp-relative at the top of the range (u close to 1)', () => {
    let worst = 0;
    for (let r = 2 ** 32 - 1000; r <= 2 ** 32 - 1; r++) worst = Math.max(worst, relError(r));
    expect(worst).toBeLessThan(maxRelError);
    expect(negLogUniform(2 ** 32 - 1)).toBeGreaterThan(0);
  });

  it('is within 2 ulp-relative for 100k pseudo-random r and around every power of two', () => {
    const s = rootStream('detlog');
    let worst = 0;
    for (let i = 0; i < 100_000; i++) worst = Math.max(worst, relError(s.nextUint32()));
    for (let e = 0; e < 32; e++) {
      for (const r of [2 ** e - 1, 2 ** e, 2 ** e + 1, Math.floor(2 ** e * Math.SQRT2)]) {
        if (r >= 0 && r < 2 ** 32) worst = Math.max(worst, relError(r));
      }
    }
    expect(worst).toBeLessThan(maxRelError);
  });
});

describe('noiseLogMgf', () => {
  it('is ln 2 for exp:1 at g = 0.5, and diverges at g * mean >= 1', () => {
    expect(noiseLogMgf(noise('exp:1'), 0.5)).toBeCloseTo(Math.LN2, 15);
    expect(noiseLogMgf(noise('exp:2'), 0.5)).toBe(Infinity);
  });

  it('matches the closed form of an exploding die and diverges where the explosions do', () => {
    // faces:0,0,0,1,1,2!: E[e^{g eps}] = ((3 + 2 e^g) / 6) / (1 - e^{2g} / 6), finite for e^{2g} < 6.
    const die = noise('faces:0,0,0,1,1,2!');
    for (const g of [0.1, 0.5, 0.8]) {
      const expected = Math.log((3 + 2 * Math.exp(g)) / 6) - Math.log(1 - Math.exp(2 * g) / 6);
      expect(noiseLogMgf(die, g)).toBeCloseTo(expected, 12);
    }
    expect(noiseLogMgf(die, Math.log(6) / 2 + 1e-9)).toBe(Infinity);
    expect(noiseLogMgf(die, 2)).toBe(Infinity);
  });

  it('stays finite for a plain die at large g (no overflow)', () => {
    expect(noiseLogMgf(noise('faces:1000'), 1)).toBeCloseTo(1000, 9);
    expect(noiseLogMgf(noise('faces:0,1000'), 1)).toBeCloseTo(1000 - Math.LN2, 9);
  });
});
