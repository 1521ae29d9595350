/**
 * The Socket.IO packet guard (server/guard.ts, docs/BOARDGAME-IO.md holes 1-4): unit tests of
 * refusePacket, and forged packets from a raw socket against a real server.
 *
 * S-GRD1 A well-formed MAKE_MOVE for a move the game defines, from the authenticated seat, passes;
 *        so does a sync for an existing match (seat or spectator).
 * S-GRD2 RESET / UPDATE / SYNC / UNDO / REDO / PATCH / PLUGIN actions and GAME_EVENTs (endTurn,
 *        endGame, setPhase...) are refused.
 * S-GRD3 A move the game does not define, a payload.playerID other than the socket's playerID,
 *        an automatic action, non-array args, or a malformed action, state or match id is refused.
 * S-GRD4 A sync for an unknown match or with a malformed match or player id is refused.
 * S-GRD5 Every other event (chat, authenticate, a made-up event, a non-string event) is refused.
 * S-GRD7 Move args are bounded plain data (depth, values, characters; no prototype-named or
 *        non-identifier keys), the action and payload carry only the fields a real client sends,
 *        and sync carries at most match id, player id, credentials and number of players.
 * S-GRD6 End to end: a raw socket holding seat 1's credentials cannot commit as seat 7, end the
 *        game, end the turn, replace the state, create a match by syncing an unknown id, or chat;
 *        its own valid commit still goes through.
 */
import { describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { refusePacket, safeRefusal } from '../../server/guard';
import { createGame } from '../../game/core/game';
import {
  type FacilitatorView,
  type SeatView,
  type TestApp,
  connectSeat,
  createSession,
  decision,
  joinSession,
  rawState,
  sleep,
  withTestApp,
  waitFor,
} from './helpers';

const MOVES = new Set(Object.keys(createGame().moves ?? {}));
const KNOWN = 'a1b2c3d4e5f60718';
const exists = (id: string) => id === KNOWN;

const move = (type: string, playerID: string, extra: Record<string, unknown> = {}) => ({
  type: 'MAKE_MOVE',
  payload: { type, args: [1, { round: 1, bins: [2, 2] }], playerID, credentials: 'c'.repeat(32), ...extra },
});
const update = (action: unknown, playerID: unknown = '1', stateID: unknown = 7, matchID: unknown = KNOWN) => [
  'update',
  action,
  stateID,
  matchID,
  playerID,
];
const refuse = (packet: unknown[]) => refusePacket(packet, MOVES, exists);

describe('S-GRD1 allowed packets', () => {
  it('lets a well-formed move from the authenticated seat through', () => {
    expect(refuse(update(move('commit', '1')))).toBeNull();
    expect(refuse(update(move('vote', '3'), '3'))).toBeNull();
    expect(refuse(update(move('start', '0', { args: [] }), '0'))).toBeNull();
    expect(refuse(update(move('pause', '0', { args: undefined }), '0'))).toBeNull();
    expect(refuse(update(move('closeRound', '0', { args: [1] }), '0', 0))).toBeNull();
  });

  it('lets a sync for an existing match through, for a seat or a spectator', () => {
    expect(refuse(['sync', KNOWN, '1', 'cred', 13])).toBeNull();
    expect(refuse(['sync', KNOWN, '0', 'cred', 13])).toBeNull();
    expect(refuse(['sync', KNOWN, null, undefined, 13])).toBeNull();
    expect(refuse(['sync', KNOWN])).toBeNull();
  });

  it('knows every move of the game', () => {
    expect([...MOVES].sort()).toEqual(
      [
        'clock',
        'closeRound',
        'commit',
        'convene',
        'endGame',
        'pause',
        'reveal',
        'resume',
        'setPresence',
        'shock',
        'start',
        'vote',
      ].sort(),
    );
  });
});

describe('S-GRD2 state-replacing actions and events', () => {
  it.each(['RESET', 'UPDATE', 'SYNC', 'UNDO', 'REDO', 'PATCH', 'PLUGIN', 'STRIP_TRANSIENTS', 'make_move', ''])(
    'refuses a %s action',
    (type) => {
      const reason = refuse(update({ type, payload: { type: 'commit', args: [], playerID: '1' }, state: {} }));
      expect(reason).toMatch(/action type .* not allowed/);
    },
  );

  it.each(['endTurn', 'endGame', 'endPhase', 'setPhase', 'endStage', 'setStage', 'setActivePlayers', 'pass'])(
    'refuses a GAME_EVENT %s',
    (event) => {
      const action = { type: 'GAME_EVENT', payload: { type: event, args: [{ winner: '1' }], playerID: '1' } };
      expect(refuse(update(action))).toMatch(/action type GAME_EVENT not allowed/);
    },
  );
});

describe('S-GRD3 malformed or forged moves', () => {
  it('refuses a move the game does not define', () => {
    for (const type of ['hack', 'constructor', '__proto__', 'toString', 'endGame ', 'COMMIT']) {
      expect(refuse(update(move(type, '1'))), type).toBe('update: unknown move');
    }
    expect(refuse(update({ type: 'MAKE_MOVE', payload: { args: [], playerID: '1' } }))).toBe('update: unknown move');
  });

  it('refuses a payload.playerID other than the socket playerID', () => {
    expect(refuse(update(move('commit', '7'), '1'))).toMatch(/playerID differs/);
    expect(refuse(update(move('start', '0'), '1'))).toMatch(/playerID differs/);
    expect(refuse(update(move('commit', '1'), 1))).toMatch(/playerID differs/);
    expect(refuse(update(move('commit', '1'), null))).toMatch(/playerID differs/);
    expect(refuse(update(move('commit', '1', { playerID: undefined }), '1'))).toMatch(/playerID differs/);
    expect(refuse(update(move('commit', '1', { playerID: 1 }), '1'))).toMatch(/playerID differs/);
  });

  it('refuses automatic actions', () => {
    expect(refuse(update({ ...move('commit', '1'), automatic: true }))).toMatch(/automatic/);
    expect(refuse(update(move('commit', '1', { automatic: true })))).toMatch(/automatic/);
    expect(refuse(update({ ...move('commit', '1'), automatic: false }))).toMatch(/automatic/);
  });

  it('refuses malformed actions, args, state and match ids', () => {
    expect(refuse(update(null))).toMatch(/not an object/);
    expect(refuse(update('MAKE_MOVE'))).toMatch(/not an object/);
    expect(refuse(update([move('commit', '1')]))).toMatch(/not an object/);
    expect(refuse(update({ type: 'MAKE_MOVE' }))).toMatch(/no payload/);
    expect(refuse(update({ type: 'MAKE_MOVE', payload: 'commit' }))).toMatch(/no payload/);
    expect(refuse(update(move('commit', '1', { args: { 0: 1 } })))).toMatch(/args must be an array/);
    expect(refuse(update(move('commit', '1', { args: 'x' })))).toMatch(/args must be an array/);
    expect(refuse(update(move('commit', '1'), '1', '7'))).toMatch(/bad state or match id/);
    expect(refuse(update(move('commit', '1'), '1', 7, 42))).toMatch(/bad state or match id/);
    expect(refuse(['update'])).not.toBeNull();
  });
});

describe('S-GRD4 sync', () => {
  it('refuses a sync for an unknown match', () => {
    expect(refuse(['sync', 'f'.repeat(16), '1', 'cred', 13])).toBe('sync: unknown match');
    expect(refuse(['sync', 'default', null])).toBe('sync: unknown match');
  });

  it('refuses malformed match and player ids', () => {
    expect(refuse(['sync', 42, '1'])).toBe('sync: bad match id');
    expect(refuse(['sync', undefined])).toBe('sync: bad match id');
    expect(refuse(['sync', 'x'.repeat(65), '1'])).toBe('sync: bad match id');
    for (const playerID of ['abc', '1a', '1000', '-1', '', 1, {}]) {
      expect(refuse(['sync', KNOWN, playerID, 'cred']), JSON.stringify(playerID)).toBe('sync: bad player id');
    }
  });
});

describe('S-GRD5 other events', () => {
  it('refuses chat, made-up events and non-string events', () => {
    expect(refuse(['chat', KNOWN, { id: 'x', sender: '1', payload: 'hi' }, 'cred'])).toMatch(/event chat not allowed/);
    for (const packet of [
      ['authenticate'],
      ['patch', KNOWN],
      ['matchData', KNOWN],
      ['disconnect'],
      ['x'.repeat(500)],
    ]) {
      expect(refuse(packet), String(packet[0]).slice(0, 20)).toMatch(/not allowed/);
    }
    expect(refuse([42, 'update'])).toMatch(/not allowed/);
    expect(refuse([])).toMatch(/not allowed/);
    expect(refuse(['x'.repeat(500)])!.length).toBeLessThan(60);
  });
});

describe('S-GRD7 bounded move arguments and exact packet shapes', () => {
  const withArgs = (args: unknown) => update(move('commit', '1', { args }));
  const deep = (depth: number): unknown => {
    let v: unknown = [];
    for (let i = 1; i < depth; i++) v = [v];
    return v;
  };

  it('lets the deepest and largest real move through', () => {
    expect(
      refuse(withArgs([1, { round: 1, bins: [2, 2, 2], kaizenFace: 3, help: 2, suppliers: [4, 5, 6] }])),
    ).toBeNull();
    const storm = { kind: 'storm', workshops: Array.from({ length: 200 }, (_, i) => i), rounds: 3, extra: 2 };
    expect(refuse(update(move('shock', '0', { args: [storm] }), '0'))).toBeNull();
  });

  it('refuses args nested deeper than 6 levels, however small', () => {
    expect(refuse(withArgs(deep(6)))).toBeNull();
    expect(refuse(withArgs(deep(7)))).toMatch(/args: nested deeper than 6 levels/);
    expect(refuse(withArgs([1, { bins: deep(6) }]))).toMatch(/nested deeper/);
  });

  it('refuses args with too many values or characters', () => {
    expect(refuse(withArgs(Array.from({ length: 400 }, () => 0)))).toMatch(/more than 400 values/);
    expect(refuse(withArgs(['x'.repeat(2001)]))).toMatch(/more than 2000 characters/);
  });

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'isPrototypeOf',
    '',
    '1',
    'a b',
    'x'.repeat(41),
  ])('refuses the key %j anywhere in the args', (key) => {
    const obj = JSON.parse(`{${JSON.stringify(key)}: 1}`) as unknown;
    expect(refuse(withArgs([1, obj]))).toMatch(/args: the key .* is not allowed/);
    expect(refuse(withArgs([1, [[obj]]]))).toMatch(/args: the key .* is not allowed/);
  });

  it('refuses fields a real client never sends', () => {
    expect(refuse(update({ ...move('commit', '1'), state: {} }))).toMatch(/fields a move does not have/);
    expect(refuse(update(move('commit', '1', { extra: 1 })))).toMatch(/fields a move does not have/);
    expect(refuse(update(move('commit', '1', { credentials: 'c'.repeat(65) })))).toMatch(/bad credentials/);
    expect(refuse(update(move('commit', '1', { credentials: ['c'] })))).toMatch(/bad credentials/);
    expect(refuse([...update(move('commit', '1')), 'extra'])).toMatch(/bad state or match id/);
    expect(refuse(update(move('commit', '1'), '1', 7, 'a/b'))).toMatch(/bad state or match id/);
  });

  it('refuses, without throwing, values whose own toString is not a function anywhere in a packet', () => {
    const evil = JSON.parse('{"toString": 1, "valueOf": 1}') as unknown;
    expect(refuse([evil])).toMatch(/event an object not allowed/);
    expect(refuse(update({ type: evil }))).toMatch(/action type an object not allowed/);
    expect(refuse(update(move('commit', '1'), evil))).toMatch(/playerID differs/);
    expect(refuse(update(move('commit', '1'), '1', evil, evil))).toMatch(/bad state or match id/);
    expect(refuse(['sync', evil, evil, evil, evil])).toBe('sync: bad match id');
    expect(refuse(update(move('commit', '1', { args: [1, evil] })))).toMatch(/the key "toString" is not allowed/);
  });

  it('refuses a packet when the guard itself throws (safeRefusal)', () => {
    expect(safeRefusal(() => null)).toBeNull();
    expect(safeRefusal(() => 'no')).toBe('no');
    expect(
      safeRefusal(() => {
        throw new TypeError('Cannot convert object to primitive value');
      }),
    ).toBe('the packet guard failed on this packet');
  });

  it('refuses a sync with deep or extra arguments', () => {
    expect(refuse(['sync', KNOWN, '1', [[[]]], 13])).toMatch(/bad credentials/);
    expect(refuse(['sync', KNOWN, '1', 'cred', '13'])).toMatch(/bad credentials/);
    expect(refuse(['sync', KNOWN, '1', 'cred', 13, 'x'])).toMatch(/extra arguments/);
    expect(refuse(['sync', '../x', '1'])).toBe('sync: bad match id');
  });
});

