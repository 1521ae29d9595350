/**
 * Every refusal of a request is data (game/contract/requestRefusals.ts): `{error, code, field,
 * ...params}`, with the English of its code and the request field at fault. One bad request of
 * each family: the body, sessions and setup, names, seats and the debrief, challenges, hosts and
 * origins, limits, the Lobby gate.
 */
import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RequestRefusal, requestRefusalText } from '../../game/contract/requestRefusals';
import { type Created, type TestApp, api, createSession, withTestApp } from './helpers';

type Body = RequestRefusal & { error: string };

let app: TestApp;
withTestApp((a) => (app = a), { limits: { creations: { burst: 40, perSecond: 0.01 } } });

/** The answer is exactly a refusal: its status, code, field, and the English of that code. */
async function refused(
  path: string,
  init: Parameters<typeof api>[2],
  status: number,
  expected: Partial<RequestRefusal> & Pick<RequestRefusal, 'code' | 'field'>,
): Promise<Body> {
  const reply = await api<Body>(app, path, init);
  expect(reply.status, JSON.stringify(reply.json)).toBe(status);
  expect(reply.json).toMatchObject(expected);
  const { error, ...refusal } = reply.json;
  expect(Object.keys(reply.json).slice(0, 3)).toEqual(['error', 'code', 'field']);
  expect(error).toBe(requestRefusalText(refusal));
  return reply.json;
}

const json = { 'content-type': 'application/json' };

describe('body refusals', () => {
  it('names a body that is not JSON, too large or malformed', async () => {
    await refused('/api/sessions', { raw: '{}', headers: { 'content-type': 'text/plain' } }, 415, {
      code: 'body.notJson',
      field: null,
    });
    await refused('/api/sessions', { raw: `"${'x'.repeat(20_000)}"`, headers: json }, 413, {
      code: 'body.tooLarge',
      field: null,
      limit: 16384,
    });
    await refused('/api/sessions', { raw: '{"scenario":', headers: json }, 400, { code: 'body.badJson', field: null });
    await refused('/api/sessions', { body: [1] }, 400, { code: 'body.shape', field: null });
    await refused('/api/sessions', { body: { scenario: 'two-inputs', players: 2, humanSeats: 3 } }, 400, {
      code: 'body.unknownField',
      field: null,
      name: 'humanSeats',
    });
  });
});

describe('session refusals name the form field', () => {
  const create = (body: Record<string, unknown>) => ({ body: { scenario: 'two-inputs', players: 2, ...body } });
  it.each([
    ['players out of range', { players: 13 }, { code: 'players.range', field: 'players', min: 1, max: 12 }],
    ['players as text', { players: '3' }, { code: 'players.range', field: 'players' }],
    ['an unknown scenario', { scenario: 'moon-base' }, { code: 'scenario.unknown', field: 'scenario' }],
    ['rounds 0', { rounds: 0 }, { code: 'rounds.range', field: 'rounds', min: 1, max: 500 }],
    ['a 5 s timer', { roundSeconds: 5 }, { code: 'roundSeconds.range', field: 'roundSeconds', min: 10, max: 3600 }],
    ['an unknown autopilot', { autopilot: 'greedy' }, { code: 'setup.invalid', field: 'autopilot' }],
    ['a new road the scenario lacks', { newRoad: true }, { code: 'setup.invalid', field: 'newRoad' }],
  ] as const)('%s', async (_what, body, expected) => {
    await refused('/api/sessions', create(body), 400, expected);
  });

  it('names the join code and the name', async () => {
    await refused('/api/sessions/K7M', {}, 400, { code: 'code.malformed', field: 'code', length: 6 });
    await refused('/api/sessions/ZZZZZZ', {}, 404, { code: 'session.unknown', field: 'code', joinCode: 'ZZZZZZ' });
    const s = await createSession(app, { scenario: 'two-inputs', players: 2 });
    await refused(`/api/sessions/${s.code}/join`, { body: { name: '<b>' } }, 400, {
      code: 'name.invalid',
      field: 'name',
      fault: 'characters',
    });
    await refused(`/api/sessions/${s.code}/leave`, { body: { seat: '1', credentials: 'x' } }, 403, {
      code: 'seat.credentials',
      field: null,
    });
  });
});

