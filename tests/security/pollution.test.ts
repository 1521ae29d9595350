/**
 * SEC-POL: prototype pollution through boardgame.io's Lobby join. Its handler does
 * `metadata.players[playerID].name = playerName` (and `.credentials = ...`) with the playerID from
 * the body; with playerID "__proto__" that writes `name` and `credentials` on Object.prototype of
 * the server process. lobbyGuard checks the name of a Lobby join, not its playerID.
 *
 * Impact, all checked below: every object of the process then has a `name` and `credentials`
 * (inherited), so
 *  - the session API sees every free workshop as taken: joins answer 409 for every session;
 *  - an unjoined seat's metadata inherits the attacker's credentials: the attacker can move for
 *    autopilot seats of any match;
 *  - unrelated code breaks (Node's fetch reads `init.credentials` and throws).
 * This file runs in its own worker; afterAll removes the pollution.
 *
 * SEC-POL1 A Lobby join (and update, leave) with playerID "__proto__" is refused and pollutes nothing;
 *          the session API still seats joiners and the match still plays.
 * SEC-POL2 The same through every spelling the Lobby router accepts (`/join/`, `/JOIN`, `/Join/`,
 *          `/games/KANBAN-CASCADE/...`, percent-encoded, doubled slashes) and with every
 *          prototype-named or foreign seat id: refused, nothing polluted, no credentials handed out.
 *          (The attack that got through used `/join/`: the old guard matched exact paths only.)
 * SEC-POL3 Underneath the gate, stored metadata's players table has no prototype, so an index by
 *          "__proto__" finds nothing even if a request reached boardgame.io's handlers.
 */
import { describe, expect, it } from 'vitest';
import type { G } from '../../game/core/types';
import { parseMetadata } from '../../server/storage/sqlite';
import { type TestApp, api, createSession, joinSession, waitFor } from '../server/helpers';
import { healthy, rawSocket, untilStored, withTestApp } from './raw';

let app: TestApp;
const proto = Object.prototype as unknown as Record<string, unknown>;

withTestApp(
  (started) => (app = started),
  () => {
    for (const key of ['name', 'credentials', 'data', 'isConnected']) delete proto[key];
  },
);

describe('SEC-POL1 playerID "__proto__" on the Lobby routes', () => {
  it('is refused, pollutes nothing, and sessions still seat players and play', async () => {
    const created = await api<{ matchID: string }>(app, '/games/kanban-cascade/create', {
      body: { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2 } },
    });
    expect(created.status).toBe(200);
    const id = created.json.matchID;
    // Someone joined seat 1 (so credentials are required in this match from now on).
    const one = await api<{ playerCredentials: string }>(app, `/games/kanban-cascade/${id}/join`, {
      body: { playerID: '1', playerName: 'One' },
    });
    expect(one.status).toBe(200);
    const s = await createSession(app, { scenario: 'ring-road', players: 2, roundSeconds: 0 });

    const attack = await api<{ playerID?: string; playerCredentials?: string }>(
      app,
      `/games/kanban-cascade/${id}/join`,
      {
        body: { playerID: '__proto__', playerName: 'Mallory' },
      },
    );
    const polluted = { name: proto.name, credentials: proto.credentials };
    // Clean up at once so that the assertions below (and fetch) run in a sane process.
    for (const key of ['name', 'credentials', 'data']) delete proto[key];
    expect(
      { status: attack.status, polluted },
      `Lobby join with playerID "__proto__" answered ${attack.status} ${attack.text.slice(0, 100)}`,
    ).toEqual({ status: expect.any(Number), polluted: { name: undefined, credentials: undefined } });
    expect([400, 403, 404]).toContain(attack.status);
    expect(await healthy(app)).toBe(true);
    const ada = await joinSession(app, s.code, 'Ada');
    expect(ada.seat).toBe('1');
    await app.steward.move(s.matchID, 'start', []);
    const sock = await rawSocket(app);
    sock.sync(s.matchID, ada.seat, ada.credentials);
    await waitFor(() => sock.latest() !== null, 'synced');
    sock.move(
      s.matchID,
      ada.seat,
      'commit',
      [1, { round: 1, bins: [2], kaizenFace: null, help: null, suppliers: null }],
      ada.credentials,
    );
    const resolved = await untilStored(app, s.matchID, (st) => (st.G as G).round === 2, 'round 1 resolved');
    expect((resolved.G as G).workshops[0]!.bins).toEqual([2]);
  });

  it('demonstrates the impact while polluted: sessions are full and autopilot seats take the attacker’s credentials', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 2, roundSeconds: 0 });
    const created = await api<{ matchID: string }>(app, '/games/kanban-cascade/create', {
      body: { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2 } },
    });
    const id = created.json.matchID;
    const attack = await api<{ playerCredentials?: string }>(app, `/games/kanban-cascade/${id}/join`, {
      body: { playerID: '__proto__', playerName: 'Mallory' },
    });
    const stolen = proto.credentials;
    const pollutedNow = stolen !== undefined;
    // While polluted, Node's fetch throws; read the session API through the storage instead.
    const meta = app.storage.fetch(s.matchID, { metadata: true }).metadata;
    const freeSeats = Object.values(meta.players).filter((p) => p.name === undefined).length;
    const unjoinedSeatHoldsStolen = pollutedNow && meta.players[3]!.credentials === stolen;
    for (const key of ['name', 'credentials', 'data']) delete proto[key];
    expect(
      { attack: attack.status, pollutedNow, freeSeatsSeenBySessionApi: freeSeats, unjoinedSeatHoldsStolen },
      `with Object.prototype polluted the session API sees ${freeSeats} free workshops (of 12) and the attacker holds credentials ${String(stolen)} for every unjoined seat`,
    ).toEqual({
      attack: expect.any(Number),
      pollutedNow: false,
      freeSeatsSeenBySessionApi: 12,
      unjoinedSeatHoldsStolen: false,
    });
  });
});

