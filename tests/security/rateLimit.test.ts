/**
 * Unit tests of the limiter (server/rateLimit.ts), the client address (server/limits.ts) and the
 * host policy (server/hosts.ts): pure functions with the time passed in, no server.
 *
 * L1 A bucket allows `burst` actions at once, then refuses with the seconds until a token is back,
 *    and refills at `perSecond` (never above `burst`); `burst: Infinity` never refuses.
 * L2 RateLimiter keeps one bucket per key: one key running dry leaves the others alone; `check`
 *    takes nothing.
 * L3 RateLimiter holds at most `maxKeys` keys, forgetting the least recently used (a forgotten key
 *    comes back with a full bucket).
 * L10 The client address is the socket's; X-Forwarded-For counts only with trustProxy, and then
 *    only its last entry; IPv4-mapped IPv6 is the IPv4 address; IPv6 counts by its /64.
 * H1-H4 hosts.ts: which Host and Origin headers are answered.
 */
import { describe, expect, it } from 'vitest';
import { hostPolicy, parseHost } from '../../server/hosts';
import { DEFAULT_LIMITS, addressKey, clientAddress, resolveLimits } from '../../server/limits';
import { RateLimiter, fullBucket, spend } from '../../server/rateLimit';

describe('L1 token bucket', () => {
  const rate = { burst: 3, perSecond: 0.5 };

  it('allows burst actions, then refuses with the wait, and refills at perSecond up to burst', () => {
    const bucket = fullBucket(rate, 0);
    expect([1, 2, 3].map(() => spend(bucket, rate, 0).ok)).toEqual([true, true, true]);
    expect(spend(bucket, rate, 0)).toEqual({ ok: false, retryAfterS: 2 });
    expect(spend(bucket, rate, 1000)).toEqual({ ok: false, retryAfterS: 1 });
    expect(spend(bucket, rate, 2000).ok).toBe(true);
    expect(spend(bucket, rate, 2000).ok).toBe(false);
    // An hour later the bucket is full again, not fuller.
    const later = 3_600_000;
    expect([1, 2, 3, 4].map(() => spend(bucket, rate, later).ok)).toEqual([true, true, true, false]);
  });

  it('takes nothing when asked only to check, and never runs backwards in time', () => {
    const bucket = fullBucket({ burst: 1, perSecond: 1 }, 5000);
    expect(spend(bucket, { burst: 1, perSecond: 1 }, 5000, 1, false).ok).toBe(true);
    expect(spend(bucket, { burst: 1, perSecond: 1 }, 5000).ok).toBe(true);
    expect(spend(bucket, { burst: 1, perSecond: 1 }, 1000).ok).toBe(false);
  });

  it('never refuses with burst Infinity', () => {
    const off = { burst: Infinity, perSecond: 1 };
    const bucket = fullBucket(off, 0);
    for (let i = 0; i < 10_000; i++) expect(spend(bucket, off, 0).ok).toBe(true);
  });
});

describe('L2 RateLimiter per key', () => {
  it('limits each key on its own; check takes nothing', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 2, perSecond: 1 }, () => now);
    expect([limiter.take('a').ok, limiter.take('a').ok, limiter.take('a').ok]).toEqual([true, true, false]);
    expect(limiter.take('b').ok).toBe(true);
    expect(limiter.check('b').ok).toBe(true);
    expect(limiter.check('b').ok).toBe(true);
    expect(limiter.take('b').ok).toBe(true);
    expect(limiter.take('b')).toEqual({ ok: false, retryAfterS: 1 });
    now = 1000;
    expect(limiter.take('a').ok).toBe(true);
  });

  it('keys that look like Object.prototype members are plain keys', () => {
    const limiter = new RateLimiter({ burst: 1, perSecond: 1 }, () => 0);
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(limiter.take(key).ok).toBe(true);
      expect(limiter.take(key).ok).toBe(false);
    }
    expect(({} as Record<string, unknown>).tokens).toBeUndefined();
  });
});

