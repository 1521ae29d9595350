/**
 * SEC-IN: bad input against the real server. Every attack gets a clear 4xx {"error"} or is
 * dropped; the process stays up (GET /health after each) and the honest players' next commit
 * still resolves the round.
 *
 * SEC-IN1 A Socket.IO message over 64 KB closes only the sender's connection.
 * SEC-IN2 10,000 levels of nested arrays in commit args (and in the action, state id, match id).
 * SEC-IN3 NaN, Infinity, -Infinity, negative, huge, string, null bins and non-finite rounds sent raw.
 * SEC-IN4 Malformed packets: non-JSON-shaped args, binary attachments, missing fields.
 * SEC-IN5 HTTP bodies over 16 KB on every write route (session join/leave, Lobby join/update/leave).
 * SEC-IN6 10,000 levels of nested JSON in HTTP bodies (session create/join, Lobby create).
 * SEC-IN7 Unknown and prototype-named scenario ids (session API and Lobby create).
 * SEC-IN8 Bad setupData and numPlayers through the Lobby create route.
 * SEC-IN9 Bad join codes.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { G } from '../../game/core/types';
import {
  type Created,
  type Joined,
  type TestApp,
  api,
  createSession,
  joinSession,
  rawState,
  sleep,
  waitFor,
} from '../server/helpers';
import { type RawSeat, capturingLogger, healthy, rawSocket, refusals, untilStored, withTestApp } from './raw';

let app: TestApp;
const logged = capturingLogger();
const RELAXED = { burst: 1e9, perSecond: 1e9 };

// Every refused packet is logged (the refusal limit per address is lifted: this file sends many
// from one address), so a test can see its packets reached the guard.
withTestApp(
  (started) => (app = started),
  () => {},
  { log: logged.log, limits: { refusedPackets: RELAXED } },
);

const nestedText = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

interface Table {
  s: Created;
  ada: Joined;
  bo: Joined;
  adaSocket: RawSeat;
  boSocket: RawSeat;
  attacker: RawSeat;
}

/** A started ring-road session with two honest players (seats 1 and 7) on raw sockets, and an attacker socket holding seat 1. */
async function table(): Promise<Table> {
  const s = await createSession(app, { scenario: 'ring-road', players: 2, roundSeconds: 0 });
  const ada = await joinSession(app, s.code, 'Ada');
  const bo = await joinSession(app, s.code, 'Bo');
  const [adaSocket, boSocket, attacker] = await Promise.all([rawSocket(app), rawSocket(app), rawSocket(app)]);
  adaSocket.sync(s.matchID, ada.seat, ada.credentials);
  boSocket.sync(s.matchID, bo.seat, bo.credentials);
  attacker.sync(s.matchID, ada.seat, ada.credentials);
  for (const r of [adaSocket, boSocket, attacker]) await waitFor(() => r.latest() !== null, 'synced');
  await app.steward.move(s.matchID, 'start', []);
  await untilStored(
    app,
    s.matchID,
    (st) => (st.G as G).status === 'playing' && (st.G as G).absent.length === 10,
    'started',
  );
  return { s, ada, bo, adaSocket, boSocket, attacker };
}

const decision = (round: number, bins: unknown[]) => ({ round, bins, kaizenFace: null, help: null, suppliers: null });

/** The honest players commit; the round resolves. */
async function honestRound(t: Table): Promise<void> {
  const r = rawState(app, t.s.matchID).G.round;
  t.adaSocket.move(t.s.matchID, t.ada.seat, 'commit', [r, decision(r, [2])], t.ada.credentials);
  t.boSocket.move(t.s.matchID, t.bo.seat, 'commit', [r, decision(r, [3])], t.bo.credentials);
  const after = await untilStored(app, t.s.matchID, (st) => (st.G as G).round === r + 1, `round ${r} resolved`);
  const g = after.G as G;
  expect(g.workshops[0]!.bins).toEqual([2]);
  expect(g.workshops[6]!.bins).toEqual([3]);
  expect(await healthy(app)).toBe(true);
}

/** Let the server handle what was sent (a move on the same socket is handled after the earlier ones). */
async function settled(t: Table): Promise<void> {
  await sleep(150); // grace period: refused packets answer nothing, so there is no event to wait for
  expect(await healthy(app)).toBe(true);
  const g = rawState(app, t.s.matchID).G;
  expect(g.status).toBe('playing');
  expect(g.committed).toEqual({});
}

