import { describe, expect, it } from 'vitest';
import { type FetchLike, createApi, errorMessage, qrUrl } from '../../client/app/api';
import { fieldOf } from '../../client/app/failure';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(status: number, body: unknown, calls: Call[] = []): FetchLike {
  return async (url, init) => {
    calls.push({ url, init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  };
}

const scenario = {
  id: 'two-inputs',
  title: 'Two inputs',
  story: 'Twelve workshops…',
  learningGoal: 'Below a critical bin size…',
  questions: ['When?'],
  workshops: 12,
  rounds: 30,
  criticalBuffer: 1.852,
  mechanics: { kaizen: false, workers: true },
  trouble: 'faces:0,0,0,1,1,2!',
  hasNewRoad: false,
};

describe('the session API client', () => {
  it('parses the scenarios, with mechanics as a list and the critical buffer in hours', async () => {
    const r = await createApi(fakeFetch(200, [scenario])).scenarios();
    expect(r).toEqual({
      ok: true,
      value: [{ ...scenario, mechanics: ['workers'], criticalBuffer: 1.852 }],
    });
  });

  it('accepts a critical buffer given as the scenario file object', async () => {
    const r = await createApi(
      fakeFetch(200, [{ ...scenario, criticalBuffer: { value: 2.2, standardError: 0.01 } }]),
    ).scenarios();
    expect(r.ok && r.value[0]!.criticalBuffer).toBe(2.2);
  });

  it('posts JSON to create a session and returns the facilitator seat', async () => {
    const calls: Call[] = [];
    const created = {
      code: 'K7MPQ2',
      matchID: 'm',
      seat: '0',
      credentials: 'c',
      joinUrl: 'http://x/join/K7MPQ2',
      facilitatorUrl: '',
    };
    const r = await createApi(fakeFetch(201, created, calls), 'http://x').createSession({
      scenario: 'two-inputs',
      players: 3,
    });
    expect(r).toEqual({ ok: true, value: created });
    expect(calls[0]!.url).toBe('http://x/api/sessions');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ scenario: 'two-inputs', players: 3 });
  });

  it('reports the server error message with its status', async () => {
    const r = await createApi(fakeFetch(409, { error: 'every workshop of this session is taken' })).join(
      'K7MPQ2',
      'Ada',
    );
    expect(r).toEqual({
      ok: false,
      failure: { kind: 'http', status: 409, message: 'every workshop of this session is taken' },
    });
  });

  it('reports an error without a JSON body by its status', async () => {
    const r = await createApi(fakeFetch(502, '<html>Bad gateway</html>')).session('K7MPQ2');
    expect(r).toEqual({ ok: false, failure: { kind: 'http', status: 502, message: 'HTTP 502' } });
    expect(errorMessage({ error: '' }, 400)).toBe('HTTP 400');
  });

  it('reports a network failure', async () => {
    const r = await createApi(async () => {
      throw new TypeError('Failed to fetch');
    }).scenarios();
    expect(r).toEqual({ ok: false, failure: { kind: 'network' } });
  });

  it('reports an answer of the wrong shape', async () => {
    expect(await createApi(fakeFetch(200, { not: 'a list' })).scenarios()).toEqual({
      ok: false,
      failure: { kind: 'format' },
    });
    expect(await createApi(fakeFetch(200, { code: 'X' })).join('X', 'Ada')).toEqual({
      ok: false,
      failure: { kind: 'format' },
    });
  });

  it('parses a joined seat before the start, when the workshop has no id or name yet', async () => {
    const body = {
      code: 'K7MPQ2',
      matchID: 'm',
      seat: '4',
      credentials: 'c',
      workshop: { index: 3, id: null, name: null },
    };
    const r = await createApi(fakeFetch(200, body)).join('K7MPQ2', 'Ada');
    expect(r).toEqual({ ok: true, value: { ...body, workshop: { index: 3, id: '', name: '' } } });
  });

  it('parses a session with its players and expected number of players', async () => {
    const body = {
      code: 'K7MPQ2',
      matchID: 'm',
      scenario: { id: 'two-inputs', title: 'Two inputs', learningGoal: 'g' },
      workshops: 12,
      rounds: 30,
      roundSeconds: 60,
      expectedPlayers: 3,
      players: [{ seat: '1', name: 'Ada', connected: true }, { bad: true }],
    };
    const r = await createApi(fakeFetch(200, body)).session('K7MPQ2');
    expect(r.ok && r.value.players).toEqual([{ seat: '1', name: 'Ada', connected: true }]);
    expect(r.ok && r.value.expectedPlayers).toBe(3);
  });

  it('escapes the code in paths', async () => {
    const calls: Call[] = [];
    await createApi(fakeFetch(404, { error: 'no session' }, calls)).session('A/B');
    expect(calls[0]!.url).toBe('/api/sessions/A%2FB');
    expect(qrUrl('K7MPQ2')).toBe('/api/sessions/K7MPQ2/qr.svg');
  });

  it('leaves with the seat and credentials', async () => {
    const calls: Call[] = [];
    const r = await createApi(fakeFetch(200, { ok: true }, calls)).leave('K7MPQ2', '4', 'c');
    expect(r).toEqual({ ok: true, value: true });
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ seat: '4', credentials: 'c' });
  });
});

describe('which form field an API error names', () => {
  const fields = ['scenario', 'players', 'rounds', 'roundSeconds'] as const;
  // The English names another field on purpose: only `field` counts.
  const http = (field: string | null) =>
    ({
      kind: 'http',
      status: 400,
      message: 'rounds players scenario',
      refusal: { code: 'players.range', field, params: {} },
    }) as const;

  it('takes the field of the refusal', () => {
    expect(fieldOf(http('players'), fields)).toBe('players');
    expect(fieldOf(http('roundSeconds'), fields)).toBe('roundSeconds');
  });

  it('answers null for a field the form does not have, no field, no code, or a failure that is not an HTTP error', () => {
    expect(fieldOf(http('spec.bin'), fields)).toBeNull();
    expect(fieldOf(http(null), fields)).toBeNull();
    expect(fieldOf({ kind: 'http', status: 400, message: 'players must be from 1 to 12' }, fields)).toBeNull();
    expect(fieldOf({ kind: 'network' }, fields)).toBeNull();
  });
});
