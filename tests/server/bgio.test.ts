/**
 * S-BGIO: server/bgio.ts is the one place that reaches into boardgame.io's internals. These tests
 * run every accessor against a real boardgame.io server (Socket.IO transport, a socket client
 * synced to a match), so a boardgame.io upgrade that moves an internal fails here, by name:
 *  S-BGIO1 the installed boardgame.io is the version the adapter was written for;
 *  S-BGIO2 every accessor finds its internal on a real server, with the shape the server uses;
 *  S-BGIO3 a missing internal is an error that names it (not a TypeError deep in a request).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMatch } from 'boardgame.io/internal';
import { Client } from 'boardgame.io/client';
import { SocketIO as SocketIOClient } from 'boardgame.io/multiplayer';
import { Server, SocketIO } from 'boardgame.io/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGame } from '../../game/core/game';
import {
  BGIO_VERSION,
  BgioInternalMissing,
  authOf,
  httpServer,
  lobbyRouter,
  matchQueue,
  socketServer,
  transportClients,
} from '../../server/bgio';
import { SqliteStorage } from '../../server/storage/sqlite';
import { waitFor } from './helpers';

const game = createGame();
const dataDir = mkdtempSync(join(tmpdir(), 'kc-bgio-'));
const storage = new SqliteStorage({ dataDir, sanitiseInitialState: (s) => s });
const transport = new SocketIO();
const server = Server({ games: [game], db: storage, transport, origins: [/.*/] });
let url = '';
let close = async () => {};
const matchID = 'bgio-adapter';

beforeAll(async () => {
  const match = createMatch({
    game,
    numPlayers: 3,
    setupData: { scenario: 'two-inputs', humanSeats: 2 },
    unlisted: true,
  });
  if ('setupDataError' in match) throw new Error(String(match.setupDataError));
  match.metadata.players[1] = { id: 1, name: 'A', credentials: 'seat-one' };
  storage.createMatch(matchID, { initialState: match.initialState, metadata: match.metadata });
  const running = await server.run({ port: 0 });
  url = `http://localhost:${(running.appServer.address() as AddressInfo).port}`;
  close = async () => {
    socketServer(server.app).close();
    await new Promise<void>((resolve) => {
      running.appServer.close(() => resolve());
      running.appServer.closeAllConnections();
    });
  };
});

afterAll(async () => {
  await close();
  storage.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the boardgame.io adapter (S-BGIO)', () => {
  it('S-BGIO1 the installed boardgame.io is the version server/bgio.ts was written for', () => {
    const version = (createRequire(import.meta.url)('boardgame.io/package.json') as { version: string }).version;
    expect(version, 'review server/bgio.ts against the new boardgame.io, then update BGIO_VERSION').toBe(BGIO_VERSION);
  });

  it('S-BGIO2 every accessor finds its internal on a real server', async () => {
    expect(typeof socketServer(server.app).of('kanban-cascade').on).toBe('function');
    expect(httpServer(server.app).listening).toBe(true);
    expect(typeof (authOf(server.app) as { authenticateCredentials: unknown }).authenticateCredentials).toBe(
      'function',
    );
    expect(await matchQueue(transport, matchID).add(async () => 'ran')).toBe('ran');
    expect(typeof lobbyRouter(server).get).toBe('function');

    const client = Client({
      game,
      multiplayer: SocketIOClient({ server: url }),
      matchID,
      playerID: '1',
      credentials: 'seat-one',
      debug: false,
    });
    client.start();
    try {
      const clients = transportClients(transport);
      const socketID = await waitFor(() => [...(clients.roomInfo.get(matchID) ?? [])][0], 'the socket registered');
      const registered = clients.clientInfo.get(socketID)!;
      expect(registered).toMatchObject({ matchID, playerID: '1', credentials: 'seat-one' });
      expect(typeof registered.socket.disconnect).toBe('function');
      clients.removeClient(socketID);
      expect(clients.clientInfo.has(socketID)).toBe(false);
      expect(clients.roomInfo.get(matchID)?.has(socketID) ?? false).toBe(false);
    } finally {
      client.stop();
    }
  });

  it('S-BGIO3 a missing internal is an error naming it', () => {
    const bare = { context: {} } as never;
    expect(() => socketServer(bare)).toThrow(BgioInternalMissing);
    expect(() => socketServer(bare)).toThrow(/app\._io/);
    expect(() => httpServer(bare)).toThrow(/app\.server/);
    expect(() => authOf(bare)).toThrow(/app\.context\.auth/);
    expect(() => matchQueue({}, 'm')).toThrow(/transport\.getMatchQueue/);
    expect(() => transportClients({ clientInfo: new Map(), roomInfo: new Map() })).toThrow(/transport\.removeClient/);
    expect(() => transportClients({ roomInfo: new Map() })).toThrow(/transport\.clientInfo/);
    expect(() => lobbyRouter({ router: {} } as never)).toThrow(/server\.router\.get/);
  });
});
