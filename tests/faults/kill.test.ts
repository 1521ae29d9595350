/**
 * Fault injection: the REAL server (`tsx server/main.ts`, env PORT and DATA_DIR) as a child
 * process, killed with SIGKILL in the middle of a round and restarted on the same data folder
 * and port. Players are real boardgame.io socket clients; everything goes through HTTP and
 * Socket.IO (the server's own defaults: grace 5 s, tick 250 ms).
 *
 * FLT1 After a kill mid-round (one player committed, the others not), every resolved round and
 *      every committed decision is still there after the restart (the facilitator's view: rounds,
 *      committedSeats), and the session goes on: the remaining players commit, the round resolves.
 * FLT2 A client that disconnects and reconnects (the same Client stopped and started again, a new
 *      Client with the same credentials, or a Client left running through the kill that reconnects
 *      by itself) gets its seat and the current state, and can still play.
 * FLT3 The round timer keeps running across a kill: the round is closed by the restarted server at
 *      (or shortly after) the same absolute deadline, with no client action.
 * FLT4 The database is consistent after the kill (before the restart): PRAGMA integrity_check is
 *      ok, the match row parses as JSON with the expected round, history and committed decision.
 *
 * tsx runs the server in a child process of its own, so the server is started in its own process
 * group and SIGKILL goes to the whole group (a SIGKILL to tsx alone would leave the server alive).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { State } from 'boardgame.io';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { G } from '../../game/core/types';
import {
  type Created,
  type FacilitatorView,
  type Joined,
  type SeatClient,
  type SeatView,
  api,
  connectSeat,
  createSession,
  decision,
  joinSession,
  removeDir,
  stopAllClients,
  waitFor,
} from '../server/helpers';
import { type ServerProcess, freePort, killServer, startServer } from '../server/process';

const DB_FILE = 'kanban-cascade.sqlite';

const children = new Set<ServerProcess>();
const dirs = new Set<string>();

function track(p: ServerProcess): ServerProcess {
  children.add(p);
  return p;
}

async function cleanup(): Promise<void> {
  stopAllClients();
  for (const p of [...children]) await killServer(p);
}

afterAll(async () => {
  await cleanup();
  for (const dir of dirs) await removeDir(dir);
  dirs.clear();
});

/** Read the match straight from the SQLite file (no server running, or alongside it: WAL). */
function readDb(dataDir: string, matchID: string) {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true, fileMustExist: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const row = db.prepare('SELECT state, metadata FROM matches WHERE id = ?').get(matchID) as
      { state: string; metadata: string } | undefined;
    const logs = (
      db.prepare('SELECT entry FROM log WHERE match_id = ? ORDER BY seq').all(matchID) as {
        entry: string;
      }[]
    ).map((r) => r.entry);
    const sessions = db.prepare('SELECT code FROM sessions WHERE match_id = ?').all(matchID) as { code: string }[];
    return { integrity, row, logs, sessions };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------

describe('a SIGKILL in the middle of a round', () => {
  let dataDir = '';
  let port = 0;
  let server: ServerProcess;
  let s: Created;
  let ada: Joined;
  let bo: Joined;
  let cy: Joined;
  let adaClient: SeatClient;
  let boClient: SeatClient;
  let cyClient: SeatClient;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kc-faults-'));
    dirs.add(dataDir);
    port = await freePort();
    server = track(await startServer(port, dataDir));
    s = await createSession(server, { scenario: 'two-inputs', players: 3, rounds: 8 });
    ada = await joinSession(server, s.code, 'Ada');
    bo = await joinSession(server, s.code, 'Bo');
    cy = await joinSession(server, s.code, 'Cy');
    const facilitator = connectSeat(server, { matchID: s.matchID, seat: '0', credentials: s.credentials });
    adaClient = connectSeat(server, { matchID: s.matchID, seat: ada.seat, credentials: ada.credentials });
    boClient = connectSeat(server, { matchID: s.matchID, seat: bo.seat, credentials: bo.credentials });
    cyClient = connectSeat(server, { matchID: s.matchID, seat: cy.seat, credentials: cy.credentials });
    const players = [adaClient, boClient, cyClient];
    for (const c of [facilitator, ...players]) await c.until((v) => v.status === 'setup', 'synced');
    facilitator.move('start');
    await facilitator.until<FacilitatorView>((v) => v.status === 'playing', 'started');
    // Two whole rounds: everyone commits, the round resolves at once.
    for (const round of [1, 2]) {
      for (const [i, c] of players.entries()) {
        const view = await c.until<SeatView>((v) => v.status === 'playing' && v.round === round, `round ${round}`);
        c.move('commit', round, decision(view, 2 + i));
      }
      await facilitator.until<FacilitatorView>((v) => v.round === round + 1, `round ${round + 1}`);
    }
    // Round 3: Ada commits, Bo and Cy not yet; the kill comes once the server has it.
    adaClient.move('commit', 3, decision(await adaClient.until<SeatView>((v) => v.round === 3, 'ada round 3'), 5));
    const fv = await facilitator.until<FacilitatorView>((v) => v.committedSeats.includes(ada.seat), 'ada committed');
    expect(fv.committedSeats).toEqual([ada.seat]);
    expect(fv.rounds).toHaveLength(2);
    facilitator.stop();
    // Bo's client is stopped (it will be started again), Cy's dropped (a new Client comes back);
    // Ada's stays running through the kill and has to reconnect on its own.
    boClient.stop();
    cyClient.stop();
    await killServer(server);
  }, 60_000);

  afterAll(cleanup);

  it('FLT4 leaves a consistent database: integrity ok, the match row parses with round 3 and the commit', () => {
    const { integrity, row, logs, sessions } = readDb(dataDir, s.matchID);
    expect(integrity).toBe('ok');
    expect(sessions).toEqual([{ code: s.code }]);
    expect(row).toBeDefined();
    const state = JSON.parse(row!.state) as State<G>;
    expect(state.G.round).toBe(3);
    expect(state.G.status).toBe('playing');
    expect(state.G.history).toHaveLength(2);
    expect(Object.keys(state.G.committed)).toEqual([ada.seat]);
    expect(state.G.committed[ada.seat]!.bins.every((b) => b === 5)).toBe(true);
    const metadata = JSON.parse(row!.metadata) as { players: Record<string, { name?: string; credentials?: string }> };
    expect(metadata.players[ada.seat]!.name).toBe('Ada');
    expect(metadata.players[cy.seat]!.credentials).toBe(cy.credentials);
    expect(logs.length).toBeGreaterThan(0);
    for (const entry of logs) expect(() => JSON.parse(entry) as unknown).not.toThrow();
  });

  it('FLT1 keeps every resolved round and the committed decision; the round then resolves', async () => {
    server = track(await startServer(port, dataDir));
    // Players come back at once (before the 5 s grace would turn them absent).
    boClient.client.start();
    cyClient = connectSeat(server, { matchID: s.matchID, seat: cy.seat, credentials: cy.credentials });
    const facilitator = connectSeat(server, { matchID: s.matchID, seat: '0', credentials: s.credentials });
    const fv = await facilitator.until<FacilitatorView>((v) => v.round === 3, 'facilitator back in round 3', 10_000);
    expect(fv.status).toBe('playing');
    expect(fv.rounds).toHaveLength(2);
    expect(fv.rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(fv.committedSeats).toEqual([ada.seat]);
    expect(fv.lastRound!.round).toBe(2);
    const info = await api<{ round: number; status: string }>(server, `/api/sessions/${s.code}`);
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ round: 3, status: 'playing' });

    const bv = await boClient.until<SeatView>((v) => v.round === 3 && v.myHistory.length === 2, 'bo back', 10_000);
    const cv = await cyClient.until<SeatView>((v) => v.round === 3 && v.myHistory.length === 2, 'cy back', 10_000);
    boClient.move('commit', 3, decision(bv, 6));
    cyClient.move('commit', 3, decision(cv, 7));
    const r4 = await facilitator.until<FacilitatorView>((v) => v.round === 4, 'round 3 resolved', 10_000);
    expect(r4.rounds).toHaveLength(3);
    const last = r4.lastRound!;
    expect(last.round).toBe(3);
    // The three humans' decisions (Ada's from before the kill) were played, not autopilot.
    for (const j of [ada, bo, cy]) {
      expect(last.workshops[j.workshop.index]!.autopilot, `seat ${j.seat} played by a human`).toBe(false);
    }
    facilitator.stop();
  }, 30_000);

  it('FLT2 a reconnecting client gets its seat and the current state, and can still play', async () => {
    // Ada's client was never stopped: Socket.IO reconnects it to the new server by itself.
    const av = await adaClient.until<SeatView>((v) => v.round === 4, 'ada reconnected by itself', 15_000);
    expect(av.seat).toBe(ada.seat);
    expect(av.myHistory).toHaveLength(3);
    expect(av.committed).toBe(false);
    // Bo's client, stopped before the kill and started again after it.
    const bv = await boClient.until<SeatView>((v) => v.round === 4, 'bo (stop/start) in round 4');
    expect(bv.seat).toBe(bo.seat);
    expect(bv.myHistory).toHaveLength(3);
    // Cy drops again now, and a new Client with the same credentials takes the seat back.
    cyClient.stop();
    cyClient = connectSeat(server, { matchID: s.matchID, seat: cy.seat, credentials: cy.credentials });
    const cv = await cyClient.until<SeatView>((v) => v.round === 4, 'cy (new client) in round 4');
    expect(cv.seat).toBe(cy.seat);
    expect(cv.myHistory).toHaveLength(3);
    expect(cv.me.index).toBe(cy.workshop.index);
    // Every seat still plays: all three commit round 4 and it resolves.
    adaClient.move('commit', 4, decision(av, 3));
    boClient.move('commit', 4, decision(bv, 3));
    cyClient.move('commit', 4, decision(cv, 3));
    for (const c of [adaClient, boClient, cyClient]) {
      const v = await c.until<SeatView>((x) => x.round === 5, `seat ${c.seat} round 5`, 10_000);
      expect(v.myHistory).toHaveLength(4);
      expect(v.myHistory[3]!.autopilot).toBe(false);
    }
    const info = await api<{ players: { seat: string; connected: boolean }[] }>(server, `/api/sessions/${s.code}`);
    expect(info.json.players.map((p) => [p.seat, p.connected])).toEqual([
      [ada.seat, true],
      [bo.seat, true],
      [cy.seat, true],
    ]);
  }, 40_000);
});

