/**
 * [BR1] The new road (scenario 7): with greedy (selfish, B4) bots on every workshop and the same
 * dice, mean lateness over the match is higher with the new road open than closed, and the
 * tempting supplier (the old-town depot) ends up with more customers: congested.
 *
 * Matches are played headlessly through the real game (`playMatch`, game/core/headless.ts:
 * boardgame.io's Client over Local(), the facilitator seat '0' starting the match and closing
 * every round); results are read from the facilitator's views.
 */
import { describe, expect, it } from 'vitest';
import { playMatch } from '../../game/core/headless';
import { SCENARIOS } from '../../game/core/scenarios';
import type { FacilitatorView } from '../../game/core/view';

const ROUNDS = 30;
const SEEDS = ['braess-1', 'braess-2', 'braess-3', 'braess-4', 'braess-5', 'braess-6', 'braess-7', 'braess-8'];

interface Outcome {
  /** Mean lateness per round (public aggregates). */
  readonly lateness: number[];
  /** Customers of the depot per round (from the facilitator's last round). */
  readonly depotCustomers: number[];
  readonly final: FacilitatorView;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A whole all-bots match through the real game (headless play waits on each update, not on the clock). */
async function play(seed: string, newRoad: boolean): Promise<Outcome> {
  const views: FacilitatorView[] = [];
  const { final } = await playMatch(
    {
      scenario: 'new-road',
      humanSeats: 0,
      rounds: ROUNDS,
      seed: { policy: 'fixed', value: seed },
      newRoad,
      autopilot: 'selfish:2',
    },
    { onView: (v) => views.push(v) },
  );
  const [started, ...closes] = views;
  const depot = started!.workshops.findIndex((w) => w.id === 'depot');
  expect(closes).toHaveLength(ROUNDS);
  const depotCustomers = closes.map((v, k) => {
    expect(v.lastRound!.round).toBe(k + 1);
    return v.lastRound!.workshops.filter((row) => row.suppliers.includes(depot)).length;
  });
  expect(final.status).toBe('over');
  return { lateness: final.rounds.map((r) => r.meanLateness), depotCustomers, final };
}

describe('[BR1] the new road makes everyone later (Braess)', () => {
  it('the scenario offers the depot as a choice to the valley, with congestion', () => {
    const scenario = SCENARIOS.get('new-road')!;
    expect(scenario.mechanics.supplierChoice).toBe(true);
    expect(scenario.costs.congestion).toBeGreaterThan(0);
    expect(scenario.newRoad.length).toBeGreaterThan(0);
    expect(new Set(scenario.newRoad.map((l) => l.supplier))).toEqual(new Set(['depot']));
    if (scenario.network.kind !== 'custom') throw new Error('new-road has a custom network');
    expect(scenario.network.workshops.every((w) => w.inputs.length > 0)).toBe(true);
  });

  it('with selfish bots everywhere, mean lateness is higher with the road open, on most seeds and on average', async () => {
    const rows: { seed: string; closed: number; open: number; closedDepot: number; openDepot: number }[] = [];
    for (const seed of SEEDS) {
      const closed = await play(seed, false);
      const open = await play(seed, true);
      // Same dice: the first round (before anyone has seen anything to choose by) is identical.
      expect(open.lateness[0]).toBe(closed.lateness[0]);
      // Closed: nobody can reach the depot beyond its three regular customers.
      expect(closed.depotCustomers.every((c) => c === 3)).toBe(true);
      // Open: the valley rushes to the depot at least once (all six valley workshops plus the three regulars).
      expect(Math.max(...open.depotCustomers)).toBe(9);
      rows.push({
        seed,
        closed: mean(closed.lateness),
        open: mean(open.lateness),
        closedDepot: mean(closed.depotCustomers),
        openDepot: mean(open.depotCustomers),
      });
    }
    const table = rows
      .map(
        (r) =>
          `${r.seed}: closed ${r.closed.toFixed(3)} open ${r.open.toFixed(3)}; ` +
          `depot customers ${r.closedDepot.toFixed(2)} -> ${r.openDepot.toFixed(2)}`,
      )
      .join('\n');
    const closedMean = mean(rows.map((r) => r.closed));
    const openMean = mean(rows.map((r) => r.open));
    expect(openMean, table).toBeGreaterThan(1.2 * closedMean);
    expect(rows.filter((r) => r.open > r.closed).length, table).toBeGreaterThanOrEqual(SEEDS.length - 1);
    // The mechanism: with the road open the tempting supplier serves more customers (congested).
    for (const r of rows) expect(r.openDepot, table).toBeGreaterThan(r.closedDepot);
    expect(mean(rows.map((r) => r.openDepot)), table).toBeGreaterThan(mean(rows.map((r) => r.closedDepot)) + 1);
  });
});
