/**
 * The one credential check of the server (docs/SECURITY.md): every place that decides whether
 * a caller holds a seat, or compares any other secret, goes through here.
 *  - constant time: both sides are hashed first (equal lengths), then compared with
 *    crypto.timingSafeEqual, so the answer's timing tells nothing about how much of a guess was right;
 *  - the seat is looked up as an own property of the match's players ("__proto__", "constructor"
 *    or "toString" are no seats);
 *  - empty or missing credentials never match, not even each other (a seat nobody joined holds none).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Server } from 'boardgame.io';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Compare two secrets in constant time (hashing first makes the lengths equal). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** Whether `credentials` are the non-empty credentials that seat `seat` of a match holds. */
export function holdsSeat(metadata: Server.MatchData, seat: string | number, credentials: unknown): boolean {
  const players = metadata.players as Record<string, { credentials?: unknown } | undefined>;
  const key = String(seat);
  const held = Object.hasOwn(players, key) ? players[key]?.credentials : undefined;
  const heldText = typeof held === 'string' ? held : '';
  const given = typeof credentials === 'string' ? credentials : '';
  // Compare even when the seat holds nothing, so the timing says nothing about which seats are held.
  const same = sameSecret(heldText, given);
  return same && heldText !== '' && given !== '';
}