describe('SEC-POL2 every spelling of the Lobby write routes, every foreign seat id', () => {
  it('refuses them all; nothing is polluted and no credentials are handed out', async () => {
    const created = await api<{ matchID: string }>(app, '/games/kanban-cascade/create', {
      body: { numPlayers: 3, setupData: { scenario: 'ring-road', humanSeats: 2 } },
    });
    const id = created.json.matchID;
    const spellings = (action: string) => [
      `/games/kanban-cascade/${id}/${action}/`,
      `/games/kanban-cascade/${id}/${action.toUpperCase()}`,
      `/games/kanban-cascade/${id}/${action[0]!.toUpperCase()}${action.slice(1)}/`,
      `/games/KANBAN-CASCADE/${id}/${action}`,
      `/GAMES/kanban-cascade/${id}/${action}`,
      `/games/kanban%2Dcascade/${id}/${action}`,
      `/games/kanban-cascade/${id}/%6A${action.slice(1)}`,
      `//games/kanban-cascade/${id}/${action}`,
      `/games/kanban-cascade/${id}//${action}`,
    ];
    const answers: string[] = [];
    for (const action of ['join', 'update', 'leave', 'rename']) {
      for (const path of spellings(action)) {
        for (const playerID of ['__proto__', 'constructor', 'prototype', 'toString', '1']) {
          const reply = await api<{ playerCredentials?: string }>(app, path, {
            body: { playerID, playerName: 'Mallory', newName: 'Mallory', credentials: 'x' },
          });
          const polluted = proto.name !== undefined || proto.credentials !== undefined;
          for (const key of ['name', 'credentials', 'data']) delete proto[key];
          if (polluted || reply.status < 400 || reply.json?.playerCredentials !== undefined)
            answers.push(`${path} ${playerID}: ${reply.status}${polluted ? ' POLLUTED' : ''}`);
        }
      }
    }
    for (const playerID of ['__proto__', 'constructor', '3', '999', '-1', 1.5, null, [], {}]) {
      for (const action of ['join', 'update', 'leave']) {
        const reply = await api<{ playerCredentials?: string }>(app, `/games/kanban-cascade/${id}/${action}`, {
          body:
            action === 'join'
              ? { playerID, playerName: 'Mallory' }
              : { playerID, credentials: 'x', ...(action === 'update' ? { newName: 'M' } : {}) },
        });
        const polluted = proto.name !== undefined || proto.credentials !== undefined;
        for (const key of ['name', 'credentials', 'data']) delete proto[key];
        if (polluted || reply.status !== 400) answers.push(`${action} ${JSON.stringify(playerID)}: ${reply.status}`);
      }
    }
    expect(answers).toEqual([]);
    // The exact routes still work for an honest Lobby client.
    const join = await api<{ playerCredentials: string }>(app, `/games/kanban-cascade/${id}/join`, {
      body: { playerID: '2', playerName: 'Honest' },
    });
    expect(join.status).toBe(200);
    const meta = app.storage.fetch(id, { metadata: true }).metadata;
    expect(Object.values(meta.players).map((p) => p.name ?? null)).toEqual([null, null, 'Honest']);
    expect(await healthy(app)).toBe(true);
  });
});

describe('SEC-POL3 stored metadata', () => {
  it('has a players table without a prototype', () => {
    const meta = parseMetadata(JSON.stringify({ gameName: 'kanban-cascade', players: { 0: { id: 0 } } }));
    const players = meta.players as unknown as Record<string, unknown>;
    expect(players.__proto__).toBeUndefined();
    expect(players.constructor).toBeUndefined();
    expect(Object.keys(players)).toEqual(['0']);
  });
});
