/**
 * The Socket.IO packet guard (BOARDGAME-IO.md holes 1-4): on the game's namespace, only
 *  - `update` packets carrying a MAKE_MOVE whose payload.playerID equals the playerID the server
 *    authenticates, for a move the game defines, never `automatic`;
 *  - `sync` packets for a match that exists;
 * get through. RESET / UPDATE / SYNC actions, events (endTurn, endGame, setPhase...), chat and
 * anything malformed are dropped and logged. Returns a reason for a refused packet, or null.
 */
export const ALLOWED_EVENTS = new Set(['update', 'sync']);

export function refusePacket(
  packet: readonly unknown[],
  moves: ReadonlySet<string>,
  matchExists: (id: string) => boolean,
  /** Whether a seat of a match has been joined (holds credentials); moves come only from joined seats. */
  seatJoined: (matchID: string, playerID: string) => boolean = () => true,
): string | null {
  const [event, ...args] = packet;
  if (typeof event !== 'string' || !ALLOWED_EVENTS.has(event)) return `event ${String(event).slice(0, 20)} not allowed`;
  if (event === 'sync') {
    const [matchID, playerID] = args;
    if (typeof matchID !== 'string' || matchID.length > 64) return 'sync: bad match id';
    if (playerID !== null && playerID !== undefined && (typeof playerID !== 'string' || !/^\d{1,3}$/.test(playerID))) {
      return 'sync: bad player id';
    }
    if (!matchExists(matchID)) return 'sync: unknown match';
    return null;
  }
  const [action, stateID, matchID, playerID] = args;
  if (typeof action !== 'object' || action === null || Array.isArray(action)) return 'update: action is not an object';
  const { type, payload } = action as { type?: unknown; payload?: unknown };
  if (type !== 'MAKE_MOVE') return `update: action type ${String(type).slice(0, 20)} not allowed`;
  if (typeof payload !== 'object' || payload === null) return 'update: no payload';
  const p = payload as Record<string, unknown>;
  if (typeof p.type !== 'string' || !moves.has(p.type)) return 'update: unknown move';
  if (typeof playerID !== 'string' || p.playerID !== playerID)
    return 'update: payload playerID differs from the authenticated one';
  if ('automatic' in (action as object) || 'automatic' in p) return 'update: automatic actions are not allowed';
  if (!Array.isArray(p.args ?? [])) return 'update: args must be an array';
  if (typeof stateID !== 'number' || typeof matchID !== 'string') return 'update: bad state or match id';
  // boardgame.io lets a seat nobody joined move without credentials (hole 4): not here.
  if (!seatJoined(matchID, playerID)) return 'update: that seat has not been joined';
  return null;
}
