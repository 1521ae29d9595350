/**
 * The world a match plays on, made by the facilitator's `start` move (rule G4): the network
 * (generated ones drawn from the match seed, so each session has its own map), the workshops,
 * their seats, bins, dice, workers and coins.
 */
import { type Noise, parseNoise } from '../engine/noise';
import { unwrap } from '../engine/result';
import { rootStream } from '../engine/rng';
import { buildTopology, drawDistinctOthers } from '../engine/topology';
import type { ScenarioNetwork } from './scenario';
import { SCENARIOS } from './scenarios';
import type { G, Workshop } from './types';

/** Seat of human h (1-based) is workshop floor((h - 1) * n / H): spread evenly over the map. */
export function seatWorkshop(h: number, humans: number, n: number): number {
  return Math.floor(((h - 1) * n) / humans);
}

export function troubleOf(noise: Noise): Workshop['trouble'] {
  return noise.kind === 'exp'
    ? { kind: 'exp', mean: noise.mean }
    : { kind: 'die', die: { faces: [...noise.faces], explodes: [...noise.explodes] } };
}

interface Layout {
  readonly ids: string[];
  readonly names: string[];
  readonly suppliers: number[][];
  readonly alternatives: number[][][];
}

function layout(network: ScenarioNetwork, seed: string): Layout {
  if (network.kind === 'custom') {
    const index = new Map(network.workshops.map((w, i) => [w.id, i]));
    return {
      ids: network.workshops.map((w) => w.id),
      names: network.workshops.map((w) => w.name),
      suppliers: network.workshops.map((w) =>
        w.inputs.map((input) => index.get('supplier' in input ? input.supplier : input.initial)!),
      ),
      alternatives: network.workshops.map((w) =>
        w.inputs.map((input) => ('choose' in input ? input.choose.map((id) => index.get(id)!) : [])),
      ),
    };
  }
  const { n, k } = network;
  const ids = Array.from({ length: n }, (_, i) => `w${i + 1}`);
  const suppliers: number[][] = [];
  if (network.kind === 'spot') {
    const slots = new Int32Array(n * k);
    drawDistinctOthers(slots, n, k, rootStream(seed).child('spot').child(1));
    for (let i = 0; i < n; i++) suppliers.push(Array.from(slots.subarray(i * k, (i + 1) * k)));
  } else {
    const net = unwrap(buildTopology({ kind: network.kind, n, k }, rootStream(seed).child('network')));
    for (let i = 0; i < n; i++) suppliers.push(Array.from(net.suppliers.subarray(net.offsets[i], net.offsets[i + 1])));
  }
  return {
    ids,
    names: ids.map((_, i) => `Workshop ${i + 1}`),
    suppliers,
    alternatives: suppliers.map((s) => s.map(() => [])),
  };
}

/** The seed of a match's dice (G.secret): its own when set, else the map's (one seed for both). */
export const diceSeed = (g: Pick<G, 'secret'>): string => g.secret.dice ?? g.secret.seed;

/** Redraw a spot market's suppliers for `round` (rule N3): K distinct others, from the dice seed. */
export function redrawSpot(g: G): void {
  const n = g.workshops.length;
  const k = g.workshops[0]?.suppliers.length ?? 0;
  const slots = new Int32Array(n * k);
  drawDistinctOthers(slots, n, k, rootStream(diceSeed(g)).child('spot').child(g.round));
  g.workshops.forEach((w, i) => {
    w.suppliers = Array.from(slots.subarray(i * k, (i + 1) * k));
  });
}

/**
 * Build the workshops of a match from its map seed (pure: the same seed gives the same world);
 * `dice` seeds the dice when they must differ from the map's (a challenge attempt).
 */