describe('debrief refusals', () => {
  let s: Created;
  beforeAll(async () => {
    s = await createSession(app, { scenario: 'ring-road', players: 1 });
  });
  it('names the seat, the spec field, and the state of the game', async () => {
    const at = (route: string) => `/api/sessions/${s.code}/${route}`;
    await refused(at('debrief'), { body: { seat: '0', credentials: s.credentials } }, 403, {
      code: 'debrief.notStarted',
      field: null,
    });
    await refused(at('debrief'), { body: { seat: 'x', credentials: 'y' } }, 400, {
      code: 'seat.malformed',
      field: 'seat',
    });
    await app.steward.move(s.matchID, 'start', []);
    await refused(
      at('counterfactual'),
      { body: { seat: '0', credentials: s.credentials, spec: { kind: 'uniform', bin: -1 } } },
      400,
      {
        code: 'spec.bin',
        field: 'spec.bin',
        max: 6,
      },
    );
    await refused(at('debrief'), { body: { seat: '0', credentials: 'wrong' } }, 401, {
      code: 'seat.credentials',
      field: null,
    });
  });
});

describe('challenge refusals', () => {
  it('names the mode, the name, the entry id and the scenario', async () => {
    await refused('/api/challenges', { body: { scenario: 'ring-road', name: 'A', players: 2 } }, 400, {
      code: 'challenge.mode',
      field: null,
      both: true,
    });
    await refused('/api/challenges', { body: { scenario: 'ring-road', name: ' ' } }, 400, {
      code: 'name.invalid',
      field: 'name',
    });
    await refused('/api/challenges/entries/xyz', {}, 400, { code: 'entry.malformed', field: 'id' });
    await refused('/api/challenges/moon-base/leaderboard', {}, 404, { code: 'challenge.unknown', field: null });
  });
});

describe('gate refusals: origins, hosts, the Lobby', () => {
  it('refuses a foreign origin and a Lobby request with codes', async () => {
    await refused('/api/scenarios', { headers: { origin: 'http://evil.example' } }, 403, {
      code: 'origin.refused',
      field: null,
    });
    await refused('/games/kanban-cascade/nope/playAgain', { body: {} }, 403, { code: 'lobby.playAgain', field: null });
    const { matchID } = await createSession(app, { scenario: 'two-inputs', players: 2 });
    await refused(
      `/games/kanban-cascade/${matchID}/update`,
      { body: { playerID: '__proto__', credentials: 'x' } },
      400,
      {
        code: 'lobby.seat',
        field: 'playerID',
      },
    );
    await refused(
      `/games/kanban-cascade/${matchID}/update`,
      { body: { playerID: '1', credentials: 'x', newName: '<' } },
      400,
      {
        code: 'name.invalid',
        field: 'newName',
      },
    );
  });

  it('refuses an unknown host (421) with a code', async () => {
    const reply = await new Promise<{ status: number; body: Body }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: app.port, path: '/health', headers: { host: 'evil.example' } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(reply.status).toBe(421);
    expect(reply.body).toMatchObject({ code: 'host.unknown', field: null, host: 'evil.example' });
  });
});

describe('limit refusals', () => {
  let limited: TestApp;
  withTestApp((a) => (limited = a), { limits: { creations: { burst: 1, perSecond: 0.001 } } });
  it('names the limit and when to retry', async () => {
    const body = { scenario: 'two-inputs', players: 2 };
    expect((await api(limited, '/api/sessions', { body })).status).toBe(201);
    const reply = await api<Body>(limited, '/api/sessions', { body });
    expect(reply.status).toBe(429);
    expect(reply.json).toMatchObject({ code: 'rate.limited', field: null, limit: 'creations' });
    expect(reply.json.error).toBe(requestRefusalText(reply.json));
  });
});
