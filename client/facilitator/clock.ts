/** The round clock (docs/API.md, "The round clock") as time left. Pure. */
import type { G } from '../../game/core/types';

/** Milliseconds left in `round`, or null when there is no timer for it. Never negative. */
export function remainingMs(clock: G['clock'], round: number, now: number): number | null {
  if (!clock || clock.round !== round) return null;
  if (clock.deadline !== null) return Math.max(0, clock.deadline - now);
  return clock.remainingMs === null ? null : Math.max(0, clock.remainingMs);
}

/** "m:ss", rounded up so that 0:00 means the time is really up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
