/**
 * S-CRED: the one credential check (server/credentials.ts) that the session API's leave, the
 * debrief's authentication and the socket eviction share.
 *  S-CRED1 the seat's own credentials hold it; other credentials (any length) do not;
 *  S-CRED2 empty or missing credentials never match, not even a seat that holds none;
 *  S-CRED3 the seat is an own property of the players: an inherited or prototype name is no seat;
 *  S-CRED4 only strings are credentials.
 */
import type { Server } from 'boardgame.io';
import { describe, expect, it } from 'vitest';
import { holdsSeat, sameSecret } from '../../server/credentials';

const match = (players: Record<string, { id: number; credentials?: string }>): Server.MatchData => ({
  gameName: 'kanban-cascade',
  players,
  createdAt: 0,
  updatedAt: 0,
});

describe('holdsSeat (S-CRED)', () => {
  const meta = match({
    0: { id: 0, credentials: 'facilitator-secret' },
    1: { id: 1, credentials: 'abc123' },
    2: { id: 2 },
  });

  it('S-CRED1 the seat is held by its own credentials only, by number or by string', () => {
    expect(holdsSeat(meta, 1, 'abc123')).toBe(true);
    expect(holdsSeat(meta, '1', 'abc123')).toBe(true);
    expect(holdsSeat(meta, 1, 'abc124')).toBe(false);
    expect(holdsSeat(meta, 1, 'abc1234')).toBe(false);
    expect(holdsSeat(meta, 0, 'abc123')).toBe(false);
    expect(holdsSeat(meta, 9, 'abc123')).toBe(false);
  });

  it('S-CRED2 empty or missing credentials never match', () => {
    expect(holdsSeat(meta, 2, '')).toBe(false);
    expect(holdsSeat(meta, 2, undefined)).toBe(false);
    expect(holdsSeat(match({ 1: { id: 1, credentials: '' } }), 1, '')).toBe(false);
    expect(holdsSeat(meta, 1, '')).toBe(false);
  });

  it('S-CRED3 an inherited seat or a prototype name is no seat', () => {
    const players = Object.create({ 1: { id: 1, credentials: 'inherited' } }) as Record<string, never>;
    expect(holdsSeat(match(players), 1, 'inherited')).toBe(false);
    for (const seat of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(holdsSeat(meta, seat, 'undefined')).toBe(false);
  });

  it('S-CRED4 only strings are credentials', () => {
    const numeric = match({ 1: { id: 1, credentials: '123' } });
    expect(holdsSeat(numeric, 1, 123)).toBe(false);
    expect(holdsSeat(numeric, 1, ['123'])).toBe(false);
    expect(holdsSeat(numeric, 1, '123')).toBe(true);
  });

  it('sameSecret compares secrets of any length without throwing', () => {
    expect(sameSecret('x'.repeat(1000), 'x'.repeat(1000))).toBe(true);
    expect(sameSecret('x', 'x'.repeat(1000))).toBe(false);
  });
});
