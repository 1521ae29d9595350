/**
 * [R-invariants] Seeded self-play of every scenario in the registry with every autopilot policy,
 * through the real game (game/core/headless.ts), checking the rules of resolution every round
 * from the facilitator's view: the update rule recomputed from the round record, binding
 * suppliers and breaches, bins, costs and coins, line stops, round numbering and the game's end.
 */
import { describe, expect, it } from 'vitest';
import { playMatch } from '../../game/core/headless';
import type { Scenario } from '../../game/core/scenario';
import { SCENARIOS } from '../../game/core/scenarios';
import type { SetupData } from '../../game/core/setup';
import { BOT_POLICIES, type RoundRecord, type Workshop } from '../../game/core/types';
import type { FacilitatorView } from '../../game/core/view';

/** Every policy an autopilot may run (the planner is not one). */
const AUTOPILOTS = BOT_POLICIES.filter((p) => p !== 'planner');

interface Case {
  readonly label: string;
  readonly setup: SetupData;
  readonly policy: string;
}

function cases(scenario: Scenario): Case[] {
  const policies = [
    ...AUTOPILOTS,
    // Extremes of the steady bin: empty bins (everything cascades) and full ones.
    'steady:0',
    `steady:${scenario.maxBin}`,
  ];
  const list: Case[] = policies.map((policy, k) => ({
    label: `${scenario.id} ${policy}`,
    setup: {
      scenario: scenario.id,
      humanSeats: 0,
      rounds: scenario.rounds,
      seed: { policy: 'fixed', value: `selfplay-${scenario.id}-${k}` },
    },
    policy,
  }));
  if (scenario.newRoad.length > 0)
    for (const policy of AUTOPILOTS)
      list.push({
        label: `${scenario.id} ${policy} new road`,
        setup: { ...list[0]!.setup, newRoad: true, seed: { policy: 'fixed', value: `selfplay-${scenario.id}-road` } },
        policy,
      });
  return list;
}

const finite = (x: number) => typeof x === 'number' && Number.isFinite(x);

/** Check one resolved round against the facilitator's views before and after it. */
function checkRound(
  where: string,
  record: RoundRecord,
  before: FacilitatorView,
  after: FacilitatorView,
  stops: number[],
) {
  const { costs, maxBin } = after.config;
  const n = after.workshops.length;
  expect(record.workshops, `${where}: one row per workshop`).toHaveLength(n);
  record.workshops.forEach((row, i) => {
    const at = `${where} workshop ${i}`;
    const prev: Workshop = before.workshops[i]!;
    const now: Workshop = after.workshops[i]!;
    // Lateness and trouble: finite and non-negative.
    expect(finite(row.lateness) && row.lateness >= 0, `${at}: lateness ${row.lateness}`).toBe(true);
    expect(finite(row.trouble) && row.trouble >= 0, `${at}: trouble ${row.trouble}`).toBe(true);
    // Every workshop keeps at least one supplier; one bin and one incoming delay per supplier.
    expect(row.suppliers.length, `${at}: suppliers`).toBeGreaterThanOrEqual(1);
    expect(now.suppliers.length, `${at}: suppliers after the round`).toBeGreaterThanOrEqual(1);
    expect(row.bins, `${at}: bins`).toHaveLength(row.suppliers.length);
    expect(row.incoming, `${at}: incoming`).toHaveLength(row.suppliers.length);
    for (const s of row.suppliers) expect(s >= 0 && s < n && s !== i, `${at}: supplier ${s}`).toBe(true);
    // Bins within [0, maxBin].
    for (const b of row.bins) expect(finite(b) && b >= 0 && b <= maxBin, `${at}: bin ${b}`).toBe(true);
    // Incoming delays are the suppliers' lateness of the round before.
    row.suppliers.forEach((s, slot) =>
      expect(row.incoming[slot], `${at}: incoming from ${s}`).toBe(before.workshops[s]!.lateness),
    );
    // The update rule, recomputed: max(0, max_j(incoming_j - bin_j)) + trouble, exactly.
    let best = -Infinity;
    let binding = -1;
    let bindingSlot = -1;
    row.suppliers.forEach((s, slot) => {
      const excess = row.incoming[slot]! - row.bins[slot]!;
      if (excess > best) {
        best = excess;
        binding = s;
        bindingSlot = slot;
      }
    });
    expect(row.lateness, `${at}: lateness by the update rule`).toBe((best > 0 ? best : 0) + row.trouble);
    // The binding supplier is one of mine, the first argmax; breached iff its excess is positive.
    expect(row.suppliers, `${at}: binding supplier ${row.binding}`).toContain(row.binding);
    expect(row.binding, `${at}: binding is the first argmax`).toBe(binding);
    const slot = row.suppliers.indexOf(row.binding);
    expect(slot, `${at}: binding slot`).toBe(bindingSlot);
    expect(row.breached, `${at}: breached`).toBe(row.incoming[slot]! - row.bins[slot]! > 0);
    // Costs: non-negative, as the rules say; coins go down by exactly rent + penalty (+ commute).
    expect(finite(row.rent) && row.rent >= 0, `${at}: rent ${row.rent}`).toBe(true);
    expect(finite(row.penalty) && row.penalty >= 0, `${at}: penalty ${row.penalty}`).toBe(true);
    expect(row.penalty, `${at}: penalty`).toBe(costs.latePenalty * row.lateness);
    const commute = row.help !== null ? costs.commute : 0;
    expect(now.coins, `${at}: coins`).toBe(prev.coins - (row.rent + row.penalty + commute));
    // All bots: every decision is the autopilot's.
    expect(row.autopilot, `${at}: autopilot`).toBe(true);
    // The workshop's state is the round's row.
    expect(now.lateness, `${at}: workshop lateness`).toBe(row.lateness);
    expect(now.breached, `${at}: workshop breached`).toBe(row.breached);
    expect(now.binding, `${at}: workshop binding`).toBe(row.binding);
    // Line stops count the breached rounds.
    stops[i]! += row.breached ? 1 : 0;
    expect(now.lineStops, `${at}: line stops`).toBe(stops[i]);
  });
  expect(finite(record.totalCost) && record.totalCost >= 0, `${where}: total cost ${record.totalCost}`).toBe(true);
  const mean = record.workshops.reduce((s, row) => s + row.lateness, 0) / n;
  expect(record.meanLateness, `${where}: mean lateness`).toBe(mean);
  expect(record.breachRate, `${where}: breach rate`).toBe(record.workshops.filter((r) => r.breached).length / n);
  expect(after.rounds.at(-1), `${where}: public aggregates`).toEqual({
    round: record.round,
    meanLateness: record.meanLateness,
    breachRate: record.breachRate,
    meanBin: record.meanBin,
  });
}

