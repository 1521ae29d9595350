/**
 * Trouble (the noise eps of the update rule): parsed from a spec string, sampled in bulk.
 *
 * Specs:
 *   exp:MEAN              exponential with that mean (the paper's noise is exp:1)
 *   faces:0,0,0,1,1,3     a die with these faces (hours), each equally likely
 *   faces:0,0,0,1,1,2!    a face marked ! explodes: it adds its value and the die rolls again
 *   d6                    a plain six-sided die, faces 1..6
 */
import { type Result, err, ok } from './result';
import { negLogUniform } from './detlog';
import { type RandomStream, TWO_POW_MINUS_32 } from './rng';

export type Noise =
  | { readonly kind: 'exp'; readonly mean: number }
  | { readonly kind: 'faces'; readonly faces: readonly number[]; readonly explodes: readonly boolean[] };

export const NOISE_SPEC_HELP =
  'exp:MEAN (0 < MEAN <= 1000000), faces:F1,F2,... (faces 0 to 1000, a face ending in ! explodes), or d6';

/** The most faces a die may have, and the largest face value (hours). */
export const MAX_FACES = 100;
export const MAX_FACE_VALUE = 1000;
export const MAX_MEAN = 1e6;

export function parseNoise(spec: string): Result<Noise> {
  const text = spec.trim();
  if (text === 'd6')
    return ok({ kind: 'faces', faces: [1, 2, 3, 4, 5, 6], explodes: [false, false, false, false, false, false] });
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  const body = colon < 0 ? '' : text.slice(colon + 1);
  if (kind === 'exp') {
    const mean = strictNumber(body);
    if (mean === null || !(mean > 0) || mean > MAX_MEAN)
      return err(`noise "${spec}": exp needs a mean above 0 and at most ${MAX_MEAN}, for example exp:1`);
    return ok({ kind: 'exp', mean });
  }
  if (kind === 'faces') {
    const parts = body.split(',').map((p) => p.trim());
    if (body.trim() === '' || parts.length === 0)
      return err(`noise "${spec}": faces needs a list, for example faces:0,0,0,1,1,2!`);
    if (parts.length > MAX_FACES) return err(`noise "${spec}": at most ${MAX_FACES} faces`);
    const faces: number[] = [];
    const explodes: boolean[] = [];
    for (const [index, part] of parts.entries()) {
      const exploding = part.endsWith('!');
      const value = strictNumber(exploding ? part.slice(0, -1) : part);
      if (value === null || value < 0 || value > MAX_FACE_VALUE) {
        return err(
          `noise "${spec}": face ${index + 1} ("${part}") must be a number from 0 to ${MAX_FACE_VALUE}, optionally followed by !`,
        );
      }
      if (exploding && value === 0)
        return err(`noise "${spec}": face ${index + 1} explodes but is 0; an exploding face must add hours`);
      faces.push(value);
      explodes.push(exploding);
    }
    if (explodes.every(Boolean))
      return err(`noise "${spec}": at least one face must not explode, or the die never stops rolling`);
    return ok({ kind: 'faces', faces, explodes });
  }
  return err(`noise "${spec}": unknown kind; use ${NOISE_SPEC_HELP}`);
}

/** Canonical spec string of a noise (parseNoise(formatNoise(n)) equals n). */
export function formatNoise(noise: Noise): string {
  if (noise.kind === 'exp') return `exp:${noise.mean}`;
  return `faces:${noise.faces.map((f, i) => `${f}${noise.explodes[i] ? '!' : ''}`).join(',')}`;
}

function strictNumber(text: string): number | null {
  if (!/^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Mean trouble per roll (for an exploding die, the expected total over re-rolls). */
export function noiseMean(noise: Noise): number {
  if (noise.kind === 'exp') return noise.mean;
  const f = noise.faces.length;
  let plain = 0;
  let explodingSum = 0;
  let explodingCount = 0;
  noise.faces.forEach((face, i) => {
    if (noise.explodes[i]) {
      explodingSum += face;
      explodingCount++;
    } else plain += face;
  });
  // Total = (sum of exploding faces rolled) + final plain face; number of explosions ~ Geometric.
  const p = explodingCount / f;
  return (plain / f + explodingSum / f) / (1 - p);
}

/** ln E[exp(g eps)], or Infinity where it diverges (computed without overflow for large g). */
export function noiseLogMgf(noise: Noise, g: number): number {
  if (noise.kind === 'exp') return g * noise.mean < 1 ? -Math.log(1 - g * noise.mean) : Infinity;
  const f = noise.faces.length;
  // ln of sum over faces of exp(g face) / F, shifted by the largest exponent (log-sum-exp).
  const logSum = (explode: boolean): number => {
    const faces = noise.faces.filter((_, i) => noise.explodes[i] === explode);
    if (faces.length === 0) return -Infinity;
    const top = Math.max(...faces.map((face) => g * face));
    return top + Math.log(faces.reduce((sum, face) => sum + Math.exp(g * face - top), 0) / f);
  };
  const plain = logSum(false);
  const exploding = logSum(true);
  if (exploding >= 0) return Infinity;
  return plain - Math.log1p(-Math.exp(exploding));
}

/** The largest trouble one roll can give (Infinity for exp and exploding dice). */
export function noiseMax(noise: Noise): number {
  if (noise.kind === 'exp' || noise.explodes.some(Boolean)) return Infinity;
  return Math.max(...noise.faces);
}

/**
 * A compiled sampler: fills `out[0..n)` with trouble drawn from `stream`. Allocation-free; the
 * xoshiro state lives in locals inside the loop and is written back at the end.
 */
export type NoiseFiller = (stream: RandomStream, out: Float64Array, n: number) => void;

export function compileNoise(noise: Noise): NoiseFiller {
  if (noise.kind === 'exp') {
    const mean = noise.mean;
    return (stream, out, n) => {
      const st = stream.state;
      let s0 = st[0]!,
        s1 = st[1]!,
        s2 = st[2]!,
        s3 = st[3]!;
      for (let i = 0; i < n; i++) {
        const m = Math.imul(s1, 5);
        const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        out[i] = mean * negLogUniform(r);
      }
      st[0] = s0;
      st[1] = s1;
      st[2] = s2;
      st[3] = s3;
    };
  }
  const faces = Float64Array.from(noise.faces);
  const explodes = Uint8Array.from(noise.explodes, (e) => (e ? 1 : 0));
  const count = faces.length;
  return (stream, out, n) => {
    const st = stream.state;
    let s0 = st[0]!,
      s1 = st[1]!,
      s2 = st[2]!,
      s3 = st[3]!;
    for (let i = 0; i < n; i++) {
      let total = 0;
      for (;;) {
        const m = Math.imul(s1, 5);
        const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        const face = Math.floor(r * count * TWO_POW_MINUS_32);
        total += faces[face]!;
        if (explodes[face] === 0) break;
      }
      out[i] = total;
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  };
}

/** One roll (for the game's per-workshop dice); same numbers as the bulk filler. */
export function sampleNoise(noise: Noise, stream: RandomStream): number {
  if (noise.kind === 'exp') return noise.mean * negLogUniform(stream.nextUint32());
  let total = 0;
  for (;;) {
    const face = stream.nextInt(noise.faces.length);
    total += noise.faces[face]!;
    if (!noise.explodes[face]) return total;
  }
}
