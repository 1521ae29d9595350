/**
 * The round lifecycle (rules R0, R1, B0, B6, C4, N3): when a round or a council may close, who
 * decides for a workshop without a decision (the autopilot), and what closing does: resolve the
 * round with every decision, then open the next round (or the council, or the end). Pure
 * functions over G that change it in place. boardgame.io's turn (game.ts: `turnOver` is its
 * `endIf`, `endOfTurn` its `onEnd`), the debrief's counterfactual replays and the tests' tables
 * all run rounds through this module.
 */
import { POLICIES, allocateBudget, steady } from '../bots/policies';
import { tally } from './council';
import { binFloor, canCommit, keepDecision, waitingSeats } from './decisions';
import { hundredths } from './measures';
import { workshopScope } from './scope';
import { resolveRound } from './resolve';
import type { Decision, G } from './types';
import { workshopView } from './view';
import { redrawSpot } from './world';

/**
 * B6 mirror: the mean of every bin the humans committed this round (hundredths), or null when no
 * human committed. Under the mirror policy the bots hold it, so nobody can free-ride on the bots'
 * stock: a challenge's network holds the bins its players choose (docs/CHALLENGE.md).
 */
export function mirrorBin(g: G): number | null {
  const bins = Object.values(g.committed).flatMap((d) => d.bins);
  if (bins.length === 0) return null;
  return hundredths(bins.reduce((a, b) => a + b, 0) / bins.length);
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

/** Whether the council can close (C2): every present human voted (and at least one), or a close request. */
export function councilComplete(g: G): boolean {
  if (g.status !== 'council' || !g.council) return false;
  if (g.closeRequested === g.round) return true;
  const voters = g.workshops.filter((w) => w.seat !== null && !g.absent.includes(w.seat)).map((w) => w.seat!);
  return voters.length > 0 && voters.every((s) => g.council!.votes[s] !== undefined);
}

/** Whether the turn (a round or a council) is over: boardgame.io's `turn.endIf`. */
export function turnOver(g: G): boolean {
  return roundComplete(g) || councilComplete(g);
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

/** Every workshop's decision for the round and whether the autopilot took it. */
export interface RoundDecisions {
  readonly decisions: Decision[];
  readonly autopilot: boolean[];
}

/**
 * R0: the decisions the round resolves with, by workshop: the seat's commit, else the
 * autopilot's (B0); under a council floor (C4) every bin raised to it.
 */
export function decisionsForRound(g: G): RoundDecisions {
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
  return { decisions, autopilot };
}

/** N3: what happens before every round after the first: a spot market redraws its suppliers. */
export function beforeRound(g: G): void {
  if (g.config.mechanics.spot) redrawSpot(g);
}

/** The council closes: its tally becomes the rule (C3) and shapes the bins in effect (C4). */
function closeCouncil(g: G): void {
  const result = tally(g.council!.votes);
  if (result === 'none') g.rule = null;
  else if (result !== null) g.rule = result;
  applyRuleToBins(g);
  g.council = null;
  g.status = 'playing';
  // A close request ended the council; it must not also close the round that follows.
  g.closeRequested = 0;
}

/** End of a turn: resolve the round (or close the council), then set up the next one. */
export function endOfTurn(g: G): void {
  // A turn can also end by a forged endTurn event (boardgame.io runs disabled events on the
  // server, docs/BOARDGAME-IO.md hole 3): then nothing is resolved and the round simply goes on.
  if (!turnOver(g)) return;
  if (g.status === 'council' && g.council) {
    closeCouncil(g);
    return;
  }
  if (g.status !== 'playing') return;
  const { decisions, autopilot } = decisionsForRound(g);
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
  beforeRound(g);
  if (g.config.councilRounds.includes(g.round) || g.councilCalled) {
    g.councilCalled = false;
    g.status = 'council';
    g.council = { round: g.round, votes: {} };
  }
}

/**
 * What boardgame.io does after every move, without boardgame.io: while the turn is over, end it
 * (`endOfTurn`) and check the next turn at once. Returns the number of turns ended (at most
 * `limit`, so a rule that never lets a turn start cannot loop for ever).
 */
export function settleTurns(g: G, limit = 100): number {
  let ended = 0;
  while (turnOver(g) && ended < limit) {
    endOfTurn(g);
    ended++;
  }
  return ended;
}

/** F1 then the turn's end: close the current round (or council) now; missing decisions go to the autopilot. */
export function closeRound(g: G): void {
  g.closeRequested = g.round;
  endOfTurn(g);
}
