/**
 * The debrief API (docs/API.md "Debrief") against a real server on a free port, a real SQLite
 * file and a real socket client for the player who commits.
 *
 * S-DBF1 Access: the facilitator (seat "0") gets the debrief any time after the start (403 before);
 *        a player only once the game is over (403 during play: it would show other workshops'
 *        hidden state); wrong credentials, another seat's, an unjoined seat: 401.
 * S-DBF2 The debrief is the full history of the stored state, with the players' names on their
 *        workshops; it never contains the match seed or anyone's credentials.
 * S-DBF3 Malformed requests are 4xx with a message (not an object, unknown field, seat not a seat
 *        number, invalid JSON, wrong content type, bad or unknown code); the server keeps serving.
 * S-DBF4 Counterfactuals: "actual" replays the real decisions and equals the real history; other
 *        kinds change the decisions on the same dice; the same access rule applies.
 * S-DBF5 Counterfactual specs are validated: kind, bin finite 0..maxBin, workshop a whole index of
 *        the network, no unknown fields (400 with the reason).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compactHistory } from '../../game/debrief/counterfactual';
import type { CompactRound } from '../../game/debrief/counterfactual';
import type { DebriefData } from '../../game/debrief/types';
import { compactHistory as compact, counterfactual as replay } from '../../game/debrief/counterfactual';
import { sameSecret } from '../../server/credentials';
import { Lru, ReplayRunner, replayEstimateMs } from '../../server/debrief';
import { silentLogger } from '../../server/log';
import {
  type Created,
  type Joined,
  type SeatView,
  type TestApp,
  api,
  connectSeat,
  createSession,
  decision,
  joinSession,
  rawState,
  withTestApp,
  stopAllClients,
  waitFor,
} from './helpers';

let app: TestApp;
withTestApp((started) => (app = started));
afterEach(() => stopAllClients());

type Err = { error: string };
const debrief = (code: string, body: unknown) => api<DebriefData & Err>(app, `/api/sessions/${code}/debrief`, { body });
const counterfactual = (code: string, body: unknown) =>
  api<{ spec: unknown; rounds: CompactRound[] } & Err>(app, `/api/sessions/${code}/counterfactual`, { body });

/**
 * A two-inputs session (12 workshops): Ada joined and connected (she commits bin 5 every round,
 * which closes the round since she is the only present human), Bo joined but never connected.
 * After `rounds` rounds the game is still running.
 */
async function playedSession(rounds: number) {
  const s = await createSession(app, { scenario: 'two-inputs', players: 2, rounds: 8 });
  const ada = await joinSession(app, s.code, 'Ada');
  const bo = await joinSession(app, s.code, 'Bo "the builder" & co');
  const before = await debrief(s.code, { seat: '0', credentials: s.credentials });
  const client = connectSeat(app, { matchID: s.matchID, seat: ada.seat, credentials: ada.credentials });
  await client.until((v) => v.status === 'setup', 'synced');
  await app.steward.move(s.matchID, 'start', []);
  // Every seat but Ada's turns absent (unjoined at once, Bo after the grace period).
  await waitFor(() => rawState(app, s.matchID).G.absent.length === 11, 'every seat but Ada absent');
  for (let r = 1; r <= rounds; r++) {
    const view = await client.until<SeatView>((v) => v.round === r && !v.committed, `round ${r}`);
    client.move('commit', r, decision(view, 5));
    await waitFor(() => rawState(app, s.matchID).G.history.length === r, `round ${r} resolved`);
  }
  return { s, ada, bo, before };
}

