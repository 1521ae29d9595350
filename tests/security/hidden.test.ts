/**
 * SEC-HID: hidden information over the REAL server (Socket.IO, startApp), seen as an attacker
 * sees it: raw sockets record every packet ('sync', 'update', 'patch', 'matchData', anything
 * else) during several rounds, for three player seats, the facilitator and a spectator.
 *
 * SEC-HID1 A seat receives, of other workshops, only its neighbours' public state: no id or name
 *          of a non-neighbour (generated ring network), no bins, coins, dice, kaizen, workers or
 *          costs of anyone but itself, and no number a non-neighbour seat committed.
 * SEC-HID2 No client (facilitator and spectator included) ever receives the match seed
 *          (G.secret.seed), the random plugin's seed or any `secret` / `plugins.random`; the sync
 *          initialState is the spectator's view without plugins.
 * SEC-HID3 In every log a client receives, the arguments of other seats' moves are null.
 * SEC-HID4 matchData packets and GET /games/kanban-cascade/:id never carry credentials.
 * SEC-HID5 Seeds differ per match (two matches created and started at the same moment) and are
 *          not derivable from public data (createdAt in base 36, the matchID).
 * SEC-HID8 A challenge attempt's dice are drawn like a match seed (CSPRNG, per attempt): the
 *          published challenge seed draws only the map.
 * SEC-HID7 The log a (re)connecting client receives is trimmed to the last 50 entries.
 * After the attacks, honest commits still resolve the rounds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { State } from 'boardgame.io';
import type { G } from '../../game/core/types';
import { neighbours } from '../../game/core/world';
import {
  type Created,
  type Joined,
  type TestApp,
  api,
  createSession,
  joinSession,
  rawState,
  waitFor,
} from '../server/helpers';
import { type Packet, type RawSeat, healthy, rawSocket, untilStored, withTestApp } from './raw';

let app: TestApp;

withTestApp((started) => (app = started));

/** Every [path, value] of a JSON-like value. */
function walk(value: unknown, path: string, out: [string, unknown][] = []): [string, unknown][] {
  out.push([path, value]);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, out);
  return out;
}

const PRIVATE_KEYS = new Set([
  'bins',
  'coins',
  'trouble',
  'kaizenPoints',
  'workers',
  'lastTrouble',
  'lastRent',
  'lastPenalty',
  'lineStops',
  'committed',
]);

/** A distinctive bin for seat h in round r (a number no other source produces). */
const binOf = (h: number, r: number) => 1 + h * 0.0173 + r * 0.00041;

interface Table {
  s: Created;
  players: Joined[];
  facilitator: RawSeat;
  spectator: RawSeat;
  seats: RawSeat[];
}

async function playRounds(rounds: number): Promise<Table> {
  const s = await createSession(app, { scenario: 'ring-road', players: 3, roundSeconds: 0 });
  const players = [
    await joinSession(app, s.code, 'Ada'),
    await joinSession(app, s.code, 'Bo'),
    await joinSession(app, s.code, 'Cy'),
  ];
  expect(players.map((p) => p.seat)).toEqual(['1', '5', '9']);
  const facilitator = await rawSocket(app);
  const spectator = await rawSocket(app);
  const seats = await Promise.all(players.map(() => rawSocket(app)));
  facilitator.sync(s.matchID, '0', s.credentials);
  spectator.sync(s.matchID, null);
  players.forEach((p, i) => seats[i]!.sync(s.matchID, p.seat, p.credentials));
  for (const r of [facilitator, spectator, ...seats]) await waitFor(() => r.latest() !== null, 'synced');
  await waitFor(async () => {
    const info = await api<{ players: { connected: boolean }[] }>(app, `/api/sessions/${s.code}`);
    return info.json.players.length === 3 && info.json.players.every((p) => p.connected);
  }, 'every player connected');
  facilitator.move(s.matchID, '0', 'start', [], s.credentials);
  await untilStored(
    app,
    s.matchID,
    (st) => (st.G as G).status === 'playing' && (st.G as G).absent.length === 9,
    'started',
  );
  for (let r = 1; r <= rounds; r++) {
    for (const [i, p] of players.entries()) {
      const h = Number(p.seat);
      const decision = { round: r, bins: [binOf(h, r)], kaizenFace: null, help: null, suppliers: null };
      seats[i]!.move(s.matchID, p.seat, 'commit', [r, decision], p.credentials);
    }
    await untilStored(app, s.matchID, (st) => (st.G as G).round === r + 1, `round ${r} resolved`);
    for (const seat of [facilitator, spectator, ...seats])
      await waitFor(() => (seat.latest()?.G as { round?: number } | undefined)?.round === r + 1, `round ${r + 1} seen`);
  }
  return { s, players, facilitator, spectator, seats };
}