describe('S-GRD6 forged packets against a real server', () => {
  let app: TestApp;
  withTestApp((started) => (app = started));

  async function rawSocket(): Promise<Socket> {
    const socket = io(`${app.url}/kanban-cascade`, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    return socket;
  }

  it('drops every forged packet; the state changes only by the valid commit', async () => {
    const s = await createSession(app, { scenario: 'two-inputs', players: 2 });
    const ada = await joinSession(app, s.code, 'Ada');
    const bo = await joinSession(app, s.code, 'Bo');
    expect([ada.seat, bo.seat]).toEqual(['1', '7']);
    const facilitator = connectSeat(app, { matchID: s.matchID, seat: '0', credentials: s.credentials });
    const boClient = connectSeat(app, { matchID: s.matchID, seat: bo.seat, credentials: bo.credentials });
    await facilitator.until((v) => v.status === 'setup', 'synced');
    await boClient.until((v) => v.status === 'setup', 'synced');
    facilitator.move('start');
    const fv = await facilitator.until<FacilitatorView>(
      (v) => v.status === 'playing' && v.absent.length === 10,
      'started, unjoined seats absent',
    );
    expect(fv.absent).not.toContain(bo.seat);

    const socket = await rawSocket();
    const received: unknown[] = [];
    socket.on('sync', (...args: unknown[]) => received.push(args));
    socket.emit('sync', s.matchID, ada.seat, ada.credentials, 13);
    await waitFor(() => received.length > 0, 'sync answer');
    const before = rawState(app, s.matchID);
    const stateID = before._stateID;
    const boView = boClient.view<SeatView>()!;
    const bins = boView.me.suppliers.map(() => 9);
    const creds = ada.credentials;
    const forged: unknown[][] = [
      // Hole 1: seat 1's credentials, a move as seat 7.
      update(
        {
          type: 'MAKE_MOVE',
          payload: { type: 'commit', args: [1, { round: 1, bins }], playerID: bo.seat, credentials: creds },
        },
        ada.seat,
        stateID,
        s.matchID,
      ),
      // The same with the socket-level playerID of seat 7 (credentials do not match: the server refuses it).
      update(
        {
          type: 'MAKE_MOVE',
          payload: { type: 'commit', args: [1, { round: 1, bins }], playerID: bo.seat, credentials: creds },
        },
        bo.seat,
        stateID,
        s.matchID,
      ),
      // Facilitator moves from a player seat, as the facilitator.
      update(
        { type: 'MAKE_MOVE', payload: { type: 'endGame', args: [], playerID: '0', credentials: creds } },
        ada.seat,
        stateID,
        s.matchID,
      ),
      // Hole 3: disabled events.
      update(
        {
          type: 'GAME_EVENT',
          payload: { type: 'endGame', args: [{ winner: ada.seat }], playerID: ada.seat, credentials: creds },
        },
        ada.seat,
        stateID,
        s.matchID,
      ),
      update(
        { type: 'GAME_EVENT', payload: { type: 'endTurn', args: [], playerID: ada.seat, credentials: creds } },
        ada.seat,
        stateID,
        s.matchID,
      ),
      // Hole 2: replace the whole state.
      update(
        { type: 'RESET', state: { ...before, G: { ...before.G, round: 99 } }, payload: { credentials: creds } },
        ada.seat,
        stateID,
        s.matchID,
      ),
      update(
        {
          type: 'UPDATE',
          state: { ...before, G: { ...before.G, round: 99 } },
          deltalog: [],
          payload: { credentials: creds },
        },
        ada.seat,
        stateID,
        s.matchID,
      ),
      update(
        {
          type: 'MAKE_MOVE',
          payload: { type: 'commit', args: [1, { round: 1, bins }], playerID: ada.seat, credentials: creds },
          automatic: true,
        },
        ada.seat,
        stateID,
        s.matchID,
      ),
      ['chat', s.matchID, { id: 'c1', sender: ada.seat, payload: 'hello' }, creds],
    ];
    for (const [event, ...args] of forged) socket.emit(event as string, ...args);
    // Hole 4: a sync for an unknown match would create it.
    const ghost = 'deadbeefdeadbeef';
    socket.emit('sync', ghost, null, undefined, 2);
    // A valid commit on the same socket: handled after the forged packets.
    const adaBins = rawState(app, s.matchID).G.workshops[0]!.suppliers.map(() => 3);
    const mine = { round: 1, bins: adaBins, kaizenFace: null, help: null, suppliers: null };
    socket.emit(
      'update',
      { type: 'MAKE_MOVE', payload: { type: 'commit', args: [1, mine], playerID: ada.seat, credentials: creds } },
      stateID,
      s.matchID,
      ada.seat,
    );
    await waitFor(() => {
      const now = rawState(app, s.matchID);
      return now.G.committed[ada.seat] !== undefined || now.G.round !== 1 || now.ctx.gameover !== undefined;
    }, 'the valid commit (or a forged change)');
    await sleep(100); // grace period: refused packets answer nothing; prove none changes the state late

    const after = rawState(app, s.matchID);
    expect(after.ctx.gameover).toBeUndefined();
    expect(after.G.status).toBe('playing');
    expect(after.G.round).toBe(1);
    expect(Object.keys(after.G.committed)).toEqual([ada.seat]);
    expect(after.G.committed[ada.seat]!.bins).toEqual(adaBins);
    expect(after.ctx.turn).toBe(before.ctx.turn);
    expect({ ...after.G, committed: {} }).toEqual({ ...before.G, committed: {} });
    expect(app.storage.fetch(ghost, { metadata: true }).metadata).toBeUndefined();
    expect(app.storage.listMatches()).not.toContain(ghost);
    expect(boClient.view<SeatView>()!.committed).toBe(false);
    // Bo can still commit his own decision.
    boClient.move('commit', 1, decision(boView, 5));
    const r2 = await facilitator.until<FacilitatorView>((v) => v.round === 2, 'round 2');
    expect(r2.lastRound!.workshops[6]!.bins).toEqual(boView.me.bins);
    expect(rawState(app, s.matchID).G.workshops[6]!.bins.every((b) => b === 5)).toBe(true);
    socket.close();
  });
});
