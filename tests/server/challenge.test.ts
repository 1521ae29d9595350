/**
 * Challenges (docs/API.md "Challenges") against a real server on a free port and a real SQLite
 * file: solo challenges played over a real socket client and by the server's own steward, a table
 * challenge ended early, the leaderboard, the replay endpoint and a restart on the same data.
 *
 * S-CH1 GET /api/challenges lists every scenario with its published seed (challenge-<id>-1),
 *       rounds, workshops, critical buffer and best valid entry.
 * S-CH2 POST /api/challenges {scenario, name}: a solo match on the challenge seed, the scenario's
 *       rounds, no timer, the human's seat joined, started by the server, every other workshop on
 *       autopilot; answers 201 {code, matchID, seat, credentials, workshop}.
 * S-CH3 POST /api/challenges {scenario, players}: a table session on the challenge seed with the
 *       facilitator's credentials, joined through the session API.
 * S-CH4 Bad creates are 400 with a message and create nothing.
 * S-CH5 When a challenge match is over the server records exactly one leaderboard entry whose
 *       score is challengeScore of the real history; names are stored and returned as data.
 * S-CH6 A challenge the facilitator ends before the last round is recorded as invalid, with why.
 * S-CH7 The leaderboard lists valid entries by score ascending, then invalid ones; unknown
 *       scenarios 404.
 * S-CH8 GET /api/challenges/entries/:id replays an entry (entry + DebriefData) for anyone;
 *       malformed ids 400, unknown ones 404.
 * S-CH9 A restart on the same data keeps every entry and records no duplicate.
 * S-CH10 GET /api/challenges/matches/:matchID: a finished challenge match's verdict (recorded on
 *       demand), with the B_c of its score; unknown ids 404.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { historyDigest } from '../../game/core/headless';
import { diceStream, roll } from '../../game/core/resolve';
import { SCENARIOS } from '../../game/core/scenarios';
import type { G } from '../../game/core/types';
import { challengeCriticalBuffer } from '../../game/core/scenario';
import { challengeSeed, challengeVerdict } from '../../game/debrief/score';
import type { DebriefData } from '../../game/debrief/types';
import {
  type Joined,
  type SeatView,
  type TestApp,
  api,
  connectSeat,
  joinSession,
  rawState,
  startTestApp,
  withTestApp,
  stopAllClients,
  waitFor,
} from './helpers';

let app: TestApp;
// Each attempt's secret dice come from a fixed sequence, so the leaderboard's order is the same on
// every run (with the server's real seed source each attempt rolls other dice).
let seeds = 0;
withTestApp((started) => (app = started), { drawSeed: () => `test-dice-${++seeds}` });
afterEach(() => stopAllClients());

type Err = { error: string };
interface Solo extends Joined {
  workshop: { index: number; id: string; name: string };
}
interface Entry {
  id: string;
  names: string[];
  date: string;
  score: number | null;
  meanBin: number | null;
  bounded: boolean;
  valid: boolean;
  reason: string | null;
  rounds: number;
}
interface Board {
  scenario: string;
  seed: string;
  entries: Entry[];
}

const entriesOf = (matchID: string, dataDir = app.dataDir) => {
  const db = new Database(join(dataDir, 'kanban-cascade.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id FROM leaderboard WHERE match_id = ?').all(matchID) as { id: string }[];
  } finally {
    db.close();
  }
};

async function solo(scenario: string, name: string): Promise<Solo> {
  const reply = await api<Solo>(app, '/api/challenges', { body: { scenario, name } });
  if (reply.status !== 201) throw new Error(`solo create: ${reply.status} ${reply.text}`);
  return reply.json;
}

/** The entry recorded for a match (waits for the server's sweep). */
async function recordedEntry(matchID: string): Promise<string> {
  return waitFor(() => entriesOf(matchID)[0]?.id, `the entry of ${matchID}`);
}

const ring = SCENARIOS.get('ring-road')!;

