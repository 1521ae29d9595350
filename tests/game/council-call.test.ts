/** [C5] The facilitator calls a planning council for before the next round. */
import { describe, expect, it } from 'vitest';
import { createGame } from '../../game/core/game';
import { closeRound } from '../../game/core/round';
import { FACILITATOR, type G } from '../../game/core/types';
import { playerView } from '../../game/core/view';
import { makeG } from './fixtures';

type MoveFn = (ctx: { G: G; playerID: string; random: { Number(): number } }, ...args: unknown[]) => unknown;
const moveOf = (name: string) => (createGame().moves![name] as unknown as { move: MoveFn }).move;
const convene = (g: G, playerID = FACILITATOR) => moveOf('convene')({ G: g, playerID, random: { Number: () => 0.5 } });

describe('[C5] a council called by the facilitator', () => {
  it('sits before the next round, then play goes on, with the map open to all during it', () => {
    const g = makeG({ humanSeats: 2 });
    expect(g.status).toBe('playing');
    expect(convene(g)).toBeUndefined();
    expect(g.councilCalled).toBe(true);
    expect((playerView({ G: g, playerID: FACILITATOR }) as { councilCalled: boolean }).councilCalled).toBe(true);
    closeRound(g);
    expect(g.status).toBe('council');
    expect(g.council?.round).toBe(2);
    expect(g.councilCalled).toBe(false);
    expect((playerView({ G: g, playerID: '1' }) as { map: unknown }).map).not.toBeNull();
    closeRound(g); // the facilitator closes the council
    expect(g.status).toBe('playing');
    expect(g.round).toBe(2);
  });

  it('is refused from a player seat, twice in a round, and outside play', () => {
    const g = makeG({ humanSeats: 2 });
    expect(convene(g, '1')).toBe('INVALID_MOVE');
    expect(g.councilCalled).toBe(false);
    convene(g);
    expect(convene(g)).toBe('INVALID_MOVE');
    const over = makeG({ humanSeats: 1 });
    over.status = 'over';
    expect(convene(over)).toBe('INVALID_MOVE');
  });
});
