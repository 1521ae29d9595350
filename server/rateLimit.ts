/**
 * Token buckets, pure: the caller passes the time. A bucket holds at most `burst` tokens and
 * gains `perSecond` tokens a second; an action takes one token, and is refused (with the seconds
 * until a token is back) when none is left. `burst: Infinity` means no limit.
 *
 * RateLimiter keeps one bucket per key (a client address) in a Map, at most `maxKeys` of them:
 * a new key beyond that evicts the least recently used one (a fresh bucket is a full one, so an
 * eviction can only ever relax a limit, never refuse anyone). Rules L1-L3 (tests/security/rateLimit.test.ts).
 */

export interface Rate {
  /** Tokens a bucket starts with and holds at most: the actions allowed at once. */
  readonly burst: number;
  /** Tokens gained per second: the lasting rate. */
  readonly perSecond: number;
}

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly retryAfterS: number };

const OK: Verdict = { ok: true };

/** A bucket: its tokens at time `at` (milliseconds). */
export interface Bucket {
  tokens: number;
  at: number;
}

/** A full bucket at time `now`. */
export const fullBucket = (rate: Rate, now: number): Bucket => ({ tokens: rate.burst, at: now });

/** Bring the bucket's tokens up to `now` (time never runs backwards for a bucket). */
function refill(bucket: Bucket, rate: Rate, now: number): void {
  if (now <= bucket.at) return;
  bucket.tokens = Math.min(rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * rate.perSecond);
  bucket.at = now;
}

/** Whether `cost` tokens are there at `now`; takes them when `take`. L1 */
export function spend(bucket: Bucket, rate: Rate, now: number, cost = 1, take = true): Verdict {
  if (rate.burst === Infinity) return OK;
  refill(bucket, rate, now);
  if (bucket.tokens >= cost) {
    if (take) bucket.tokens -= cost;
    return OK;
  }
  const missing = cost - bucket.tokens;
  const retryAfterS = rate.perSecond > 0 ? Math.max(1, Math.ceil(missing / rate.perSecond)) : Infinity;
  return { ok: false, retryAfterS };
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rate: Rate,
    private readonly now: () => number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Take `cost` tokens from `key`'s bucket. L1 */
  take(key: string, cost = 1): Verdict {
    return this.spend(key, cost, true);
  }

  /** Whether `key` has `cost` tokens, taking none. */
  check(key: string, cost = 1): Verdict {
    return this.spend(key, cost, false);
  }

  /** Keys held (bounded by maxKeys). L3 */
  get size(): number {
    return this.buckets.size;
  }

  private spend(key: string, cost: number, take: boolean): Verdict {
    if (this.rate.burst === Infinity) return OK;
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket) this.buckets.delete(key);
    else {
      bucket = fullBucket(this.rate, now);
      // L3: evict the least recently used keys (first in the Map's order) to stay within maxKeys.
      for (const oldest of this.buckets.keys()) {
        if (this.buckets.size < this.maxKeys) break;
        this.buckets.delete(oldest);
      }
    }
    const verdict = spend(bucket, this.rate, now, cost, take);
    // Re-inserted: the Map's order is the order of last use.
    this.buckets.set(key, bucket);
    return verdict;
  }
}
