/**
 * The Kanban Cascade server on one port: the built client, boardgame.io's game server (Socket.IO)
 * and Lobby API, the session API, /health; embedded SQLite storage; the steward (round clock,
 * presence); and every mitigation of docs/BOARDGAME-IO.md:
 *  - packet guard (guard.ts) on the game's Socket.IO namespace;
 *  - initial state sanitised and log trimmed in storage (storage/sqlite.ts);
 *  - a cryptographic seed per match (createGame's drawSeed);
 *  - exact origins for the HTTP API and Socket.IO (requests from other origins are refused);
 *  - known Host headers only (hosts.ts: DNS rebinding) and limits per client address
 *    (limits.ts, socketLimits.ts: join-code guesses, creations, packets, connections, slow requests).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { Server as BgioServer, State } from 'boardgame.io';
import { Server, SocketIO } from 'boardgame.io/server';
import serve from 'koa-static';
import { GAME_NAME, createGame } from '../game/core/game';
import type { G } from '../game/core/types';
import { playerView } from '../game/core/view';
import { authOf, httpServer, lobbyRouter, matchQueue, socketServer } from './bgio';
import { SPA_PATH } from '../game/contract/routes';
import { installChallengeApi } from './challenges';
import { installDebriefApi } from './debrief';
import { refusePacket, safeRefusal } from './guard';
import { routeLibraryErrors } from './libraryLog';
import { hostGuard, hostPolicy } from './hosts';
import {
  type Limits,
  hardenServer,
  httpLimits,
  quietClientErrors,
  requestAddress,
  resolveLimits,
  throttledLog,
} from './limits';
import { lobbyGuard } from './lobbyGuard';
import { evictStaleSockets } from './seatEviction';
import { type Logger, jsonLogger } from './log';
import { installSessionApi } from './sessions';
import { installSocketLimits } from './socketLimits';
import { Steward } from './steward';
import { SqliteStorage } from './storage/sqlite';

export interface AppOptions {
  readonly port: number;
  readonly dataDir: string;
  /** Origins allowed besides the server's own (e.g. the Vite dev server). */
  readonly origins?: readonly string[];
  /** Folder of the built client (default ./dist); the API runs without it. */
  readonly clientDir?: string;
  readonly log?: Logger;
  readonly publicUrl?: string;
  /** Steward timings (tests shorten them). */
  readonly graceMs?: number;
  readonly tickMs?: number;
  /**
   * The source of match seeds (and of a challenge attempt's dice): 16 random bytes from the
   * operating system's CSPRNG. Tests replace it to replay the same dice; never set it in production.
   */
  readonly drawSeed?: () => string;
  /** Limits per client address and socket (limits.ts DEFAULT_LIMITS; tests and the bench change them). */
  readonly limits?: Partial<Limits>;
  /** One reverse proxy in front: limit by the last X-Forwarded-For entry (TRUST_PROXY=1). */
  readonly trustProxy?: boolean;
}

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  readonly storage: SqliteStorage;
  readonly steward: Steward;
  close(): Promise<void>;
}

/**
 * Small in-memory pub/sub (the shape boardgame.io's SocketIO transport takes) that coalesces state
 * updates: an `update` is delivered on the next turn of the event loop (setImmediate), and a newer
 * update of the same match published before then replaces it. Each update carries the whole
 * state, and clients ignore any state older than theirs, so only the latest matters; under load
 * several commits of one match are processed back to back and each client then gets one view
 * (one playerView, one encode, one write) instead of one per commit. Under light load nothing
 * waits: the delivery runs right after the I/O that caused it. The log entries of the replaced
 * updates ride along with the latest one, so every client's log stays complete (each entry is
 * still redacted per recipient by boardgame.io).
 */
type Update = { type: 'update'; args: [string, { deltalog?: unknown[] } & Record<string, unknown>] };

/** The newer update, carrying the older one's log entries before its own. */
function merged(older: Update, newer: Update): Update {
  const [matchID, state] = newer.args;
  const deltalog = [...(older.args[1].deltalog ?? []), ...(state.deltalog ?? [])];
  return { ...newer, args: [matchID, { ...state, deltalog }] };
}

export class CoalescingPubSub {
  private readonly channels = new Map<string, ((payload: unknown) => void)[]>();
  private readonly pending = new Map<string, unknown>();
  /** Updates published and updates delivered (the difference was coalesced away). */
  readonly counts = { published: 0, delivered: 0 };

  publish(channel: string, payload: unknown): void {
    if ((payload as { type?: unknown } | null)?.type !== 'update') {
      this.flush(channel);
      this.deliver(channel, payload);
      return;
    }
    this.counts.published++;
    const waiting = this.pending.get(channel) as Update | undefined;
    this.pending.set(channel, waiting ? merged(waiting, payload as Update) : payload);
    if (!waiting) setImmediate(() => this.flush(channel));
  }

  private flush(channel: string): void {
    if (!this.pending.has(channel)) return;
    const payload = this.pending.get(channel);
    this.pending.delete(channel);
    this.counts.delivered++;
    this.deliver(channel, payload);
  }

  private deliver(channel: string, payload: unknown): void {
    for (const fn of this.channels.get(channel) ?? []) fn(payload);
  }

  subscribe(channel: string, fn: (payload: unknown) => void): void {
    this.channels.set(channel, [...(this.channels.get(channel) ?? []), fn]);
  }

