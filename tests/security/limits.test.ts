/**
 * SEC-LIM: DNS rebinding and rate limits against the REAL server (startApp on port 0), over raw
 * HTTP (node:http with the Host, Origin and X-Forwarded-For an attacker chooses, from 127.0.0.1 or
 * another loopback address as a second client), raw TCP and Socket.IO clients. Each describe runs
 * its own server with small limits and an injected clock (no sleeping for a window to pass).
 *
 * SEC-LIM1 A forged Host (DNS rebinding: Host evil.example:PORT with the same Origin) is refused
 *          with 421 {"error"} over HTTP and on the Socket.IO handshake (polling and WebSocket) and
 *          creates nothing; localhost, 127.0.0.1, [::1], a LAN IP on the port and PUBLIC_URL's host work.
 * SEC-LIM2 After N wrong join codes an address gets 429 with Retry-After on every join-code route,
 *          the right code included; another address still gets in, and so does this one once the
 *          window has passed. Right codes and malformed codes do not count.
 * SEC-LIM3 X-Forwarded-For is ignored unless trustProxy; with it, its last entry is the address.
 * SEC-LIM4 A burst of session, challenge or Lobby match creations gets 429 with Retry-After.
 * SEC-LIM5 A socket sending many refused packets is disconnected and logged once: the log stays
 *          a few lines; a socket flooding even accepted packets is disconnected; honest play is not.
 * SEC-LIM6 A client that sends half a request header (or half a body, or idles) is cut off after
 *          the configured timeout.
 * SEC-LIM7 Connections beyond the limit per address get 429 and are closed, and what they send is
 *          never run; other addresses are served.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket as NetSocket } from 'node:net';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { AppOptions } from '../../server/app';
import type { LogFields } from '../../server/log';
import { CODE_ALPHABET } from '../../game/contract/codes';
import { type Created, type TestApp, createSession, joinSession, waitFor, withTestApp } from '../server/helpers';
import { closeAllRaw, rawSocket } from './raw';

interface RawReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  readonly json: { error?: string; message?: string } & Record<string, unknown>;
}

interface RawInit {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The client's own address (any 127.x.y.z is this machine): a second client. */
  from?: string;
}

/** One HTTP request on a fresh connection (no keep-alive pool), with the headers given. */
function raw(app: { port: number }, path: string, init: RawInit = {}): Promise<RawReply> {
  const data = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: app.port,
        path,
        method: init.method ?? (data === undefined ? 'GET' : 'POST'),
        agent: false,
        ...(init.from ? { localAddress: init.from } : {}),
        headers: {
          host: `localhost:${app.port}`,
          ...(data === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }),
          ...init.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let json = {};
          try {
            json = JSON.parse(text) as object;
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** A WebSocket upgrade to Socket.IO with the given Host and Origin: 101 when upgraded, else the status. */
function upgrade(app: { port: number }, host: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port: app.port,
      path: '/socket.io/?EIO=4&transport=websocket',
      agent: false,
      headers: {
        host,
        origin,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** `p`, or a failure after `ms`. */
const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)),
  ]);

/** A server for one describe, with its own limits, clock and log. */
function server(options: Partial<AppOptions>) {
  const ctx = {
    app: undefined as unknown as TestApp,
    clock: 1_000_000,
    lines: [] as (LogFields & { event: string })[],
  };
  withTestApp(
    (started) => (ctx.app = started),
    {
      log: (event, fields = {}) => ctx.lines.push({ event, ...fields }),
      ...options,
      limits: { now: () => ctx.clock, ...options.limits },
    },
    closeAllRaw,
  );
  return ctx;
}

const startBody = { scenario: 'ring-road', players: 2, roundSeconds: 0 };

