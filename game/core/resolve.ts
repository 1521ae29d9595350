/**
 * Resolving a round (rules R1-R9): roll trouble from the match's seeded streams, run the update
 * rule with the bins in effect, charge costs, count line stops, record the round, and set the
 * decisions' bins and suppliers for the next round. Players decide while seeing their suppliers'
 * lateness of the last round, which is exactly what this round's update rule absorbs; a bin set
 * now would be a perfect forecast. So, as in the model, the stock is built before the lateness
 * it must absorb is known. Pure: mutates the given G only.
 */
import { sampleNoise } from '../engine/noise';
import { type RandomStream, rootStream } from '../engine/rng';
import { applyUpdateRule } from '../engine/updateRule';
import { rentRate } from './measures';
import type { Decision, G, RoundRecord, Shock, Workshop, WorkshopRound } from './types';
import { cutLink, diceSeed, openLink } from './world';

/** One roll of a workshop's trouble from its stream (R3). */
export function roll(w: Workshop, stream: RandomStream): number {
  return w.trouble.kind === 'exp'
    ? sampleNoise({ kind: 'exp', mean: w.trouble.mean }, stream)
    : sampleNoise({ kind: 'faces', faces: w.trouble.die.faces, explodes: w.trouble.die.explodes }, stream);
}

/** The stream of workshop i's dice in round r: independent of every decision (R3). */
export const diceStream = (seed: string, round: number, workshop: number) =>
  rootStream(seed).child(`round-${round}`).child(`w-${workshop}`);

/** Apply queued facilitator shocks that change the map (R8); returns the delays to add. */
function applyShocks(g: G, startingBin: number): number[] {
  const extra = g.workshops.map(() => 0);
  for (const shock of g.pendingShocks) {
    if (shock.kind === 'delay') extra[shock.workshop]! += shock.hours;
    else if (shock.kind === 'storm')
      g.storms.push({ workshops: shock.workshops, extra: shock.extra, until: g.round + shock.rounds - 1 });
    else if (shock.kind === 'cut') cutLink(g, shock.workshop, shock.supplier);
    else openLink(g, shock.workshop, shock.supplier, startingBin);
  }
  return extra;
}

/**
 * Resolve the current round. `decisions[i]` is workshop i's decision (a human's commit or its
 * autopilot's), `autopilot[i]` whether a bot took it.
 */