  unsubscribeAll(channel: string): void {
    this.channels.delete(channel);
  }
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const log = options.log ?? jsonLogger();
  const unrouteLibraryErrors = routeLibraryErrors(log);
  const game = createGame(undefined, { drawSeed: options.drawSeed ?? (() => randomBytes(16).toString('hex')) });
  let onMetadata: (matchID: string, metadata: BgioServer.MatchData) => void = () => {};
  const storage = new SqliteStorage({
    dataDir: options.dataDir,
    onMetadata: (matchID, metadata) => onMetadata(matchID, metadata),
    sanitiseInitialState: (state: State) => ({
      ...state,
      G: playerView({ G: state.G as G, playerID: null }),
      plugins: {},
    }),
  });
  const hosts = hostPolicy(options);
  const apiOrigins: string[] = [...(options.origins ?? []), ...(options.publicUrl ? [options.publicUrl] : [])];
  const selfOrigins = (port: number) => [
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
    `http://[::1]:${port}`,
  ];
  const limits = resolveLimits(options.limits);
  const addressOf = requestAddress(options.trustProxy ?? false);
  const note = throttledLog(log, limits.now);
  const hostCheck = hostGuard<IncomingMessage>(hosts, (refused, req, path) =>
    note(refused.event, addressOf(req), {
      host: (req.headers.host ?? '').slice(0, 100),
      origin: (req.headers.origin ?? '').slice(0, 100),
      path: path.slice(0, 100),
    }),
  );
  const pubSub = new CoalescingPubSub();
  const transport = new SocketIO({
    pubSub: pubSub as never,
    socketOpts: {
      maxHttpBufferSize: 64 * 1024,
      cors: {
        origin: (origin: string | undefined, cb: (e: Error | null, ok?: boolean) => void) =>
          cb(null, origin === undefined || origin === '' || hosts.originAllowed(origin)),
      },
      allowRequest: hostCheck.allowRequest,
    } as never,
  });
  onMetadata = (matchID, metadata) => evictStaleSockets(transport, matchID, metadata, log);
  const server = Server({
    games: [game],
    db: storage,
    transport,
    // The same list, filled with the server's own origins once the port is known.
    origins: apiOrigins,
    uuid: () => randomBytes(8).toString('hex'),
    generateCredentials: () => randomBytes(16).toString('hex'),
  });
  const app = server.app;
  hardenServer(httpServer(app), limits, options.trustProxy ?? false, note);
  // Refuse unknown hosts (421) and origins that are not allowed (403) before anything else, then limits.
  app.use(hostCheck.http);
  app.use(httpLimits(limits, addressOf, note));
  quietClientErrors(app, addressOf, note);
  app.use(async (ctx, next) => {
    if (ctx.path === '/health') {
      ctx.body = { ok: true };
      return;
    }
    await next();
  });
  const clientDir = options.clientDir ?? join(process.cwd(), 'dist');
  if (existsSync(join(clientDir, 'index.html'))) {
    app.use(serve(clientDir, { index: 'index.html', maxage: 0 }));
    app.use(async (ctx, next) => {
      if (ctx.method === 'GET' && SPA_PATH.test(ctx.path)) {
        ctx.path = '/index.html';
        await serve(clientDir)(ctx, next);
        return;
      }
      await next();
    });
  }
  const isSessionMatch = installSessionApi(lobbyRouter(server), {
    game,
    storage,
    log,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  const debrief = installDebriefApi(lobbyRouter(server), { storage, log });
  app.use(
    lobbyGuard({
      isSessionMatch,
      seats: (matchID) => {
        const { metadata } = storage.fetch(matchID, { metadata: true });
        return metadata ? Object.keys(metadata.players) : undefined;
      },
    }),
  );
  // No socket survives a restart: whoever was connected when the process died is not any more.
  storage.resetConnections();

  // Packet limits first (their middleware runs before the guard's), then the packet guard.
  const io = socketServer(app);
  const socketLimits = installSocketLimits(io, limits, options.trustProxy ?? false, log, note);
  // The packet guard on the game's namespace.
  const moves = new Set(Object.keys(game.moves ?? {}));
  io.of(GAME_NAME).on('connection', (socket) => {
    // A packet the parser cannot decode closes the connection; without a listener socket.io also
    // prints "Missing error handler on `socket`" and a stack trace to stderr.
    socket.on('error', (e: unknown) =>
      log('socket-error', { socket: socket.id, message: String((e as Error)?.message).slice(0, 100) }),
    );
    socket.use((packet, next) => {
      const refused = safeRefusal(() =>
        refusePacket(
          packet,
          moves,
          (id) => storage.fetch(id, { metadata: true }).metadata !== undefined,
          (id, seat) => Boolean(storage.fetch(id, { metadata: true }).metadata?.players[Number(seat)]?.credentials),
        ),
      );
      if (refused === null) next();
      else socketLimits.refused(socket, refused);
    });
  });

  const steward = new Steward({
    game,
    storage,
    auth: authOf(app),
    broadcast: (matchID, payload) => pubSub.publish(`MATCH-${matchID}`, payload),
    queue: (matchID) => matchQueue(transport, matchID),
    log,
    ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
    ...(options.tickMs !== undefined ? { tickMs: options.tickMs } : {}),
  });

  const challenges = installChallengeApi(lobbyRouter(server), {
    game,
    storage,
    steward,
    log,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });

  const { appServer } = await server.run({ port: options.port });
  const port = (appServer.address() as AddressInfo).port;
  hosts.listening(port);
  apiOrigins.push(...selfOrigins(port));
  steward.start();
  challenges.start(options.tickMs ?? 250);
  log('listening', { port, dataDir: options.dataDir });
  return {
    url: `http://localhost:${port}`,
    port,
    storage,
    steward,
    close: async () => {
      steward.stop();
      challenges.stop();
      await debrief.close();
      await new Promise<void>((resolve) => {
        io.close();
        appServer.close(() => resolve());
        appServer.closeAllConnections?.();
      });
      storage.close();
      unrouteLibraryErrors();
    },
  };
}
