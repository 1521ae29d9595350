/**
 * Fixtures for the client's pure helpers: real facilitator views made by the game itself (the
 * game's `playerView` for seat 0 on a G from tests/game/fixtures), with overrides.
 */
import { closeRound } from '../../game/core/round';
import type { SetupData } from '../../game/core/setup';
import { FACILITATOR, type G } from '../../game/core/types';
import { type FacilitatorView, playerView } from '../../game/core/view';
import { type GOptions, makeG } from '../game/fixtures';

export function facilitatorViewOf(g: G): FacilitatorView {
  const view = playerView({ G: g, playerID: FACILITATOR });
  if (view.role !== 'facilitator') throw new Error('seat 0 must get the facilitator view');
  return view;
}

/** A started "Two inputs" match (12 workshops, 4 human seats) after `rounds` closed rounds. */
export function playedG(rounds = 0, setup: Partial<SetupData> = {}, options: GOptions = {}): G {
  const g = makeG(setup, options);
  for (let r = 0; r < rounds; r++) closeRound(g);
  return g;
}

export const facilitatorView = (rounds = 0, setup: Partial<SetupData> = {}, options: GOptions = {}) =>
  facilitatorViewOf(playedG(rounds, setup, options));

/** An in-memory Web Storage; `failing` makes every call throw (blocked storage, quota). */
export class FakeStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly failing = false) {}
  getItem(key: string): string | null {
    if (this.failing) throw new Error('SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failing) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    if (this.failing) throw new Error('SecurityError');
    this.items.delete(key);
  }
}

/** GET /api/scenarios as the lobby reads it (docs/API.md). */
export const SCENARIO_SUMMARY = {
  id: 'two-inputs',
  title: 'Two inputs',
  story: 'Twelve workshops make the parts for one another.',
  learningGoal: 'Below a critical bin size, small local delays cascade.',
  questions: [],
  workshops: 12,
  rounds: 30,
  criticalBuffer: 1.852,
  mechanics: { kaizen: false },
  trouble: 'faces:0,0,0,1,1,2!',
  hasNewRoad: false,
};
