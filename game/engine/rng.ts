/**
 * Seeded, splittable random streams (xoshiro128**, 32-bit integer arithmetic only, so the same
 * seed gives the same numbers bit for bit on every machine and in every JavaScript engine).
 *
 * A stream is named by a key path: `rootStream('42').child('noise').child('replica-3')`. A child's
 * state is derived by hashing its whole key path, never from how many numbers the parent drew, so
 * adding draws to one stream never shifts another stream.
 */

export interface RandomStream {
  /** The key path that names this stream, e.g. `42/noise/replica-3`. */
  readonly key: string;
  /** The four 32-bit words of xoshiro128** state; hot loops copy them to locals and write back. */
  readonly state: Uint32Array;
  /** A stream for `label` derived from this stream's key (independent of draws made so far). */
  child(label: string | number): RandomStream;
  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform in [0, 1) with 32 bits of resolution. */
  nextFloat(): number;
  /** Uniform in (0, 1): never 0, so `-Math.log(u)` is finite. */
  nextOpenFloat(): number;
  /** Uniform integer in [0, n) for 1 <= n <= 2^31 (multiply-high; bias below n / 2^32). */
  nextInt(n: number): number;
}

/** 2^-32 */
export const TWO_POW_MINUS_32 = 1 / 4294967296;

/** MurmurHash3's 32-bit finaliser: a bijective avalanche mix. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash a key path to a 128-bit xoshiro state (never all zero). */
export function hashKeyToState(key: string): Uint32Array {
  const state = new Uint32Array(4);
  const lanes = [0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x85a308d3];
  for (let lane = 0; lane < 4; lane++) {
    let h = lanes[lane]! ^ key.length;
    for (let c = 0; c < key.length; c++) {
      h = Math.imul(h ^ key.charCodeAt(c), 0x01000193);
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    state[lane] = fmix32(h ^ Math.imul(lane + 1, 0x27d4eb2f));
  }
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  // Warm up so that similar keys diverge completely.
  const warm = new Xoshiro(key, state);
  for (let i = 0; i < 16; i++) warm.nextUint32();
  return state;
}

class Xoshiro implements RandomStream {
  constructor(
    readonly key: string,
    readonly state: Uint32Array,
  ) {}

  child(label: string | number): RandomStream {
    const key = `${this.key}/${String(label)}`;
    return new Xoshiro(key, hashKeyToState(key));
  }

  nextUint32(): number {
    const s = this.state;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]!;
    const s3 = s[3]!;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = (n3 << 11) | (n3 >>> 21);
    return result;
  }

  nextFloat(): number {
    return this.nextUint32() * TWO_POW_MINUS_32;
  }

  nextOpenFloat(): number {
    return (this.nextUint32() + 0.5) * TWO_POW_MINUS_32;
  }

  nextInt(n: number): number {
    return Math.floor(this.nextUint32() * n * TWO_POW_MINUS_32);
  }
}

/**
 * The root stream of a seed. Any string or finite number is a seed; the same seed always gives
 * the same stream.
 */
export function rootStream(seed: string | number): RandomStream {
  const key = String(seed);
  return new Xoshiro(key, hashKeyToState(key));
}
