/**
 * Playing over real sockets: a real server, the facilitator and players as boardgame.io socket
 * clients (the same Client the browser uses), the steward's clock and presence.
 *
 * S-PLAY1 The facilitator starts; when every present player has committed the round resolves at
 *         once (R0) and each player sees its own new state (its bins, its history row).
 * S-PLAY2 A commit the game refuses (wrong round, bad bins, unknown field, a second commit, a
 *         facilitator-only move from a player) changes nothing on the server.
 * S-PLAY3 The round clock: the server publishes each round's deadline and closes the round when
 *         it passes with nobody committing; the record marks every workshop as autopilot.
 * S-PLAY4 Presence: seats nobody joined are absent at once; a joined player that disconnects is
 *         absent after the grace period and present again on reconnection (same credentials,
 *         same seat, current state).
 * S-PLAY5 Pause stops the clock (deadline null, time left kept) and resume restarts it with the
 *         time left; no round closes while paused.
 * S-PLAY6 Without a present human no round closes by itself; the facilitator's closeRound does.
 * S-PLAY7 A facilitator move (pause, closeRound) sent while another update of the match is in
 *         flight (the steward's clock or presence, a player's commit) is not silently lost.
 */
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
  sleep,
  startTestApp,
  withTestApp,
  stopAllClients,
  upToDate,
  waitFor,
} from './helpers';

let app: TestApp;
withTestApp((started) => (app = started));
afterEach(() => stopAllClients());

/** A session with `players` joined and connected, started, and every other seat marked absent. */
async function startedSession(body: Record<string, unknown>, names: string[]) {
  const s = await createSession(app, body);
  const joined = [];
  for (const name of names) joined.push(await joinSession(app, s.code, name));
  const facilitator = connectSeat(app, { matchID: s.matchID, seat: '0', credentials: s.credentials });
  const players = joined.map((j) => connectSeat(app, { matchID: s.matchID, seat: j.seat, credentials: j.credentials }));
  await facilitator.until((v) => v.status === 'setup', 'synced');
  for (const p of players) await p.until((v) => v.status === 'setup', 'synced');
  await waitFor(async () => {
    const info = await api<{ players: { connected: boolean }[] }>(app, `/api/sessions/${s.code}`);
    return info.json.players.length === names.length && info.json.players.every((p) => p.connected);
  }, 'every player connected');
  facilitator.move('start');
  const workshops = (await facilitator.until<FacilitatorView>((v) => v.status === 'playing', 'started')).workshops
    .length;
  // Seats nobody joined are absent at once (the steward's first pass).
  const fv = await facilitator.until<FacilitatorView>(
    (v) => v.absent.length === workshops - names.length,
    'unjoined seats absent',
  );
  for (const p of players) await p.until<SeatView>((v) => v.status === 'playing' && v.me !== undefined, 'playing');
  return { s, joined, facilitator, players, fv };
}

