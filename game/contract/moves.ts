/**
 * The moves of the game (docs/API.md), by name with their argument tuples: game/core/game.ts
 * defines them, the board and facilitator pages send them (client/app/connect.ts) and the
 * server's steward sends the clock and presence ones (server/steward.ts). Pure.
 */
import type { CouncilProposal, Decision, Shock } from '../core/types';

/** The arguments of each move, as the sender passes them (the game re-checks every one). */
export interface MoveArgs {
  commit: [round: number, decision: Decision];
  vote: [round: number, proposal: CouncilProposal | 'none'];
  start: [];
  closeRound: [round: number];
  pause: [];
  resume: [];
  clock: [round: number, deadline: number | null, remainingMs: number | null];
  shock: [shock: Shock];
  convene: [];
  reveal: [on: boolean];
  /** One seat or a list; the server calls it on (dis)connection. */
  setPresence: [seats: string | readonly string[], present: boolean];
  endGame: [];
}

export type MoveName = keyof MoveArgs;

/** Every move, in the order of game.ts. */
export const MOVE_NAMES = [
  'start',
  'commit',
  'vote',
  'closeRound',
  'pause',
  'resume',
  'clock',
  'shock',
  'convene',
  'reveal',
  'setPresence',
  'endGame',
] as const satisfies readonly MoveName[];

// A move added to MoveArgs but not to MOVE_NAMES fails to compile here.
type MissingMove = Exclude<MoveName, (typeof MOVE_NAMES)[number]>;
const _everyMove: [MissingMove] extends [never] ? true : MissingMove = true;

/** The moves a browser sends; the clock and presence are the server's (its steward's). */
export const CLIENT_MOVES = [
  'commit',
  'vote',
  'start',
  'closeRound',
  'pause',
  'resume',
  'shock',
  'reveal',
  'convene',
  'endGame',
] as const satisfies readonly MoveName[];
export type ClientMoveName = (typeof CLIENT_MOVES)[number];

/** The moves a browser sends, typed. */
export type GameMoves = { readonly [K in ClientMoveName]: (...args: MoveArgs[K]) => void };