describe('S-DBF1 access', () => {
  let s: Created;
  let ada: Joined;
  let bo: Joined;
  beforeAll(async () => {
    const played = await playedSession(3);
    ({ s, ada, bo } = played);
    expect(played.before.status).toBe(403);
    expect(played.before.json.error).toMatch(/has not started/);
  });

  it('gives the facilitator the debrief during play', async () => {
    const reply = await debrief(s.code, { seat: '0', credentials: s.credentials });
    expect(reply.status).toBe(200);
    expect(reply.json.status).toBe('playing');
    expect(reply.json.history).toHaveLength(3);
  });

  it('refuses a player during play with 403 and says why', async () => {
    for (const j of [ada, bo]) {
      const reply = await debrief(s.code, { seat: j.seat, credentials: j.credentials });
      expect(reply.status).toBe(403);
      expect(reply.json.error).toMatch(/opens when the game is over/);
      expect(reply.text).not.toContain('history');
      const cf = await counterfactual(s.code, { seat: j.seat, credentials: j.credentials, spec: { kind: 'actual' } });
      expect(cf.status).toBe(403);
    }
  });

  it('answers 401 for credentials that do not hold the seat', async () => {
    const wrong = [
      { seat: '0', credentials: ada.credentials },
      { seat: ada.seat, credentials: bo.credentials },
      { seat: ada.seat, credentials: 'nope' },
      { seat: ada.seat, credentials: '' },
      { seat: '2', credentials: '' },
      { seat: '99', credentials: s.credentials },
      { seat: '0', credentials: s.credentials.toUpperCase() },
    ];
    for (const body of wrong) {
      const reply = await debrief(s.code, body);
      expect(reply.status, JSON.stringify(body)).toBe(401);
      expect(reply.json).toEqual({
        error: 'these credentials do not hold that seat',
        code: 'seat.credentials',
        field: null,
      });
      const cf = await counterfactual(s.code, { ...body, spec: { kind: 'actual' } });
      expect(cf.status, JSON.stringify(body)).toBe(401);
    }
  });

  it('opens the debrief to players once the game is over, the same as the facilitator’s', async () => {
    await app.steward.move(s.matchID, 'endGame', []);
    expect(rawState(app, s.matchID).G.status).toBe('over');
    const facilitator = await debrief(s.code, { seat: '0', credentials: s.credentials });
    for (const j of [ada, bo]) {
      const reply = await debrief(s.code, { seat: j.seat, credentials: j.credentials });
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual(facilitator.json);
      expect(reply.json.status).toBe('over');
    }
    // Wrong credentials stay wrong after the end.
    expect((await debrief(s.code, { seat: ada.seat, credentials: bo.credentials })).status).toBe(401);
  });
});

