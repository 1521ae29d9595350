/**
 * SEC-SEAT: seats and credentials against the real server, from raw sockets and raw HTTP. S-GRD6
 * (tests/server/guard.test.ts) already covers seat 1's credentials committing as seat 7 and as
 * the facilitator; these are the other ways to act for a seat one does not hold. After every
 * attack the honest players' commits still resolve the round.
 *
 * SEC-SEAT1 The facilitator's credentials cannot move for a player; a player's credentials cannot
 *           move for the facilitator nor for an unjoined (autopilot) seat; a spectator socket
 *           (no playerID) cannot move at all.
 * SEC-SEAT2 Moves without credentials, with wrong ones, with another seat's or another match's,
 *           or with credentials of the wrong type, change nothing.
 * SEC-SEAT3 Lobby: joining a full match (409), taking a seat that is taken (409, the holder's
 *           credentials unchanged), a seat that does not exist (404), a seat of a session's match
 *           (403); renaming or freeing someone else's seat with one's own credentials (403).
 * SEC-SEAT4 A match created through the Lobby, before anyone joined, cannot be played by someone
 *           who only knows its match id (docs/BOARDGAME-IO.md hole 4, second half).
 * SEC-SEAT5 The Lobby gate holds for every spelling the router accepts (`/join/`, `/JOIN`,
 *           `/Update/`, `/games/KANBAN-CASCADE/...`): a session's match is not joined without its
 *           code, no 9,000-character `<script>` name or 5 KB name with NUL and RTL characters is
 *           stored, seat 0 does not leave. (Each got through the old exact-path guard.)
 * SEC-SEAT6 A player who left, or whose seat a newcomer took, stops receiving the seat's private
 *           view at once: the old socket is dropped when the seat's credentials change.
 */
import { describe, expect, it } from 'vitest';
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
import { type RawSeat, healthy, rawSocket, untilStored, withTestApp } from './raw';

let app: TestApp;

withTestApp((started) => (app = started));

const decision = (round: number, bins: unknown[]) => ({ round, bins, kaizenFace: null, help: null, suppliers: null });

interface Table {
  s: Created;
  ada: Joined;
  bo: Joined;
  fac: RawSeat;
  adaSocket: RawSeat;
  boSocket: RawSeat;
}

async function table(): Promise<Table> {
  const s = await createSession(app, { scenario: 'ring-road', players: 2, roundSeconds: 0 });
  const ada = await joinSession(app, s.code, 'Ada');
  const bo = await joinSession(app, s.code, 'Bo');
  const [fac, adaSocket, boSocket] = await Promise.all([rawSocket(app), rawSocket(app), rawSocket(app)]);
  fac.sync(s.matchID, '0', s.credentials);
  adaSocket.sync(s.matchID, ada.seat, ada.credentials);
  boSocket.sync(s.matchID, bo.seat, bo.credentials);
  for (const r of [fac, adaSocket, boSocket]) await waitFor(() => r.latest() !== null, 'synced');
  fac.move(s.matchID, '0', 'start', [], s.credentials);
  await untilStored(
    app,
    s.matchID,
    (st) => (st.G as G).status === 'playing' && (st.G as G).absent.length === 10,
    'started',
  );
  return { s, ada, bo, fac, adaSocket, boSocket };
}

async function honestRound(t: Table): Promise<void> {
  const r = rawState(app, t.s.matchID).G.round;
  t.adaSocket.move(t.s.matchID, t.ada.seat, 'commit', [r, decision(r, [2])], t.ada.credentials);
  t.boSocket.move(t.s.matchID, t.bo.seat, 'commit', [r, decision(r, [3])], t.bo.credentials);
  const after = await untilStored(app, t.s.matchID, (st) => (st.G as G).round === r + 1, `round ${r} resolved`);
  expect((after.G as G).workshops[0]!.bins).toEqual([2]);
  expect((after.G as G).workshops[6]!.bins).toEqual([3]);
  expect(await healthy(app)).toBe(true);
}