describe('S-CH1 the list of challenges', () => {
  it('lists every scenario with its seed, rounds, workshops and critical buffer', async () => {
    const reply = await api<Record<string, unknown>[]>(app, '/api/challenges');
    expect(reply.status).toBe(200);
    expect(reply.json.map((c) => c.scenario)).toEqual([...SCENARIOS.keys()]);
    for (const c of reply.json) {
      const s = SCENARIOS.get(c.scenario as string)!;
      expect(c).toEqual({
        scenario: s.id,
        title: s.title,
        seed: `challenge-${s.id}-1`,
        rounds: s.rounds,
        workshops: s.network.kind === 'custom' ? s.network.workshops.length : s.network.n,
        criticalBuffer: challengeCriticalBuffer(s),
        best: null,
      });
    }
  });
});

describe('S-CH2 a solo challenge', () => {
  it('creates a started match on the challenge seed with one human and bots elsewhere', async () => {
    const s = await solo('two-inputs', 'Solo');
    expect(s.seat).toBe('1');
    expect(s.credentials).toMatch(/^[0-9a-f]{32}$/);
    expect(s.workshop.index).toBe(0);
    expect(typeof s.workshop.id).toBe('string');
    expect(typeof s.workshop.name).toBe('string');
    const g = rawState(app, s.matchID).G;
    const scenario = SCENARIOS.get('two-inputs')!;
    expect(g.status).toBe('playing');
    expect(g.round).toBe(1);
    expect(g.config.publicSeed).toBe('challenge-two-inputs-1');
    expect(g.secret.seed).toBe('challenge-two-inputs-1');
    expect(g.secret.dice).toMatch(/^test-dice-\d+$/);
    expect(g.config.rounds).toBe(scenario.rounds);
    expect(g.config.roundSeconds).toBe(0);
    expect(g.workshops[0]!.id).toBe(s.workshop.id);
    expect(g.absent).toEqual(Array.from({ length: 11 }, (_, i) => String(i + 2)));
    // It is a session: the code reads and the seat's credentials are in the match metadata only.
    const info = await api<{ players: unknown[]; status: string }>(app, `/api/sessions/${s.code}`);
    expect(info.json.players).toEqual([{ seat: '1', name: 'Solo', connected: false }]);
    expect(info.json.status).toBe('playing');
    const meta = app.storage.fetch(s.matchID, { metadata: true }).metadata;
    expect(meta.players[1]!.credentials).toBe(s.credentials);
    expect(meta.players[0]!.credentials).not.toBe(s.credentials);
  });

  it('plays the published map on dice drawn secretly for each attempt (nobody can know a die in advance)', async () => {
    const a = await solo('ring-road', 'A');
    const b = await solo('ring-road', 'B');
    for (const s of [a, b]) for (const r of [1, 2]) await app.steward.move(s.matchID, 'closeRound', [r]);
    const g = (matchID: string) => rawState(app, matchID).G;
    const rolls = (matchID: string) => g(matchID).history.map((r) => r.workshops.map((w) => w.trouble));
    expect(rolls(a.matchID)).toHaveLength(2);
    // The same map for everyone: the published seed's.
    expect(g(a.matchID).workshops.map((w) => [w.id, w.suppliers])).toEqual(
      g(b.matchID).workshops.map((w) => [w.id, w.suppliers]),
    );
    // Other dice for each attempt, and not the dice the published seed (with the open-source
    // engine) would give: those could be computed before round 1.
    expect(rolls(a.matchID)).not.toEqual(rolls(b.matchID));
    const predicted = (matchID: string, seed: string) =>
      [1, 2].map((r) => g(matchID).workshops.map((w, i) => roll(w, diceStream(seed, r, i))));
    expect(predicted(a.matchID, challengeSeed('ring-road'))).not.toEqual(rolls(a.matchID));
    // The prediction is right from the secret dice seed (the check is not vacuous).
    expect(predicted(a.matchID, g(a.matchID).secret.dice!)).toEqual(rolls(a.matchID));
  });
});

describe('S-CH3 a table challenge', () => {
  it('creates a session on the challenge seed with the facilitator’s credentials', async () => {
    const reply = await api<{ code: string; matchID: string; seat: string; credentials: string; joinUrl: string }>(
      app,
      '/api/challenges',
      { body: { scenario: 'toyota-city', players: 3, roundSeconds: 60 } },
    );
    expect(reply.status).toBe(201);
    const t = reply.json;
    expect(t.seat).toBe('0');
    expect(t.joinUrl).toBe(`${app.url}/join/${t.code}`);
    const g = rawState(app, t.matchID).G;
    expect(g.status).toBe('setup');
    expect(g.config).toMatchObject({ publicSeed: 'challenge-toyota-city-1', rounds: 40, roundSeconds: 60 });
    const joined = [];
    for (const name of ['A', 'B', 'C']) joined.push((await joinSession(app, t.code, name)).seat);
    expect(joined).toEqual(['1', '6', '11']);
    expect(app.storage.fetch(t.matchID, { metadata: true }).metadata.players[0]!.credentials).toBe(t.credentials);
  });
});

