/**
 * Limits on boardgame.io's Lobby write routes (its own handlers skip our rules):
 *  - `join` and `update` names follow the session API's name rule;
 *  - matches created through the session API (they have a join code) are joined and left only
 *    through it (`/api/sessions/:code/join|leave`), which spreads seats and keeps seat 0;
 *  - seat 0 (the facilitator) never leaves through the Lobby (boardgame.io would wipe the match
 *    or free the seat for anyone);
 *  - `playAgain` is not supported.
 * Reading routes and `create` are untouched (scripted sessions, README).
 */
import type { Context, Next } from 'koa';
import { GAME_NAME } from '../game/core/game';
import { Readable } from 'node:stream';
import { HttpError, readJsonRaw as readJson } from './http';

export const NAME_MAX = 40;

/** The session API's name rule; null when valid. */
export function nameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return `a name is required: name must be 1 to ${NAME_MAX} characters, without < or >`;
  const trimmed = name.trim();
  if (
    trimmed.length < 1 ||
    trimmed.length > NAME_MAX ||
    /[<>]/.test(trimmed) ||
    [...trimmed].some((c) => c.charCodeAt(0) < 32)
  ) {
    return `name must be 1 to ${NAME_MAX} characters, without < or >`;
  }
  return null;
}

const ROUTE = new RegExp(`^/games/${GAME_NAME}/([^/]+)/(join|update|leave|playAgain)$`);

export function lobbyGuard(isSessionMatch: (matchID: string) => boolean) {
  return async (ctx: Context, next: Next) => {
    const m = ctx.method === 'POST' ? ROUTE.exec(ctx.path) : null;
    if (!m) return next();
    const [, matchID = '', action] = m;
    const refuse = (status: number, error: string) => {
      ctx.status = status;
      ctx.body = { error };
    };
    if (action === 'playAgain') return refuse(403, 'playAgain is not supported');
    if (isSessionMatch(matchID) && (action === 'join' || action === 'leave')) {
      return refuse(403, `this match belongs to a session: use /api/sessions/<code>/${action}`);
    }
    let body: unknown;
    let raw: Buffer;
    try {
      ({ body, raw } = await readJson(ctx));
    } catch (e) {
      return refuse(e instanceof HttpError ? e.status : 400, (e as Error).message);
    }
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    // Seats are small numbers; anything else (e.g. "__proto__") would let boardgame.io write
    // onto Object.prototype (prototype pollution).
    if (fields.playerID !== undefined && !/^\d{1,3}$/.test(String(fields.playerID))) {
      return refuse(400, 'playerID must be a seat number');
    }
    if (action === 'join') {
      const problem = nameProblem(fields.playerName);
      if (problem) return refuse(400, problem);
    }
    if (action === 'update' && fields.newName !== undefined) {
      const problem = nameProblem(fields.newName);
      if (problem) return refuse(400, problem);
    }
    if (action === 'leave' && String(fields.playerID) === '0') return refuse(403, 'the facilitator seat cannot leave');
    // boardgame.io's koa-body reads the request again: give it a fresh stream of the same bytes.
    const replay = Object.assign(Readable.from([raw]), { headers: ctx.req.headers });
    ctx.req = replay as unknown as typeof ctx.req;
    return next();
  };
}
