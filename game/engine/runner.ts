/**
 * Runners: advance a model many steps and keep only the per-step aggregates the lab needs (mean
 * delay, breaches). Two backends with the same numbers bit for bit: this one in JavaScript (the
 * reference, any topology and noise) and a WebAssembly one (game/engine/wasm/) for speed where
 * supported. `createRunner` picks the fastest available.
 */
import type { Noise } from './noise';
import type { RandomStream } from './rng';
import { type Buffers, Simulation } from './simulation';
import type { Network } from './topology';

export interface RunSpec {
  readonly network: Network;
  readonly noise: Noise;
  readonly buffers: Buffers;
  /** Default true; false runs the max-plus system without the positive part. */
  readonly positivePart?: boolean;
  /** Root stream: children 'suppliers' and 'noise' are drawn as in Simulation. */
  readonly stream: RandomStream;
}

export interface Runner {
  readonly backend: 'js' | 'wasm';
  readonly n: number;
  /** Steps taken so far. */
  readonly t: number;
  /**
   * Advance `steps` steps; write the mean delay per firm after each step into
   * `meanDelay[offset + s]` and the number of breached firms into `breaches[offset + s]`.
   */
  advance(steps: number, meanDelay: Float64Array, breaches: Int32Array, offset: number): void;
  /** A copy of the current delays. */
  delays(): Float64Array;
  /** Release resources (WebAssembly memory). */
  dispose(): void;
}

export class JsRunner implements Runner {
  readonly backend = 'js' as const;
  private readonly sim: Simulation;

  constructor(spec: RunSpec) {
    this.sim = new Simulation({ network: spec.network, noise: spec.noise }, spec.stream, spec.buffers, {
      positivePart: spec.positivePart ?? true,
      record: false,
    });
  }

  get n(): number {
    return this.sim.n;
  }

  get t(): number {
    return this.sim.t;
  }

  advance(steps: number, meanDelay: Float64Array, breaches: Int32Array, offset: number): void {
    const sim = this.sim;
    for (let s = 0; s < steps; s++) {
      sim.step();
      meanDelay[offset + s] = sim.meanDelay();
      breaches[offset + s] = sim.lastBreaches;
    }
  }

  delays(): Float64Array {
    return Float64Array.from(this.sim.tau);
  }

  dispose(): void {}
}

/** Pluggable faster backends (registered by game/engine/wasm when WebAssembly is available). */
type RunnerFactory = (spec: RunSpec) => Runner | null;
const factories: RunnerFactory[] = [];

export function registerRunnerBackend(factory: RunnerFactory): void {
  factories.push(factory);
}

export function createRunner(spec: RunSpec, backend: 'auto' | 'js' = 'auto'): Runner {
  if (backend === 'auto') {
    for (const factory of factories) {
      const runner = factory(spec);
      if (runner) return runner;
    }
  }
  return new JsRunner(spec);
}