describe('S-CH4 bad creates', () => {
  const cases: [string, unknown, RegExp][] = [
    ['no body fields', {}, /send \{"scenario", "name"\} to play alone or \{"scenario", "players"\}/],
    ['an array', [], /send \{"scenario", "name"\}/],
    ['an unknown scenario', { scenario: 'moon-base', name: 'A' }, /scenario must be one of .*ring-road/],
    ['a prototype scenario', { scenario: '__proto__', name: 'A' }, /scenario must be one of/],
    ['name and players', { scenario: 'ring-road', name: 'A', players: 2 }, /either "name" .* or "players"/],
    ['an empty name', { scenario: 'ring-road', name: '  ' }, /name must be 1 to 40 characters/],
    ['markup in the name', { scenario: 'ring-road', name: '<b>x</b>' }, /name must be 1 to 40 characters/],
    ['a name that is not text', { scenario: 'ring-road', name: 3 }, /name must be 1 to 40 characters/],
    ['rounds for a solo', { scenario: 'ring-road', name: 'A', rounds: 3 }, /unknown field "rounds"/],
    ['a seed', { scenario: 'ring-road', players: 2, seed: 'x' }, /unknown field "seed"/],
    ['autopilot for a table', { scenario: 'ring-road', players: 2, autopilot: 'lean:0' }, /unknown field/],
    ['players 0', { scenario: 'ring-road', players: 0 }, /players must be a whole number from 1 to 12/],
    ['players 13', { scenario: 'ring-road', players: 13 }, /from 1 to 12/],
    ['players as text', { scenario: 'ring-road', players: '2' }, /players must be a whole number/],
    ['a timer of 5 s', { scenario: 'ring-road', players: 2, roundSeconds: 5 }, /roundSeconds must be 0/],
  ];
  it.each(cases)('%s: 400', async (_what, body, message) => {
    const before = app.storage.listMatches().length;
    const reply = await api<Err>(app, '/api/challenges', { body });
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatch(message);
    expect(app.storage.listMatches().length).toBe(before);
  });
});

