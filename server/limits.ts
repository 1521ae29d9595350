/**
 * Limits per client address (docs/SECURITY.md "Limits"): join-code guesses, creations, open
 * connections and slow requests; Socket.IO packets are in socketLimits.ts. Every refusal over HTTP
 * is a 429 with `Retry-After` and the refusal `rate.limited` (`{"error": "too many ...: try again in N s",
 * "code": "rate.limited", ...}`); refusals are
 * logged at most a few times per address and minute (a flood must not become a flood of logs).
 *
 * The defaults are for a real workshop: 60-160 players, often behind one NAT address, so what
 * honest players do a lot (look a code up, join, load the debrief) is allowed in bulk, and only
 * what an attacker needs many of (wrong codes, refused packets) is tight. Rules L4-L9.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { isIP, type Socket } from 'node:net';
import type { Context, Next } from 'koa';
import { GAME_NAME } from '../game/core/game';
import { type LimitName, type RequestRefusal, requestRefusalBody } from '../game/contract/requestRefusals';
import { refuse as answer } from './http';
import type { LogFields, Logger } from './log';
import { type Rate, RateLimiter } from './rateLimit';

export interface Limits {
  /** L4 Join-code look-ups of an unknown code (a 404 on /api/sessions/:code/...), per address. */
  readonly wrongCodes: Rate;
  /** L5 Every request on a join-code route (/api/sessions/:code/...), per address. */
  readonly codeRequests: Rate;
  /** L6 Session, challenge and Lobby match creations, per address. */
  readonly creations: Rate;
  /** L7 Socket.IO packets, per socket (over it, the socket is disconnected). */
  readonly packets: Rate;
  /** L7 Packets the packet guard refused, per address (over it, the sending socket is disconnected). */
  readonly refusedPackets: Rate;
  /** L8 Open TCP connections per address (Infinity: none); not counted behind a trusted proxy. */
  readonly connectionsPerAddress: number;
  /** L9 Node's http server: time to receive a request's headers, a whole request, and to keep an idle connection. */
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  /** Addresses remembered per limit (the least recently seen are forgotten first). */
  readonly maxAddresses: number;
  /** The clock (tests inject one). */
  readonly now: () => number;
}

export const DEFAULT_LIMITS: Limits = {
  wrongCodes: { burst: 30, perSecond: 1 / 5 },
  codeRequests: { burst: 1000, perSecond: 20 },
  creations: { burst: 200, perSecond: 1 / 2 },
  packets: { burst: 200, perSecond: 20 },
  refusedPackets: { burst: 20, perSecond: 1 / 5 },
  connectionsPerAddress: 1000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxAddresses: 10_000,
  now: Date.now,
};

/** The defaults with `overrides`; throws on a limit that makes no sense. */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  for (const key of ['wrongCodes', 'codeRequests', 'creations', 'packets', 'refusedPackets'] as const) {
    const { burst, perSecond } = limits[key];
    if (!(burst >= 1) || !(perSecond > 0) || !Number.isFinite(perSecond))
      throw new Error(`limits.${key} needs burst >= 1 and a finite perSecond > 0`);
  }
  if (!(limits.connectionsPerAddress >= 1)) throw new Error('limits.connectionsPerAddress must be at least 1');
  if (!(limits.headersTimeoutMs > 0 && limits.requestTimeoutMs >= limits.headersTimeoutMs))
    throw new Error('limits.headersTimeoutMs must be > 0 and at most limits.requestTimeoutMs');
  return limits;
}

/**
 * The address a client is limited by: the socket's remote address, or, when `trustProxy` (one
 * reverse proxy in front, TRUST_PROXY=1), the last X-Forwarded-For entry: the one that proxy
 * appended (earlier entries are the client's own word). IPv4-mapped IPv6 is its IPv4 address;
 * other IPv6 addresses count by their /64 (one subscriber's whole prefix).
 */
