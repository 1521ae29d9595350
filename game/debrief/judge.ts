/**
 * The challenge judge (rule CH1; docs/DEBRIEF.md "Bounded and the challenge score"). A run is
 * judged by the network it built, not by the noisy lateness series of one tape:
 *
 * (a) Growth. The max-plus system without the positive part (the lab's `linear` mode) on the run's
 *     own map (each round's suppliers as played, in the order played, repeated; a spot market
 *     redrawn every step as the lab's `spot` topology does) with the run's time-averaged bin on
 *     every input slot, the scenario's trouble and its congestion (a supplier's extra trouble is
 *     a shift of every bin it fills), over JUDGE_REPLICAS replicas of JUDGE_STEPS steps from the
 *     fixed seed JUDGE_SEED. In the real system lateness grows at max(0, v) where v is that
 *     linear growth rate (docs/MODEL.md): the run's stock holds when v <= JUDGE_SIGMAS standard
 *     errors (across replicas). Same run, same verdict: the judge draws its own dice.
 * (b) Level. The run's own mean lateness (over every round and workshop) must not exceed that of
 *     uniform bins at the map's critical buffer replayed on the run's own dice (counterfactual
 *     `uniform`, DB2). A run that saves stock early and pays it back later ("dig then hold")
 *     has the right mean bin but not the right lateness.
 */
import { parseNoise } from '../engine/noise';
import { rootStream } from '../engine/rng';
import { type Buffers, Simulation } from '../engine/simulation';
import { type Network, buildTopology } from '../engine/topology';
import type { G, PublicConfig, RoundRecord } from '../core/types';
import { counterfactual } from './counterfactual';

export const JUDGE_SEED = 'challenge-judge-1';
export const JUDGE_REPLICAS = 32;
export const JUDGE_BURN_IN = 500;
export const JUDGE_STEPS = 4000;
/** The growth rate may exceed 0 by at most this many standard errors. */
export const JUDGE_SIGMAS = 2;

export interface Growth {
  /** Mean over replicas of the linear system's growth rate (hours per round). */
  readonly rate: number;
  /** Standard error of `rate` (sample SD over replicas / sqrt(replicas)). */
  readonly standardError: number;
  readonly replicas: number;
  readonly steps: number;
  /** rate <= JUDGE_SIGMAS x standardError. */
  readonly holds: boolean;
}

export interface Level {
  /** The run's mean lateness (hours, over rounds and workshops). */
  readonly lateness: number;
  /** The same with every bin at `bin` from round 1, on the run's dice. */
  readonly reference: number;
  /** The uniform bin of the reference (the map's critical buffer). */
  readonly bin: number;
  /** lateness <= reference. */
  readonly holds: boolean;
}

/** One round's map in the engine's slot layout, with each slot's congestion shift. */
interface Layout {
  readonly suppliers: Int32Array;
  readonly shift: Float64Array;
}

/** The run's layouts (one per round, in order) and its time-averaged bin per slot. */
function runNetwork(history: readonly RoundRecord[], config: PublicConfig) {
  // A link opened mid-run changes the slot count: judge the rounds with the last round's layout.
  const last = history.at(-1)!;
  const counts = last.workshops.map((w) => w.suppliers.length);
  const rounds = history.filter((h) => h.workshops.every((w, i) => w.suppliers.length === counts[i]));
  const n = counts.length;
  const offsets = new Int32Array(n + 1);
  counts.forEach((c, i) => (offsets[i + 1] = offsets[i]! + c));
  const bins = new Float64Array(offsets[n]!);
  const { costs, mechanics } = config;
  const layouts: Layout[] = rounds.map((h) => {
    const suppliers = Int32Array.from(h.workshops.flatMap((w) => w.suppliers));
    h.workshops.flatMap((w) => w.bins).forEach((b, s) => (bins[s]! += b / rounds.length));
    const customers = new Array<number>(n).fill(0);
    for (const j of suppliers) customers[j]!++;
    const extra = customers.map((c) =>
      mechanics.supplierChoice ? costs.congestion * Math.max(0, c - costs.congestionFree) : 0,
    );
    return { suppliers, shift: Float64Array.from(suppliers, (j) => extra[j]!) };
  });
  return { n, k: Math.max(...counts), offsets, bins, layouts };
}

/** (a) The growth rate of the run's network without the positive part. */
export function judgeGrowth(
  history: readonly RoundRecord[],
  config: PublicConfig,
  options: { readonly replicas?: number; readonly steps?: number } = {},
): Growth {
  const replicas = options.replicas ?? JUDGE_REPLICAS;
  const steps = options.steps ?? JUDGE_STEPS;
  const noise = parseNoise(config.trouble);
  if (!noise.ok) throw new Error(`judge: ${noise.error}`);
  const { n, k, offsets, bins, layouts } = runNetwork(history, config);
  const spot = config.mechanics.spot;
  const slotBuffers: Buffers[] = layouts.map((l) => ({
    uniform: 0,
    slots: Float64Array.from(bins, (b, s) => b - l.shift[s]!),
  }));
  const rates: number[] = [];
  for (let r = 0; r < replicas; r++) {
    const stream = rootStream(JUDGE_SEED).child(`replica-${r}`);
    const network: Network = spot
      ? unwrapNetwork(buildTopology({ kind: 'spot', n, k }, stream.child('network')))
      : { kind: 'custom', n, k, offsets, suppliers: Int32Array.from(layouts[0]!.suppliers), annealed: false };
    const sim = new Simulation({ network, noise: noise.value }, stream, slotBuffers[0]!, {
      positivePart: false,
      record: false,
    });
    let before = 0;
    for (let t = 0; t < JUDGE_BURN_IN + steps; t++) {
      const l = t % layouts.length;
      if (!spot && layouts.length > 1) network.suppliers.set(layouts[l]!.suppliers);
      sim.buffers = slotBuffers[l]!;
      sim.step();
      if (t === JUDGE_BURN_IN - 1) before = sim.meanDelay();
    }
    rates.push((sim.meanDelay() - before) / steps);
  }
  const rate = rates.reduce((a, b) => a + b, 0) / replicas;
  const variance = rates.reduce((a, b) => a + (b - rate) ** 2, 0) / Math.max(1, replicas - 1);
  const standardError = Math.sqrt(variance / replicas);
  return { rate, standardError, replicas, steps, holds: rate <= JUDGE_SIGMAS * standardError };
}

function unwrapNetwork(r: { ok: true; value: Network } | { ok: false; error: string }): Network {
  if (!r.ok) throw new Error(`judge: ${r.error}`);
  return r.value;
}

const meanLateness = (history: readonly RoundRecord[]) =>
  history.reduce((a, h) => a + h.meanLateness, 0) / Math.max(1, history.length);

/** (b) The run's mean lateness against uniform bins at `bin` on the same dice (needs the full G). */
export function judgeLevel(g: G, bin: number): Level {
  const lateness = meanLateness(g.history);
  const reference = meanLateness(counterfactual(g, { kind: 'uniform', bin }));
  return { lateness, reference, bin, holds: lateness <= reference };
}
