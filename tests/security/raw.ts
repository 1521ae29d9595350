/**
 * Raw Socket.IO clients for the security tests: no boardgame.io client, every packet the server
 * sends is recorded ('sync', 'update', 'patch', 'matchData', anything else), and moves are sent as
 * the bytes an attacker would send.
 */
import { io, type Socket } from 'socket.io-client';
import type { State } from 'boardgame.io';
import type { AppOptions } from '../../server/app';
import type { LogFields } from '../../server/log';
import { type TestApp, api, waitFor, withTestApp as withServer } from '../server/helpers';

export interface Packet {
  readonly event: string;
  readonly args: unknown[];
}

export interface RawSeat {
  readonly socket: Socket;
  readonly packets: Packet[];
  /** The latest state this socket received (sync or update), or null. */
  latest(): State | null;
  sync(matchID: string, seat: string | null, credentials?: unknown): void;
  move(matchID: string, seat: unknown, type: string, args: unknown[], credentials?: unknown, extra?: object): void;
  /** Send a pre-encoded Socket.IO EVENT packet (`["event", ...args]` as JSON text), bypassing the client's encoder. */
  emitRaw(json: string): void;
  close(): void;
}

const open: RawSeat[] = [];

/**
 * The Socket.IO EVENT packet on the game's namespace, as socket.io-client writes it (`2/kanban-cascade,`
 * then the JSON array); `engine.write` adds the Engine.IO MESSAGE type (`4`) in front. (A `42/...`
 * here reached the server as `442/...`, which it dropped by closing the socket, so tests that sent
 * raw packets passed without the packet ever reaching the guard.) tests/security/raw.test.ts checks
 * it against the real client's bytes.
 */
const eventFrame = (json: string): string => `2/kanban-cascade,${json}`;

export async function rawSocket(app: { url: string }): Promise<RawSeat> {
  const socket = io(`${app.url}/kanban-cascade`, { transports: ['websocket'], reconnection: false, forceNew: true });
  const packets: Packet[] = [];
  socket.onAny((event: string, ...args: unknown[]) => packets.push({ event, args }));
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', () => resolve());
    socket.on('connect_error', reject);
  });
  let stateID = 0;
  const seat: RawSeat = {
    socket,
    packets,
    latest: () => {
      for (let i = packets.length - 1; i >= 0; i--) {
        const p = packets[i]!;
        if (p.event === 'sync') return (p.args[1] as { state: State }).state;
        if (p.event === 'update') return p.args[1] as State;
      }
      return null;
    },
    sync: (matchID, s, credentials) => socket.emit('sync', matchID, s, credentials, 13),
    move: (matchID, s, type, args, credentials, extra = {}) => {
      stateID = seat.latest()?._stateID ?? stateID;
      socket.emit(
        'update',
        { type: 'MAKE_MOVE', payload: { type, args, playerID: s, credentials }, ...extra },
        stateID,
        matchID,
        s,
      );
    },
    emitRaw: (json) => {
      (socket.io as unknown as { engine: { write(data: string): void } }).engine.write(eventFrame(json));
    },
    close: () => {
      socket.close();
      const i = open.indexOf(seat);
      if (i >= 0) open.splice(i, 1);
    },
  };
  open.push(seat);
  return seat;
}

export function closeAllRaw(): void {
  for (const s of [...open]) s.close();
}

/** The server process still answers. */
export async function healthy(app: { url: string }): Promise<boolean> {
  const reply = await api(app, '/health');
  return reply.status === 200 && (reply.json as { ok?: boolean }).ok === true;
}

/** Wait until the stored state satisfies `check`. */
export async function untilStored(
  app: TestApp,
  matchID: string,
  check: (state: State) => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<State> {
  return waitFor(
    () => {
      const s = app.storage.rawState(matchID);
      return s && check(s) ? s : undefined;
    },
    what,
    timeoutMs,
  );
}

/** The server tests' withTestApp, closing every raw socket at the end too. */
export function withTestApp(
  set: (app: TestApp) => void,
  cleanUp: () => void = () => {},
  options: Partial<AppOptions> = {},
): void {
  withServer(set, options, () => {
    cleanUp();
    closeAllRaw();
  });
}

/** A logger that keeps what the server logs (to check that a packet reached the guard). */
export function capturingLogger(): {
  log: (event: string, fields?: LogFields) => void;
  events: { event: string; fields: LogFields }[];
} {
  const events: { event: string; fields: LogFields }[] = [];
  return { log: (event, fields = {}) => events.push({ event, fields }), events };
}

/** The reasons of the packets the guard refused, from a capturing logger's events. */
export const refusals = (events: readonly { event: string; fields: LogFields }[]): string[] =>
  events.filter((e) => e.event === 'packet-refused').map((e) => String(e.fields.reason));