describe('S-PLAY1 a round over real sockets', () => {
  it('resolves at once when both players commit, and each sees its own new state', async () => {
    const { joined, facilitator, players, fv } = await startedSession({ scenario: 'two-inputs', players: 2 }, [
      'Ada',
      'Bo',
    ]);
    expect(joined.map((j) => j.seat)).toEqual(['1', '7']);
    const [ada, bo] = players as [NonNullable<(typeof players)[0]>, NonNullable<(typeof players)[0]>];
    expect(fv.round).toBe(1);
    expect(fv.absent).toEqual(['2', '3', '4', '5', '6', '8', '9', '10', '11', '12']);
    expect(fv.waitingFor).toBe(2);

    const adaView = ada.view<SeatView>()!;
    expect(adaView.role).toBe('player');
    expect(adaView.seat).toBe('1');
    expect(adaView.me.index).toBe(0);
    expect(bo.view<SeatView>()!.me.index).toBe(6);
    const startBins = adaView.me.bins;

    ada.move('commit', 1, decision(adaView, 4));
    await ada.until<SeatView>((v) => v.committed, 'committed');
    // One of two: the round stays open.
    const waiting = await facilitator.until<FacilitatorView>((v) => v.committedSeats.includes('1'), 'ada seen');
    expect(waiting.round).toBe(1);
    expect(waiting.waitingFor).toBe(1);
    expect(bo.view<SeatView>()!.committed).toBe(false);

    bo.move('commit', 1, decision(bo.view<SeatView>()!, 6));
    const after = await facilitator.until<FacilitatorView>((v) => v.round === 2, 'round 2');
    expect(after.status).toBe('playing');
    expect(after.committedSeats).toEqual([]);
    expect(after.lastRound!.round).toBe(1);
    const rows = after.lastRound!.workshops;
    expect(rows[0]!.autopilot).toBe(false);
    expect(rows[6]!.autopilot).toBe(false);
    expect(rows.filter((r) => r.autopilot)).toHaveLength(10);

    // R1: round 1 ran on the starting bins; the commits are the bins from round 2 on.
    const a2 = await ada.until<SeatView>((v) => v.round === 2, 'ada round 2');
    const b2 = await bo.until<SeatView>((v) => v.round === 2, 'bo round 2');
    expect(a2.committed).toBe(false);
    expect(a2.myHistory).toHaveLength(1);
    expect(a2.myHistory[0]!.bins).toEqual(startBins);
    expect(a2.myHistory[0]!.autopilot).toBe(false);
    expect(a2.me.bins.every((b) => b === 4)).toBe(true);
    expect(b2.me.bins.every((b) => b === 6)).toBe(true);
    expect(a2.myHistory[0]).toEqual(rows[0]);
    expect(b2.myHistory[0]).toEqual(rows[6]);
    expect(a2.rounds).toHaveLength(1);
    // A player sees only its own workshop in full.
    expect(a2).not.toHaveProperty('workshops');
    expect(a2.history).toBeNull();
  });
});

describe('S-PLAY2 refused commits change nothing', () => {
  it('leaves the stored state as it was', async () => {
    const { s, facilitator, players } = await startedSession({ scenario: 'two-inputs', players: 2 }, ['Ada', 'Bo']);
    const [ada] = players as [NonNullable<(typeof players)[0]>];
    const view = ada.view<SeatView>()!;
    const before = rawState(app, s.matchID);
    const good = decision(view, 3);
    const refused: unknown[][] = [
      [2, { ...good, round: 2 }],
      [1, { ...good, round: 2 }],
      [1, { ...good, bins: good.bins.map(() => -1) }],
      [1, { ...good, bins: good.bins.map(() => 1000) }],
      [1, { ...good, bins: [...good.bins, 1] }],
      [1, { ...good, bins: good.bins.map(() => Number.NaN) }],
      [1, { ...good, cheat: true }],
      [1, { ...good, help: 5 }],
      [1, { ...good, kaizenFace: 0 }],
      [1, 'everything'],
      [1, null],
    ];
    for (const args of refused) ada.move('commit', ...args);
    ada.move('closeRound', 1);
    ada.move('endGame');
    ada.move('setPresence', ['7'], false);
    ada.move('clock', 1, 0, null);
    // The same socket's next move is handled after the refused ones: once it shows, they are done.
    ada.move('commit', 1, good);
    await facilitator.until<FacilitatorView>((v) => v.committedSeats.includes('1'), 'the valid commit');
    const after = rawState(app, s.matchID);
    expect(after.G.committed).toEqual({ '1': good });
    expect({ ...after.G, committed: {} }).toEqual({ ...before.G, committed: {} });
    expect(after.ctx.gameover).toBeUndefined();
    // A second commit for the same round is refused too.
    ada.move('commit', 1, decision(view, 9));
    facilitator.move('reveal', true);
    await facilitator.until<FacilitatorView>((v) => v.revealed, 'revealed');
    await sleep(50); // grace period: a refused move answers nothing, so nothing to wait for; prove it changes nothing
    expect(rawState(app, s.matchID).G.committed).toEqual({ '1': good });
  });
});