/** Nothing the attacker sent changed the stored state (compared without the steward's clock). */
async function unchanged(t: Table, before: G): Promise<void> {
  await sleep(150); // grace period: refused packets answer nothing, so there is no event to wait for
  const g = rawState(app, t.s.matchID).G;
  expect({ ...g, clock: null }).toEqual({ ...before, clock: null });
}

describe('SEC-SEAT moving for a seat one does not hold', () => {
  it('SEC-SEAT1 own credentials, someone else’s seat (facilitator, player, autopilot seat, spectator)', async () => {
    const t = await table();
    const { matchID } = t.s;
    const before = rawState(app, matchID).G;
    const spectator = await rawSocket(app);
    spectator.sync(matchID, null);
    await waitFor(() => spectator.latest() !== null, 'spectator synced');
    const r = before.round;
    // The facilitator's credentials, committing for Ada: as seat 0 (payload differs) and as seat 1 (credentials differ).
    t.fac.move(matchID, '0', 'commit', [r, decision(r, [5])], t.s.credentials, {});
    t.fac.socket.emit(
      'update',
      {
        type: 'MAKE_MOVE',
        payload: { type: 'commit', args: [r, decision(r, [5])], playerID: t.ada.seat, credentials: t.s.credentials },
      },
      0,
      matchID,
      '0',
    );
    t.fac.move(matchID, t.ada.seat, 'commit', [r, decision(r, [5])], t.s.credentials);
    // Ada's credentials, acting as the facilitator.
    for (const [move, args] of [
      ['endGame', []],
      ['closeRound', [r]],
      ['reveal', [true]],
      ['setPresence', [t.bo.seat, false]],
      ['shock', [{ kind: 'delay', workshop: 6, hours: 50 }]],
      ['pause', []],
    ] as [string, unknown[]][]) {
      t.adaSocket.move(matchID, '0', move, args, t.ada.credentials);
      t.adaSocket.move(matchID, t.ada.seat, move, args, t.ada.credentials);
    }
    // Ada's credentials, for an autopilot seat nobody joined (seat 3) and for a seat that does not exist.
    for (const seat of ['3', '12', '13', '99']) {
      t.adaSocket.move(matchID, seat, 'commit', [r, decision(r, [5])], t.ada.credentials);
      t.adaSocket.move(matchID, seat, 'commit', [r, decision(r, [5])], undefined);
    }
    // A spectator socket: no playerID, or a forged one.
    for (const seat of [null, undefined, '', '0', t.ada.seat]) {
      spectator.move(matchID, seat, 'commit', [r, decision(r, [5])], undefined);
      spectator.move(matchID, seat, 'endGame', [], undefined);
    }
    await unchanged(t, before);
    expect(t.adaSocket.socket.connected && t.fac.socket.connected).toBe(true);
    await honestRound(t);
  });

  it('SEC-SEAT2 no credentials, wrong ones, another seat’s or match’s, or of the wrong type', async () => {
    const t = await table();
    const other = await createSession(app, { scenario: 'ring-road', players: 2, roundSeconds: 0 });
    const otherAda = await joinSession(app, other.code, 'Ada2');
    expect(otherAda.seat).toBe(t.ada.seat);
    const { matchID } = t.s;
    const before = rawState(app, matchID).G;
    const r = before.round;
    const attacker = await rawSocket(app);
    attacker.sync(matchID, t.ada.seat, 'wrong');
    const wrong: unknown[] = [
      undefined,
      null,
      '',
      'wrong',
      t.bo.credentials,
      t.s.credentials,
      otherAda.credentials,
      other.credentials,
      t.ada.credentials.toUpperCase(),
      `${t.ada.credentials} `,
      t.ada.credentials.slice(0, 31),
      [t.ada.credentials],
      { credentials: t.ada.credentials },
      { toString: t.ada.credentials },
      true,
      0,
      1,
    ];
    for (const c of wrong) {
      attacker.move(matchID, t.ada.seat, 'commit', [r, decision(r, [5])], c);
      if (c !== t.s.credentials) attacker.move(matchID, '0', 'endGame', [], c);
    }
    await unchanged(t, before);
    // A socket that synced with wrong credentials receives no state at all.
    expect(attacker.packets.filter((p) => p.event === 'sync' || p.event === 'update')).toEqual([]);
    await honestRound(t);
  });
});