describe('FLT3 the round clock across a SIGKILL', () => {
  afterEach(cleanup);

  it('FLT3 closes the round at the same absolute deadline after a restart, with no client action', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kc-faults-clock-'));
    dirs.add(dataDir);
    const port = await freePort();
    let server = track(await startServer(port, dataDir));
    const s = await createSession(server, { scenario: 'ring-road', players: 1, roundSeconds: 10 });
    const facilitator = connectSeat(server, { matchID: s.matchID, seat: '0', credentials: s.credentials });
    await facilitator.until((v) => v.status === 'setup', 'synced');
    facilitator.move('start');
    const fv = await facilitator.until<FacilitatorView>(
      (v) => v.clock?.round === 1 && v.clock.deadline !== null,
      'the clock of round 1',
    );
    const deadline = fv.clock!.deadline!;
    expect(deadline - Date.now()).toBeGreaterThan(5000);
    facilitator.stop();
    await killServer(server);
    const beforeRestart = JSON.parse(readDb(dataDir, s.matchID).row!.state) as State<G>;
    expect(beforeRestart.G.clock).toEqual({ round: 1, deadline, remainingMs: null });

    server = track(await startServer(port, dataDir));
    // Nobody connects or moves; watch the session through the API (and the file).
    let seenOpenAt = 0;
    const closedAt = await waitFor(
      async () => {
        const info = await api<{ round: number }>(server, `/api/sessions/${s.code}`);
        const now = Date.now();
        if (info.json.round === 1) {
          seenOpenAt = now;
          return false;
        }
        return now;
      },
      'the round closed by the restarted server',
      deadline - Date.now() + 8000,
      50,
    );
    const state = JSON.parse(readDb(dataDir, s.matchID).row!.state) as State<G>;
    expect(state.G.round).toBe(2);
    expect(state.G.history).toHaveLength(1);
    expect(state.G.history[0]!.workshops.every((w) => w.autopilot)).toBe(true);
    // Not before the deadline (one steward tick of slack), and not long after it.
    expect(seenOpenAt).toBeGreaterThan(deadline - 400);
    expect(closedAt).toBeLessThanOrEqual(deadline + 3000);
    // Round 2 gets a fresh clock (published on the steward's next tick) from when it opened.
    const clock2 = await waitFor(
      () => {
        const c = (JSON.parse(readDb(dataDir, s.matchID).row!.state) as State<G>).G.clock;
        return c?.round === 2 ? c : undefined;
      },
      'the clock of round 2',
      3000,
      50,
    );
    expect(clock2.deadline!).toBeGreaterThanOrEqual(deadline + 10_000 - 500);
  }, 40_000);
});