describe('SEC-HID hidden information over the real server', () => {
  let table: Table;
  let g: G;
  let raw: State;
  beforeAll(async () => {
    table = await playRounds(3);
    raw = rawState(app, table.s.matchID);
    g = raw.G as G;
  }, 30_000);

  it('SEC-HID1 a seat receives no id, name, bins, coins or dice of a non-neighbour', () => {
    const kinds = new Set<string>();
    for (const [i, p] of table.players.entries()) {
      const me = Number(p.seat) - 1;
      const near = new Set([me, ...neighbours(g, me)]);
      const far = g.workshops.map((_, j) => j).filter((j) => !near.has(j));
      expect(far.length).toBeGreaterThan(5);
      const farStrings = new Set(far.flatMap((j) => [g.workshops[j]!.id, g.workshops[j]!.name]));
      // Numbers committed by the other seats (distinctive, never produced by anything else).
      const others = table.players.filter((q) => q.seat !== p.seat).map((q) => Number(q.seat));
      const farNumbers = new Set(others.flatMap((h) => [1, 2, 3].map((r) => binOf(h, r))));
      const packets = table.seats[i]!.packets;
      expect(packets.length).toBeGreaterThan(3);
      const leaks: string[] = [];
      packets.forEach((pk, n) => {
        kinds.add(pk.event);
        for (const [path, v] of walk(pk.args, `${pk.event}#${n}`)) {
          if (typeof v === 'string' && farStrings.has(v)) leaks.push(`${path} = ${v}`);
          if (typeof v === 'number' && farNumbers.has(v)) leaks.push(`${path} = ${v}`);
          const key = /\.(\w+)$/.exec(path)?.[1] ?? '';
          // Private fields appear only under the seat's own workshop and history rows.
          if (
            PRIVATE_KEYS.has(key) &&
            !/\.G\.(me|myHistory)[.[]/.test(path) &&
            !/\.G\.committed$/.test(path) &&
            !/\.G\.config\./.test(path)
          ) {
            // Own commit arguments in the log are the seat's own decision.
            if (!/\.action\.payload\.args\[1\]\.bins$/.test(path)) leaks.push(`${path} (private key ${key})`);
          }
        }
      });
      expect(leaks.slice(0, 10), `seat ${p.seat}`).toEqual([]);
    }
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['matchData', 'sync', 'update']));
    expect(kinds.has('patch')).toBe(false);
    // The spectator gets no workshop at all during play.
    const specLeaks = table.spectator.packets.flatMap((pk, n) =>
      walk(pk.args, `${pk.event}#${n}`)
        .filter(
          ([path, v]) =>
            (typeof v === 'string' && /^(w\d+|Workshop \d+)$/.test(v)) ||
            (PRIVATE_KEYS.has(/\.(\w+)$/.exec(path)?.[1] ?? '') && !/\.G\.config\./.test(path)),
        )
        .map(([path]) => path),
    );
    expect(specLeaks.slice(0, 10)).toEqual([]);
  });

  it('SEC-HID2 no client ever receives the match seed, the random plugin seed, `secret` or plugin data', () => {
    const seed = g.secret.seed;
    const pluginSeed = (raw.plugins as { random?: { data?: { seed?: unknown } } }).random?.data?.seed;
    expect(seed).toMatch(/^[0-9a-f]{32}$/);
    for (const client of [table.facilitator, table.spectator, ...table.seats]) {
      const text = JSON.stringify(client.packets);
      expect(text).not.toContain(seed);
      expect(text).not.toContain(seed.slice(0, 12));
      if (typeof pluginSeed === 'string' || typeof pluginSeed === 'number')
        expect(text).not.toContain(`"${pluginSeed}"`);
      const bad = walk(client.packets, '$')
        .filter(
          ([path, v]) =>
            /\.secret$/.test(path) ||
            /\.plugins\.random\.data$/.test(path) ||
            (/\.plugins\.random$/.test(path) && JSON.stringify(v) !== '{}'),
        )
        .map(([path]) => path);
      expect(bad.slice(0, 5)).toEqual([]);
      const sync = client.packets.find((p) => p.event === 'sync')!;
      const initial = (sync.args[1] as { initialState: State }).initialState;
      expect(initial.plugins).toEqual({});
      expect((initial.G as unknown as { role: string }).role).toBe('spectator');
      expect(initial.G).not.toHaveProperty('workshops');
      expect(initial.G).not.toHaveProperty('secret');
    }
  });

  it('SEC-HID3 the log a client receives carries only its own move arguments', () => {
    const clients: [string | null, RawSeat][] = [
      ['0', table.facilitator],
      [null, table.spectator],
      ...table.players.map((p, i): [string, RawSeat] => [p.seat, table.seats[i]!]),
    ];
    let seen = 0;
    for (const [seat, client] of clients) {
      const entries = client.packets.flatMap((p: Packet) => {
        if (p.event === 'sync') return (p.args[1] as { log: unknown[] }).log;
        if (p.event === 'update') return p.args[2];
        return [];
      }) as { action: { type: string; payload: { playerID: string; args: unknown } } }[];
      for (const e of entries) {
        if (e.action.type !== 'MAKE_MOVE') continue;
        seen++;
        if (e.action.payload.playerID !== seat) expect(e.action.payload.args, `to ${seat}`).toBeNull();
      }
      // Commits of the other seats did reach this client's log (redacted), so the check is not vacuous.
      expect(
        entries.filter((e) => e.action.payload?.playerID !== seat && e.action.type === 'MAKE_MOVE').length,
      ).toBeGreaterThan(2);
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('SEC-HID4 matchData packets and the Lobby match record carry no credentials', async () => {
    const creds = [table.s.credentials, ...table.players.map((p) => p.credentials)];
    let matchData = 0;
    for (const client of [table.facilitator, table.spectator, ...table.seats]) {
      for (const p of client.packets) {
        const text = JSON.stringify(p.args);
        for (const c of creds) expect(text).not.toContain(c);
        if (p.event === 'matchData' || p.event === 'sync') {
          matchData++;
          const meta = p.event === 'sync' ? (p.args[1] as { filteredMetadata: unknown }).filteredMetadata : p.args[1];
          expect(walk(meta, '$').filter(([path]) => /credentials$/.test(path))).toEqual([]);
        }
      }
    }
    expect(matchData).toBeGreaterThan(5);
    const record = await api(app, `/games/kanban-cascade/${table.s.matchID}`);
    expect(record.status).toBe(200);
    for (const c of creds) expect(record.text).not.toContain(c);
    expect(record.text).not.toContain('credentials');
  });

  it('SEC-HID5 seeds differ per match and are not derivable from createdAt or the matchID', async () => {
    const before = Date.now();
    const [a, b] = await Promise.all([
      createSession(app, { scenario: 'ring-road', players: 1, roundSeconds: 0 }),
      createSession(app, { scenario: 'ring-road', players: 1, roundSeconds: 0 }),
    ]);
    await Promise.all([app.steward.move(a.matchID, 'start', []), app.steward.move(b.matchID, 'start', [])]);
    const after = Date.now();
    const seeds = [a, b].map((s) => rawState(app, s.matchID).G.secret.seed);
    expect(seeds[0]).not.toBe(seeds[1]);
    expect(seeds[0]).not.toBe(g.secret.seed);
    for (const [i, s] of [a, b].entries()) {
      const seed = seeds[i]!;
      expect(seed).toMatch(/^[0-9a-f]{32}$/);
      const meta = (await api<{ createdAt?: number }>(app, `/games/kanban-cascade/${s.matchID}`)).json;
      const stamps: number[] = [];
      for (let t = before - 2000; t <= after + 2000; t++) stamps.push(t);
      if (typeof meta.createdAt === 'number') stamps.push(meta.createdAt);
      for (const t of stamps) {
        expect(seed.includes(t.toString(36))).toBe(false);
        expect(seed.includes(String(t))).toBe(false);
      }
      expect(seed.includes(s.matchID)).toBe(false);
      expect(seed.includes(s.code.toLowerCase())).toBe(false);
    }
    // The worlds drawn from them differ too (a generated ring is a permutation of the seed).
    expect(await healthy(app)).toBe(true);
  });

  it('SEC-HID8 a challenge attempt rolls secret dice of its own; the published seed draws only the map', async () => {
    const attempts = await Promise.all(
      ['A', 'B'].map((name) =>
        api<{ matchID: string }>(app, '/api/challenges', { body: { scenario: 'ring-road', name } }),
      ),
    );
    const secrets = attempts.map((a) => rawState(app, a.json.matchID).G.secret);
    for (const secret of secrets) {
      expect(secret.seed).toBe('challenge-ring-road-1');
      expect(secret.dice).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(secrets[0]!.dice).not.toBe(secrets[1]!.dice);
  });

  it('SEC-HID6 after all the reading, the honest players still resolve a round', async () => {
    const r = rawState(app, table.s.matchID).G.round;
    for (const [i, p] of table.players.entries()) {
      const decision = { round: r, bins: [2], kaizenFace: null, help: null, suppliers: null };
      table.seats[i]!.move(table.s.matchID, p.seat, 'commit', [r, decision], p.credentials);
    }
    await untilStored(app, table.s.matchID, (st) => (st.G as G).round === r + 1, 'the round resolved');
  });

  it('SEC-HID7 a reconnecting client receives only the last 50 log entries', async () => {
    const { matchID } = table.s;
    for (let i = 0; i < 60; i++) await app.steward.move(matchID, 'reveal', [i % 2 === 0]);
    await app.steward.move(matchID, 'reveal', [false]);
    const late = await rawSocket(app);
    late.sync(matchID, null);
    await waitFor(() => late.latest() !== null, 'late spectator synced');
    const sync = late.packets.find((p) => p.event === 'sync')!;
    const log = (sync.args[1] as { log: unknown[] }).log;
    expect(log.length).toBeLessThanOrEqual(50);
    expect(log.length).toBeGreaterThan(40);
    late.close();
  });
});