async function selfPlay({ label, setup, policy }: Case): Promise<void> {
  const seed = setup.seed?.policy === 'fixed' ? setup.seed.value : '?';
  const views: FacilitatorView[] = [];
  const result = await playMatch(setup, { policy, onView: (v) => views.push(v) });
  const records: RoundRecord[] = [];
  const stops = result.final.workshops.map(() => 0);
  const first = views[0]!;
  expect(first.status, `${label}: started`).not.toBe('setup');
  expect(first.round).toBe(1);
  first.workshops.forEach((w, i) => {
    expect(w.lateness, `${label}: workshop ${i} starts on time`).toBe(0);
    expect(w.lineStops).toBe(0);
  });
  for (let k = 1; k < views.length; k++) {
    const before = views[k - 1]!;
    const after = views[k]!;
    expect('secret' in after, `${label}: the facilitator never sees the seed`).toBe(false);
    const record = after.lastRound;
    // A council's close resolves no round and changes no workshop.
    if (record === null || record.round === records.at(-1)?.round) {
      expect(after.workshops, `${label}: a close without a round after round ${records.length}`).toEqual(
        before.workshops,
      );
      continue;
    }
    const where = `${label} (seed ${seed}) round ${record.round}`;
    expect(record.round, `${where}: rounds are consecutive`).toBe(records.length + 1);
    checkRound(where, record, before, after, stops);
    records.push(record);
    if (after.status !== 'over') {
      expect(after.history, `${where}: no history during play`).toBeNull();
      expect(after.round, `${where}: next round`).toBe(record.round + 1);
    }
  }
  const final = result.final;
  expect(final.status, `${label}: the game is over`).toBe('over');
  expect(final.round).toBe(setup.rounds);
  expect(records).toHaveLength(setup.rounds!);
  expect(final.history, `${label}: the history at game over is every round`).toEqual(records);
  expect(result.history.map((h) => h.round)).toEqual(Array.from({ length: setup.rounds! }, (_, r) => r + 1));
}

describe('[R-invariants] seeded self-play of every scenario', () => {
  it('the registry is not empty', () => {
    expect(SCENARIOS.size).toBeGreaterThan(0);
  });
  for (const scenario of SCENARIOS.values())
    describe(scenario.id, () => {
      it.each(cases(scenario).map((c) => [c.label, c] as const))('%s', async (_label, c) => selfPlay(c));
    });
});
