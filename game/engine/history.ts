/**
 * Recorded runs and counterfactual replays.
 *
 * A `Tape` holds the random inputs of every step (noise, and the suppliers drawn by annealed
 * topologies). A `History` adds what happened: every firm's delay, binding supplier and breach
 * flag at every step. `replay(tape, buffers)` reruns the same dice with other bins; with the same
 * bins it reproduces the history bit for bit.
 */
import { type Buffers, type Model, Simulation, type SimulationOptions } from './simulation';
import type { Network } from './topology';

export interface Tape {
  readonly network: Network;
  readonly steps: number;
  /** noise[t * n + i]: trouble of firm i at step t + 1. */
  readonly noise: Float64Array;
  /** suppliers[t * slots + s] for annealed topologies (null for static ones). */
  readonly suppliers: Int32Array | null;
  readonly initialDelays: Float64Array;
}

export interface History {
  readonly tape: Tape;
  readonly buffers: Buffers;
  /** delay[t * n + i] = tau_i(t + 1). */
  readonly delay: Float64Array;
  /** binding[t * n + i]: the supplier whose lateness bound firm i at step t + 1 (-1: none). */
  readonly binding: Int32Array;
  /** breached[t * n + i] = 1 if that supplier's lateness exceeded the bin. */
  readonly breached: Uint8Array;
}

/** One step of a history, as views (no copies). */
export interface StepRecord {
  readonly step: number;
  readonly noise: Float64Array;
  readonly suppliers: Int32Array;
  readonly binding: Int32Array;
  readonly delay: Float64Array;
  readonly breached: Uint8Array;
}

export function stepRecord(history: History, t: number): StepRecord {
  const { tape } = history;
  const n = tape.network.n;
  const slots = tape.network.suppliers.length;
  if (!Number.isInteger(t) || t < 0 || t >= tape.steps)
    throw new RangeError(`step ${t} is outside 0..${tape.steps - 1}`);
  return {
    step: t + 1,
    noise: tape.noise.subarray(t * n, (t + 1) * n),
    suppliers: tape.suppliers ? tape.suppliers.subarray(t * slots, (t + 1) * slots) : tape.network.suppliers,
    binding: history.binding.subarray(t * n, (t + 1) * n),
    delay: history.delay.subarray(t * n, (t + 1) * n),
    breached: history.breached.subarray(t * n, (t + 1) * n),
  };
}

function allocate(network: Network, steps: number) {
  const n = network.n;
  return {
    delay: new Float64Array(steps * n),
    binding: new Int32Array(steps * n),
    breached: new Uint8Array(steps * n),
  };
}

function keep(sim: Simulation, out: ReturnType<typeof allocate>, t: number): void {
  const n = sim.n;
  out.delay.set(sim.tau, t * n);
  out.binding.set(sim.binding, t * n);
  out.breached.set(sim.breached, t * n);
}

/** Run `steps` steps from seeded streams and record everything. */
export function record(
  model: Model,
  seed: string | number,
  buffers: Buffers,
  steps: number,
  options: SimulationOptions = {},
): History {
  const sim = new Simulation(model, seed, buffers, { ...options, record: true });
  const { network } = model;
  const n = network.n;
  const slots = network.suppliers.length;
  const initialDelays = Float64Array.from(sim.tau);
  const noise = new Float64Array(steps * n);
  const suppliers = network.annealed ? new Int32Array(steps * slots) : null;
  const out = allocate(network, steps);
  for (let t = 0; t < steps; t++) {
    sim.draw();
    noise.set(sim.noise, t * n);
    if (suppliers) suppliers.set(sim.suppliers, t * slots);
    sim.update();
    keep(sim, out, t);
  }
  return { tape: { network, steps, noise, suppliers, initialDelays }, buffers, ...out };
}

/** Rerun a tape's dice with other bins (a counterfactual). */
export function replay(
  tape: Tape,
  buffers: Buffers,
  options: Omit<SimulationOptions, 'initialDelays' | 'record'> = {},
): History {
  const { network, steps } = tape;
  const n = network.n;
  const slots = network.suppliers.length;
  // The streams are never used: every input comes from the tape.
  const sim = new Simulation({ network, noise: { kind: 'exp', mean: 1 } }, 'replay', buffers, {
    ...options,
    initialDelays: tape.initialDelays,
    record: true,
  });
  const out = allocate(network, steps);
  for (let t = 0; t < steps; t++) {
    sim.noise.set(tape.noise.subarray(t * n, (t + 1) * n));
    if (tape.suppliers) sim.suppliers.set(tape.suppliers.subarray(t * slots, (t + 1) * slots));
    sim.update();
    keep(sim, out, t);
  }
  return { tape, buffers, ...out };
}
