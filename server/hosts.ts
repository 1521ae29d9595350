/**
 * Which Host and Origin headers the server answers (DNS rebinding, docs/SECURITY.md "Limits").
 *
 * A page on evil.example whose name is then re-pointed (rebound) at this server's address makes
 * the browser send `Host: evil.example:PORT` with `Origin: http://evil.example:PORT`: the same
 * origin as far as the browser knows. So the Host is checked first, against the names this server
 * is known by:
 *  - H1 `localhost`, `127.0.0.1`, `[::1]` and any other IP literal (a LAN address such as
 *    192.168.1.20), on the server's own port (no port: port 80);
 *  - H2 the host of PUBLIC_URL (`publicUrl`) and of every ORIGINS entry (`origins`), with their
 *    port or none (a reverse proxy passes `Host: kanban.example`), or on the server's own port;
 *  - H3 anything else (a name, another port, a malformed header, none at all) is refused: 421.
 * Then the Origin, when there is one, must be one of the allowed origins (the configured ones,
 * PUBLIC_URL's, and `http://` + each loopback host on the server's port) or `http://` + the
 * request's (known) Host: 403 otherwise (H4). No Origin at all (curl, same-origin GET) is fine.
 */
import { type RequestRefusal, requestRefusalText } from '../game/contract/requestRefusals';
import { refuse } from './http';

export type HostRefusal = {
  readonly status: 421 | 403;
  readonly event: 'host-refused' | 'origin-refused';
  readonly refusal: RequestRefusal;
  /** The refusal's English (the handshake's refusal message). */
  readonly error: string;
};

const hostRefusal = (status: 421 | 403, event: HostRefusal['event'], refusal: RequestRefusal): HostRefusal => ({
  status,
  event,
  refusal,
  error: requestRefusalText(refusal),
});

export interface HostPolicy {
  /** The server's port, once it listens (until then no loopback host is known). */
  listening(port: number): void;
  /** H1-H3 */
  knownHost(host: string | undefined): boolean;
  /** The Origin is one of the allowed origins (for CORS answers, where no Host is at hand). */
  originAllowed(origin: string | undefined): boolean;
  /** null when a request with these headers may go on, else why not. */
  refusal(host: string | undefined, origin: string | undefined): HostRefusal | null;
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/** `hostname` and `port` ('' when none) of a Host header, lower case; null when it is not a bare host[:port]. */
export function parseHost(host: string | undefined): { hostname: string; port: string } | null {
  if (host === undefined || host.length === 0 || host.length > 255) return null;
  const m = /^(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9.-]+)(?::(\d{1,5}))?$/.exec(host);
  if (!m) return null;
  return { hostname: m[1]!.toLowerCase(), port: m[2] ?? '' };
}

/** The Host header values of a configured URL (its host with and without the port). */
function hostsOf(url: string): string[] {
  try {
    const u = new URL(url);
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    return [`${u.hostname}:${port}`, u.hostname];
  } catch {
    return [];
  }
}

export function hostPolicy(config: { readonly publicUrl?: string; readonly origins?: readonly string[] }): HostPolicy {
  const configured = [...(config.origins ?? []), ...(config.publicUrl ? [config.publicUrl] : [])];
  const allowed = new Set(configured.map((o) => o.replace(/\/$/, '')));
  const named = new Set(configured.flatMap(hostsOf));
  const configuredNames = new Set(configured.flatMap((o) => hostsOf(o).slice(1)));
  let serverPort = '';

  const knownHost = (host: string | undefined): boolean => {
    const parsed = parseHost(host);
    if (!parsed || serverPort === '') return false;
    const { hostname, port } = parsed;
    const onOurPort = port === serverPort || (port === '' && serverPort === '80');
    if (named.has(port === '' ? hostname : `${hostname}:${port}`)) return true;
    if (IPV4.test(hostname) || IPV6.test(hostname) || hostname === 'localhost') return onOurPort;
    return configuredNames.has(hostname) && onOurPort;
  };

  const originAllowed = (origin: string | undefined) => origin !== undefined && allowed.has(origin);

  return {
    listening(port) {
      serverPort = String(port);
      for (const h of LOOPBACK) allowed.add(`http://${h}:${port}`);
    },
    knownHost,
    originAllowed,
    refusal(host, origin) {
      if (!knownHost(host)) {
        return hostRefusal(421, 'host-refused', {
          code: 'host.unknown',
          field: null,
          host: (host ?? '').slice(0, 100),
        });
      }
      if (origin === undefined || origin === '' || originAllowed(origin) || origin === `http://${host}`) return null;
      return hostRefusal(403, 'origin-refused', { code: 'origin.refused', field: null });
    },
  };
}

interface HeaderRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

const header = (req: HeaderRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * The policy as a Koa middleware (first of all: 421 or 403 with a refusal body) and as Socket.IO's
 * `allowRequest` (a refused handshake gets engine.io's 403 `{"code": 4, "message": error}` over
 * polling, a 400 over a WebSocket upgrade). `onRefused` logs.
 */
export function hostGuard<R extends HeaderRequest>(
  policy: HostPolicy,
  onRefused: (refusal: HostRefusal, req: R, path: string) => void,
) {
  return {
    http: async (
      ctx: { req: R; path: string; status: number; body: unknown },
      next: () => Promise<unknown>,
    ): Promise<void> => {
      const refused = policy.refusal(header(ctx.req, 'host'), header(ctx.req, 'origin'));
      if (!refused) {
        await next();
        return;
      }
      onRefused(refused, ctx.req, ctx.path);
      refuse(ctx, refused.status, refused.refusal);
    },
    allowRequest: (req: R, cb: (error: string | null, allowed: boolean) => void) => {
      const refused = policy.refusal(header(req, 'host'), header(req, 'origin'));
      if (refused) onRefused(refused, req, '/socket.io');
      cb(refused?.error ?? null, refused === null);
    },
  };
}