export function resolveRound(
  g: G,
  decisions: readonly Decision[],
  autopilot: readonly boolean[],
  startingBin: number,
): RoundRecord {
  const n = g.workshops.length;
  const { costs, mechanics } = g.config;
  const r = g.round;
  // R1: kaizen improves the die before this round's roll. Bins and supplier choices take effect
  // from the next round (below): a bin is stock built before the lateness it absorbs is known.
  const kaizen: (number | null)[] = g.workshops.map((w, i) => {
    const d = decisions[i]!;
    if (d.kaizenFace === null || w.trouble.kind !== 'die') return null;
    w.trouble.die.faces[d.kaizenFace] = Math.max(0, w.trouble.die.faces[d.kaizenFace]! - 1);
    w.kaizenPoints -= costs.kaizenCost;
    return d.kaizenFace;
  });
  const shocks: Shock[] = [...g.pendingShocks];
  const shockDelay = applyShocks(g, startingBin);
  g.pendingShocks = [];
  g.storms = g.storms.filter((s) => s.until >= r);
  // R4: helpers. helpedBy[i] counts workers sent to i; senders roll twice and keep the higher.
  const helpedBy = new Array<number>(n).fill(0);
  decisions.forEach((d) => {
    if (d.help !== null) helpedBy[d.help]!++;
  });
  // R5: congestion: customers per supplier beyond the free number add trouble.
  const customers = new Array<number>(n).fill(0);
  if (mechanics.supplierChoice) for (const w of g.workshops) for (const s of w.suppliers) customers[s]!++;
  // R3: trouble.
  const trouble = new Float64Array(n);
  g.workshops.forEach((w, i) => {
    const stream = diceStream(diceSeed(g), r, i);
    let value = roll(w, stream);
    // Extra rolls are always drawn in the same order so other dice never shift.
    const second = roll(w, stream);
    if (decisions[i]!.help !== null) value = Math.max(value, second);
    for (let h = 0; h < helpedBy[i]!; h++) value = Math.min(value, roll(w, stream));
    value += g.storms.filter((s) => s.workshops.includes(i)).reduce((sum, s) => sum + s.extra, 0);
    if (mechanics.supplierChoice) value += costs.congestion * Math.max(0, customers[i]! - costs.congestionFree);
    value += shockDelay[i]!;
    trouble[i] = value;
  });
  // R2: the update rule with per-input bins.
  const offsets = new Int32Array(n + 1);
  g.workshops.forEach((w, i) => (offsets[i + 1] = offsets[i]! + w.suppliers.length));
  const suppliers = Int32Array.from(g.workshops.flatMap((w) => w.suppliers));
  const slotBuffers = Float64Array.from(g.workshops.flatMap((w) => w.bins));
  const prev = Float64Array.from(g.workshops.map((w) => w.lateness));
  const next = new Float64Array(n);
  const binding = new Int32Array(n);
  const breached = new Uint8Array(n);
  applyUpdateRule(
    { prev, offsets, suppliers, stride: 0, uniformBuffer: 0, slotBuffers, noise: trouble, positivePart: true },
    { next, binding, breached },
  );
  // R6-R7: costs, line stops, kaizen points; the record.
  const rate = rentRate(costs, r);
  const rows: WorkshopRound[] = g.workshops.map((w, i) => {
    const rent = rate * w.bins.reduce((a, b) => a + b, 0);
    const penalty = costs.latePenalty * next[i]!;
    const commute = decisions[i]!.help !== null ? costs.commute : 0;
    const row: WorkshopRound = {
      lateness: next[i]!,
      trouble: trouble[i]!,
      binding: binding[i]!,
      breached: breached[i] === 1,
      bins: [...w.bins],
      suppliers: [...w.suppliers],
      incoming: w.suppliers.map((s) => prev[s]!),
      rent,
      penalty,
      autopilot: autopilot[i]!,
      help: decisions[i]!.help,
      kaizen: kaizen[i] ?? null,
    };
    w.lateness = next[i]!;
    w.lastTrouble = trouble[i]!;
    w.binding = binding[i]!;
    w.breached = breached[i] === 1;
    w.lineStops += breached[i]!;
    if (mechanics.kaizen) w.kaizenPoints += breached[i]!;
    w.lastRent = rent;
    w.lastPenalty = penalty;
    w.coins -= rent + penalty + commute;
    w.autopilot = autopilot[i]!;
    return row;
  });
  // R1: this round's decisions set the bins and suppliers of the next round (unless a shock
  // changed the workshop's inputs this round: then its current layout stays).
  g.workshops.forEach((w, i) => {
    const d = decisions[i]!;
    if (d.bins.length !== w.bins.length) return;
    if (d.suppliers && d.suppliers.length === w.suppliers.length) w.suppliers = [...d.suppliers];
    w.bins = [...d.bins];
  });
  const totalBins = rows.reduce((s, row) => s + row.bins.reduce((a, b) => a + b, 0), 0);
  const slots = rows.reduce((s, row) => s + row.bins.length, 0);
  const record: RoundRecord = {
    round: r,
    workshops: rows,
    meanLateness: rows.reduce((s, row) => s + row.lateness, 0) / n,
    breachRate: rows.filter((row) => row.breached).length / n,
    meanBin: slots > 0 ? totalBins / slots : 0,
    totalCost:
      rows.reduce((s, row) => s + row.rent + row.penalty, 0) +
      decisions.filter((d) => d.help !== null).length * costs.commute,
    shocks,
  };
  g.history.push(record);
  return record;
}
