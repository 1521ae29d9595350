/**
 * The boardgame.io game `kanban-cascade`: wiring only. Rules live in small pure modules
 * (setup, world, decisions, resolve, council, view, bots); see docs/RULES.md.
 *
 * One turn is one round. Every seat is active at once (`activePlayers: all`); a round ends when
 * every present human has committed, or when the facilitator (or the server's clock) closes it.
 * Moves run only on the server (`client: false`) and their arguments are redacted from the log.
 */
import type { Game, MoveFn } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';
import { POLICIES, allocateBudget, steady } from '../bots/policies';
import { canVote, tally } from './council';
import { binFloor, canCommit, keepDecision, waitingSeats } from './decisions';
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
import { resolveRound } from './resolve';
import { type MatchPlan, type SetupData, initialState, parseSetupData, validateSetupData } from './setup';
import { type Refusal } from './refusals';
import { seatScope, workshopScope } from './scope';
import { canShock } from './shocks';
import { type Decision, type G } from './types';
import type { MoveName } from '../contract/moves';
import { workshopView } from './view';
import { buildWorld, redrawSpot } from './world';
import { playerView } from './view';

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

/**
 * B6 mirror: the mean of every bin the humans committed this round (hundredths), or null when no
 * human committed. Under the mirror policy the bots hold it, so nobody can free-ride on the bots'
 * stock: a challenge's network holds the bins its players choose (docs/CHALLENGE.md).
 */
export function mirrorBin(g: G): number | null {
  const bins = Object.values(g.committed).flatMap((d) => d.bins);
  if (bins.length === 0) return null;
  return Math.round((bins.reduce((a, b) => a + b, 0) / bins.length) * 100) / 100;
}

/** The autopilot decision for workshop i (B0): its policy on the seat's own view, validated. */
export function autopilotDecision(g: G, i: number): Decision {
  const w = g.workshops[i]!;
  const policy = g.config.autopilot;
  if (policy.name === 'mirror') {
    const bin = mirrorBin(g);
    if (bin === null) return keepDecision(g, i);
    return validated(g, i, steady(workshopView(g, i, w.seat ?? `bot-${i}`), bin));
  }
  const decide = POLICIES[policy.name as keyof typeof POLICIES] ?? steady;
  return validated(g, i, decide(workshopView(g, i, w.seat ?? `bot-${i}`), policy.param));
}

/** A bot's proposal checked exactly as a human commit would be; its bins kept when refused. */
function validated(g: G, i: number, proposal: Decision): Decision {
  // Validated exactly as a human commit would be, for a seat holding the workshop.
  const checked = canCommit(workshopScope(g, i), g.round, proposal);
  return checked.ok ? checked.value : keepDecision(g, i);
}

/** Whether the current round can close (R0): all present humans committed (and at least one), or a close request. */
export function roundComplete(g: G): boolean {
  if (g.status !== 'playing') return false;
  if (g.closeRequested === g.round) return true;
  const present = g.workshops.filter((w) => w.seat !== null && !g.absent.includes(w.seat));
  return present.length > 0 && waitingSeats(g).length === 0;
}

function councilComplete(g: G): boolean {
  if (g.status !== 'council' || !g.council) return false;
  if (g.closeRequested === g.round) return true;
  const voters = g.workshops.filter((w) => w.seat !== null && !g.absent.includes(w.seat)).map((w) => w.seat!);
  return voters.length > 0 && voters.every((s) => g.council!.votes[s] !== undefined);
}

/** C4: the council's rule shapes the bins in effect: raised to a floor, or the planner's allocation of a budget. */
function applyRuleToBins(g: G): void {
  if (g.rule?.kind === 'budget') {
    const bins = allocateBudget(g, g.rule.total);
    g.workshops.forEach((w, i) => (w.bins = bins[i]!));
  } else if (g.rule?.kind === 'floor') {
    const floor = g.rule.bin;
    g.workshops.forEach((w) => (w.bins = w.bins.map((b) => Math.max(b, floor))));
  }
}

/** End of a turn: resolve the round (or close the council), then set up the next one. */
export function endOfTurn(g: G): void {
  // A turn can also end by a forged endTurn event (boardgame.io runs disabled events on the
  // server, docs/BOARDGAME-IO.md hole 3): then nothing is resolved and the round simply goes on.
  if (!roundComplete(g) && !councilComplete(g)) return;
  if (g.status === 'council' && g.council) {
    const result = tally(g.council.votes);
    if (result === 'none') g.rule = null;
    else if (result !== null) g.rule = result;
    applyRuleToBins(g);
    g.council = null;
    g.status = 'playing';
    // A close request ended the council; it must not also close the round that follows.
    g.closeRequested = 0;
    return;
  }
  if (g.status !== 'playing') return;
  const autopilot: boolean[] = [];
  let decisions: Decision[] = g.workshops.map((w, i) => {
    const committed = w.seat !== null ? g.committed[w.seat] : undefined;
    autopilot.push(!committed);
    return committed ?? autopilotDecision(g, i);
  });
  if (g.rule?.kind === 'floor') {
    const floor = binFloor(g);
    decisions = decisions.map((d) => ({ ...d, bins: d.bins.map((b) => Math.max(b, floor)) }));
  }
  resolveRound(g, decisions, autopilot, g.config.startingBin);
  // Under a budget the planner allocates the next round's bins (whatever was decided).
  if (g.rule?.kind === 'budget') applyRuleToBins(g);
  g.committed = {};
  g.round += 1;
  if (g.round > g.config.rounds) {
    g.status = 'over';
    g.round = g.config.rounds;
    return;
  }
  if (g.config.mechanics.spot) redrawSpot(g);
  if (g.config.councilRounds.includes(g.round) || g.councilCalled) {
    g.councilCalled = false;
    g.status = 'council';
    g.council = { round: g.round, votes: {} };
  }
}

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
    playerView: ({ G: g, playerID }) => playerView({ G: g, playerID }),
    turn: {
      activePlayers: { all: 'act' },
      stages: { act: {} },
      order: { first: () => 0, next: () => 0 },
      endIf: ({ G: g }) => roundComplete(g) || councilComplete(g),
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