describe('S-DBF2 content', () => {
  it('is the stored history in full, with names, without the seed or credentials', async () => {
    const { s, ada, bo } = await playedSession(2);
    const reply = await debrief(s.code, { seat: '0', credentials: s.credentials });
    expect(reply.status).toBe(200);
    const g = rawState(app, s.matchID).G;
    const data = reply.json;
    expect(data.format).toBe('kanban-cascade-debrief/1');
    expect(data.history).toEqual(g.history);
    expect(data.config).toEqual(g.config);
    expect(data.round).toBe(g.round);
    expect(data.workshops).toHaveLength(12);
    expect(data.workshops.map((w) => w.id)).toEqual(g.workshops.map((w) => w.id));
    const players = data.workshops.filter((w) => w.player !== null);
    expect(players).toEqual([
      expect.objectContaining({ index: Number(ada.seat) - 1, player: 'Ada' }),
      expect.objectContaining({ index: Number(bo.seat) - 1, player: 'Bo "the builder" & co' }),
    ]);
    // Ada's commits (bin 5) are in the record from round 2 on; round 1 ran on the starting bins.
    expect(data.history[1]!.workshops[Number(ada.seat) - 1]!.bins.every((b) => b === 5)).toBe(true);
    expect(g.secret.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(reply.text).not.toContain(g.secret.seed);
    for (const secret of [s.credentials, ada.credentials, bo.credentials]) expect(reply.text).not.toContain(secret);
    expect(reply.text).not.toMatch(/"secret"|credentials/);
    expect(reply.type).toMatch(/^application\/json/);
  });
});

describe('S-DBF3 malformed requests', () => {
  let s: Created;
  beforeAll(async () => {
    s = await createSession(app, { scenario: 'ring-road', players: 1 });
    await app.steward.move(s.matchID, 'start', []);
  });

  it.each([
    ['an array', [{ seat: '0' }], /send \{"seat", "credentials"\}/],
    ['null', null, /send \{"seat", "credentials"\}/],
    ['no credentials', { seat: '0' }, /send \{"seat", "credentials"\}/],
    ['a numeric seat', { seat: 0, credentials: 'x' }, /send \{"seat", "credentials"\}/],
    ['credentials not text', { seat: '0', credentials: 7 }, /send \{"seat", "credentials"\}/],
    ['an unknown field', { seat: '0', credentials: 'x', admin: true }, /unknown field "admin"/],
    ['a seat like __proto__', { seat: '__proto__', credentials: 'x' }, /seat must be a seat number/],
    ['a seat like 1.5', { seat: '1.5', credentials: 'x' }, /seat must be a seat number/],
    ['a negative seat', { seat: '-1', credentials: 'x' }, /seat must be a seat number/],
  ])('%s: 400 with a message', async (_what, body, message) => {
    const reply = await debrief(s.code, body);
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatch(message);
  });

  it('refuses a spec on the debrief route (it takes none)', async () => {
    const reply = await debrief(s.code, { seat: '0', credentials: s.credentials, spec: { kind: 'actual' } });
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatch(/unknown field "spec"/);
  });

  it('checks the body, the code and the session like the rest of the API', async () => {
    for (const path of ['debrief', 'counterfactual']) {
      const bad = await api<Err>(app, `/api/sessions/${s.code}/${path}`, {
        raw: '{"seat": "0",',
        headers: { 'content-type': 'application/json' },
      });
      expect(bad.status).toBe(400);
      expect(bad.json.error).toMatch(/not valid JSON/);
      const text = await api<Err>(app, `/api/sessions/${s.code}/${path}`, {
        raw: JSON.stringify({ seat: '0', credentials: s.credentials }),
        headers: { 'content-type': 'text/plain' },
      });
      expect(text.status).toBe(415);
      const big = await api<Err>(app, `/api/sessions/${s.code}/${path}`, {
        body: { seat: '0', credentials: 'x'.repeat(20_000) },
      });
      expect(big.status).toBe(413);
      const malformed = await api<Err>(app, `/api/sessions/abc/${path}`, { body: { seat: '0', credentials: 'x' } });
      expect(malformed.status).toBe(400);
      expect(malformed.json.error).toMatch(/6 letters and digits/);
      const unknown = await api<Err>(app, `/api/sessions/ZZZZZZ/${path}`, { body: { seat: '0', credentials: 'x' } });
      expect(unknown.status).toBe(404);
      const get = await api(app, `/api/sessions/${s.code}/${path}`);
      expect(get.status).toBe(405);
    }
    expect((await api(app, '/health')).status).toBe(200);
  });
});

describe('S-DBF4 counterfactuals', () => {
  let s: Created;
  let ada: Joined;
  beforeAll(async () => {
    ({ s, ada } = await playedSession(4));
  });

  it('"actual" equals the real history, round by round', async () => {
    const reply = await counterfactual(s.code, { seat: '0', credentials: s.credentials, spec: { kind: 'actual' } });
    expect(reply.status).toBe(200);
    const history = rawState(app, s.matchID).G.history;
    expect(reply.json.spec).toEqual({ kind: 'actual' });
    expect(reply.json.rounds).toEqual(compactHistory(history));
    expect(reply.json.rounds).toHaveLength(4);
    // Checked against the raw records too, not only through compactHistory.
    reply.json.rounds.forEach((r, i) => {
      const h = history[i]!;
      expect(r.round).toBe(h.round);
      expect(r.meanLateness).toBe(h.meanLateness);
      expect(r.breachRate).toBe(h.breachRate);
      expect(r.meanBin).toBe(h.meanBin);
      expect(r.lateness).toEqual(h.workshops.map((w) => w.lateness));
      expect(r.binding).toEqual(h.workshops.map((w) => w.binding));
    });
  });

  it('replays the same dice with other decisions: generous bins lower the lateness', async () => {
    const { maxBin } = rawState(app, s.matchID).G.config;
    const actual = await counterfactual(s.code, { seat: '0', credentials: s.credentials, spec: { kind: 'actual' } });
    const generous = await counterfactual(s.code, {
      seat: '0',
      credentials: s.credentials,
      spec: { kind: 'uniform', bin: maxBin },
    });
    expect(generous.status).toBe(200);
    expect(generous.json.spec).toEqual({ kind: 'uniform', bin: maxBin });
    expect(generous.json.rounds).toHaveLength(4);
    const sum = (rounds: CompactRound[], f: (r: CompactRound) => number) => rounds.reduce((a, r) => a + f(r), 0);
    expect(sum(generous.json.rounds, (r) => r.meanBin)).toBeGreaterThan(sum(actual.json.rounds, (r) => r.meanBin));
    expect(sum(generous.json.rounds, (r) => r.meanLateness)).toBeLessThanOrEqual(
      sum(actual.json.rounds, (r) => r.meanLateness),
    );
    for (const spec of [{ kind: 'bots' }, { kind: 'raise', workshop: 3, bin: 4 }, { kind: 'uniform' }]) {
      const reply = await counterfactual(s.code, { seat: '0', credentials: s.credentials, spec });
      expect(reply.status, JSON.stringify(spec)).toBe(200);
      expect(reply.json.rounds).toHaveLength(4);
    }
  });

  it('defaults a uniform bin to 1.25 times the critical buffer', async () => {
    const { config } = rawState(app, s.matchID).G;
    const reply = await counterfactual(s.code, {
      seat: '0',
      credentials: s.credentials,
      spec: { kind: 'uniform' },
    });
    expect(reply.json.spec).toEqual({ kind: 'uniform', bin: 1.25 * config.criticalBuffer! });
  });

  it('answers the same for a repeated request (cached) and follows the game once it moves on', async () => {
    const body = { seat: '0', credentials: s.credentials, spec: { kind: 'raise', workshop: 0, bin: 3 } };
    const first = await counterfactual(s.code, body);
    const second = await counterfactual(s.code, body);
    expect(second.json).toEqual(first.json);
    await app.steward.move(s.matchID, 'closeRound', [5]);
    await waitFor(() => rawState(app, s.matchID).G.history.length === 5, 'round 5 resolved');
    const third = await counterfactual(s.code, body);
    expect(third.json.rounds).toHaveLength(5);
    expect(third.json.rounds.slice(0, 4)).toEqual(first.json.rounds);
  });

  it('opens to the player once the game is over', async () => {
    const body = { seat: ada.seat, credentials: ada.credentials, spec: { kind: 'bots' } };
    expect((await counterfactual(s.code, body)).status).toBe(403);
    await app.steward.move(s.matchID, 'endGame', []);
    const reply = await counterfactual(s.code, body);
    expect(reply.status).toBe(200);
    expect(reply.json.rounds).toHaveLength(rawState(app, s.matchID).G.history.length);
    expect(reply.text).not.toContain(rawState(app, s.matchID).G.secret.seed);
  });
});

describe('S-DBF5 counterfactual specs', () => {
  let s: Created;
  let maxBin: number;
  beforeAll(async () => {
    s = await createSession(app, { scenario: 'ring-road', players: 1, rounds: 3 });
    await app.steward.move(s.matchID, 'start', []);
    await app.steward.move(s.matchID, 'closeRound', [1]);
    maxBin = rawState(app, s.matchID).G.config.maxBin;
  });

  const cases: [string, unknown, RegExp][] = [
    ['no spec', undefined, /spec must be an object/],
    ['a spec that is text', 'actual', /spec must be an object/],
    ['an array', [{ kind: 'actual' }], /spec must be an object/],
    ['an unknown kind', { kind: 'magic' }, /spec.kind must be "actual", "bots", "uniform" or "raise"/],
    ['a prototype kind', { kind: 'constructor' }, /spec.kind must be/],
    ['no kind', { bin: 2 }, /spec.kind must be/],
    ['an extra field', { kind: 'actual', bin: 2 }, /the "actual" spec takes only kind \(not "bin"\)/],
    ['a negative bin', { kind: 'uniform', bin: -1 }, /spec.bin must be a number of hours from 0 to 6/],
    ['a bin above the maximum', { kind: 'uniform', bin: 6.01 }, /from 0 to 6/],
    ['a bin as text', { kind: 'uniform', bin: '2' }, /spec.bin must be a number/],
    ['a null bin', { kind: 'uniform', bin: null }, /spec.bin must be a number/],
    ['raise without a bin', { kind: 'raise', workshop: 1 }, /spec.bin must be a number/],
    ['raise without a workshop', { kind: 'raise', bin: 2 }, /spec.workshop must be a workshop index from 0 to 11/],
    ['a workshop past the end', { kind: 'raise', workshop: 12, bin: 2 }, /from 0 to 11/],
    ['a negative workshop', { kind: 'raise', workshop: -1, bin: 2 }, /from 0 to 11/],
    ['a fractional workshop', { kind: 'raise', workshop: 1.5, bin: 2 }, /from 0 to 11/],
    ['a workshop as text', { kind: 'raise', workshop: '1', bin: 2 }, /from 0 to 11/],
  ];
  it.each(cases)('%s: 400', async (_what, spec, message) => {
    expect(maxBin).toBe(6);
    const reply = await counterfactual(s.code, {
      seat: '0',
      credentials: s.credentials,
      ...(spec !== undefined ? { spec } : {}),
    });
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatch(message);
  });

  it('refuses an infinite bin (1e999 in the JSON text) and accepts the bounds 0 and maxBin', async () => {
    const raw = `{"seat":"0","credentials":"${s.credentials}","spec":{"kind":"uniform","bin":1e999}}`;
    const inf = await api<Err>(app, `/api/sessions/${s.code}/counterfactual`, {
      raw,
      headers: { 'content-type': 'application/json' },
    });
    expect(inf.status).toBe(400);
    expect(inf.json.error).toMatch(/spec.bin must be a number/);
    for (const bin of [0, maxBin]) {
      const reply = await counterfactual(s.code, {
        seat: '0',
        credentials: s.credentials,
        spec: { kind: 'uniform', bin },
      });
      expect(reply.status, String(bin)).toBe(200);
    }
    expect((await api(app, '/health')).status).toBe(200);
  });
});

describe('S-DBF6 long replays run in a worker thread', () => {
  it('gives the same rounds as in-process, off the event loop', async () => {
    const { s } = await playedSession(3);
    const g = rawState(app, s.matchID).G;
    const runner = new ReplayRunner(0, silentLogger);
    try {
      for (const spec of [{ kind: 'bots' }, { kind: 'uniform', bin: 2 }] as const) {
        const { rounds, where } = await runner.run(g, spec);
        expect(where).toBe('worker');
        expect(rounds).toEqual(compact(replay(g, spec)));
      }
    } finally {
      await runner.close();
    }
    // Small replays stay in-process (no worker is started for them).
    const small = new ReplayRunner(20, silentLogger);
    expect(replayEstimateMs(g, { kind: 'bots' })).toBeLessThan(20);
    expect((await small.run(g, { kind: 'bots' })).where).toBe('process');
    await small.close();
  });
});

describe('S-DBF helpers', () => {
  it('Lru keeps the most recently used entries', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.length).toBe(2);
  });

  it('sameSecret compares secrets of any length', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', '')).toBe(true);
  });
});
