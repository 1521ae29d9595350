/**
 * A server restart on the same data folder (SQLite, WAL) keeps every session.
 *
 * S-RST1 After a clean restart the session is still there (GET /api/sessions/:code), its state
 *        (round, history, bins) intact; players reconnect with their stored credentials to the
 *        same seats and keep playing; the database passes PRAGMA integrity_check.
 * S-RST2 The round clock survives a restart: a timed round whose deadline passed while the
 *        server was down is closed by the new server.
 * S-RST3 After a crash (the database as it was while players were connected, copied with
 *        SQLite's backup), players who never come back are not counted as connected: they turn
 *        absent after the grace period, so the round is not stuck waiting for them.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type FacilitatorView,
  type SeatView,
  type TestApp,
  api,
  connectSeat,
  createSession,
  decision,
  joinSession,
  rawState,
  removeDir,
  startTestApp,
  stopAllClients,
  waitFor,
} from './helpers';

const open: TestApp[] = [];
const dirs = new Set<string>();

async function start(dataDir?: string): Promise<TestApp> {
  const app = await startTestApp({ graceMs: 300, tickMs: 40, ...(dataDir ? { dataDir } : {}) });
  open.push(app);
  dirs.add(app.dataDir);
  return app;
}

async function closeApp(app: TestApp): Promise<void> {
  const i = open.indexOf(app);
  if (i >= 0) {
    open.splice(i, 1);
    await app.close();
  }
}

afterEach(async () => {
  stopAllClients();
  for (const app of [...open]) await closeApp(app);
  for (const dir of dirs) await removeDir(dir);
  dirs.clear();
});

const dbFile = (dataDir: string) => join(dataDir, 'kanban-cascade.sqlite');

function integrity(dataDir: string): string {
  const db = new Database(dbFile(dataDir), { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

describe('S-RST1 a clean restart', () => {
  it('keeps the session, its state and seats; players reconnect and keep playing', async () => {
    const first = await start();
    const s = await createSession(first, { scenario: 'two-inputs', players: 2, rounds: 6 });
    const ada = await joinSession(first, s.code, 'Ada');
    const bo = await joinSession(first, s.code, 'Bo');
    let facilitator = connectSeat(first, { matchID: s.matchID, seat: '0', credentials: s.credentials });
    let a = connectSeat(first, { matchID: s.matchID, seat: ada.seat, credentials: ada.credentials });
    let b = connectSeat(first, { matchID: s.matchID, seat: bo.seat, credentials: bo.credentials });
    for (const c of [facilitator, a, b]) await c.until((v) => v.status === 'setup', 'synced');
    facilitator.move('start');
    await facilitator.until<FacilitatorView>((v) => v.status === 'playing' && v.absent.length === 10, 'started');
    await a.until<SeatView>((v) => v.status === 'playing', 'a playing');
    await b.until<SeatView>((v) => v.status === 'playing', 'b playing');
    // Round 1: both commit. Round 2: Ada commits, the facilitator closes it.
    a.move('commit', 1, decision(a.view<SeatView>()!, 4));
    b.move('commit', 1, decision(b.view<SeatView>()!, 5));
    await facilitator.until<FacilitatorView>((v) => v.round === 2, 'round 2');
    a.move('commit', 2, decision(await a.until<SeatView>((v) => v.round === 2, 'a round 2'), 3));
    await facilitator.until<FacilitatorView>((v) => v.committedSeats.includes(ada.seat), 'ada committed');
    facilitator.move('closeRound', 2);
    await facilitator.until<FacilitatorView>((v) => v.round === 3, 'round 3');
    b.move('commit', 3, decision(await b.until<SeatView>((v) => v.round === 3, 'b round 3'), 2));
    await facilitator.until<FacilitatorView>((v) => v.committedSeats.includes(bo.seat), 'bo committed round 3');

    const before = rawState(first, s.matchID);
    expect(before.G.round).toBe(3);
    expect(before.G.history).toHaveLength(2);
    const infoBefore = await api<Record<string, unknown>>(first, `/api/sessions/${s.code}`);
    for (const c of [facilitator, a, b]) c.stop();
    await waitFor(
      () =>
        Object.values(first.storage.fetch(s.matchID, { metadata: true }).metadata.players).every((p) => !p.isConnected),
      'everyone disconnected',
    );
    await closeApp(first);
    expect(integrity(first.dataDir)).toBe('ok');

    const second = await start(first.dataDir);
    expect(second.port).not.toBe(0);
    const info = await api(second, `/api/sessions/${s.code}`);
    expect(info.status).toBe(200);
    expect(info.json).toEqual({
      ...infoBefore.json,
      players: [
        { seat: ada.seat, name: 'Ada', connected: false },
        { seat: bo.seat, name: 'Bo', connected: false },
      ],
    });
    expect(info.json).toMatchObject({ status: 'playing', round: 3, players: [{ name: 'Ada' }, { name: 'Bo' }] });
    const after = rawState(second, s.matchID);
    expect(after.G).toEqual(before.G);
    expect(after._stateID).toBe(before._stateID);
    expect(after.G.committed).toEqual({ [bo.seat]: before.G.committed[bo.seat] });

    facilitator = connectSeat(second, { matchID: s.matchID, seat: '0', credentials: s.credentials });
    a = connectSeat(second, { matchID: s.matchID, seat: ada.seat, credentials: ada.credentials });
    b = connectSeat(second, { matchID: s.matchID, seat: bo.seat, credentials: bo.credentials });
    const av = await a.until<SeatView>((v) => v.round === 3, 'ada back in round 3');
    expect(av.seat).toBe(ada.seat);
    expect(av.me.index).toBe(0);
    expect(av.myHistory).toHaveLength(2);
    expect(av.committed).toBe(false);
    expect(av.me.bins.every((x) => x === 3)).toBe(true);
    const bv = await b.until<SeatView>((v) => v.round === 3, 'bo back in round 3');
    expect(bv.committed).toBe(true);
    const fv = await facilitator.until<FacilitatorView>((v) => v.round === 3, 'facilitator back');
    expect(fv.lastRound!.round).toBe(2);
    expect(fv.absent).not.toContain(ada.seat);

    // Keep playing: Ada's commit completes round 3 (Bo's was kept across the restart).
    a.move('commit', 3, decision(av, 6));
    const r4 = await facilitator.until<FacilitatorView>((v) => v.round === 4, 'round 4 after the restart');
    expect(r4.lastRound!.round).toBe(3);
    expect(r4.lastRound!.workshops[0]!.autopilot).toBe(false);
    expect(r4.lastRound!.workshops[6]!.autopilot).toBe(false);
    expect(rawState(second, s.matchID).G.history.slice(0, 2)).toEqual(before.G.history);
    // New players can still join the restarted session.
    expect((await joinSession(second, s.code, 'Cy')).seat).toBe('2');
    stopAllClients();
    await closeApp(second);
    expect(integrity(first.dataDir)).toBe('ok');
  });
});

describe('S-RST2 the clock across a restart', () => {
  it('closes a round whose deadline passed while the server was down', async () => {
    const first = await start();
    const s = await createSession(first, { scenario: 'ring-road', players: 1, roundSeconds: 10 });
    const facilitator = connectSeat(first, { matchID: s.matchID, seat: '0', credentials: s.credentials });
    await facilitator.until((v) => v.status === 'setup', 'synced');
    facilitator.move('start');
    await facilitator.until<FacilitatorView>((v) => v.clock?.round === 1, 'clock');
    await first.steward.move(s.matchID, 'clock', [1, Date.now() + 200, null]);
    facilitator.stop();
    // Stop before the deadline passes.
    await closeApp(first);
    const second = await start(first.dataDir);
    await waitFor(() => rawState(second, s.matchID).G.round === 2, 'round closed by the new server', 3000);
    expect(rawState(second, s.matchID).G.history[0]!.workshops.every((w) => w.autopilot)).toBe(true);
  });
});

describe('S-RST3 a crash while players are connected', () => {
  it('does not keep the dropped players connected forever', async () => {
    const first = await start();
    const s = await createSession(first, { scenario: 'two-inputs', players: 2 });
    const ada = await joinSession(first, s.code, 'Ada');
    const bo = await joinSession(first, s.code, 'Bo');
    const facilitator = connectSeat(first, { matchID: s.matchID, seat: '0', credentials: s.credentials });
    const a = connectSeat(first, { matchID: s.matchID, seat: ada.seat, credentials: ada.credentials });
    const b = connectSeat(first, { matchID: s.matchID, seat: bo.seat, credentials: bo.credentials });
    for (const c of [facilitator, a, b]) await c.until((v) => v.status === 'setup', 'synced');
    facilitator.move('start');
    await facilitator.until<FacilitatorView>((v) => v.status === 'playing' && v.absent.length === 10, 'started');
    a.move('commit', 1, decision(await a.until<SeatView>((v) => v.status === 'playing', 'a playing'), 4));
    await facilitator.until<FacilitatorView>((v) => v.committedSeats.includes(ada.seat), 'ada committed');
    // The database as a crash (kill -9, power loss) leaves it: every acknowledged write, players connected.
    const crashDir = await mkdtemp(join(tmpdir(), 'kc-crash-'));
    dirs.add(crashDir);
    await first.storage.db.backup(dbFile(crashDir));
    expect(integrity(crashDir)).toBe('ok');

    const second = await start(crashDir);
    expect(rawState(second, s.matchID).G.committed[ada.seat]).toBeDefined();
    // Only Ada comes back. Bo is gone: after the grace period he must be absent (autopilot), and
    // with Ada's commit in, the round closes (R0) instead of waiting for him forever.
    const back = connectSeat(second, { matchID: s.matchID, seat: ada.seat, credentials: ada.credentials });
    await back.until<SeatView>((v) => v.committed, 'ada back');
    const info = await api<{ players: { seat: string; connected: boolean }[] }>(second, `/api/sessions/${s.code}`);
    await waitFor(
      () => rawState(second, s.matchID).G.absent.includes(bo.seat),
      'bo absent after the crash',
      2000,
    ).catch((e: unknown) => {
      throw new Error(
        `${String(e)}; the session still says ${JSON.stringify(info.json.players)} (stale isConnected from before the crash)`,
      );
    });
    await waitFor(() => rawState(second, s.matchID).G.round === 2, 'round 1 closed', 2000);
  });
});