describe('L3 bounded memory', () => {
  it('holds at most maxKeys keys and forgets the least recently used first', () => {
    const limiter = new RateLimiter({ burst: 1, perSecond: 0.001 }, () => 0, 100);
    for (let i = 0; i < 10_000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBe(100);

    const small = new RateLimiter({ burst: 1, perSecond: 0.001 }, () => 0, 2);
    small.take('a');
    small.take('b');
    small.check('a'); // a is now the most recently used
    small.take('c'); // evicts b
    expect(small.take('a').ok).toBe(false);
    expect(small.take('b').ok).toBe(true); // forgotten: a full bucket again
  });
});

describe('L10 client address', () => {
  it('is the socket address; X-Forwarded-For only with trustProxy, and only its last entry', () => {
    expect(clientAddress('::ffff:127.0.0.1', '10.0.0.9', false)).toBe('127.0.0.1');
    expect(clientAddress('::ffff:127.0.0.1', '10.0.0.9', true)).toBe('10.0.0.9');
    expect(clientAddress('127.0.0.1', '1.2.3.4, 10.0.0.9', true)).toBe('10.0.0.9');
    expect(clientAddress('127.0.0.1', ['1.2.3.4', '10.0.0.9'], true)).toBe('10.0.0.9');
    expect(clientAddress('127.0.0.1', 'not an address', true)).toBe('127.0.0.1');
    expect(clientAddress(undefined, undefined, false)).toBe('unknown');
  });

  it('counts IPv6 by its /64', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:192.168.1.20')).toBe('192.168.1.20');
  });

  it('refuses limits that make no sense', () => {
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
    expect(() => resolveLimits({ wrongCodes: { burst: 0, perSecond: 1 } })).toThrow(/wrongCodes/);
    expect(() => resolveLimits({ packets: { burst: 5, perSecond: 0 } })).toThrow(/packets/);
    expect(() => resolveLimits({ headersTimeoutMs: 5000, requestTimeoutMs: 1000 })).toThrow(/headersTimeoutMs/);
  });
});

describe('H1-H4 host policy', () => {
  const policy = hostPolicy({ publicUrl: 'https://kanban.example', origins: ['http://localhost:5173'] });
  policy.listening(8000);

  it('H1 knows the loopback names and IP literals on the server port', () => {
    for (const host of ['localhost:8000', '127.0.0.1:8000', '[::1]:8000', '192.168.1.20:8000', '[fe80::1]:8000'])
      expect(policy.knownHost(host), host).toBe(true);
    for (const host of ['localhost:8001', '127.0.0.1', '192.168.1.20:80'])
      expect(policy.knownHost(host), host).toBe(false);
  });

  it('H2 knows the hosts of PUBLIC_URL and ORIGINS', () => {
    for (const host of [
      'kanban.example',
      'kanban.example:443',
      'KANBAN.example',
      'kanban.example:8000',
      'localhost:5173',
    ])
      expect(policy.knownHost(host), host).toBe(true);
    expect(policy.knownHost('kanban.example:9999')).toBe(false);
  });

  it('H3 refuses every other host with 421', () => {
    for (const host of [
      'evil.example:8000',
      'evil.example',
      'localhost.evil.example:8000',
      '127.0.0.1.nip.io:8000',
      'kanban.example.evil.example',
      'localhost:8000@evil.example',
      'localhost:8000/x',
      '',
      undefined,
    ]) {
      expect(policy.knownHost(host), String(host)).toBe(false);
      expect(policy.refusal(host, `http://${host}`)?.status, String(host)).toBe(421);
    }
    expect(parseHost('a'.repeat(300))).toBeNull();
  });

  it('H3 knows no host before the server listens', () => {
    expect(hostPolicy({}).knownHost('localhost:8000')).toBe(false);
  });

  it('H4 then wants an allowed Origin, http:// + the Host, or none', () => {
    expect(policy.refusal('localhost:8000', undefined)).toBeNull();
    expect(policy.refusal('192.168.1.20:8000', 'http://192.168.1.20:8000')).toBeNull();
    expect(policy.refusal('kanban.example', 'https://kanban.example')).toBeNull();
    expect(policy.refusal('localhost:8000', 'http://localhost:5173')).toBeNull();
    expect(policy.refusal('localhost:8000', 'http://127.0.0.1:8000')).toBeNull();
    for (const origin of ['http://evil.example', 'http://localhost:8000.evil.example', 'null', 'http://kanban.example'])
      expect(policy.refusal('localhost:8000', origin)?.status, origin).toBe(403);
  });
});
