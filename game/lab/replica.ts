/**
 * One replica run: the unit of work the lab farms out (to worker threads in the CLI, to a Web
 * Worker in the browser). Plain-data job in, plain-data result out.
 */
import { rootStream } from '../engine/rng';
import { createRunner } from '../engine/runner';
import { type LabModel, type LabModelSpec, buffersAt, realise, resolveModel } from './model';

export interface ReplicaJob {
  readonly model: LabModelSpec;
  readonly seed: string;
  readonly replica: number;
  /** Mean bin; with `linear`, the runs drop the positive part (see criticalBuffer). */
  readonly buffer: number;
  readonly linear?: boolean;
  readonly burnIn: number;
  readonly steps: number;
  /** Keep the per-step mean delay series (for avalanches). */
  readonly keepSeries?: boolean;
  /** Force the JavaScript backend (tests compare backends). */
  readonly backend?: 'auto' | 'js';
}

export interface ReplicaResult {
  readonly replica: number;
  readonly buffer: number;
  /** Slope of the mean delay per firm after the burn-in. */
  readonly growthRate: number;
  /** Share of firm-steps after the burn-in whose binding input exceeded its bin. */
  readonly breachRate: number;
  /** Time average of the mean delay per firm after the burn-in. */
  readonly meanDelay: number;
  /** Mean delay per firm after each post-burn-in step (only with keepSeries). */
  readonly series?: Float64Array;
  readonly backend: 'js' | 'wasm';
}

/** Steps per chunk between progress callbacks. */
const CHUNK = 256;

/** Each replica's stream: the same (seed, replica) gives the same dice at every buffer. */
export const replicaStream = (seed: string, replica: number) => rootStream(seed).child(`replica-${replica}`);

export function runReplica(
  job: ReplicaJob,
  onProgress?: (stepsDone: number) => void,
  resolved?: LabModel,
): ReplicaResult {
  let model = resolved;
  if (!model) {
    const r = resolveModel(job.model);
    if (!r.ok) throw new Error(r.error);
    model = r.value;
  }
  const stream = replicaStream(job.seed, job.replica);
  const realisation = realise(model, stream);
  const runner = createRunner(
    {
      network: realisation.network,
      noise: model.noise,
      buffers: buffersAt(realisation, job.buffer),
      positivePart: !job.linear,
      stream,
    },
    job.backend ?? 'auto',
  );
  try {
    const total = job.burnIn + job.steps;
    const mean = new Float64Array(total);
    const breaches = new Int32Array(total);
    for (let done = 0; done < total;) {
      const chunk = Math.min(CHUNK, total - done);
      runner.advance(chunk, mean, breaches, done);
      done += chunk;
      onProgress?.(done);
    }
    const before = job.burnIn > 0 ? mean[job.burnIn - 1]! : 0;
    const after = mean[total - 1]!;
    let breachSum = 0;
    let delaySum = 0;
    for (let t = job.burnIn; t < total; t++) {
      breachSum += breaches[t]!;
      delaySum += mean[t]!;
    }
    return {
      replica: job.replica,
      buffer: job.buffer,
      growthRate: (after - before) / job.steps,
      breachRate: breachSum / (job.steps * runner.n),
      meanDelay: delaySum / job.steps,
      ...(job.keepSeries ? { series: mean.slice(job.burnIn) } : {}),
      backend: runner.backend,
    };
  } finally {
    runner.dispose();
  }
}