describe('SEC-SEAT3 Lobby seats', () => {
  it('refuses a full match, a taken seat, a missing seat, a session’s seat, and someone else’s seat', async () => {
    const created = await api<{ matchID: string }>(app, '/games/kanban-cascade/create', {
      body: { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2 } },
    });
    expect(created.status).toBe(200);
    const id = created.json.matchID;
    const join = (body: unknown) =>
      api<{ playerID: string; playerCredentials: string; error?: string }>(app, `/games/kanban-cascade/${id}/join`, {
        body,
      });
    const fac = await join({ playerID: '0', playerName: 'Fac' });
    const one = await join({ playerName: 'One' });
    const two = await join({ playerName: 'Two' });
    expect([fac.status, one.status, two.status]).toEqual([200, 200, 200]);
    expect([fac.json.playerID, one.json.playerID, two.json.playerID]).toEqual(['0', '1', '2']);
    const seatsBefore = app.storage.fetch(id, { metadata: true }).metadata.players;

    expect((await join({ playerName: 'Late' })).status).toBe(409);
    for (const playerID of ['0', '1', 2])
      expect((await join({ playerID, playerName: 'Thief' })).status, String(playerID)).toBe(409);
    // ('__proto__' is tests/security/pollution.test.ts: it pollutes the whole process.)
    for (const playerID of ['3', '-1', '99', 'constructor', 'toString', 'hasOwnProperty']) {
      const reply = await join({ playerID, playerName: 'Ghost' });
      expect([400, 403, 404, 409], `${playerID}: ${reply.status}`).toContain(reply.status);
    }
    // Someone else's seat with one's own credentials.
    const rename = await api(app, `/games/kanban-cascade/${id}/update`, {
      body: { playerID: 2, credentials: one.json.playerCredentials, newName: 'Pwned' },
    });
    expect(rename.status).toBe(403);
    const leave = await api(app, `/games/kanban-cascade/${id}/leave`, {
      body: { playerID: '2', credentials: one.json.playerCredentials },
    });
    expect(leave.status).toBe(403);
    const leaveFac = await api(app, `/games/kanban-cascade/${id}/leave`, {
      body: { playerID: '0', credentials: fac.json.playerCredentials },
    });
    expect(leaveFac.status).toBe(403);
    expect(app.storage.fetch(id, { metadata: true }).metadata.players).toEqual(seatsBefore);

    // A session's match: its seats are taken only through the session API.
    const s = await createSession(app, { scenario: 'ring-road', players: 2, roundSeconds: 0 });
    const ada = await joinSession(app, s.code, 'Ada');
    for (const playerID of [undefined, '0', ada.seat, '2']) {
      const reply = await api(app, `/games/kanban-cascade/${s.matchID}/join`, {
        body: { playerID, playerName: 'Thief' },
      });
      expect(reply.status, String(playerID)).toBe(403);
    }
    const meta = app.storage.fetch(s.matchID, { metadata: true }).metadata;
    expect(meta.players[0]!.credentials).toBe(s.credentials);
    expect(meta.players[Number(ada.seat)]!.credentials).toBe(ada.credentials);
    expect(meta.players[2]!.name).toBeUndefined();

    // The Lobby match still plays: its holders commit and the round resolves.
    const sockets = await Promise.all([rawSocket(app), rawSocket(app), rawSocket(app)]);
    const holders = [fac.json, one.json, two.json];
    holders.forEach((h, i) => sockets[i]!.sync(id, h.playerID, h.playerCredentials));
    for (const sk of sockets) await waitFor(() => sk.latest() !== null, 'synced');
    sockets[0].move(id, '0', 'start', [], fac.json.playerCredentials);
    await untilStored(app, id, (st) => (st.G as G).status === 'playing', 'started');
    for (const i of [1, 2])
      sockets[i]!.move(id, String(i), 'commit', [1, decision(1, [2])], holders[i]!.playerCredentials);
    await untilStored(app, id, (st) => (st.G as G).round === 2, 'round 1 resolved');
    expect(await healthy(app)).toBe(true);
  });
});

