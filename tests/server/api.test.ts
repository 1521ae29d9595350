/**
 * The session API (docs/API.md) against a real server on a free port, over real HTTP.
 *
 * S-API1  GET /health answers {"ok": true}.
 * S-API2  GET /api/scenarios lists the 8 scenarios with their workshops and critical buffer.
 * S-API3  POST /api/sessions creates a session: 201, a 6-character code from the alphabet, the
 *         facilitator's seat "0" and credentials, join and facilitator links.
 * S-API4  A bad create is a 4xx with a clear {"error"}: unknown scenario, players 0 / too many /
 *         not whole, roundSeconds below 10, an unknown field, a body that is not an object.
 * S-API5  Body checks: invalid JSON 400, wrong content-type 415, a body over 16 KiB 413.
 * S-API6  GET /api/sessions/:code: the session and its players, never credentials; a malformed
 *         code 400, an unknown one 404.
 * S-API7  Join places the expected players spread over the network (seat floor(k n / players) + 1),
 *         then fills free workshops in order; answers the seat, credentials and workshop.
 * S-API8  Join validates the name: 1-40 characters after trimming, no < or >, no control characters.
 * S-API9  Join answers 409 once every workshop is taken.
 * S-API10 Leave with wrong credentials (or a bad seat) is 403; with the right ones the seat is
 *         free again and the next joiner gets it.
 * S-API11 GET /api/sessions/:code/qr.svg is an SVG (image/svg+xml).
 * S-API12 boardgame.io's Lobby REST API answers (koa-compose pin smoke test) and its match data
 *         never contains credentials.
 * S-API13 Requests from a foreign Origin are refused with 403 (HTTP and Socket.IO); same-origin
 *         and origin-less requests work.
 * S-API14 The Lobby's write routes cannot bypass the session API: names (join, update) follow
 *         its rules, and a Lobby leave cannot wipe a session's match.
 * S-API15 Join answers 409 once the session has ended; concurrent joins get distinct seats.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { CODE_ALPHABET } from '../../game/contract/codes';
import { type Created, type Joined, type TestApp, api, createSession, joinSession, withTestApp } from './helpers';

let app: TestApp;
withTestApp((started) => (app = started));

const CODE = new RegExp(`^[${CODE_ALPHABET}]{6}$`);

describe('S-API1 health', () => {
  it('answers {"ok": true}', async () => {
    const reply = await api(app, '/health');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ ok: true });
  });
});

describe('S-API2 scenarios', () => {
  it('lists the 8 scenarios with workshops, rounds and critical buffer', async () => {
    const reply = await api<Record<string, unknown>[]>(app, '/api/scenarios');
    expect(reply.status).toBe(200);
    const list = reply.json;
    expect(list.map((s) => s.id)).toEqual([
      'ring-road',
      'two-inputs',
      'one-more-input',
      'spot-market',
      'local-cluster',
      'toyota-city',
      'new-road',
      'foggy-cliff',
    ]);
    for (const s of list) {
      for (const key of ['title', 'story', 'learningGoal', 'questions', 'mechanics', 'trouble'])
        expect(s, `${String(s.id)}.${key}`).toHaveProperty(key);
      expect(typeof s.criticalBuffer).toBe('number');
      expect(s.criticalBuffer as number).toBeGreaterThan(0);
      expect(Number.isInteger(s.workshops) && (s.workshops as number) >= 12).toBe(true);
      expect(Number.isInteger(s.rounds) && (s.rounds as number) > 0).toBe(true);
    }
    const ring = list.find((s) => s.id === 'ring-road')!;
    expect(ring.criticalBuffer).toBe(1);
    expect(ring.workshops).toBe(12);
  });
});

describe('S-API3 create a session', () => {
  it('answers 201 with a code, the facilitator seat, credentials and links', async () => {
    const reply = await api<Created>(app, '/api/sessions', {
      body: { scenario: 'two-inputs', players: 3, rounds: 5, roundSeconds: 60, autopilot: 'lean:2' },
    });
    expect(reply.status).toBe(201);
    const s = reply.json;
    expect(s.code).toMatch(CODE);
    expect(s.seat).toBe('0');
    expect(s.credentials).toMatch(/^[0-9a-f]{32}$/);
    expect(s.matchID).toMatch(/^[0-9a-f]{16}$/);
    expect(s.joinUrl).toBe(`${app.url}/join/${s.code}`);
    expect(s.facilitatorUrl).toBe(`${app.url}/facilitate/${s.code}`);
    const info = await api(app, `/api/sessions/${s.code}`);
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({
      code: s.code,
      matchID: s.matchID,
      scenario: { id: 'two-inputs' },
      workshops: 12,
      rounds: 5,
      roundSeconds: 60,
      players: [],
    });
    // The setup reached the game's configuration.
    const state = app.storage.rawState(s.matchID)!;
    expect((state.G as { config: { autopilot: unknown } }).config.autopilot).toEqual({ name: 'lean', param: 2 });
  });

  it('gives every session its own code and credentials', async () => {
    const a = await createSession(app, { scenario: 'ring-road', players: 1 });
    const b = await createSession(app, { scenario: 'ring-road', players: 1 });
    expect(a.code).not.toBe(b.code);
    expect(a.matchID).not.toBe(b.matchID);
    expect(a.credentials).not.toBe(b.credentials);
  });
});

describe('S-API4 create: bad requests', () => {
  const cases: [string, unknown, RegExp][] = [
    ['unknown scenario', { scenario: 'moon-base', players: 2 }, /scenario must be one of .*two-inputs/],
    ['no scenario', { players: 2 }, /scenario must be one of/],
    ['players 0', { scenario: 'two-inputs', players: 0 }, /players must be a whole number from 1 to 12/],
    ['too many players', { scenario: 'two-inputs', players: 13 }, /players must be a whole number from 1 to 12/],
    ['players 2.5', { scenario: 'two-inputs', players: 2.5 }, /players must be a whole number/],
    ['players as text', { scenario: 'two-inputs', players: '3' }, /players must be a whole number/],
    ['roundSeconds 5', { scenario: 'two-inputs', players: 2, roundSeconds: 5 }, /roundSeconds must be 0.*at least 10/],
    ['roundSeconds too long', { scenario: 'two-inputs', players: 2, roundSeconds: 4000 }, /roundSeconds/],
    ['rounds 0', { scenario: 'two-inputs', players: 2, rounds: 0 }, /rounds/],
    ['unknown autopilot', { scenario: 'two-inputs', players: 2, autopilot: 'greedy' }, /autopilot/],
    ['new road without one', { scenario: 'two-inputs', players: 2, newRoad: true }, /has no new road/],
    ['unknown field', { scenario: 'two-inputs', players: 2, humanSeats: 12 }, /unknown field "humanSeats"/],
    ['an array', [{ scenario: 'two-inputs', players: 2 }], /send \{"scenario"/],
    ['null', null, /send \{"scenario"/],
  ];
  it.each(cases)('%s: 400 with a message', async (_name, body, message) => {
    const reply = await api<{ error: string }>(app, '/api/sessions', {
      raw: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.json).slice(0, 3)).toEqual(['error', 'code', 'field']);
    expect(reply.json.error).toMatch(message);
    expect(reply.json.error).not.toMatch(/setupData/);
  });

  it('creates nothing on a refused request', async () => {
    const before = app.storage.listMatches().length;
    await api(app, '/api/sessions', { body: { scenario: 'two-inputs', players: 0 } });
    await api(app, '/api/sessions', { body: { scenario: 'two-inputs', players: 2, roundSeconds: 5 } });
    expect(app.storage.listMatches().length).toBe(before);
  });
});

describe('S-API5 create: body checks', () => {
  it('refuses a body that is not JSON with 400', async () => {
    const reply = await api<{ error: string }>(app, '/api/sessions', {
      raw: '{"scenario": "two-inputs", players: 2',
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatch(/not valid JSON/);
  });

  it('refuses a wrong or missing content-type with 415', async () => {
    const body = JSON.stringify({ scenario: 'two-inputs', players: 2 });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await api<{ error: string }>(app, '/api/sessions', {
        raw: body,
        headers: { 'content-type': type },
      });
      expect(reply.status, type).toBe(415);
      expect(reply.json.error).toMatch(/application\/json/);
    }
    const join = await api<{ error: string }>(app, '/api/sessions/ABCDEF/join', {
      raw: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect([404, 415]).toContain(join.status);
  });

  it('accepts application/json with a charset', async () => {
    const reply = await api(app, '/api/sessions', {
      raw: JSON.stringify({ scenario: 'ring-road', players: 1 }),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(reply.status).toBe(201);
  });

  it('refuses a body over 16 KiB with 413', async () => {
    const reply = await api<{ error: string }>(app, '/api/sessions', {
      raw: JSON.stringify({ scenario: 'two-inputs', players: 2, autopilot: 'x'.repeat(20_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(413);
    expect(reply.json.error).toMatch(/larger than 16384 bytes/);
    // The server still answers afterwards.
    expect((await api(app, '/health')).status).toBe(200);
  });
});

describe('S-API6 read a session', () => {
  it('lists the players with seat, name and connection, without credentials', async () => {
    const s = await createSession(app, { scenario: 'two-inputs', players: 2 });
    const ada = await joinSession(app, s.code, 'Ada');
    const bo = await joinSession(app, s.code, 'Bo');
    const reply = await api<{ players: unknown[]; expectedPlayers: number; status: string; round: number }>(
      app,
      `/api/sessions/${s.code}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.json.players).toEqual([
      { seat: ada.seat, name: 'Ada', connected: false },
      { seat: bo.seat, name: 'Bo', connected: false },
    ]);
    expect(reply.json).toMatchObject({ expectedPlayers: 2, status: 'setup', round: 0 });
    for (const secret of [s.credentials, ada.credentials, bo.credentials]) expect(reply.text).not.toContain(secret);
    expect(reply.text).not.toMatch(/credentials|seed/);
  });

  it('answers 400 for a malformed code and 404 for an unknown one', async () => {
    for (const code of ['abc', 'ABCDE', 'ABCDEFG', 'ABCDE0', 'ABCDEO', 'ABCDE1', 'abcdef', 'ABC%20EF']) {
      const reply = await api<{ error: string }>(app, `/api/sessions/${code}`);
      expect(reply.status, code).toBe(400);
      expect(reply.json.error).toMatch(/6 letters and digits/);
    }
    let unknown = 'ZZZZZZ';
    for (const candidate of ['ZZZZZZ', 'YYYYYY', 'XXXXXX']) {
      unknown = candidate;
      if ((await api(app, `/api/sessions/${candidate}`)).status === 404) break;
    }
    const reply = await api<{ error: string }>(app, `/api/sessions/${unknown}`);
    expect(reply.status).toBe(404);
    expect(reply.json.error).toBe(`no session has the code ${unknown}`);
    for (const path of ['join', 'leave']) {
      const r = await api(app, `/api/sessions/${unknown}/${path}`, {
        body: { name: 'x', seat: '1', credentials: 'x' },
      });
      expect(r.status, path).toBe(404);
    }
    expect((await api(app, `/api/sessions/${unknown}/qr.svg`)).status).toBe(404);
  });
});

describe('S-API7 join: seats spread over the network', () => {
  it('places 3 expected players on 12 workshops at seats 1, 5, 9, then fills in order', async () => {
    const s = await createSession(app, { scenario: 'two-inputs', players: 3 });
    const joined: Joined[] = [];
    for (const name of ['A', 'B', 'C', 'D', 'E']) joined.push(await joinSession(app, s.code, name));
    expect(joined.map((j) => j.seat)).toEqual(['1', '5', '9', '2', '3']);
    for (const j of joined) {
      expect(j.code).toBe(s.code);
      expect(j.matchID).toBe(s.matchID);
      expect(j.credentials).toMatch(/^[0-9a-f]{32}$/);
      expect(j.workshop.index).toBe(Number(j.seat) - 1);
    }
    expect(new Set(joined.map((j) => j.credentials)).size).toBe(5);
    // Before the start there is no network yet: the workshop has no id or name.
    expect(joined[0]!.workshop).toEqual({ index: 0, id: null, name: null });
  });

  it('spreads 4 players on 16 workshops at seats 1, 5, 9, 13', async () => {
    const s = await createSession(app, { scenario: 'toyota-city', players: 4 });
    const seats: string[] = [];
    for (const name of ['A', 'B', 'C', 'D']) seats.push((await joinSession(app, s.code, name)).seat);
    expect(seats).toEqual(['1', '5', '9', '13']);
  });

  it('names the workshop once the network is built', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 2 });
    const { steward } = app;
    await steward.move(s.matchID, 'start', []);
    const j = await joinSession(app, s.code, 'Late');
    expect(j.seat).toBe('1');
    expect(typeof j.workshop.id).toBe('string');
    expect(typeof j.workshop.name).toBe('string');
  });
});

describe('S-API8 join: name validation', () => {
  let s: Created;
  beforeAll(async () => {
    s = await createSession(app, { scenario: 'two-inputs', players: 2 });
  });
  const bad: [string, unknown][] = [
    ['empty', { name: '' }],
    ['blank', { name: '   ' }],
    ['41 characters', { name: 'x'.repeat(41) }],
    ['markup', { name: '<b>' }],
    ['a >', { name: 'a > b' }],
    ['a control character', { name: 'a\u0007b' }],
    ['a newline', { name: 'a\nb' }],
    ['not a string', { name: 42 }],
    ['no name', {}],
  ];
  it.each(bad)('refuses %s with 400', async (_what, body) => {
    const reply = await api<{ error: string }>(app, `/api/sessions/${s.code}/join`, { body });
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatch(/name must be 1 to 40 characters/);
  });

  it('accepts 40 characters and accents, trimmed', async () => {
    const forty = await joinSession(app, s.code, 'y'.repeat(40));
    expect(forty.seat).toBe('1');
    await joinSession(app, s.code, '  Zoë Ångström  ');
    const info = await api<{ players: { name: string }[] }>(app, `/api/sessions/${s.code}`);
    expect(info.json.players.map((p) => p.name)).toEqual(['y'.repeat(40), 'Zoë Ångström']);
  });
});

describe('S-API9 join: a full session', () => {
  it('answers 409 once every workshop is taken', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 4 });
    const seats: string[] = [];
    for (let i = 0; i < 12; i++) seats.push((await joinSession(app, s.code, `P${i}`)).seat);
    expect([...seats].sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 12 }, (_, i) => String(i + 1)),
    );
    const full = await api<{ error: string }>(app, `/api/sessions/${s.code}/join`, { body: { name: 'Thirteen' } });
    expect(full.status).toBe(409);
    expect(full.json.error).toMatch(/every workshop .* is taken/);
  });
});

describe('S-API10 leave', () => {
  it('refuses wrong credentials or seats with 403 and frees the seat with the right ones', async () => {
    const s = await createSession(app, { scenario: 'two-inputs', players: 3 });
    const a = await joinSession(app, s.code, 'A');
    const b = await joinSession(app, s.code, 'B');
    const c = await joinSession(app, s.code, 'C');
    expect([a.seat, b.seat, c.seat]).toEqual(['1', '5', '9']);
    const leave = (body: unknown) =>
      api<{ error?: string; ok?: boolean }>(app, `/api/sessions/${s.code}/leave`, { body });
    for (const body of [
      { seat: b.seat, credentials: a.credentials },
      { seat: b.seat, credentials: 'nope' },
      { seat: '0', credentials: s.credentials },
      { seat: '7', credentials: b.credentials },
      { seat: '1.5', credentials: a.credentials },
    ]) {
      const r = await leave(body);
      expect(r.status, JSON.stringify(body)).toBe(403);
      expect(r.json.error).toMatch(/do not hold that seat/);
    }
    expect((await leave({ seat: 5, credentials: b.credentials })).status).toBe(400);
    expect((await leave({ seat: b.seat })).status).toBe(400);
    const ok = await leave({ seat: b.seat, credentials: b.credentials });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ ok: true });
    // The old credentials no longer hold it.
    expect((await leave({ seat: b.seat, credentials: b.credentials })).status).toBe(403);
    const info = await api<{ players: { seat: string }[] }>(app, `/api/sessions/${s.code}`);
    expect(info.json.players.map((p) => p.seat)).toEqual(['1', '9']);
    const d = await joinSession(app, s.code, 'D');
    expect(d.seat).toBe('5');
    expect(d.credentials).not.toBe(b.credentials);
  });
});

describe('S-API11 QR code', () => {
  it('is an SVG of the join link', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 1 });
    const reply = await api(app, `/api/sessions/${s.code}/qr.svg`);
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(/^image\/svg\+xml/);
    expect(reply.text.trimStart()).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(reply.text.trimEnd()).toMatch(/<\/svg>$/);
    expect((await api(app, '/api/sessions/abc/qr.svg')).status).toBe(400);
  });
});

describe('S-API12 the Lobby REST API', () => {
  it('answers its routes (koa-compose 4.1.0 pin) and never shows credentials', async () => {
    const s = await createSession(app, { scenario: 'two-inputs', players: 2 });
    const j = await joinSession(app, s.code, 'Lobby');
    const games = await api<string[]>(app, '/games');
    expect(games.status).toBe(200);
    expect(games.json).toEqual(['kanban-cascade']);
    const list = await api<{ matches: { matchID: string }[] }>(app, '/games/kanban-cascade');
    expect(list.status).toBe(200);
    expect(Array.isArray(list.json.matches)).toBe(true);
    // Sessions are unlisted.
    expect(list.json.matches.map((m) => m.matchID)).not.toContain(s.matchID);
    const match = await api<{ matchID: string; players: Record<string, unknown>[] }>(
      app,
      `/games/kanban-cascade/${s.matchID}`,
    );
    expect(match.status).toBe(200);
    expect(match.json.matchID).toBe(s.matchID);
    expect(match.json.players).toHaveLength(13);
    expect(match.json.players.find((p) => String(p.id) === j.seat)).toMatchObject({ name: 'Lobby' });
    for (const p of match.json.players) expect(p).not.toHaveProperty('credentials');
    expect(match.text).not.toContain(s.credentials);
    expect(match.text).not.toContain(j.credentials);
    expect((await api(app, '/games/kanban-cascade/0123456789abcdef')).status).toBe(404);
  });
});

describe('S-API13 origins', () => {
  const evil = { Origin: 'http://evil.example' };
  it('refuses a foreign Origin with 403 on every route', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 1 });
    const before = app.storage.listMatches().length;
    const requests: [string, Parameters<typeof api>[2]][] = [
      ['/health', { headers: evil }],
      ['/api/scenarios', { headers: evil }],
      ['/api/sessions', { body: { scenario: 'ring-road', players: 1 }, headers: evil }],
      [`/api/sessions/${s.code}`, { headers: evil }],
      [`/api/sessions/${s.code}/join`, { body: { name: 'Mallory' }, headers: evil }],
      ['/games/kanban-cascade', { headers: evil }],
      [`/games/kanban-cascade/${s.matchID}`, { headers: evil }],
    ];
    for (const [path, init] of requests) {
      const reply = await api<{ error: string }>(app, path, init);
      expect(reply.status, path).toBe(403);
      expect(reply.json.error).toMatch(/origin is not allowed/);
    }
    expect(app.storage.listMatches().length).toBe(before);
    const info = await api<{ players: unknown[] }>(app, `/api/sessions/${s.code}`);
    expect(info.json.players).toEqual([]);
  });

  it('serves same-origin and origin-less requests', async () => {
    for (const origin of [app.url, `http://127.0.0.1:${app.port}`]) {
      const reply = await api(app, '/api/sessions', {
        body: { scenario: 'ring-road', players: 1 },
        headers: { Origin: origin },
      });
      expect(reply.status, origin).toBe(201);
    }
    expect((await api(app, '/health')).status).toBe(200);
    const lookalike = await api(app, '/health', { headers: { Origin: `http://localhost:${app.port}.evil.example` } });
    expect(lookalike.status).toBe(403);
  });

  it('refuses a Socket.IO connection from a foreign Origin', async () => {
    const attempt = (origin: string | undefined) =>
      new Promise<'connected' | 'refused'>((resolve) => {
        const socket = io(`${app.url}/kanban-cascade`, {
          transports: ['polling'],
          reconnection: false,
          timeout: 3000,
          ...(origin ? { extraHeaders: { Origin: origin } } : {}),
        });
        socket.on('connect', () => {
          socket.close();
          resolve('connected');
        });
        socket.on('connect_error', () => {
          socket.close();
          resolve('refused');
        });
      });
    expect(await attempt('http://evil.example')).toBe('refused');
    expect(await attempt(app.url)).toBe('connected');
    expect(await attempt(undefined)).toBe('connected');
  });
});

describe('S-API14 the Lobby cannot bypass the session API', () => {
  // boardgame.io's Lobby routes are served on the same port; the matchID is public
  // (GET /api/sessions/:code), so anyone with the join code can call them.
  it('refuses a Lobby join or rename with a name the session API refuses', async () => {
    const s = await createSession(app, { scenario: 'two-inputs', players: 2 });
    const bad = '<img src=x onerror=alert(1)>' + 'x'.repeat(100);
    const join = await api<{ playerID?: string; playerCredentials?: string }>(
      app,
      `/games/kanban-cascade/${s.matchID}/join`,
      { body: { playerName: bad } },
    );
    const ok = await joinSession(app, s.code, 'Fair');
    const rename = await api(app, `/games/kanban-cascade/${s.matchID}/update`, {
      body: { playerID: Number(ok.seat), credentials: ok.credentials, newName: bad },
    });
    const info = await api<{ players: { name: string }[] }>(app, `/api/sessions/${s.code}`);
    const names = info.json.players.map((p) => p.name);
    expect(
      names.filter((n) => n.length > 40 || /[<>]/.test(n)),
      `Lobby join answered ${join.status}, update ${rename.status}; the session lists ${JSON.stringify(names).slice(0, 120)}`,
    ).toEqual([]);
  });
});

describe('S-API14 a Lobby leave and the session', () => {
  it('keeps the session readable after the facilitator seat leaves through the Lobby', async () => {
    const s = await createSession(app, { scenario: 'two-inputs', players: 2 });
    const leave = await api(app, `/games/kanban-cascade/${s.matchID}/leave`, {
      body: { playerID: '0', credentials: s.credentials },
    });
    const info = await api(app, `/api/sessions/${s.code}`);
    const join = await api(app, `/api/sessions/${s.code}/join`, { body: { name: 'After' } });
    expect(
      [info.status, join.status],
      `Lobby leave answered ${leave.status}; match still stored: ${String(app.storage.rawState(s.matchID) !== undefined)}`,
    ).not.toContain(500);
  });
});

describe('S-API15 join: ended sessions and concurrent joins', () => {
  it('answers 409 once the session has ended', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 1 });
    await app.steward.move(s.matchID, 'start', []);
    await app.steward.move(s.matchID, 'endGame', []);
    expect(app.storage.rawState(s.matchID)!.ctx.gameover).toBeDefined();
    const reply = await api<{ error: string }>(app, `/api/sessions/${s.code}/join`, { body: { name: 'Late' } });
    expect(reply.status).toBe(409);
    expect(reply.json.error).toMatch(/has ended/);
  });

  it('gives 12 concurrent joiners 12 distinct seats and the 13th a 409', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 3 });
    const replies = await Promise.all(
      Array.from({ length: 13 }, (_, i) =>
        api<Joined>(app, `/api/sessions/${s.code}/join`, { body: { name: `P${i}` } }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([...Array(12).fill(200), 409]);
    const seats = replies.filter((r) => r.status === 200).map((r) => Number(r.json.seat));
    expect(new Set(seats).size).toBe(12);
    const meta = app.storage.fetch(s.matchID, { metadata: true }).metadata;
    for (const r of replies.filter((x) => x.status === 200))
      expect(meta.players[Number(r.json.seat)]!.credentials).toBe(r.json.credentials);
  });
});
