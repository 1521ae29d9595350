/**
 * The boardgame.io game `kanban-cascade`: wiring only. Rules live in small pure modules
 * (setup, world, decisions, resolve, council, round, view, bots); see docs/RULES.md. The round
 * lifecycle (when a turn ends, what ending it does) is round.ts.
 *
 * One turn is one round. Every seat is active at once (`activePlayers: all`); a round ends when
 * every present human has committed, or when the facilitator (or the server's clock) closes it.
 * Moves run only on the server (`client: false`) and their arguments are redacted from the log.
 */
import type { Game, MoveFn } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';
import { canVote } from './council';
import { canCommit } from './decisions';
import {
  canCloseRound,
  canConvene,
  canEndGame,
  canPause,
  canResume,
  canReveal,
  canSetClock,
  canSetPresence,
  canStart,
  facilitatorOnly,
} from './facilitator';
import { endOfTurn, turnOver } from './round';
import { type MatchPlan, type SetupData, initialState, parseSetupData, validateSetupData } from './setup';
import { type Refusal } from './refusals';
import { seatScope } from './scope';
import { canShock } from './shocks';
import { type G } from './types';
import type { MoveName } from '../contract/moves';
import { buildWorld } from './world';
import { type View, playerView } from './view';

export const GAME_NAME = 'kanban-cascade';

type Ctx = { playerID?: string; G: G; random: { Number(): number } };
// boardgame.io's context type is wider than what the moves read; they take what they use.
type AnyMove = (ctx: Ctx, ...args: never[]) => MoveResult;
/** A move refuses with INVALID_MOVE or changes G in place and returns nothing. */
type MoveResult = typeof INVALID_MOVE | void;

/** The first refusal among a facilitator move's checks (seat 0 first). */
const refusedToFacilitator = (playerID: string | undefined, ...checks: (() => Refusal | null)[]): boolean =>
  facilitatorOnly(playerID) !== null || checks.some((check) => check() !== null);

/**
 * Every move runs only on the server and is redacted from the log. Every move also checks the
 * state it needs itself (round number, status), so none is refused merely because another
 * update (a commit, the server's clock) landed first: without ignoreStaleStateID, 7 of 8
 * simultaneous commits were dropped (docs/BOARDGAME-IO.md), and a facilitator's click crossing the
 * clock's move was lost.
 */
const serverMove = (move: AnyMove) => ({
  move: move as unknown as MoveFn<G>,
  client: false,
  redact: true,
  ignoreStaleStateID: true,
});

/** Build the game; `defaults` is used when boardgame.io gives no setupData (Local(), tests). */
export interface GameOptions {
  /**
   * Where `start` takes the match seed under the random seed policy. The server injects a
   * cryptographic source. Without it, boardgame.io's random plugin is used, whose state is in
   * the initial state that sync sends to clients: predictable unless the server sanitises it.
   */
  readonly drawSeed?: () => string;
}

