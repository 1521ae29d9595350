/**
 * SEC-CRASH: single packets that killed the whole server process (an outside attack, issue 11).
 * The REAL server runs as a child process (`tsx server/main.ts`, NODE_ENV=production as
 * `npm run serve`), so a crash shows as what it is: the process exits. Packets are framed
 * exactly as socket.io-client frames them (tests/security/raw.test.ts).
 *
 * SEC-CRASH1 A joined player's commit whose args hold 6,000 levels of nested arrays (12 KB, under
 *            the 64 KB message limit): boardgame.io logged the refused move as `args: ${args}`,
 *            whose string conversion overflowed the stack. Refused by the packet guard (payload
 *            bounds); the process lives and the round still resolves.
 * SEC-CRASH2 Commit args holding an object whose own `toString`/`valueOf` are not functions (the
 *            same log line threw "Cannot convert object to primitive value").
 * SEC-CRASH3 The facilitator's shock of kind "constructor", "toString", "__proto__", "valueOf",
 *            "hasOwnProperty": canShock looked the kind up in a plain object and crashed on what
 *            it inherits. Refused; no shock is queued.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FacilitatorView } from '../../game/core/view';
import type { G } from '../../game/core/types';
import { type Created, type Joined, createSession, joinSession, removeDir, waitFor } from '../server/helpers';
import { type ServerProcess, alive, freePort, killServer, startServer } from '../server/process';
import { type RawSeat, closeAllRaw, healthy, rawSocket } from './raw';

let server: ServerProcess | undefined;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kc-crash-'));
});

afterAll(async () => {
  closeAllRaw();
  if (server) await killServer(server);
  await removeDir(dataDir);
});

interface Table {
  server: ServerProcess;
  s: Created;
  ada: Joined;
  bo: Joined;
  facilitator: RawSeat;
  adaSocket: RawSeat;
  boSocket: RawSeat;
}

const view = (seat: RawSeat) => seat.latest()?.G as unknown as G | undefined;

async function table(server: ServerProcess): Promise<Table> {
  const s = await createSession(server, { scenario: 'ring-road', players: 2, roundSeconds: 0 });
  const ada = await joinSession(server, s.code, 'Ada');
  const bo = await joinSession(server, s.code, 'Bo');
  const [facilitator, adaSocket, boSocket] = await Promise.all([
    rawSocket(server),
    rawSocket(server),
    rawSocket(server),
  ]);
  facilitator.sync(s.matchID, '0', s.credentials);
  adaSocket.sync(s.matchID, ada.seat, ada.credentials);
  boSocket.sync(s.matchID, bo.seat, bo.credentials);
  for (const r of [facilitator, adaSocket, boSocket]) await waitFor(() => r.latest() !== null, 'synced');
  facilitator.move(s.matchID, '0', 'start', [], s.credentials);
  await waitFor(() => view(adaSocket)?.status === 'playing' && view(adaSocket)?.round === 1, 'started', 10_000);
  return { server, s, ada, bo, facilitator, adaSocket, boSocket };
}

/** The process is alive, answers /health, and the honest players' commits still resolve the round. */
async function stillServing(t: Table): Promise<void> {
  const server = t.server;
  const r = view(t.adaSocket)!.round;
  const decision = (bin: number) => ({ round: r, bins: [bin], kaizenFace: null, help: null, suppliers: null });
  t.adaSocket.move(t.s.matchID, t.ada.seat, 'commit', [r, decision(2)], t.ada.credentials);
  t.boSocket.move(t.s.matchID, t.bo.seat, 'commit', [r, decision(3)], t.bo.credentials);
  await waitFor(
    () => {
      if (!alive(server)) throw new Error(`the server died:\n${server.output.join('').slice(-1500)}`);
      return view(t.adaSocket)?.round === r + 1;
    },
    `round ${r} resolved`,
    10_000,
  );
  expect(alive(server)).toBe(true);
  expect(await healthy(server)).toBe(true);
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('SEC-CRASH packets that killed the process', () => {
  let t: Table;
  // A fresh table for each test, on a new server if an earlier attack killed the last one (so each
  // test shows its own defence: with one defence removed, only its test fails).
  beforeEach(async () => {
    if (!server || !alive(server)) server = await startServer(await freePort(), dataDir, { NODE_ENV: 'production' });
    t = await table(server);
  }, 30_000);

  it('SEC-CRASH1 6,000 levels of nested arrays in a commit are refused; the process lives', async () => {
    const r = view(t.adaSocket)!.round;
    const action = `{"type":"MAKE_MOVE","payload":{"type":"commit","args":[${r},${nested(6000)}],"playerID":"${t.ada.seat}","credentials":"${t.ada.credentials}"}}`;
    const packet = `["update",${action},${t.adaSocket.latest()!._stateID},"${t.s.matchID}","${t.ada.seat}"]`;
    expect(packet.length).toBeLessThan(64 * 1024);
    t.adaSocket.emitRaw(packet);
    await stillServing(t);
  });

  it('SEC-CRASH2 objects with their own toString or valueOf in commit args are refused; the process lives', async () => {
    const r = view(t.adaSocket)!.round;
    for (const bad of ['{"toString":1}', '{"valueOf":1,"toString":"x"}', '[[{"toString":[]}]]']) {
      const action = `{"type":"MAKE_MOVE","payload":{"type":"commit","args":[${r},${bad}],"playerID":"${t.ada.seat}","credentials":"${t.ada.credentials}"}}`;
      t.adaSocket.emitRaw(`["update",${action},${t.adaSocket.latest()!._stateID},"${t.s.matchID}","${t.ada.seat}"]`);
    }
    await stillServing(t);
  });

  it('SEC-CRASH3 shocks of a prototype-named kind are refused; the process lives and nothing is queued', async () => {
    for (const kind of ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty']) {
      t.facilitator.move(t.s.matchID, '0', 'shock', [{ kind }], t.s.credentials);
    }
    await stillServing(t);
    const fv = t.facilitator.latest()!.G as unknown as FacilitatorView;
    expect(fv.pendingShocks).toEqual([]);
  });
});