describe('S-PLAY3 the round clock', () => {
  it('publishes the deadline and closes the round with nobody committing (autopilot)', async () => {
    const { s, facilitator, players } = await startedSession(
      { scenario: 'two-inputs', players: 1, rounds: 3, roundSeconds: 10 },
      ['Idle'],
    );
    const [idle] = players as [NonNullable<(typeof players)[0]>];
    const t0 = Date.now();
    const clocked = await facilitator.until<FacilitatorView>((v) => v.clock?.round === 1, 'round 1 clock');
    expect(clocked.clock!.remainingMs).toBeNull();
    expect(clocked.clock!.deadline!).toBeGreaterThan(t0 + 8_000);
    expect(clocked.clock!.deadline!).toBeLessThanOrEqual(Date.now() + 10_000);
    // Every view carries the clock.
    expect((await idle.until<SeatView>((v) => v.clock?.round === 1, 'player clock')).clock).toEqual(clocked.clock);
    // Shorten the round: the steward closes it when the deadline passes.
    await app.steward.move(s.matchID, 'clock', [1, Date.now() + 300, null]);
    const closed = await facilitator.until<FacilitatorView>((v) => v.round === 2, 'round closed by the clock', 4000);
    expect(closed.lastRound!.round).toBe(1);
    expect(closed.lastRound!.workshops.every((w) => w.autopilot)).toBe(true);
    expect(closed.lastRound!.workshops).toHaveLength(12);
    // The next round gets its own deadline.
    const next = await facilitator.until<FacilitatorView>((v) => v.clock?.round === 2, 'round 2 clock');
    expect(next.clock!.deadline!).toBeGreaterThan(Date.now() + 8_000);
    const mine = await idle.until<SeatView>((v) => v.round === 2, 'player round 2');
    expect(mine.myHistory[0]!.autopilot).toBe(true);
    expect(mine.me.autopilot).toBe(true);
  });

  it('a session without a timer has no clock', async () => {
    const { facilitator } = await startedSession({ scenario: 'ring-road', players: 1 }, ['Solo']);
    await sleep(150); // grace period: the steward's ticks pass and publish no clock
    expect(facilitator.view<FacilitatorView>()!.clock).toBeNull();
  });
});