export function createGame(defaults?: SetupData, options: GameOptions = {}): Game<G> {
  const planOf = (setupData: unknown): MatchPlan => {
    const plan = parseSetupData(setupData ?? defaults);
    if (!plan.ok) throw new Error(plan.error);
    return plan.value;
  };
  return {
    name: GAME_NAME,
    disableUndo: true,
    validateSetupData: (setupData, numPlayers) => validateSetupData(setupData ?? defaults, numPlayers),
    setup: (_ctx, setupData) => initialState(planOf(setupData)),
    playerView: ({ G: g, playerID }): View => playerView({ G: g, playerID }),
    turn: {
      activePlayers: { all: 'act' },
      stages: { act: {} },
      order: { first: () => 0, next: () => 0 },
      endIf: ({ G: g }) => turnOver(g),
      onEnd: ({ G: g }) => endOfTurn(g),
    },
    endIf: ({ G: g }) => (g.status === 'over' ? { over: true } : undefined),
    events: {
      endTurn: false,
      endPhase: false,
      endStage: false,
      setActivePlayers: false,
      endGame: false,
      setPhase: false,
      setStage: false,
      pass: false,
    },
    moves: {
      /** G4: the facilitator starts the match: the world is built from the match seed. */
      start: serverMove(({ G: g, playerID, random }: Ctx): MoveResult => {
        if (refusedToFacilitator(playerID, () => canStart(g))) return INVALID_MOVE;
        const draw = () =>
          options.drawSeed?.() ??
          Array.from({ length: 4 }, () => Math.floor(random.Number() * 2 ** 32).toString(36)).join('-');
        // A challenge's map is its published seed's; its dice are drawn for this attempt (secret,
        // like every match's seed), so nobody can know a die before it is rolled. Without a seed
        // source (headless play, tests) the published seed draws the dice too.
        const publicSeed = g.config.publicSeed;
        if (publicSeed === null) buildWorld(g, draw());
        else buildWorld(g, publicSeed, options.drawSeed ? options.drawSeed() : publicSeed);
        g.status = 'playing';
        g.round = 1;
      }),
      /** D6: a human seat commits its decision for the round. */
      commit: serverMove(({ G: g, playerID }: Ctx, round: unknown, decision: unknown): MoveResult => {
        const checked = canCommit(seatScope(g, playerID ?? ''), round, decision);
        if (!checked.ok) return INVALID_MOVE;
        g.committed[playerID!] = checked.value;
      }),
      /** C2: a human seat votes in the council. */
      vote: serverMove(({ G: g, playerID }: Ctx, round: unknown, proposal: unknown): MoveResult => {
        const vote = canVote(seatScope(g, playerID ?? ''), round, proposal);
        if (!vote.ok || !g.council) return INVALID_MOVE;
        g.council.votes[playerID!] = vote.value;
      }),
      /** F1: close the round now; missing decisions go to autopilot (also the server's clock). */
      closeRound: serverMove(({ G: g, playerID }: Ctx, round: unknown): MoveResult => {
        if (refusedToFacilitator(playerID, () => canCloseRound(g, round))) return INVALID_MOVE;
        g.closeRequested = g.round;
      }),
      pause: serverMove(({ G: g, playerID }: Ctx): MoveResult => {
        if (refusedToFacilitator(playerID, () => canPause(g))) return INVALID_MOVE;
        g.paused = true;
      }),
      resume: serverMove(({ G: g, playerID }: Ctx): MoveResult => {
        if (refusedToFacilitator(playerID, () => canResume(g))) return INVALID_MOVE;
        g.paused = false;
      }),
      /** F9: the server's round clock publishes the deadline of a round (or the time left when paused). */
      clock: serverMove(
        ({ G: g, playerID }: Ctx, round: unknown, deadline: unknown, remainingMs: unknown): MoveResult => {
          const clock = canSetClock(g, round, deadline, remainingMs);
          if (facilitatorOnly(playerID) !== null || !clock.ok) return INVALID_MOVE;
          g.clock = clock.value;
        },
      ),
      /** F3: a shock, applied when the round resolves. */
      shock: serverMove(({ G: g, playerID }: Ctx, shock: unknown): MoveResult => {
        const parsed = canShock(g, shock);
        if (facilitatorOnly(playerID) !== null || !parsed.ok) return INVALID_MOVE;
        g.pendingShocks.push(parsed.value);
      }),
      /** C5: the facilitator calls a planning council for before the next round. */
      convene: serverMove(({ G: g, playerID }: Ctx): MoveResult => {
        if (refusedToFacilitator(playerID, () => canConvene(g))) return INVALID_MOVE;
        g.councilCalled = true;
      }),
      /** F6: open the whole map to everyone (or close it again). */
      reveal: serverMove(({ G: g, playerID }: Ctx, on: unknown): MoveResult => {
        if (refusedToFacilitator(playerID, () => canReveal(on))) return INVALID_MOVE;
        g.revealed = on === true;
      }),
      /** F7: seats are absent (autopilot) or back: one seat or a list. The server calls this on (dis)connection. */
      setPresence: serverMove(({ G: g, playerID }: Ctx, seats: unknown, present: unknown): MoveResult => {
        const list = canSetPresence(g, seats, present);
        if (facilitatorOnly(playerID) !== null || !list.ok) return INVALID_MOVE;
        const changed = new Set(list.value);
        g.absent = present === true ? g.absent.filter((s) => !changed.has(s)) : [...new Set([...g.absent, ...changed])];
      }),
      /** F8: end the game now; the whole history is revealed. */
      endGame: serverMove(({ G: g, playerID }: Ctx): MoveResult => {
        if (refusedToFacilitator(playerID, () => canEndGame(g))) return INVALID_MOVE;
        g.status = 'over';
      }),
    } satisfies Record<MoveName, unknown>,
  };
}

export const KanbanCascade = createGame();

/**
 * The game as its clients hold it. boardgame.io types a client's state with the game's one type
 * parameter (`Client<G>` gives `state.G: G`), but every client receives what `playerView`
 * returns: a `View` (view.ts), never G; the library has no separate type for a filtered state.
 * This is the one place that bridges the gap: every boardgame.io client (the board pages'
 * `useMatch`, the dev board, headless play) is made with `Client<View>({ game: viewGame(...) })`
 * and reads its `state.G` as the View it is, without a cast of its own.
 */
export const viewGame = (game: Game<G>): Game<View> => game as unknown as Game<View>;