describe('SEC-LIM1 DNS rebinding: the Host header is checked', () => {
  const s = server({ publicUrl: 'https://kanban.example' });

  it('refuses a forged Host with a matching Origin over HTTP (421), creating nothing', async () => {
    const { app } = s;
    const before = app.storage.listMatches().length;
    for (const host of [
      `evil.example:${app.port}`,
      'evil.example',
      `localhost.evil.example:${app.port}`,
      `127.0.0.1.nip.io:${app.port}`,
      `localhost:${app.port + 1}`,
    ]) {
      const headers = { host, origin: `http://${host}` };
      for (const [path, body] of [
        ['/api/sessions', startBody],
        ['/games/kanban-cascade/create', { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2 } }],
        ['/api/scenarios', undefined],
        ['/health', undefined],
      ] as const) {
        const reply = await raw(app, path, { headers, ...(body ? { body } : {}) });
        expect(reply.status, `${host} ${path}`).toBe(421);
        expect(reply.json.error).toMatch(/does not answer for the host/);
      }
    }
    expect(app.storage.listMatches().length).toBe(before);
    expect(s.lines.some((l) => l.event === 'host-refused')).toBe(true);
  });

  it('refuses a forged Host on the Socket.IO handshake (polling 403, WebSocket not upgraded)', async () => {
    const { app } = s;
    const host = `evil.example:${app.port}`;
    const polling = await raw(app, '/socket.io/?EIO=4&transport=polling', {
      headers: { host, origin: `http://${host}` },
    });
    expect(polling.status).toBe(403);
    expect(polling.json.message).toMatch(/does not answer for the host/);
    expect(await upgrade(app, host, `http://${host}`)).toBe(400);
    // The same handshakes with the server's own host go through.
    const own = `localhost:${app.port}`;
    expect(
      (await raw(app, '/socket.io/?EIO=4&transport=polling', { headers: { host: own, origin: `http://${own}` } }))
        .status,
    ).toBe(200);
    expect(await upgrade(app, own, `http://${own}`)).toBe(101);
  });

  it('serves localhost, 127.0.0.1, [::1], a LAN IP on the port and PUBLIC_URL’s host', async () => {
    const { app } = s;
    for (const [host, origin] of [
      [`localhost:${app.port}`, `http://localhost:${app.port}`],
      [`127.0.0.1:${app.port}`, `http://127.0.0.1:${app.port}`],
      [`[::1]:${app.port}`, `http://[::1]:${app.port}`],
      [`192.168.1.20:${app.port}`, `http://192.168.1.20:${app.port}`],
      ['kanban.example', 'https://kanban.example'],
      ['kanban.example', ''],
    ] as const) {
      const reply = await raw(app, '/api/sessions', {
        headers: { host, ...(origin ? { origin } : {}) },
        body: startBody,
      });
      expect(reply.status, `${host} ${origin}`).toBe(201);
    }
    // A known host with a foreign Origin is still a foreign origin.
    const foreign = await raw(app, '/api/sessions', {
      headers: { host: `localhost:${app.port}`, origin: 'http://evil.example' },
      body: startBody,
    });
    expect(foreign.status).toBe(403);
  });
});

/** A well-formed code that is not `code`. */
const wrongCode = (code: string, i: number) => {
  const c = `${CODE_ALPHABET[i % CODE_ALPHABET.length]!}${CODE_ALPHABET[(i * 7 + 3) % CODE_ALPHABET.length]!}2345`;
  return c === code ? 'ZZZZZZ' : c;
};

describe('SEC-LIM2 join-code guesses', () => {
  const s = server({ limits: { wrongCodes: { burst: 5, perSecond: 0.1 } } });

  it('right codes and malformed codes do not count', async () => {
    const { app } = s;
    const created = await createSession(app, startBody);
    for (let i = 0; i < 40; i++)
      expect((await raw(app, `/api/sessions/${created.code}`, { from: '127.0.0.3' })).status).toBe(200);
    for (let i = 0; i < 10; i++)
      expect(
        (await raw(app, `/api/sessions/${created.code}/join`, { from: '127.0.0.3', body: { name: `P${i}` } })).status,
      ).toBe(200);
    for (const bad of ['abcdef', 'OOOOOO', 'A'.repeat(50), '__proto__'])
      expect((await raw(app, `/api/sessions/${bad}`, { from: '127.0.0.3' })).status).toBe(400);
    expect((await raw(app, `/api/sessions/${created.code}`, { from: '127.0.0.3' })).status).toBe(200);
  });

  it('answers 429 with Retry-After after N wrong codes, on every join-code route, until the window passes', async () => {
    const { app } = s;
    const created: Created = await createSession(app, startBody);
    const ada = await joinSession(app, created.code, 'Ada');
    for (let i = 0; i < 5; i++) {
      const reply = await raw(app, `/api/sessions/${wrongCode(created.code, i)}`);
      expect(reply.status).toBe(404);
    }
    const blocked = await raw(app, `/api/sessions/${wrongCode(created.code, 5)}`);
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('10');
    expect(blocked.json.error).toBe('too many wrong join codes from your address: try again in 10 s');
    // Every route that takes a join code, the right one included (a different answer would tell it apart).
    const credentials = { seat: ada.seat, credentials: ada.credentials };
    for (const [path, body] of [
      [`/api/sessions/${created.code}`, undefined],
      [`/api/sessions/${created.code}/join`, { name: 'Eve' }],
      [`/api/sessions/${created.code}/leave`, credentials],
      [`/api/sessions/${created.code}/qr.svg`, undefined],
      [`/api/sessions/${created.code}/debrief`, credentials],
      [`/api/sessions/${created.code}/counterfactual`, { ...credentials, spec: { kind: 'bins', bins: 3 } }],
    ] as const) {
      const reply = await raw(app, path, body ? { body } : {});
      expect(reply.status, path).toBe(429);
      expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
    }
    // X-Forwarded-For is not believed without trustProxy (SEC-LIM3).
    expect(
      (await raw(app, `/api/sessions/${created.code}`, { headers: { 'x-forwarded-for': '10.9.8.7' } })).status,
    ).toBe(429);
    // Another address is served.
    expect((await raw(app, `/api/sessions/${created.code}`, { from: '127.0.0.2' })).status).toBe(200);
    // One token back after 10 s (perSecond 0.1): one more look-up, the right code.
    s.clock += 10_000;
    expect((await raw(app, `/api/sessions/${created.code}`)).status).toBe(200);
    expect((await raw(app, `/api/sessions/${wrongCode(created.code, 6)}`)).status).toBe(404);
    expect((await raw(app, `/api/sessions/${created.code}`)).status).toBe(429);
    expect(s.lines.filter((l) => l.event === 'rate-limited').length).toBeLessThanOrEqual(5);
  });
});

