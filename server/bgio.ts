/**
 * Every reach into boardgame.io 0.50.2's internals goes through this one adapter: things the
 * library creates but does not export or type (the Socket.IO server, the HTTP server, the Auth
 * instance, the transport's per-match queues and client registry, the Lobby's body reader). Each accessor checks that
 * what it relies on is there and throws a `BgioInternalMissing` naming it otherwise, and
 * tests/server/bgio.test.ts runs them all against a real server: after a boardgame.io upgrade
 * that test says which internal moved. Nothing else in server/ casts boardgame.io objects.
 *
 * Public API (Server, SocketIO, Master, createMatch, the storage base classes) is used directly.
 */
import type { Server as HttpServer, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type Router from '@koa/router';
import type { Server } from 'boardgame.io/server';

export const BGIO_VERSION = '0.50.2';

export class BgioInternalMissing extends Error {
  constructor(what: string) {
    super(`boardgame.io internal missing: ${what} (the adapter server/bgio.ts was written for ${BGIO_VERSION})`);
    this.name = 'BgioInternalMissing';
  }
}

type Bag = Record<string, unknown>;
const bag = (x: unknown, what: string): Bag => {
  if ((typeof x !== 'object' && typeof x !== 'function') || x === null) throw new BgioInternalMissing(what);
  return x as Bag;
};
const method = (owner: Bag, name: string, what: string): void => {
  if (typeof owner[name] !== 'function') throw new BgioInternalMissing(what);
};

/** The app boardgame.io's `Server()` returns (a Koa app). */
type App = ReturnType<typeof Server>['app'];
type Transport = unknown;

/** A Socket.IO server socket, as far as the guard and the limits use it. */
export interface GameSocket {
  readonly id: string;
  readonly handshake: { readonly address: string; readonly headers: IncomingHttpHeaders };
  use(fn: (packet: unknown[], next: (e?: Error) => void) => void): void;
  on(event: 'error', fn: (e: unknown) => void): void;
  disconnect(close?: boolean): void;
}

/** The Socket.IO server (3.1.2), as far as the server uses it. */
export interface SocketServer {
  of(namespace: string): { on(event: 'connection', fn: (socket: GameSocket) => void): void };
  close(cb?: () => void): void;
}

/**
 * The Socket.IO server: `app._io`, set by koa-socket-2's `attach(app)`, which 0.50.2's SocketIO
 * transport calls from `transport.init(app, games, origins)` inside `Server()` (so it is there
 * before `run`; each game's namespace is `app._io.of(game.name)`).
 */
export function socketServer(app: App): SocketServer {
  const io = bag((app as unknown as Bag)._io, 'app._io (koa-socket-2, attached by the SocketIO transport)');
  method(io, 'of', 'app._io.of');
  method(io, 'close', 'app._io.close');
  return io as unknown as SocketServer;
}

/**
 * The Node HTTP server: `app.server`, created by koa-socket-2's `attach(app)` (the transport's
 * init, inside `Server()`), whose patched `app.listen` `Server().run()` calls; Koa has no such property.
 */
export function httpServer(app: App): HttpServer {
  const server = bag((app as unknown as Bag).server, 'app.server (koa-socket-2 http server)');
  method(server, 'listen', 'app.server.listen');
  return server as unknown as HttpServer;
}

/**
 * boardgame.io's Auth instance: `app.context.auth`, set by `Server()` (class Auth in
 * src/server/auth.ts; `new Master(game, db, transport, auth)` takes it).
 */
export function authOf(app: App): unknown {
  const auth = bag((app.context as unknown as Bag).auth, 'app.context.auth (Server() sets it)');
  method(auth, 'authenticateCredentials', 'app.context.auth.authenticateCredentials');
  return auth;
}

/** A per-match queue (p-queue with concurrency 1). */
export interface MatchQueue {
  add<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * The queue the SocketIO transport runs a match's updates on: `transport.getMatchQueue(matchID)`
 * (src/server/transport/socketio.ts, created on demand; deleted when the match's last socket leaves).
 */
export function matchQueue(transport: Transport, matchID: string): MatchQueue {
  const t = bag(transport, 'the SocketIO transport');
  method(t, 'getMatchQueue', 'transport.getMatchQueue');
  const queue = bag((t.getMatchQueue as (id: string) => unknown).call(t, matchID), 'transport.getMatchQueue(id)');
  method(queue, 'add', 'transport.getMatchQueue(id).add');
  return queue as unknown as MatchQueue;
}

/** A registered socket of the SocketIO transport. */
export interface TransportClient {
  readonly matchID: string;
  readonly playerID?: string | null;
  readonly credentials?: unknown;
  readonly socket: { disconnect(close?: boolean): void };
}

/** The SocketIO transport's registry of sockets per match. */
export interface TransportClients {
  /** socket id -> client (`transport.clientInfo`). */
  readonly clientInfo: Map<string, TransportClient>;
  /** match id -> socket ids (`transport.roomInfo`). */
  readonly roomInfo: Map<string, Set<string>>;
  /** Unregister a socket (`transport.removeClient`): it gets no more updates. */
  removeClient(socketID: string): void;
}

/**
 * The registry the SocketIO transport keeps of the sockets it sends a match's updates to:
 * `clientInfo` and `roomInfo` (Maps made in its constructor) and `removeClient(socketID)`
 * (src/server/transport/socketio.ts, 0.50.2).
 */
export function transportClients(transport: Transport): TransportClients {
  const t = bag(transport, 'the SocketIO transport');
  if (!(t.clientInfo instanceof Map)) throw new BgioInternalMissing('transport.clientInfo (a Map)');
  if (!(t.roomInfo instanceof Map)) throw new BgioInternalMissing('transport.roomInfo (a Map)');
  method(t, 'removeClient', 'transport.removeClient');
  return t as unknown as TransportClients;
}

/**
 * The Lobby's router, typed as this project's @koa/router (`server.router` is public, but typed
 * against the @types/koa__router that boardgame.io bundles, which differs from ours).
 */
export function lobbyRouter(server: Pick<ReturnType<typeof Server>, 'router'>): Router {
  const router = bag(server.router, 'server.router');
  method(router, 'get', 'server.router.get');
  method(router, 'post', 'server.router.post');
  return router as unknown as Router;
}

/**
 * Hand the Lobby's handlers a body already read: 0.50.2's Lobby routes parse it with koa-body from
 * `ctx.req` (src/server/api.ts), so the request stream is replaced by a fresh stream of the same
 * bytes, with the same headers (koa-body reads the content type and length from them).
 */
export function replayRequestBody(ctx: { req: IncomingMessage }, raw: Buffer): void {
  const replay = Object.assign(Readable.from([raw]), { headers: ctx.req.headers });
  ctx.req = replay as unknown as IncomingMessage;
}
