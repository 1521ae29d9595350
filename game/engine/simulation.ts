/**
 * A running model: a network, its trouble, its bins and two seeded streams (suppliers, noise).
 * Each step draws the annealed suppliers, rolls the noise and applies the update rule, all on
 * preallocated typed arrays. The draws never depend on the delays, so the same seed gives the
 * same dice whatever the bins are: the basis of counterfactual replays.
 */
import { type Noise, type NoiseFiller, compileNoise } from './noise';
import { type RandomStream, rootStream } from './rng';
import { type Network, drawAnnealed } from './topology';
import { type UpdateInputs, type UpdateOutputs, applyUpdateRule, applyUpdateRuleFast } from './updateRule';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface Model {
  readonly network: Network;
  readonly noise: Noise;
}

/** Bins: one uniform buffer, or one per input slot (same layout as the network's slots). */
export interface Buffers {
  readonly uniform: number;
  readonly slots: Float64Array | null;
}

export const uniformBuffers = (b: number): Buffers => ({ uniform: b, slots: null });

export interface SimulationOptions {
  readonly positivePart?: boolean;
  /**
   * Keep the per-firm record of each step (binding supplier, breach flag; default true). The lab
   * turns it off for speed: the delays are bit-for-bit the same either way.
   */
  readonly record?: boolean;
  /** Starting delays (default all zero). */
  readonly initialDelays?: Float64Array;
}

export class Simulation {
  readonly n: number;
  readonly network: Network;
  /** Current delays tau(t). Replaced (swapped) every step: read it after the step. */
  tau: Float64Array;
  private prev: Float64Array;
  /** The inputs and outcome of the last step. */
  readonly suppliers: Int32Array;
  readonly noise: Float64Array;
  readonly binding: Int32Array;
  readonly breached: Uint8Array;
  /** Steps taken, the breaches of the last step, and the running sum of the delays. */
  t = 0;
  lastBreaches = 0;
  private readonly fillNoise: NoiseFiller;
  private readonly supplierStream: RandomStream;
  private readonly noiseStream: RandomStream;
  // Reused every step so that a step allocates nothing.
  private readonly inputs: Mutable<UpdateInputs>;
  private readonly outputs: Mutable<UpdateOutputs>;
  private readonly record: boolean;

  constructor(
    model: Model,
    seed: string | number | RandomStream,
    public buffers: Buffers,
    options: SimulationOptions = {},
  ) {
    const { network } = model;
    this.network = network;
    this.n = network.n;
    const root = typeof seed === 'object' ? seed : rootStream(seed);
    this.supplierStream = root.child('suppliers');
    this.noiseStream = root.child('noise');
    this.fillNoise = compileNoise(model.noise);
    this.tau = options.initialDelays ? Float64Array.from(options.initialDelays) : new Float64Array(this.n);
    this.prev = new Float64Array(this.n);
    this.suppliers = network.annealed ? new Int32Array(network.suppliers.length) : network.suppliers;
    this.noise = new Float64Array(this.n);
    this.binding = new Int32Array(this.n);
    this.breached = new Uint8Array(this.n);
    this.inputs = {
      prev: this.prev,
      offsets: network.offsets,
      suppliers: this.suppliers,
      stride: network.kind === 'custom' ? 0 : network.k,
      uniformBuffer: buffers.uniform,
      slotBuffers: buffers.slots,
      noise: this.noise,
      positivePart: options.positivePart ?? true,
    };
    this.record = options.record ?? true;
    this.outputs = { next: this.tau, binding: this.binding, breached: this.breached };
    checkBuffers(buffers, network);
    if (options.initialDelays && options.initialDelays.length !== network.n) {
      throw new Error(`initial delays: ${options.initialDelays.length} values for ${network.n} firms`);
    }
  }

  /** Draw this step's suppliers (annealed kinds) and noise into `suppliers` and `noise`. */
  draw(): void {
    const { network } = this;
    if (network.annealed) drawAnnealed(network.kind, this.suppliers, network.n, network.k, this.supplierStream);
    this.fillNoise(this.noiseStream, this.noise, this.n);
  }

  /** Apply the update rule to the current `suppliers` and `noise` (drawn or copied from a tape). */
  update(): void {
    const prev = this.tau;
    const next = this.prev;
    const { inputs, outputs } = this;
    inputs.prev = prev;
    inputs.uniformBuffer = this.buffers.uniform;
    inputs.slotBuffers = this.buffers.slots;
    outputs.next = next;
    this.lastBreaches = this.record ? applyUpdateRule(inputs, outputs) : applyUpdateRuleFast(inputs, next);
    this.prev = prev;
    this.tau = next;
    this.t++;
  }

  step(): void {
    this.draw();
    this.update();
  }

  /** Mean delay per firm now. */
  meanDelay(): number {
    const tau = this.tau;
    let sum = 0;
    for (let i = 0; i < tau.length; i++) sum += tau[i]!;
    return sum / tau.length;
  }
}

/**
 * Bins must fit the network's slots and be real numbers (a NaN bin would silently never bind).
 * With per-slot bins the uniform value is unused.
 */
export function checkBuffers(buffers: Buffers, network: Network): void {
  const { slots } = buffers;
  if (!slots) {
    if (!Number.isFinite(buffers.uniform))
      throw new Error(`buffers: the uniform buffer must be finite, got ${buffers.uniform}`);
    return;
  }
  if (slots.length !== network.suppliers.length) {
    throw new Error(`buffers: ${slots.length} slot buffers for ${network.suppliers.length} input slots`);
  }
  for (let s = 0; s < slots.length; s++) {
    if (!Number.isFinite(slots[s]!))
      throw new Error(`buffers: slot ${s} has a buffer of ${slots[s]}; every bin must be a finite number`);
  }
}