describe('S-PLAY4 presence', () => {
  it('marks a dropped player absent after the grace period and present again on return', async () => {
    const { s, joined, facilitator, players, fv } = await startedSession({ scenario: 'two-inputs', players: 2 }, [
      'Ada',
      'Bo',
    ]);
    expect(fv.absent).not.toContain('1');
    expect(fv.absent).not.toContain('7');
    expect(fv.absent).toContain('2');
    const [ada, bo] = players as [NonNullable<(typeof players)[0]>, NonNullable<(typeof players)[0]>];
    ada.move('commit', 1, decision(ada.view<SeatView>()!, 3));
    await facilitator.until<FacilitatorView>((v) => v.committedSeats.includes('1'), 'ada committed');

    const dropped = Date.now();
    bo.stop();
    const gone = await facilitator.until<FacilitatorView>((v) => v.absent.includes('7'), 'bo absent', 3000);
    expect(Date.now() - dropped).toBeGreaterThanOrEqual(250);
    // With Bo absent every present human has committed: the round closes (R0), Bo on autopilot.
    expect(gone.round === 2 || gone.waitingFor === 0).toBe(true);
    const r2 = await facilitator.until<FacilitatorView>((v) => v.round === 2, 'round 2');
    expect(r2.lastRound!.workshops[6]!.autopilot).toBe(true);
    expect(r2.lastRound!.workshops[0]!.autopilot).toBe(false);
    const info = await api<{ players: { seat: string; connected: boolean }[] }>(app, `/api/sessions/${s.code}`);
    expect(info.json.players).toEqual([
      { seat: '1', name: 'Ada', connected: true },
      { seat: '7', name: 'Bo', connected: false },
    ]);

    const back = connectSeat(app, { matchID: s.matchID, seat: '7', credentials: joined[1]!.credentials });
    const current = await back.until<SeatView>((v) => v.round === 2, 'bo back in round 2');
    expect(current.seat).toBe('7');
    expect(current.me.index).toBe(6);
    expect(current.myHistory).toHaveLength(1);
    await facilitator.until<FacilitatorView>((v) => !v.absent.includes('7'), 'bo present again', 3000);
    // Bo is waited for again: Ada's commit alone does not close round 2.
    ada.move('commit', 2, decision(ada.view<SeatView>()!, 3));
    const waiting = await facilitator.until<FacilitatorView>((v) => v.committedSeats.includes('1'), 'ada round 2');
    expect(waiting.round).toBe(2);
    expect(waiting.waitingFor).toBe(1);
    back.move('commit', 2, decision(current, 5));
    await facilitator.until<FacilitatorView>((v) => v.round === 3, 'round 3');
  });

  it('does not mark a player absent for a drop shorter than the grace period', async () => {
    const slow = await startTestApp({ graceMs: 1500, tickMs: 40 });
    try {
      const s = await createSession(slow, { scenario: 'ring-road', players: 1 });
      const j = await joinSession(slow, s.code, 'Flaky');
      const facilitator = connectSeat(slow, { matchID: s.matchID, seat: '0', credentials: s.credentials });
      let player = connectSeat(slow, { matchID: s.matchID, seat: j.seat, credentials: j.credentials });
      await player.until((v) => v.status === 'setup', 'synced');
      await facilitator.until((v) => v.status === 'setup', 'synced');
      facilitator.move('start');
      await facilitator.until<FacilitatorView>((v) => v.status === 'playing' && v.absent.length === 11, 'started');
      player.stop();
      await waitFor(
        () => slow.storage.fetch(s.matchID, { metadata: true }).metadata?.players[1]?.isConnected === false,
        'disconnect seen',
      );
      await sleep(300); // the drop itself: shorter than the grace period
      player = connectSeat(slow, { matchID: s.matchID, seat: j.seat, credentials: j.credentials });
      await waitFor(
        () => slow.storage.fetch(s.matchID, { metadata: true }).metadata?.players[1]?.isConnected === true,
        'reconnect seen',
      );
      await sleep(1500); // past the grace period, which must not mark the returned player absent
      expect(facilitator.view<FacilitatorView>()!.absent).not.toContain('1');
    } finally {
      stopAllClients();
      await slow.close();
      await removeDir(slow.dataDir);
    }
  });

  it('refuses a socket with wrong credentials', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 1 });
    const j = await joinSession(app, s.code, 'Real');
    const impostor = connectSeat(app, { matchID: s.matchID, seat: j.seat, credentials: 'f'.repeat(32) });
    const facilitatorImpostor = connectSeat(app, { matchID: s.matchID, seat: '0', credentials: j.credentials });
    const honest = connectSeat(app, { matchID: s.matchID, seat: j.seat, credentials: j.credentials });
    await honest.until((v) => v.status === 'setup', 'the real player synced');
    await sleep(200); // grace period: a refused sync answers nothing; prove no state arrives
    // No sync for a wrong pair: no state, and the seat is not marked connected by it.
    expect(impostor.state()).toBeNull();
    expect(facilitatorImpostor.state()).toBeNull();
    honest.stop();
    await waitFor(async () => {
      const info = await api<{ players: { connected: boolean }[] }>(app, `/api/sessions/${s.code}`);
      return info.json.players[0]?.connected === false;
    }, 'the real player disconnected');
    const info = await api<{ players: unknown[] }>(app, `/api/sessions/${s.code}`);
    expect(info.json.players).toEqual([{ seat: j.seat, name: 'Real', connected: false }]);
  });
});