describe('SEC-SEAT4 a Lobby match nobody joined yet', () => {
  it('cannot be started or ended by someone who only knows its match id', async () => {
    const created = await api<{ matchID: string }>(app, '/games/kanban-cascade/create', {
      body: { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2 } },
    });
    const id = created.json.matchID;
    // Listed matches are public: the id is one GET away.
    const list = await api<{ matches: { matchID: string }[] }>(app, '/games/kanban-cascade');
    expect(list.json.matches.map((m) => m.matchID)).toContain(id);
    const stranger = await rawSocket(app);
    stranger.sync(id, '0', undefined);
    await sleep(100); // grace period: a refused sync answers nothing (and the socket may be dropped)
    stranger.move(id, '0', 'start', [], undefined);
    await sleep(150); // grace period: a refused move answers nothing; prove it did not start the match
    stranger.move(id, '0', 'endGame', [], undefined);
    await sleep(150); // grace period: as above, for the end
    const g = rawState(app, id).G;
    expect(g.status, 'a stranger without credentials drove the facilitator seat').toBe('setup');
    expect(await healthy(app)).toBe(true);
  });

  it('cannot be started or ended by a socket that never syncs (the guard’s joined-seat check alone)', async () => {
    // Without a sync the socket is never registered with the match, so nothing but the packet
    // guard's joined-seat check stands between its moves and the facilitator seat.
    const created = await api<{ matchID: string }>(app, '/games/kanban-cascade/create', {
      body: { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2 } },
    });
    const id = created.json.matchID;
    const stranger = await rawSocket(app);
    stranger.move(id, '0', 'start', [], undefined);
    await sleep(150); // grace period: a refused move answers nothing; prove it did not start the match
    stranger.move(id, '0', 'endGame', [], undefined);
    await sleep(150); // grace period: as above, for the end
    expect(rawState(app, id).G.status, 'a socket that never synced drove the facilitator seat').toBe('setup');
  });
});

