/**
 * The gate in front of boardgame.io's Lobby router: a positive allow-list. The router matches
 * paths case-insensitively and with a trailing slash (`/JOIN`, `/join/`, `/games/KANBAN-CASCADE/...`),
 * so the gate takes every request whose path, decoded, lower-cased, with repeated and trailing
 * slashes folded, lies under `/games`, and lets through only these exact forms:
 *
 *   GET  /games                                   GET  /games/kanban-cascade
 *   GET  /games/kanban-cascade/<matchID>          POST /games/kanban-cascade/create
 *   POST /games/kanban-cascade/<matchID>/join     POST /games/kanban-cascade/<matchID>/update
 *   POST /games/kanban-cascade/<matchID>/leave
 *
 * Anything else under `/games` is refused (404; `playAgain` 403; the deprecated `rename` is not
 * served). The write routes follow our rules, which boardgame.io's own handlers skip:
 *  - bodies carry only the fields the route takes (no `data`: this game keeps no player data);
 *  - `playerID` is one of the match's own seats (an own key of its metadata: "__proto__" or "999"
 *    never reach boardgame.io, whose join wrote `name` and `credentials` onto Object.prototype);
 *  - names follow the session API's name rule (server/names.ts);
 *  - matches created through the session API (they have a join code) are joined and left only
 *    through it (`/api/sessions/:code/join|leave`), which spreads seats and keeps seat 0;
 *  - seat 0 (the facilitator) never leaves through the Lobby.
 */
import type { Context, Next } from 'koa';
import { GAME_NAME } from '../game/core/game';
import type { RequestRefusal } from '../game/contract/requestRefusals';
import { HttpError, readJsonRaw as readJson, refuse as answer } from './http';
import { replayRequestBody } from './bgio';
import { nameRefusal } from './names';

const MATCH = '[A-Za-z0-9_-]{1,64}';
const READ = new RegExp(`^/games(?:/${GAME_NAME}(?:/${MATCH})?)?$`);
const CREATE = new RegExp(`^/games/${GAME_NAME}/create$`);
const WRITE = new RegExp(`^/games/${GAME_NAME}/(${MATCH})/(join|update|leave|playAgain)$`);

/** A create carries setupData, which may hold a whole custom network. */
const CREATE_LIMIT = 64 * 1024;

const FIELDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['create', ['numPlayers', 'setupData', 'unlisted']],
  ['join', ['playerID', 'playerName']],
  ['update', ['playerID', 'credentials', 'newName']],
  ['leave', ['playerID', 'credentials']],
]);

/** The path as the Lobby router could read it: decoded, lower case, single slashes, none at the end. */
export function normalisedPath(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  return (
    decoded
      .toLowerCase()
      .replace(/\/{2,}/g, '/')
      .replace(/\/+$/, '') || '/'
  );
}

export interface LobbyGuardDeps {
  /** Whether a match belongs to a session (has a join code). */
  readonly isSessionMatch: (matchID: string) => boolean;
  /** The seat ids of a match (own keys of its metadata's players), or undefined for no such match. */
  readonly seats: (matchID: string) => readonly string[] | undefined;
}

export function lobbyGuard({ isSessionMatch, seats }: LobbyGuardDeps) {
  return async (ctx: Context, next: Next) => {
    const refuse = (status: number, refusal: RequestRefusal) => answer(ctx, status, refusal);
    const normal = normalisedPath(ctx.path);
    if (normal === null) return /^\/+games/i.test(ctx.path) ? refuse(400, { code: 'lobby.path', field: null }) : next();
    if (normal !== '/games' && !normal.startsWith('/games/')) return next();
    if (ctx.method === 'GET' && READ.test(ctx.path)) return next();
    // A browser's CORS preflight for an exact route (the preflight carries no body).
    if (ctx.method === 'OPTIONS' && [READ, CREATE, WRITE].some((route) => route.test(ctx.path))) return next();
    const write = ctx.method === 'POST' ? WRITE.exec(ctx.path) : null;
    const action = ctx.method === 'POST' && CREATE.test(ctx.path) ? 'create' : write?.[2];
    if (action === undefined) {
      return refuse(404, { code: 'lobby.route', field: null });
    }
    if (action === 'playAgain') return refuse(403, { code: 'lobby.playAgain', field: null });
    const matchID = write?.[1] ?? '';
    if (action !== 'create' && isSessionMatch(matchID) && (action === 'join' || action === 'leave')) {
      return refuse(403, { code: 'lobby.sessionMatch', field: null, action });
    }
    let body: unknown;
    let raw: Buffer;
    try {
      ({ body, raw } = await readJson(ctx, action === 'create' ? CREATE_LIMIT : undefined));
    } catch (e) {
      // A body that broke off mid-way is as unreadable as bad JSON.
      return e instanceof HttpError ? refuse(e.status, e.refusal) : refuse(400, { code: 'body.badJson', field: null });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return refuse(400, { code: 'body.shape', field: null, expected: [] });
    const fields = body as Record<string, unknown>;
    const allowed = FIELDS.get(action)!;
    const extra = Object.keys(fields).find((k) => !allowed.includes(k));
    if (extra !== undefined)
      return refuse(400, { code: 'body.unknownField', field: null, name: extra.slice(0, 40), allowed });
    if (action !== 'create') {
      const own = seats(matchID);
      if (own === undefined) return refuse(404, { code: 'lobby.noMatch', field: null });
      // Seats are the match's own keys: anything else ("__proto__", "constructor", "999") would
      // reach boardgame.io's handlers, which index the players object with it.
      const seat = fields.playerID;
      const id = typeof seat === 'number' || typeof seat === 'string' ? String(seat) : null;
      if (seat !== undefined || action !== 'join') {
        if (id === null || !own.includes(id)) return refuse(400, { code: 'lobby.seat', field: 'playerID' });
      }
      if (action === 'leave' && id === '0') return refuse(403, { code: 'lobby.facilitatorLeave', field: null });
    }
    const name =
      action === 'join' ? 'playerName' : action === 'update' && fields.newName !== undefined ? 'newName' : null;
    const badName = name === null ? null : nameRefusal(fields[name], name);
    if (badName) return refuse(400, badName);
    // boardgame.io's koa-body reads the request again: give it the same bytes.
    replayRequestBody(ctx, raw);
    return next();
  };
}