describe('S-PLAY5 pause and resume', () => {
  it('stops the clock with the time left and restarts it', async () => {
    const { s, facilitator } = await startedSession(
      { scenario: 'two-inputs', players: 1, rounds: 3, roundSeconds: 10 },
      ['Ada'],
    );
    await facilitator.until<FacilitatorView>((v) => v.clock?.round === 1 && v.clock.deadline !== null, 'clock');
    // A short round: pause before it runs out.
    await app.steward.move(s.matchID, 'clock', [1, Date.now() + 1500, null]);
    await facilitator.until<FacilitatorView>((v) => v.clock!.deadline! < Date.now() + 2000, 'short clock');
    facilitator.move('pause');
    const paused = await facilitator.until<FacilitatorView>(
      (v) => v.paused && v.clock?.deadline === null,
      'paused clock',
    );
    expect(paused.clock!.round).toBe(1);
    expect(paused.clock!.remainingMs!).toBeGreaterThan(0);
    expect(paused.clock!.remainingMs!).toBeLessThanOrEqual(1500);
    const left = paused.clock!.remainingMs!;
    // Past the old deadline, nothing closes while paused.
    await sleep(1700); // the clock must run past the old deadline while paused
    const still = facilitator.view<FacilitatorView>()!;
    expect(still.round).toBe(1);
    expect(still.paused).toBe(true);
    expect(still.clock).toEqual(paused.clock);

    const resumedAt = Date.now();
    facilitator.move('resume');
    const resumed = await facilitator.until<FacilitatorView>(
      (v) => !v.paused && v.clock?.deadline !== null,
      'resumed clock',
    );
    expect(resumed.clock!.remainingMs).toBeNull();
    expect(resumed.clock!.deadline!).toBeGreaterThanOrEqual(resumedAt + left - 50);
    expect(resumed.clock!.deadline!).toBeLessThanOrEqual(Date.now() + left + 50);
    const closed = await facilitator.until<FacilitatorView>((v) => v.round === 2, 'closed after resume', 4000);
    expect(Date.now() - resumedAt).toBeGreaterThanOrEqual(left - 100);
    expect(closed.lastRound!.workshops.every((w) => w.autopilot)).toBe(true);
  });

  it('pausing at the start of a round keeps the whole round', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 1, roundSeconds: 30 });
    const facilitator = connectSeat(app, { matchID: s.matchID, seat: '0', credentials: s.credentials });
    await facilitator.until((v) => v.status === 'setup', 'synced');
    facilitator.move('start');
    await facilitator.until<FacilitatorView>((v) => v.status === 'playing' && v.absent.length === 12, 'started');
    await waitFor(
      () => {
        facilitator.move('pause');
        return rawState(app, s.matchID).G.paused;
      },
      'paused',
      5000,
      100,
    );
    const v = await facilitator.until<FacilitatorView>((x) => x.paused && x.clock?.deadline === null, 'paused clock');
    expect(v.clock!.round).toBe(1);
    expect(v.clock!.remainingMs!).toBeGreaterThan(28_000);
    expect(v.clock!.remainingMs!).toBeLessThanOrEqual(30_000);
  });
});

describe('S-PLAY6 closing a round', () => {
  it('closes no round without a present human; the facilitator closes it', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 1 });
    const facilitator = connectSeat(app, { matchID: s.matchID, seat: '0', credentials: s.credentials });
    await facilitator.until((v) => v.status === 'setup', 'synced');
    facilitator.move('start');
    await facilitator.until<FacilitatorView>((v) => v.status === 'playing' && v.absent.length === 12, 'all absent');
    await sleep(200); // grace period: the steward's ticks pass and close nothing
    expect(facilitator.view<FacilitatorView>()!.round).toBe(1);
    facilitator.move('closeRound', 2);
    facilitator.move('closeRound', 1);
    const v = await facilitator.until<FacilitatorView>((x) => x.round === 2, 'round 2');
    expect(v.lastRound!.round).toBe(1);
    expect(v.history).toBeNull();
  });
});

describe('S-PLAY7 facilitator moves are not lost to concurrent updates', () => {
  // The steward (clock, presence) and every player commit advance the state's _stateID; the
  // facilitator's moves (pause, resume, closeRound, shock, reveal, endGame) are not
  // ignoreStaleStateID, so one sent while another update is in flight is silently dropped.
  it('a pause sent while a server update is in flight still pauses', async () => {
    const { s, facilitator } = await startedSession({ scenario: 'two-inputs', players: 1, roundSeconds: 60 }, ['Ada']);
    await facilitator.until<FacilitatorView>((v) => v.clock?.round === 1, 'clock');
    await upToDate(app, s.matchID, facilitator);
    const update = app.steward.move(s.matchID, 'reveal', [true]);
    facilitator.move('pause');
    await update;
    await facilitator.until<FacilitatorView>((v) => v.revealed, 'the server update');
    await waitFor(() => rawState(app, s.matchID).G.paused, 'the pause');
  });

  it('a closeRound sent while a presence update is in flight still closes the round', async () => {
    const { s, facilitator } = await startedSession({ scenario: 'two-inputs', players: 2 }, ['Ada', 'Bo']);
    await upToDate(app, s.matchID, facilitator);
    // What the steward does when a phone drops (here: a seat that is already absent).
    const update = app.steward.move(s.matchID, 'setPresence', [['2'], false]);
    facilitator.move('closeRound', 1);
    await update;
    await waitFor(() => rawState(app, s.matchID).G.round === 2, 'round 2');
  });
});