describe('SEC-IN socket input', () => {
  let t: Table;
  beforeEach(async () => {
    t = await table();
  });

  it('SEC-IN1 a message over 64 KB closes only the sender; the match goes on', async () => {
    const disconnected = new Promise<string>((resolve) =>
      t.attacker.socket.on('disconnect', (reason) => resolve(reason)),
    );
    const r = rawState(app, t.s.matchID).G.round;
    t.attacker.move(t.s.matchID, t.ada.seat, 'commit', [r, decision(r, [2]), 'x'.repeat(70 * 1024)], t.ada.credentials);
    expect(await disconnected).toMatch(/transport (close|error)/);
    await settled(t);
    expect(t.adaSocket.socket.connected).toBe(true);
    await honestRound(t);
  });

  it('SEC-IN2 10,000 levels of nested arrays in a move are refused', async () => {
    // socket.io-client's encoder itself overflows its stack on such a value: send the JSON text.
    const r = rawState(app, t.s.matchID).G.round;
    const deep = nestedText(10_000);
    const { matchID } = t.s;
    const seat = JSON.stringify(t.ada.seat);
    const creds = JSON.stringify(t.ada.credentials);
    const action = (args: string, extra = '') =>
      `{"type":"MAKE_MOVE","payload":{"type":"commit","args":${args},"playerID":${seat},"credentials":${creds}}${extra}}`;
    const packets = [
      `["update",${action(`[${r},${deep}]`)},1,"${matchID}",${seat}]`,
      `["update",${action(`[${r},{"round":${r},"bins":[${deep}],"kaizenFace":null,"help":null,"suppliers":null}]`)},1,"${matchID}",${seat}]`,
      `["update",${action(deep)},1,"${matchID}",${seat}]`,
      `["update",${action(`[${deep},{"round":${r},"bins":[2]}]`)},1,"${matchID}",${seat}]`,
      `["update",${action(`[${r}]`, `,"state":${deep}`)},1,"${matchID}",${seat}]`,
      `["update",${deep},1,"${matchID}",${seat}]`,
      `["update",{"type":"MAKE_MOVE","payload":${deep}},1,"${matchID}",${seat}]`,
      `["update",${action(`[${r}]`)},${deep},${deep},${deep}]`,
      `["sync",${deep},${deep},${deep},${deep}]`,
      `["sync","${matchID}",${seat},${deep},13]`,
    ];
    const before = refusals(logged.events).length;
    for (const p of packets) t.attacker.emitRaw(p);
    // Each reached the packet guard and was refused there (not dropped on the way for bad framing).
    await waitFor(() => refusals(logged.events).length >= before + 8, 'the deep packets to be refused by the guard');
    const reasons = refusals(logged.events).slice(before);
    expect(reasons.filter((r) => /args: nested deeper than 6 levels/.test(r)).length).toBeGreaterThanOrEqual(3);
    // 100,000 levels (200 KB) is over the 64 KB message limit: the sender (a fresh socket: the
    // server may already have closed the one above) is cut off.
    const big = await rawSocket(app);
    const closed = new Promise<void>((resolve) => big.socket.on('disconnect', () => resolve()));
    big.emitRaw(`["update",${action(`[${r},${nestedText(100_000)}]`)},1,"${matchID}",${seat}]`);
    await closed;
    await settled(t);
    await honestRound(t);
  });

  it('SEC-IN3 NaN, Infinity, negative, huge and non-number bins sent raw are refused', async () => {
    const r = rawState(app, t.s.matchID).G.round;
    const bad: unknown[][] = [
      [r, decision(r, [Number.NaN])],
      [r, decision(r, [Number.POSITIVE_INFINITY])],
      [r, decision(r, [Number.NEGATIVE_INFINITY])],
      [r, decision(r, [-1])],
      [r, decision(r, [-0.000001])],
      [r, decision(r, [1e308])],
      [r, decision(r, [Number.MAX_SAFE_INTEGER])],
      [r, decision(r, ['2'])],
      [r, decision(r, [null])],
      [r, decision(r, [{ valueOf: 2 }])],
      [r, decision(r, [[2]])],
      [r, decision(r, [])],
      [r, decision(r, [2, 2])],
      [r, { ...decision(r, [2]), bins: { 0: 2, length: 1 } }],
      [Number.NaN, decision(r, [2])],
      [Number.POSITIVE_INFINITY, decision(Number.POSITIVE_INFINITY, [2])],
      [-1, decision(-1, [2])],
      [String(r), decision(r, [2])],
      [r, JSON.parse('{"round":1,"bins":[2],"kaizenFace":null,"help":null,"suppliers":null,"__proto__":{"x":1}}')],
      [r, { ...decision(r, [2]), constructor: { prototype: { polluted: true } } }],
    ];
    for (const args of bad) t.attacker.move(t.s.matchID, t.ada.seat, 'commit', args, t.ada.credentials);
    await settled(t);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    await honestRound(t);
  });

  it('SEC-IN4 malformed packets are dropped', async () => {
    const s = t.attacker.socket;
    const before = logged.events.length;
    const r = rawState(app, t.s.matchID).G.round;
    s.emit('update');
    s.emit('update', null, null, null, null);
    s.emit('update', 'MAKE_MOVE', 1, t.s.matchID, t.ada.seat);
    s.emit(
      'update',
      { type: 'MAKE_MOVE', payload: { type: 'commit', args: [r], playerID: t.ada.seat } },
      1,
      t.s.matchID,
    );
    s.emit(
      'update',
      {
        type: 'MAKE_MOVE',
        payload: { type: 'commit', args: [r, decision(r, [2])], playerID: t.ada.seat, credentials: t.ada.credentials },
      },
      1,
      'f'.repeat(10_000),
      t.ada.seat,
    );
    s.emit(
      'update',
      {
        type: 'MAKE_MOVE',
        payload: {
          type: 'commit',
          args: [r, Buffer.alloc(1000)],
          playerID: t.ada.seat,
          credentials: t.ada.credentials,
        },
      },
      1,
      t.s.matchID,
      t.ada.seat,
    );
    s.emit('sync');
    s.emit('sync', null);
    s.emit('sync', '__proto__', '0');
    s.emit('sync', 'constructor', null);
    s.emit('chat', t.s.matchID, { id: 'x', sender: t.ada.seat, payload: 'x'.repeat(1000) }, t.ada.credentials);
    s.emit('__proto__', {});
    for (const raw of [
      '["disconnect"]',
      '["connect"]',
      '["connecting"]',
      '["newListener","update"]',
      '["error"]',
      '{}',
      'null',
      '[]',
      '["update",',
      '"update"',
    ])
      t.attacker.emitRaw(raw);
    await settled(t);
    // They reached the guard (the hand-framed ones too) and were refused there.
    const reasons = refusals(logged.events.slice(before));
    for (const reason of [
      'update: action is not an object',
      'update: args: an object that is not plain data',
      'sync: bad match id',
      'event chat not allowed',
      'event __proto__ not allowed',
      'event disconnect not allowed',
      'event newListener not allowed',
      'event error not allowed',
    ])
      expect(reasons, reason).toContain(reason);
    expect(app.storage.listMatches()).not.toContain('__proto__');
    expect(app.storage.listMatches()).not.toContain('constructor');
    await honestRound(t);
  });
});