export function buildWorld(g: G, seed: string, dice?: string): void {
  // A custom network travels in G (setupData.network); a scenario's comes from the registry.
  const scenario = SCENARIOS.get(g.config.scenarioId);
  const network = g.secret.custom ?? scenario?.network;
  if (!network) throw new Error(`scenario "${g.config.scenarioId}" is not loaded`);
  const { startingBin, workers } = g.config;
  const { ids, names, suppliers, alternatives } = layout(network, seed);
  const noise = unwrap(parseNoise(g.config.trouble));
  const n = ids.length;
  const seatOf = new Map<number, string>();
  for (let h = 1; h <= g.config.humanSeats; h++) seatOf.set(seatWorkshop(h, g.config.humanSeats, n), String(h));
  g.secret.seed = seed;
  if (dice !== undefined && dice !== seed) g.secret.dice = dice;
  g.workshops = ids.map((id, i) => ({
    id,
    name: names[i]!,
    seat: seatOf.get(i) ?? null,
    autopilot: !seatOf.has(i),
    suppliers: suppliers[i]!,
    alternatives: alternatives[i]!,
    bins: suppliers[i]!.map(() => startingBin),
    trouble: troubleOf(noise),
    kaizenPoints: 0,
    workers,
    coins: g.config.costs.startingCoins,
    lateness: 0,
    lineStops: 0,
    breached: false,
    binding: -1,
    lastTrouble: 0,
    lastRent: 0,
    lastPenalty: 0,
  }));
  if (g.secret.newRoad) {
    const index = new Map(ids.map((id, i) => [id, i]));
    for (const link of scenario?.newRoad ?? [])
      openLink(g, index.get(link.workshop)!, index.get(link.supplier)!, startingBin);
  }
}

/**
 * Open a link (rule F4): the supplier becomes a choice on every slot of the workshop that
 * already offers a choice, or else a new required input with the starting bin.
 */
export function openLink(g: G, workshop: number, supplier: number, bin: number): void {
  const w = g.workshops[workshop]!;
  const choiceSlots = w.alternatives.map((a, s) => (a.length > 0 ? s : -1)).filter((s) => s >= 0);
  if (choiceSlots.length > 0) {
    for (const s of choiceSlots) if (!w.alternatives[s]!.includes(supplier)) w.alternatives[s]!.push(supplier);
  } else if (!w.suppliers.includes(supplier)) {
    w.suppliers.push(supplier);
    w.alternatives.push([]);
    w.bins.push(bin);
  }
}

/** The inputs a workshop keeps when a supplier is cut: per kept slot, its old index, new supplier and choices. */
interface CutSlot {
  readonly slot: number;
  readonly supplier: number;
  readonly alternatives: number[];
}

/**
 * F5 without changing anything: the slots a workshop keeps after `supplier` is cut. A slot served
 * by the cut supplier switches to its first remaining choice that no other input uses; a slot with
 * none left is dropped. Empty when the workshop would lose its last input (the cut is refused).
 */
export function cutPlan(
  w: { readonly suppliers: readonly number[]; readonly alternatives: readonly (readonly number[])[] },
  supplier: number,
): CutSlot[] {
  const kept: CutSlot[] = [];
  w.suppliers.forEach((current, slot) => {
    const choices = w.alternatives[slot]!.filter((a) => a !== supplier);
    const taken = new Set([
      ...w.suppliers.filter((s, other) => other !== slot && s !== supplier),
      ...kept.map((k) => k.supplier),
    ]);
    const next = current !== supplier ? current : choices.find((a) => !taken.has(a));
    if (next !== undefined) kept.push({ slot, supplier: next, alternatives: choices });
  });
  return kept;
}

/** Cut a link (rule F5): remove the supplier from the workshop's inputs and choices; never the last input. */
export function cutLink(g: G, workshop: number, supplier: number): boolean {
  const w = g.workshops[workshop]!;
  const kept = cutPlan(w, supplier);
  if (kept.length === 0) return false;
  const bins = w.bins;
  w.suppliers = kept.map((k) => k.supplier);
  w.alternatives = kept.map((k) => k.alternatives);
  w.bins = kept.map((k) => bins[k.slot]!);
  return true;
}

/** Direct neighbours of a workshop: its suppliers and its customers (current links). */
export function neighbours(g: G, workshop: number): number[] {
  const set = new Set<number>(g.workshops[workshop]!.suppliers);
  g.workshops.forEach((w, i) => {
    if (i !== workshop && w.suppliers.includes(workshop)) set.add(i);
  });
  set.delete(workshop);
  return [...set].sort((a, b) => a - b);
}