export function clientAddress(
  remote: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string {
  let address = remote ?? 'unknown';
  if (trustProxy && forwardedFor !== undefined) {
    const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
    const last = entries[entries.length - 1]!.trim();
    if (isIP(last)) address = last;
  }
  return addressKey(address);
}

/** The key of an address (see clientAddress). */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  const bare = address.replace(/%.*$/, '');
  if (isIP(bare) !== 6) return address;
  const [head = '', tail] = bare.toLowerCase().split('::');
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** Log an event at most a few times per address and minute. */
export type Note = (event: string, address: string, fields?: LogFields) => void;

export function throttledLog(log: Logger, now: () => number): Note {
  const seen = new RateLimiter({ burst: 5, perSecond: 1 / 60 }, now, 10_000);
  return (event, address, fields = {}) => {
    if (seen.take(`${event} ${address}`).ok) log(event, { address, ...fields });
  };
}

const tooMany = (limit: LimitName, retryAfterS: number): RequestRefusal => ({
  code: 'rate.limited',
  field: null,
  limit,
  retryAfterS,
});

// Paths compared as koa-router matches them: case-insensitive, trailing slash ignored.
const CODE_ROUTE = /^\/api\/sessions\/[^/]+(?:\/|$)/;
const CREATE_ROUTES = new Set(['/api/sessions', '/api/challenges', `/games/${GAME_NAME}/create`]);

/**
 * L4-L6 on the HTTP routes: a join-code route is refused while the address has no wrong-code
 * token left (whatever the code: an answer that depended on the code would tell a guess apart)
 * or no request token; a 404 on it then takes a wrong-code token. A POST that creates a match
 * takes a creation token.
 */
export function httpLimits(limits: Limits, addressOf: (req: IncomingMessage) => string, note: Note) {
  const make = (rate: Rate) => new RateLimiter(rate, limits.now, limits.maxAddresses);
  const wrongCodes = make(limits.wrongCodes);
  const codeRequests = make(limits.codeRequests);
  const creations = make(limits.creations);
  return async (ctx: Context, next: Next) => {
    const path = ctx.path.toLowerCase().replace(/\/+$/, '');
    const isCode = CODE_ROUTE.test(path);
    const isCreate = ctx.method === 'POST' && CREATE_ROUTES.has(path);
    if (!isCode && !isCreate) return next();
    const address = addressOf(ctx.req);
    const refuse = (limit: LimitName, retryAfterS: number) => {
      note('rate-limited', address, { limit, path: ctx.path.slice(0, 100), retryAfterS });
      ctx.set('Retry-After', String(retryAfterS));
      answer(ctx, 429, tooMany(limit, retryAfterS));
    };
    if (isCreate) {
      const verdict = creations.take(address);
      if (!verdict.ok) return refuse('creations', verdict.retryAfterS);
      return next();
    }
    const guesses = wrongCodes.check(address);
    if (!guesses.ok) return refuse('wrongCodes', guesses.retryAfterS);
    const requests = codeRequests.take(address);
    if (!requests.ok) return refuse('codeRequests', requests.retryAfterS);
    await next();
    if (ctx.status === 404) wrongCodes.take(address);
  };
}

const RAW_TOO_MANY = (retryAfterS: number) => {
  const body = JSON.stringify(requestRefusalBody(tooMany('connections', retryAfterS)));
  return (
    `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${retryAfterS}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
};

/**
 * L8, L9 on the http server (before it listens): Node's timeouts for slow and idle clients, and
 * at most `connectionsPerAddress` open connections per address. A connection over the limit gets
 * a 429 at once and is closed; anything it still sends is dropped before Koa or Socket.IO see it.
 * Behind a trusted proxy every connection comes from the proxy, so connections are not counted
 * there (the proxy must bound them).
 */
export function hardenServer(server: HttpServer, limits: Limits, trustProxy: boolean, note: Note): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // How often Node checks the two timeouts (read when the server starts listening; default 30 s).
  (server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = Math.max(
    20,
    Math.min(1000, limits.headersTimeoutMs / 4),
  );
  if (trustProxy || limits.connectionsPerAddress === Infinity) return;
  const open = new Map<string, number>();
  const refused = new WeakSet<Socket>();
  const retryAfterS = Math.max(1, Math.ceil(limits.keepAliveTimeoutMs / 1000));
  server.prependListener('connection', (socket: Socket) => {
    const address = addressKey(socket.remoteAddress ?? 'unknown');
    const count = open.get(address) ?? 0;
    if (count >= limits.connectionsPerAddress) {
      refused.add(socket);
      note('connection-refused', address, { open: count });
      socket.on('error', () => {});
      socket.end(RAW_TOO_MANY(retryAfterS));
      setTimeout(() => socket.destroy(), 2000).unref();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  // Requests and upgrades parsed on a refused connection reach neither Koa nor Socket.IO.
  for (const event of ['request', 'upgrade'] as const) {
    const listeners = server.listeners(event) as ((...args: unknown[]) => void)[];
    server.removeAllListeners(event);
    server.on(event, (req: IncomingMessage, ...rest: unknown[]) => {
      if (refused.has(req.socket)) {
        (rest[0] as ServerResponse | undefined)?.destroy?.();
        req.socket.destroy();
        return;
      }
      for (const listener of listeners) listener.call(server, req, ...rest);
    });
  }
}

/** clientAddress of an HTTP request. */
export const requestAddress =
  (trustProxy: boolean) =>
  (req: Pick<IncomingMessage, 'socket' | 'headers'>): string =>
    clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy);

const CLIENT_GONE = new Set([
  'ERR_HTTP_REQUEST_TIMEOUT',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

interface KoaApp {
  on(event: 'error', fn: (err: Error & { code?: string }, ctx?: { req: IncomingMessage }) => void): unknown;
  removeListener(event: 'error', fn: (err: Error) => void): unknown;
  onerror(err: Error): void;
}

/**
 * L9: a request the server cut off (timeout) or the client dropped is logged through `note` (a
 * few lines per address and minute) instead of Koa's stack trace on stderr for each one; other
 * errors still get Koa's default report.
 */
export function quietClientErrors(app: KoaApp, addressOf: (req: IncomingMessage) => string, note: Note): void {
  app.removeListener('error', app.onerror);
  app.on('error', (err, ctx) => {
    if (err.code !== undefined && CLIENT_GONE.has(err.code)) {
      note('request-cut', ctx ? addressOf(ctx.req) : 'unknown', { code: err.code });
      return;
    }
    app.onerror(err);
  });
}
