/**
 * The challenge judge (rule CH1; docs/DEBRIEF.md "Bounded and the challenge score"). A run is
 * judged by the network it built, not by the noisy lateness series of one tape:
 *
 * (a) Growth. The max-plus system without the positive part (the lab's `linear` mode) on the run's
 *     own map (each round's suppliers as played, in the order played, repeated; a spot market
 *     redrawn every step as the lab's `spot` topology does) with the run's time-averaged bin on
 *     every input slot, the scenario's trouble and its congestion (a supplier's extra trouble is
 *     a shift of every bin it fills), over JUDGE.replicas replicas of JUDGE.steps steps from the
 *     fixed seed JUDGE.seed. In the real system lateness grows at max(0, v) where v is that
 *     linear growth rate (docs/MODEL.md): the run's stock holds when v <= JUDGE.sigmas standard
 *     errors (across replicas). Same run, same verdict: the judge draws its own dice.
 * (b) Level. The run's own mean lateness (over every round and workshop) must not exceed that of
 *     uniform bins at the map's critical buffer replayed on the run's own dice (counterfactual
 *     `uniform`, DB2). A run that saves stock early and pays it back later ("dig then hold")
 *     has the right mean bin but not the right lateness.
 */
import { parseNoise } from '../engine/noise';
import { unwrap } from '../engine/result';
import { rootStream } from '../engine/rng';
import { type Buffers, Simulation } from '../engine/simulation';
import { type Network, buildTopology } from '../engine/topology';
import type { G, PublicConfig, RoundRecord } from '../core/types';
import { mean, standardError } from '../lab/stats';
import { counterfactual } from './counterfactual';

/** How the judge runs: its seed, replicas, steps after a burn-in, and the allowed standard errors. */
export const JUDGE = {
  seed: 'challenge-judge-1',
  replicas: 32,
  burnIn: 500,
  steps: 4000,
  /** The growth rate may exceed 0 by at most this many standard errors. */
  sigmas: 2,
} as const;

export interface Growth {
  /** Mean over replicas of the linear system's growth rate (hours per round). */
  readonly rate: number;
  /** Standard error of `rate` (sample SD over replicas / sqrt(replicas)). */
  readonly standardError: number;
  readonly replicas: number;
  readonly steps: number;
  /** rate <= JUDGE.sigmas x standardError. */
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
  const replicas = options.replicas ?? JUDGE.replicas;
  const steps = options.steps ?? JUDGE.steps;
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
    const stream = rootStream(JUDGE.seed).child(`replica-${r}`);
    const network: Network = spot
      ? unwrap(buildTopology({ kind: 'spot', n, k }, stream.child('network')))
      : { kind: 'custom', n, k, offsets, suppliers: Int32Array.from(layouts[0]!.suppliers), annealed: false };
    const sim = new Simulation({ network, noise: noise.value }, stream, slotBuffers[0]!, {
      positivePart: false,
      record: false,
    });
    let before = 0;
    for (let t = 0; t < JUDGE.burnIn + steps; t++) {
      const l = t % layouts.length;
      if (!spot && layouts.length > 1) network.suppliers.set(layouts[l]!.suppliers);
      sim.buffers = slotBuffers[l]!;
      sim.step();
      if (t === JUDGE.burnIn - 1) before = sim.meanDelay();
    }
    rates.push((sim.meanDelay() - before) / steps);
  }
  const rate = mean(rates);
  const se = standardError(rates);
  return { rate, standardError: se, replicas, steps, holds: rate <= JUDGE.sigmas * se };
}

const meanLateness = (history: readonly RoundRecord[]) =>
  history.reduce((a, h) => a + h.meanLateness, 0) / Math.max(1, history.length);

/** (b) The run's mean lateness against uniform bins at `bin` on the same dice (needs the full G). */
export function judgeLevel(g: G, bin: number): Level {
  const lateness = meanLateness(g.history);
  const reference = meanLateness(counterfactual(g, { kind: 'uniform', bin }));
  return { lateness, reference, bin, holds: lateness <= reference };
}