describe('S-CH5-S-CH9 playing, recording, ranking, replaying, restarting', () => {
  // Played once, checked by the tests below in order.
  let byBots: Solo; // every round closed by the steward: the human's workshop on autopilot too
  let bySocket: Solo; // every round committed by the human over a real socket (bins of 4 hours)
  let early: { code: string; matchID: string; credentials: string };
  const name = `Zoë "Z" & co's`;

  beforeAll(async () => {
    byBots = await solo('ring-road', 'Bots only');
    for (let r = 1; r <= ring.rounds; r++) await app.steward.move(byBots.matchID, 'closeRound', [r]);
    expect(rawState(app, byBots.matchID).G.status).toBe('over');

    bySocket = await solo('ring-road', name);
    const client = connectSeat(app, {
      matchID: bySocket.matchID,
      seat: bySocket.seat,
      credentials: bySocket.credentials,
    });
    await waitFor(() => !rawState(app, bySocket.matchID).G.absent.includes('1'), 'the human present');
    for (let r = 1; r <= ring.rounds; r++) {
      const view = await client.until<SeatView>((v) => v.round === r && !v.committed, `round ${r}`, 10_000);
      client.move('commit', r, {
        round: r,
        bins: view.me.suppliers.map(() => 4),
        kaizenFace: null,
        help: null,
        suppliers: null,
      });
      await waitFor(() => rawState(app, bySocket.matchID).G.history.length === r, `round ${r} resolved`);
    }
    expect(rawState(app, bySocket.matchID).G.status).toBe('over');
    client.stop();

    const t = await api<{ code: string; matchID: string; credentials: string }>(app, '/api/challenges', {
      body: { scenario: 'ring-road', players: 1 },
    });
    early = t.json;
    await joinSession(app, early.code, 'Early bird');
    await app.steward.move(early.matchID, 'start', []);
    await app.steward.move(early.matchID, 'closeRound', [1]);
    await app.steward.move(early.matchID, 'closeRound', [2]);
    await app.steward.move(early.matchID, 'endGame', []);
  }, 60_000);

  it('S-CH5 records one entry per finished match with challengeVerdict of the real match', async () => {
    for (const s of [byBots, bySocket]) {
      const id = await recordedEntry(s.matchID);
      const g: G = rawState(app, s.matchID).G;
      const verdict = challengeVerdict(g, challengeCriticalBuffer(ring), challengeSeed('ring-road'));
      const expected = { ...verdict.score!, valid: verdict.notCounted.length === 0, judge: verdict.judge };
      const reply = await api<{ entry: Entry & Record<string, unknown>; debrief: DebriefData }>(
        app,
        `/api/challenges/entries/${id}`,
      );
      expect(reply.status).toBe(200);
      const { entry } = reply.json;
      expect(entry.valid).toBe(expected.valid);
      expect(entry.score).toBe(expected.score);
      expect(entry.meanBin).toBe(expected.meanBin);
      expect(entry.bounded).toBe(expected.valid);
      expect(entry.judge).toEqual(expected.judge);
      expect(expected.judge).not.toBeNull();
      expect(entry).toMatchObject({
        id,
        scenario: 'ring-road',
        seed: challengeSeed('ring-road'),
        criticalBuffer: challengeCriticalBuffer(ring),
        rounds: ring.rounds,
        digest: historyDigest(g.history),
      });
      expect(Date.now() - Date.parse(entry.date)).toBeLessThan(120_000);
      expect(reply.json.debrief.history).toEqual(g.history);
    }
    // The human's bins of 4 hours raise the network's mean bin above the all-bot match.
    const g = rawState(app, bySocket.matchID).G;
    expect(g.history.slice(1).every((r) => r.workshops[0]!.bins.every((b) => b === 4))).toBe(true);
    expect(g.history.every((r) => !r.workshops[0]!.autopilot)).toBe(true);
    // Names are data: stored and returned verbatim.
    const entry = await api<{ entry: Entry; debrief: DebriefData }>(
      app,
      `/api/challenges/entries/${entriesOf(bySocket.matchID)[0]!.id}`,
    );
    expect(entry.json.entry.names).toEqual([name]);
    expect(entry.json.debrief.workshops[0]!.player).toBe(name);
    expect(entry.json.entry.valid).toBe(true);
  });

  it('S-CH5 records exactly once, however many sweeps pass', async () => {
    for (const s of [byBots, bySocket, early]) await recordedEntry(s.matchID);
    await new Promise((r) => setTimeout(r, 300)); // time for several sweeps (tickMs 40), none of which may record again
    for (const s of [byBots, bySocket, early]) expect(entriesOf(s.matchID)).toHaveLength(1);
  });

  it('S-CH10 a finished challenge match gives its verdict by match id (the game-over screen); others 404', async () => {
    for (const s of [byBots, bySocket, early]) {
      const reply = await api<{ entry: Entry & { criticalBuffer: number; judge: unknown } }>(
        app,
        `/api/challenges/matches/${s.matchID}`,
      );
      expect(reply.status).toBe(200);
      const recorded = entriesOf(s.matchID);
      expect(recorded).toHaveLength(1);
      expect(reply.json.entry).toMatchObject({ id: recorded[0]!.id, criticalBuffer: challengeCriticalBuffer(ring) });
    }
    for (const unknown of ['nope', '__proto__', 'x'.repeat(100)]) {
      const reply = await api<Err>(app, `/api/challenges/matches/${unknown}`);
      expect(reply.status, unknown).toBe(404);
    }
  });

  it('S-CH6 records a challenge ended early as invalid and says why', async () => {
    const id = await recordedEntry(early.matchID);
    const reply = await api<{ entry: Entry }>(app, `/api/challenges/entries/${id}`);
    expect(reply.json.entry).toMatchObject({ valid: false, rounds: 2, names: ['Early bird'] });
    expect(reply.json.entry.reason).toMatch(/ended by the facilitator after 2 of 20 rounds/);
    // The same reason as data, for the client's translation layer.
    expect((reply.json.entry as Entry & { why: unknown }).why).toEqual([{ kind: 'endedEarly', played: 2, rounds: 20 }]);
  });

  it('S-CH7 ranks valid entries by score, then invalid ones', async () => {
    const board = await api<Board>(app, '/api/challenges/ring-road/leaderboard');
    expect(board.status).toBe(200);
    expect(board.json.scenario).toBe('ring-road');
    expect(board.json.seed).toBe('challenge-ring-road-1');
    const ids = {
      bots: entriesOf(byBots.matchID)[0]!.id,
      socket: entriesOf(bySocket.matchID)[0]!.id,
      early: entriesOf(early.matchID)[0]!.id,
    };
    expect(board.json.entries.map((e) => e.id)).toEqual([ids.bots, ids.socket, ids.early]);
    const [bots, socket, late] = board.json.entries as [Entry, Entry, Entry];
    expect(bots.valid && socket.valid).toBe(true);
    expect(bots.score!).toBeLessThan(socket.score!);
    expect(late.valid).toBe(false);
    expect(Object.keys(bots).sort()).toEqual(
      ['bounded', 'date', 'id', 'judge', 'meanBin', 'names', 'reason', 'why', 'rounds', 'score', 'valid'].sort(),
    );
    const list = await api<{ scenario: string; best: { score: number; name: string } | null }[]>(
      app,
      '/api/challenges',
    );
    expect(list.json.find((c) => c.scenario === 'ring-road')!.best).toEqual({ score: bots.score, name: 'Bots only' });
    const empty = await api<Board>(app, '/api/challenges/foggy-cliff/leaderboard');
    expect(empty.json).toEqual({ scenario: 'foggy-cliff', seed: 'challenge-foggy-cliff-1', entries: [] });
    for (const unknown of ['moon-base', '__proto__', 'RING-ROAD', 'x'.repeat(100)]) {
      const reply = await api<Err>(app, `/api/challenges/${unknown}/leaderboard`);
      expect(reply.status, unknown).toBe(404);
      expect(reply.json.error).toMatch(/no challenge for the scenario/);
    }
  });

  it('S-CH8 replays an entry for anyone; malformed ids 400, unknown ids 404', async () => {
    const id = entriesOf(bySocket.matchID)[0]!.id;
    const reply = await api<{ entry: Entry; debrief: DebriefData }>(app, `/api/challenges/entries/${id}`);
    expect(reply.json.debrief.format).toBe('kanban-cascade-debrief/1');
    expect(reply.json.debrief.status).toBe('over');
    expect(reply.text).not.toContain(bySocket.credentials);
    for (const bad of ['abc', 'leaderboard', '0123456789ABCDEF', '0123456789abcdef0']) {
      const r = await api<Err>(app, `/api/challenges/entries/${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.json.error).toMatch(/16 hexadecimal digits/);
    }
    const unknown = await api<Err>(app, '/api/challenges/entries/0123456789abcdef');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toBe('no leaderboard entry has the id 0123456789abcdef');
  });

  it('S-CH9 keeps every entry across a restart and records no duplicate', async () => {
    const before = await api<Board>(app, '/api/challenges/ring-road/leaderboard');
    await app.close();
    app = await startTestApp({ dataDir: app.dataDir, graceMs: 300, tickMs: 40 });
    await new Promise((r) => setTimeout(r, 300)); // time for several sweeps of the new server, none of which may record again
    for (const s of [byBots, bySocket, early]) expect(entriesOf(s.matchID)).toHaveLength(1);
    const after = await api<Board>(app, '/api/challenges/ring-road/leaderboard');
    expect(after.json).toEqual(before.json);
    const id = entriesOf(byBots.matchID)[0]!.id;
    expect((await api(app, `/api/challenges/entries/${id}`)).status).toBe(200);
  });

  it('S-CH9 records a match that ended while no server swept it, once', async () => {
    // The entry row and the flag are lost (as if the process died between the end and the sweep).
    const db = new Database(join(app.dataDir, 'kanban-cascade.sqlite'));
    db.prepare('DELETE FROM leaderboard WHERE match_id = ?').run(byBots.matchID);
    db.prepare('UPDATE challenges SET recorded = 0 WHERE match_id = ?').run(byBots.matchID);
    db.close();
    await recordedEntry(byBots.matchID);
    await new Promise((r) => setTimeout(r, 300)); // time for several more sweeps, none of which may record again
    expect(entriesOf(byBots.matchID)).toHaveLength(1);
  });
});