describe('SEC-LIM3 X-Forwarded-For with trustProxy', () => {
  const s = server({ trustProxy: true, limits: { wrongCodes: { burst: 2, perSecond: 0.01 } } });

  it('limits by the last X-Forwarded-For entry, which the client cannot choose', async () => {
    const { app } = s;
    const created = await createSession(app, startBody);
    const as = (xff: string) => ({ headers: { 'x-forwarded-for': xff } });
    for (let i = 0; i < 2; i++)
      expect((await raw(app, `/api/sessions/${wrongCode(created.code, i)}`, as('203.0.113.5'))).status).toBe(404);
    expect((await raw(app, `/api/sessions/${created.code}`, as('203.0.113.5'))).status).toBe(429);
    expect((await raw(app, `/api/sessions/${created.code}`, as('198.51.100.1, 203.0.113.5'))).status).toBe(429);
    expect((await raw(app, `/api/sessions/${created.code}`, as('203.0.113.6'))).status).toBe(200);
  });
});

describe('SEC-LIM4 creation bursts', () => {
  const s = server({ limits: { creations: { burst: 3, perSecond: 0.5 } } });

  it('answers 429 with Retry-After after a burst of creations, on every creating route', async () => {
    const { app } = s;
    const before = app.storage.listMatches().length;
    for (let i = 0; i < 3; i++) expect((await raw(app, '/api/sessions', { body: startBody })).status).toBe(201);
    const blocked = await raw(app, '/api/sessions', { body: startBody });
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('2');
    expect(blocked.json.error).toBe('too many new sessions from your address: try again in 2 s');
    expect((await raw(app, '/api/challenges', { body: { scenario: 'ring-road', name: 'Solo' } })).status).toBe(429);
    expect(
      (
        await raw(app, '/games/kanban-cascade/create', {
          body: { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2 } },
        })
      ).status,
    ).toBe(429);
    expect((await raw(app, '/API/Sessions/', { body: startBody })).status).toBe(429);
    expect(app.storage.listMatches().length).toBe(before + 3);
    expect((await raw(app, '/api/sessions', { body: startBody, from: '127.0.0.2' })).status).toBe(201);
    s.clock += 2000;
    expect((await raw(app, '/api/sessions', { body: startBody })).status).toBe(201);
  });
});

