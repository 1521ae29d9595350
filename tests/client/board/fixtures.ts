/**
 * Fixtures for the player board's tests: a G built as the `start` move builds it
 * (initialState(parseSetupData(...)) + buildWorld), the view a seat receives (workshopView), and
 * rounds played with the game's real moves (tests/game/fixtures' Table).
 */
import { workshopOfSeat } from '../../../game/core/decisions';
import { type SetupData, initialState, parseSetupData } from '../../../game/core/setup';
import type { G } from '../../../game/core/types';
import { type SeatView, workshopView } from '../../../game/core/view';
import { buildWorld } from '../../../game/core/world';
import { unwrap } from '../../../game/engine/result';
import { Table } from '../../game/fixtures';

/** A started match of `scenario` (default "Two inputs", 3 human seats) in round 1. */
export function worldG(overrides: Partial<SetupData> = {}, seed = 'board-fixture'): G {
  const plan = unwrap(parseSetupData({ scenario: 'two-inputs', humanSeats: 3, ...overrides }));
  const g = initialState(plan);
  buildWorld(g, seed);
  g.status = 'playing';
  g.round = 1;
  return g;
}

/** What seat `seat` receives (its workshop's SeatView). */
export function viewOf(g: G, seat = '1'): SeatView {
  const index = workshopOfSeat(g, seat);
  if (index < 0) throw new Error(`seat ${seat} holds no workshop`);
  return workshopView(g, index, seat);
}

/** Play `rounds` rounds: every seat commits `bin` on every input, then the round resolves. */
export function playRounds(g: G, rounds: number, bin = 0.5): G {
  const table = new Table(g);
  for (let r = 0; r < rounds && g.status === 'playing'; r++) {
    for (const w of g.workshops) {
      if (w.seat === null) continue;
      table.commit(w.seat, {
        round: g.round,
        bins: w.suppliers.map(() => bin),
        kaizenFace: null,
        help: null,
        suppliers: null,
      });
    }
    table.settle();
  }
  return g;
}

/** A small deterministic generator for fuzzing (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