describe('SEC-IN HTTP input', () => {
  let s: Created;
  let ada: Joined;
  let lobbyMatch: string;
  beforeAll(async () => {
    s = await createSession(app, { scenario: 'ring-road', players: 2, roundSeconds: 0 });
    ada = await joinSession(app, s.code, 'Ada');
    const created = await api<{ matchID: string }>(app, '/games/kanban-cascade/create', {
      body: { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2 } },
    });
    expect(created.status).toBe(200);
    lobbyMatch = created.json.matchID;
  });

  const expectError = (reply: { status: number; json: unknown; text: string }, statuses: number[], what: string) => {
    expect(statuses, `${what}: ${reply.status} ${reply.text.slice(0, 200)}`).toContain(reply.status);
    expect(
      typeof (reply.json as { error?: unknown } | undefined)?.error === 'string' || reply.text.length > 0,
      what,
    ).toBe(true);
  };

  it('SEC-IN5 bodies over 16 KB are refused with 413 on every write route', async () => {
    const big = {
      name: 'x'.repeat(17 * 1024),
      playerName: 'x'.repeat(17 * 1024),
      newName: 'y',
      playerID: 2,
      credentials: 'c',
    };
    const routes = [
      '/api/sessions',
      `/api/sessions/${s.code}/join`,
      `/api/sessions/${s.code}/leave`,
      `/games/kanban-cascade/${s.matchID}/update`,
      `/games/kanban-cascade/${lobbyMatch}/join`,
      `/games/kanban-cascade/${lobbyMatch}/update`,
      `/games/kanban-cascade/${lobbyMatch}/leave`,
    ];
    for (const path of routes) {
      const reply = await api<{ error: string }>(app, path, { body: big });
      expectError(reply, [413], path);
      expect(reply.json.error, path).toMatch(/larger than 16384 bytes/);
      expect(await healthy(app)).toBe(true);
    }
    const meta = app.storage.fetch(s.matchID, { metadata: true }).metadata;
    expect(
      Object.values(meta.players)
        .filter((p) => p.name !== undefined)
        .map((p) => p.name),
    ).toEqual(['Facilitator', 'Ada']);
    expect(meta.players[Number(ada.seat)]!.credentials).toBe(ada.credentials);
    const lobbyMeta = app.storage.fetch(lobbyMatch, { metadata: true }).metadata;
    expect(Object.values(lobbyMeta.players).filter((p) => p.name !== undefined)).toEqual([]);
    // A session's match is joined and left only through the session API (refused before reading).
    for (const action of ['join', 'leave']) {
      const reply = await api(app, `/games/kanban-cascade/${s.matchID}/${action}`, { body: big });
      expectError(reply, [403], `session match lobby ${action}`);
    }
  });

  it('SEC-IN5 a 2 MB body to the Lobby create route is refused and the server stays up', async () => {
    const before = app.storage.listMatches().length;
    const reply = await api(app, '/games/kanban-cascade/create', {
      body: { numPlayers: 2, setupData: { scenario: 'ring-road', humanSeats: 1, pad: 'x'.repeat(2 * 1024 * 1024) } },
    });
    expectError(reply, [400, 413], 'lobby create 2 MB');
    expect(app.storage.listMatches().length).toBe(before);
    expect(await healthy(app)).toBe(true);
  });

  it('SEC-IN6 10,000 levels of nested JSON are refused with a 4xx', async () => {
    const before = app.storage.listMatches().length;
    const paths = ['/api/sessions', `/api/sessions/${s.code}/join`, `/api/sessions/${s.code}/leave`];
    for (const path of paths) {
      for (const depth of [7_000, 10_000]) {
        const reply = await api(app, path, { raw: nestedText(depth), headers: { 'content-type': 'application/json' } });
        expectError(reply, [400, 413], `${path} depth ${depth}`);
        const inner = await api(app, path, {
          raw: `{"scenario":${nestedText(depth / 2)},"name":${nestedText(depth / 2)}}`,
          headers: { 'content-type': 'application/json' },
        });
        expectError(inner, [400, 413], `${path} inner depth ${depth}`);
        expect(await healthy(app)).toBe(true);
      }
    }
    for (const depth of [7_000, 10_000, 100_000]) {
      const raw = `{"numPlayers":2,"setupData":${nestedText(depth)}}`;
      const reply = await api(app, '/games/kanban-cascade/create', {
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expectError(reply, [400, 413], `lobby create depth ${depth}`);
      const join = await api(app, `/games/kanban-cascade/${s.matchID}/join`, {
        raw: `{"playerName":"Eve","data":${nestedText(depth)}}`,
        headers: { 'content-type': 'application/json' },
      });
      expectError(join, [400, 403, 413], `lobby join depth ${depth}`);
      expect(await healthy(app)).toBe(true);
    }
    expect(app.storage.listMatches().length).toBe(before);
  });

  it('SEC-IN7 unknown and prototype-named scenario ids are refused', async () => {
    const before = app.storage.listMatches().length;
    for (const scenario of [
      'nope',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      ' ring-road',
      'RING-ROAD',
      'ring-road\u0000',
      42,
      null,
      ['ring-road'],
      { id: 'ring-road' },
    ]) {
      const reply = await api<{ error: string }>(app, '/api/sessions', { body: { scenario, players: 1 } });
      expectError(reply, [400], `session ${JSON.stringify(scenario)}`);
      expect(reply.json.error).toMatch(/scenario must be one of/);
      const lobby = await api(app, '/games/kanban-cascade/create', {
        body: { numPlayers: 2, setupData: { scenario, humanSeats: 1 } },
      });
      expectError(lobby, [400], `lobby ${JSON.stringify(scenario)}`);
    }
    expect(app.storage.listMatches().length).toBe(before);
    expect(await healthy(app)).toBe(true);
  });

  it('SEC-IN8 bad setupData and numPlayers through the Lobby create route are refused', async () => {
    const before = app.storage.listMatches().length;
    const good = { scenario: 'ring-road', humanSeats: 1 };
    const bodies: unknown[] = [
      {},
      { numPlayers: 2 },
      { numPlayers: 2, setupData: null },
      { numPlayers: 2, setupData: 'ring-road' },
      { numPlayers: 2, setupData: [] },
      { numPlayers: -1, setupData: good },
      { numPlayers: 1e9, setupData: good },
      { numPlayers: 5, setupData: good },
      { numPlayers: 2, setupData: { ...good, humanSeats: 0 } },
      { numPlayers: 2, setupData: { ...good, humanSeats: -1 } },
      { numPlayers: 2, setupData: { ...good, rounds: 1e9 } },
      { numPlayers: 2, setupData: { ...good, rounds: -3 } },
      { numPlayers: 2, setupData: { ...good, roundSeconds: 5 } },
      { numPlayers: 2, setupData: { ...good, roundSeconds: 1e12 } },
      { numPlayers: 2, setupData: { ...good, autopilot: 'rm -rf /' } },
      { numPlayers: 2, setupData: { ...good, seed: { policy: 'fixed', value: 'x'.repeat(1000) } } },
      { numPlayers: 2, setupData: { ...good, seed: { policy: 'fixed', value: '<script>' } } },
      { numPlayers: 2, setupData: { ...good, seed: { policy: 'leak' } } },
      { numPlayers: 2, setupData: { ...good, extra: true } },
      { numPlayers: 2, setupData: { ...good, secret: { seed: 'mine' } } },
      { numPlayers: 2, setupData: { ...good, network: { kind: 'custom', workshops: 'x'.repeat(5000) } } },
      // Values whose own toString is not a function: a message that printed them with String()
      // answered 500 (found by the fuzzer).
      { numPlayers: 2, setupData: { ...good, scenario: { toString: 1 } } },
      { numPlayers: 2, setupData: { ...good, scenario: { valueOf: 1, toString: [] } } },
      {
        numPlayers: 2,
        setupData: {
          scenario: 'custom',
          humanSeats: 1,
          network: {
            kind: 'custom',
            workshops: [
              { id: 'a', name: 'A', inputs: [{ toString: 1 }] },
              { id: 'b', name: 'B', inputs: ['a'] },
              { id: 'c', name: 'C', inputs: [{ choose: ['a', 'b'], initial: { toString: 1 } }] },
            ],
          },
        },
      },
    ];
    for (const body of bodies) {
      const reply = await api(app, '/games/kanban-cascade/create', { body });
      expectError(reply, [400, 403], `lobby create ${JSON.stringify(body).slice(0, 100)}`);
      expect(await healthy(app)).toBe(true);
    }
    expect(app.storage.listMatches().length).toBe(before);
    // boardgame.io reads numPlayers leniently (parseInt; 0 means its default of 2): these make a valid
    // 2-seat match, which the game's own validation accepts.
    for (const numPlayers of [0, '2', 2.5, '2abc']) {
      const reply = await api<{ matchID: string }>(app, '/games/kanban-cascade/create', {
        body: { numPlayers, setupData: good },
      });
      expect(reply.status, JSON.stringify(numPlayers)).toBe(200);
      const meta = app.storage.fetch(reply.json.matchID, { metadata: true }).metadata;
      expect(Object.keys(meta.players)).toEqual(['0', '1']);
    }
    // The session API refuses the same mistakes with its own messages (S-API4 covers the rest).
    for (const body of [
      { scenario: 'ring-road', players: 1, rounds: 1e9 },
      { scenario: 'ring-road', players: 1, autopilot: 'nope' },
      { scenario: 'ring-road', players: 1, seed: { policy: 'fixed', value: 'abc' } },
      { scenario: 'ring-road', players: 1, newRoad: 'yes' },
    ]) {
      const reply = await api<{ error: string }>(app, '/api/sessions', { body });
      expectError(reply, [400], `session ${JSON.stringify(body)}`);
      expect(reply.json.error.length).toBeGreaterThan(5);
    }
  });

  it('SEC-IN9 bad join codes get 400 or 404 and join nothing', async () => {
    const codes = [
      s.code.toLowerCase(),
      `${s.code}A`,
      s.code.slice(0, 5),
      'OOOOOO',
      "' OR 1=1 --",
      '%27%20OR%201%3D1--',
      '..%2F..%2Fhealth',
      '%00%00%00%00%00%00',
      'ÄÖÜÄÖÜ',
      'A'.repeat(5000),
      '__proto__',
      'constructor',
    ];
    for (const code of codes) {
      for (const [path, body] of [
        [`/api/sessions/${code}`, undefined],
        [`/api/sessions/${code}/join`, { name: 'Eve' }],
        [`/api/sessions/${code}/leave`, { seat: ada.seat, credentials: ada.credentials }],
        [`/api/sessions/${code}/qr.svg`, undefined],
      ] as const) {
        const reply = await api(app, path, body ? { body } : {});
        expectError(reply, [400, 404, 414, 431], `${path.slice(0, 60)}`);
      }
    }
    expect(await healthy(app)).toBe(true);
    const meta = app.storage.fetch(s.matchID, { metadata: true }).metadata;
    expect(meta.players[Number(ada.seat)]!.credentials).toBe(ada.credentials);
    expect(Object.values(meta.players).filter((p) => p.name === 'Eve')).toEqual([]);
  });
});