describe('SEC-LIM5 packets per socket', () => {
  const s = server({
    limits: { refusedPackets: { burst: 5, perSecond: 0.01 }, packets: { burst: 50, perSecond: 1 } },
  });

  it('disconnects a socket after N refused packets and logs a bounded number of lines', async () => {
    const { app } = s;
    const created = await createSession(app, startBody);
    const attacker = await rawSocket(app);
    const gone = new Promise<string>((resolve) => attacker.socket.on('disconnect', resolve));
    for (let i = 0; i < 500; i++)
      attacker.socket.emit('update', { type: 'RESET', payload: { state: {} } }, 0, created.matchID, '0');
    expect(await within(gone, 5000, 'attacker disconnected')).toBe('io server disconnect');
    // A second socket from the same address gets no fresh allowance.
    const again = await rawSocket(app);
    const goneAgain = new Promise<string>((resolve) => again.socket.on('disconnect', resolve));
    for (let i = 0; i < 100; i++) again.socket.emit('chat', created.matchID, { id: 'x', payload: 'spam' });
    expect(await within(goneAgain, 5000, 'second socket disconnected')).toBe('io server disconnect');
    const refused = s.lines.filter((l) => l.event === 'packet-refused');
    const cut = s.lines.filter((l) => l.event === 'socket-cut');
    expect(refused.length).toBe(5);
    expect(cut.map((l) => l.why)).toEqual(['too many refused packets', 'too many refused packets']);
    expect(s.lines.length).toBeLessThan(20);
  });

  it('disconnects a socket that floods even accepted packets; honest play goes on', async () => {
    const { app } = s;
    const created = await createSession(app, startBody);
    const ada = await joinSession(app, created.code, 'Ada');
    const honest = await rawSocket(app);
    honest.sync(created.matchID, ada.seat, ada.credentials);
    await waitFor(() => honest.latest() !== null, 'honest synced');
    const flood = await rawSocket(app);
    const gone = new Promise<string>((resolve) => flood.socket.on('disconnect', resolve));
    for (let i = 0; i < 200; i++) flood.sync(created.matchID, null);
    expect(await within(gone, 5000, 'flooding socket disconnected')).toBe('io server disconnect');
    expect(s.lines.filter((l) => l.event === 'socket-cut').at(-1)?.why).toBe('too many packets');
    await app.steward.move(created.matchID, 'start', []);
    honest.move(
      created.matchID,
      ada.seat,
      'commit',
      [1, { round: 1, bins: [2], kaizenFace: null, help: null, suppliers: null }],
      ada.credentials,
    );
    await waitFor(
      () => (app.storage.rawState(created.matchID)?.G as { round: number }).round === 2,
      'round 1 resolved',
    );
    expect(honest.socket.connected).toBe(true);
  });
});

/** A raw TCP connection to the server from `from` (default 127.0.0.1); `closed` resolves when the server closes it. */
function tcp(
  app: { port: number },
  from?: string,
): Promise<{ socket: NetSocket; data: () => string; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: app.port, ...(from ? { localAddress: from } : {}) });
    let text = '';
    const opened = Date.now();
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => {});
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - opened)));
    socket.on('connect', () => resolve({ socket, data: () => text, closed }));
    socket.on('error', reject);
  });
}

describe('SEC-LIM6 slow clients', () => {
  const s = server({ limits: { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 200 } });

  it('cuts off half a request header after the headers timeout', async () => {
    const c = await tcp(s.app);
    c.socket.write(`GET /health HTTP/1.1\r\nHost: localhost:${s.app.port}\r\nX-Slow: `);
    const ms = await within(c.closed, 3000, 'half a header');
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(c.data()).toMatch(/^HTTP\/1.1 408/);
  });

  it('cuts off half a body after the request timeout', async () => {
    const c = await tcp(s.app);
    c.socket.write(
      `POST /api/sessions HTTP/1.1\r\nHost: localhost:${s.app.port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"scen`,
    );
    await within(c.closed, 3000, 'half a body');
    // Logged as a line of ours (a few per address and minute), not a stack trace per request.
    await waitFor(() => s.lines.find((l) => l.event === 'request-cut'), 'request-cut logged');
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const c = await tcp(s.app);
    c.socket.write(`GET /health HTTP/1.1\r\nHost: localhost:${s.app.port}\r\n\r\n`);
    await waitFor(() => c.data().includes('{"ok":true}'), 'health answered');
    await within(c.closed, 3000, 'idle keep-alive');
  });
});

describe('SEC-LIM7 connections per address', () => {
  const s = server({ limits: { connectionsPerAddress: 5 } });

  it('answers 429 to connections over the limit, runs nothing they send, and serves other addresses', async () => {
    const { app } = s;
    const held = await Promise.all(Array.from({ length: 5 }, () => tcp(app)));
    const before = app.storage.listMatches().length;
    const over = await raw(app, '/api/sessions', { body: startBody });
    expect(over.status).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.json.error).toMatch(/^too many open connections from your address: try again in \d+ s$/);
    await new Promise((r) => setTimeout(r, 100)); // grace period: prove the refused request creates no match late
    expect(app.storage.listMatches().length).toBe(before);
    // A socket.io connection is refused too.
    const client = io(`${app.url}/kanban-cascade`, { transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve) => client.on('connect_error', () => resolve()));
    client.close();
    expect((await raw(app, '/health', { from: '127.0.0.2' })).status).toBe(200);
    held[0]!.socket.destroy();
    await waitFor(async () => (await raw(app, '/health')).status === 200, 'a slot freed');
    for (const c of held) c.socket.destroy();
    expect(s.lines.filter((l) => l.event === 'connection-refused').length).toBeGreaterThan(0);
  });
});
