/**
 * The Socket.IO packet guard (docs/BOARDGAME-IO.md, holes 1-4): on the game's namespace, only
 *  - `update` packets carrying a MAKE_MOVE whose payload.playerID equals the playerID the server
 *    authenticates, for a move the game defines, never `automatic`, with bounded plain-data args;
 *  - `sync` packets for a match that exists;
 * get through, each exactly in the shape boardgame.io's own client sends (`update`: action, state
 * id, match id, player id; `sync`: match id, player id, credentials, number of players). RESET /
 * UPDATE / SYNC actions, events (endTurn, endGame, setPhase...), chat and anything malformed are
 * dropped. Returns a reason for a refused packet, or null.
 *
 * Move arguments pass payloadProblem (server/payload.ts) before boardgame.io sees them: it turns a
 * refused move's args into a string for its log, which deep arrays or an object with its own
 * `toString` turned into a crash of the whole process.
 */
import { isRecord, shown } from '../game/core/schema';
import { MOVE_ARGS_LIMITS, payloadProblem } from './payload';

export const ALLOWED_EVENTS = new Set(['update', 'sync']);

const MATCH_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SEAT = /^\d{1,3}$/;
const ACTION_KEYS = new Set(['type', 'payload']);
const PAYLOAD_KEYS = new Set(['type', 'args', 'playerID', 'credentials']);
const CREDENTIALS_MAX = 64;

const credentialsOk = (c: unknown) =>
  c === undefined || c === null || (typeof c === 'string' && c.length <= CREDENTIALS_MAX);

export function refusePacket(
  packet: readonly unknown[],
  moves: ReadonlySet<string>,
  matchExists: (id: string) => boolean,
  /** Whether a seat of a match has been joined (holds credentials); moves come only from joined seats. */
  seatJoined: (matchID: string, playerID: string) => boolean = () => true,
): string | null {
  const [event, ...args] = packet;
  if (typeof event !== 'string' || !ALLOWED_EVENTS.has(event)) return `event ${shown(event, 20)} not allowed`;
  if (event === 'sync') {
    const [matchID, playerID, credentials, numPlayers] = args;
    if (typeof matchID !== 'string' || !MATCH_ID.test(matchID)) return 'sync: bad match id';
    if (playerID !== null && playerID !== undefined && (typeof playerID !== 'string' || !SEAT.test(playerID))) {
      return 'sync: bad player id';
    }
    if (!credentialsOk(credentials) || (numPlayers !== undefined && typeof numPlayers !== 'number') || args.length > 4)
      return 'sync: bad credentials or extra arguments';
    if (!matchExists(matchID)) return 'sync: unknown match';
    return null;
  }
  const [action, stateID, matchID, playerID] = args;
  if (!isRecord(action)) return 'update: action is not an object';
  const { type, payload } = action;
  if (type !== 'MAKE_MOVE') return `update: action type ${shown(type, 20)} not allowed`;
  if (!isRecord(payload)) return 'update: no payload';
  const p = payload;
  if (typeof p.type !== 'string' || !moves.has(p.type)) return 'update: unknown move';
  if (typeof playerID !== 'string' || p.playerID !== playerID)
    return 'update: payload playerID differs from the authenticated one';
  if ('automatic' in action || 'automatic' in p) return 'update: automatic actions are not allowed';
  if (!Array.isArray(p.args ?? [])) return 'update: args must be an array';
  if (Object.keys(action).some((k) => !ACTION_KEYS.has(k)) || Object.keys(p).some((k) => !PAYLOAD_KEYS.has(k)))
    return 'update: the action has fields a move does not have';
  const argsProblem = payloadProblem(p.args ?? [], MOVE_ARGS_LIMITS);
  if (argsProblem !== null) return `update: args: ${argsProblem}`;
  if (!credentialsOk(p.credentials)) return 'update: bad credentials';
  if (typeof stateID !== 'number' || typeof matchID !== 'string' || !MATCH_ID.test(matchID) || args.length > 4)
    return 'update: bad state or match id';
  if (!SEAT.test(playerID)) return 'update: bad player id';
  // boardgame.io lets a seat nobody joined move without credentials (hole 4): not here.
  if (!seatJoined(matchID, playerID)) return 'update: that seat has not been joined';
  return null;
}

/** The guard's verdict, or a refusal if the guard itself throws (a throw in socket.use would end the process). */
export function safeRefusal(check: () => string | null): string | null {
  try {
    return check();
  } catch {
    return 'the packet guard failed on this packet';
  }
}
