/**
 * The checks of the facilitator's moves (rules F1-F9, C5, G4), as pure predicates returning a
 * `Refusal` or null; game/core/game.ts's moves refuse with INVALID_MOVE when one answers. Shocks
 * (F3) are in shocks.ts.
 */
import { type Result, err, ok } from '../engine/result';
import type { Refusal } from './refusals';
import { shown } from './schema';
import { FACILITATOR, type G } from './types';

const running = (g: Pick<G, 'status'>) => g.status === 'playing' || g.status === 'council';

/** Every facilitator move: only seat 0 makes it. */
export const facilitatorOnly = (playerID: string | undefined): Refusal | null =>
  playerID === FACILITATOR ? null : { code: 'facilitator.only' };

/** G4: start only once, before the game. */
export const canStart = (g: Pick<G, 'status'>): Refusal | null =>
  g.status === 'setup' ? null : { code: 'facilitator.notSetup' };

/** F1: close the current round (or council) of a running game. */
export function canCloseRound(g: Pick<G, 'status' | 'round'>, round: unknown): Refusal | null {
  if (round !== g.round) return { code: 'facilitator.wrongRound', round: shown(round), current: g.round };
  return running(g) ? null : { code: 'facilitator.notRunning' };
}

/** F2: pause a game that is not over and not paused; resume a paused one. */
export function canPause(g: Pick<G, 'status' | 'paused'>): Refusal | null {
  if (g.paused) return { code: 'facilitator.paused' };
  return g.status === 'over' ? { code: 'facilitator.notRunning' } : null;
}

export const canResume = (g: Pick<G, 'paused'>): Refusal | null =>
  g.paused ? null : { code: 'facilitator.notPaused' };

/** F9: the clock of the current round: a deadline and the time left, each a number of ms or null. */
export function canSetClock(
  g: Pick<G, 'round'>,
  round: unknown,
  deadline: unknown,
  remainingMs: unknown,
): Result<NonNullable<G['clock']>, Refusal> {
  const ms = (x: unknown): x is number | null => x === null || (typeof x === 'number' && Number.isFinite(x) && x >= 0);
  if (round !== g.round) return err({ code: 'facilitator.wrongRound', round: shown(round), current: g.round });
  if (!ms(deadline) || !ms(remainingMs)) return err({ code: 'facilitator.clock' });
  return ok({ round: g.round, deadline, remainingMs });
}

/** C5: a council during play, once, with a round left for it to precede. */
export function canConvene(g: Pick<G, 'status' | 'councilCalled' | 'round' | 'config'>): Refusal | null {
  if (g.status !== 'playing') return { code: 'facilitator.notRunning' };
  if (g.councilCalled) return { code: 'facilitator.councilCalled' };
  return g.round >= g.config.rounds ? { code: 'facilitator.lastRound' } : null;
}

/** F6: reveal on or off. */
export const canReveal = (on: unknown): Refusal | null =>
  typeof on === 'boolean' ? null : { code: 'facilitator.notBoolean' };

/** F7: one seat or a list of seats that hold workshops, and present or not; returns the seats. */
export function canSetPresence(g: Pick<G, 'workshops'>, seats: unknown, present: unknown): Result<string[], Refusal> {
  const list: unknown = typeof seats === 'string' ? [seats] : seats;
  if (!Array.isArray(list) || list.length === 0) return err({ code: 'facilitator.seats' });
  if (typeof present !== 'boolean') return err({ code: 'facilitator.notBoolean' });
  const held = (seat: unknown): seat is string => typeof seat === 'string' && g.workshops.some((w) => w.seat === seat);
  return list.every(held) ? ok([...list]) : err({ code: 'facilitator.seats' });
}

/** F8: end a game that is running. */
export const canEndGame = (g: Pick<G, 'status'>): Refusal | null =>
  g.status === 'over' || g.status === 'setup' ? { code: 'facilitator.notRunning' } : null;