describe('SEC-SEAT5 the Lobby gate and the spellings the router accepts', () => {
  it('refuses a session join without its code, bad names and seat 0 leaving, however the path is spelt', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 2, roundSeconds: 0 });
    const ada = await joinSession(app, s.code, 'Ada');
    const before = app.storage.fetch(s.matchID, { metadata: true }).metadata;
    const base = `/games/kanban-cascade/${s.matchID}`;
    const spelt = (action: string) => [
      `${base}/${action}/`,
      `${base}/${action.toUpperCase()}`,
      `${base}/${action[0]!.toUpperCase()}${action.slice(1)}/`,
      `/games/KANBAN-CASCADE/${s.matchID}/${action}`,
    ];
    const attempts: [string, unknown][] = [
      ...spelt('join').map((p): [string, unknown] => [p, { playerID: '2', playerName: 'No code' }]),
      ...spelt('update').map((p): [string, unknown] => [
        p,
        { playerID: ada.seat, credentials: ada.credentials, newName: `<script>${'x'.repeat(9000)}</script>` },
      ]),
      ...spelt('update').map((p): [string, unknown] => [
        p,
        { playerID: ada.seat, credentials: ada.credentials, newName: `A\u0000\u202e${'y'.repeat(5000)}` },
      ]),
      ...spelt('leave').map((p): [string, unknown] => [p, { playerID: '0', credentials: s.credentials }]),
    ];
    const through: string[] = [];
    for (const [path, body] of attempts) {
      const reply = await api(app, path, { body });
      if (reply.status < 400) through.push(`${path}: ${reply.status}`);
    }
    expect(through).toEqual([]);
    expect(app.storage.fetch(s.matchID, { metadata: true }).metadata).toEqual(before);
    // The exact route refuses these bodies too, with the reason.
    const exact = await api<{ error: string }>(app, `${base}/update`, {
      body: { playerID: ada.seat, credentials: ada.credentials, newName: 'A\u202eB' },
    });
    expect(exact.status).toBe(400);
    expect(exact.json.error).toMatch(/control or invisible characters/);
  });

  it('takes only the fields of each Lobby route, and a create of at most 64 KB', async () => {
    const created = await api<{ matchID: string }>(app, '/games/kanban-cascade/create', {
      body: { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2 } },
    });
    const id = created.json.matchID;
    const before = app.storage.fetch(id, { metadata: true }).metadata;
    const join = await api<{ error: string }>(app, `/games/kanban-cascade/${id}/join`, {
      body: { playerID: '1', playerName: 'Data', data: { avatar: 'x'.repeat(1000) } },
    });
    expect(join.status).toBe(400);
    expect(join.json.error).toMatch(/unknown field "data"/);
    const create = await api<{ error: string }>(app, '/games/kanban-cascade/create', {
      body: { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2 }, extra: 1 },
    });
    expect(create.json.error).toMatch(/unknown field "extra"/);
    expect(app.storage.fetch(id, { metadata: true }).metadata).toEqual(before);
    // A CORS preflight reaches the exact routes only.
    expect((await api(app, '/games/kanban-cascade/create', { method: 'OPTIONS' })).status).toBeLessThan(400);
    expect((await api(app, `/games/kanban-cascade/${id}/join/`, { method: 'OPTIONS' })).status).toBe(404);
    const huge = await api<{ error: string }>(app, '/games/kanban-cascade/create', {
      body: { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2, pad: 'x'.repeat(70 * 1024) } },
    });
    expect(huge.status).toBe(413);
    expect(huge.json.error).toMatch(/larger than 65536 bytes/);
  });
});

describe('SEC-SEAT6 a seat that changes hands', () => {
  it('stops sending its view to the socket of the player who left, and to nobody else', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 1, roundSeconds: 0 });
    const ada = await joinSession(app, s.code, 'Ada');
    const [old, spectator] = await Promise.all([rawSocket(app), rawSocket(app)]);
    old.sync(s.matchID, ada.seat, ada.credentials);
    spectator.sync(s.matchID, null);
    for (const r of [old, spectator]) await waitFor(() => r.latest() !== null, 'synced');
    const left = await api(app, `/api/sessions/${s.code}/leave`, {
      body: { seat: ada.seat, credentials: ada.credentials },
    });
    expect(left.status).toBe(200);
    await waitFor(() => !old.socket.connected, 'the old socket to be dropped');
    const bo = await joinSession(app, s.code, 'Bo');
    expect(bo.seat).toBe(ada.seat);
    const fresh = await rawSocket(app);
    fresh.sync(s.matchID, bo.seat, bo.credentials);
    await waitFor(() => fresh.latest() !== null, 'synced');
    const seen = old.packets.length;
    await app.steward.move(s.matchID, 'start', []);
    await waitFor(() => (fresh.latest()?.G as unknown as { status?: string })?.status === 'playing', 'started');
    await waitFor(() => (spectator.latest()?.G as unknown as { status?: string })?.status === 'playing', 'spectator');
    expect(old.packets.length, 'the old socket received the new holder’s view').toBe(seen);
    expect(spectator.socket.connected).toBe(true);
    expect(fresh.socket.connected).toBe(true);
  });
});
