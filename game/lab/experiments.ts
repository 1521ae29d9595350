/**
 * The lab's experiments as plans: a list of replica jobs plus a pure summary of their results.
 * Callers run the jobs however they like (in-process, worker threads, a Web Worker) and in any
 * order; the summary sorts by (buffer, replica), so the answer never depends on scheduling.
 */
import { type Result, err, ok } from '../engine/result';
import { type LabModelSpec, resolveModel } from './model';
import type { ReplicaJob, ReplicaResult } from './replica';
import { mean, standardError } from './stats';

export interface RunLength {
  readonly seed: string;
  readonly replicas: number;
  readonly steps: number;
  readonly burnIn: number;
}

export const LIMITS = {
  maxReplicas: 10_000,
  maxSteps: 100_000_000,
  maxBurnIn: 100_000_000,
  maxPoints: 10_000,
  maxBuffer: 1e6,
} as const;

function checkRunLength(run: RunLength): string | null {
  if (!Number.isInteger(run.replicas) || run.replicas < 1 || run.replicas > LIMITS.maxReplicas)
    return `replicas must be an integer from 1 to ${LIMITS.maxReplicas}`;
  if (!Number.isInteger(run.steps) || run.steps < 1 || run.steps > LIMITS.maxSteps)
    return `steps must be an integer from 1 to ${LIMITS.maxSteps}`;
  if (!Number.isInteger(run.burnIn) || run.burnIn < 0 || run.burnIn > LIMITS.maxBurnIn)
    return `burn-in must be an integer from 0 to ${LIMITS.maxBurnIn}`;
  return null;
}

function jobsAt(model: LabModelSpec, run: RunLength, buffer: number, extra: Partial<ReplicaJob> = {}): ReplicaJob[] {
  return Array.from({ length: run.replicas }, (_, replica) => ({
    model,
    seed: run.seed,
    replica,
    buffer,
    burnIn: run.burnIn,
    steps: run.steps,
    ...extra,
  }));
}

const byBufferThenReplica = (a: ReplicaResult, b: ReplicaResult) => a.buffer - b.buffer || a.replica - b.replica;

// ---------------------------------------------------------------------------------------------
// Critical buffer

export interface CriticalSummary {
  readonly criticalBuffer: number;
  readonly standardError: number;
  /** Each replica's estimate, in replica order. */
  readonly replicaEstimates: readonly number[];
}

/**
 * B_c from the growth rate at B = 0: for any network in which every firm has a supplier,
 * v(B) = max(0, v0 - B), so B_c = v0 exactly (docs/MODEL.md). With uneven bins (spread D) the
 * same identity holds for the mean bin when the positive part is dropped: the max-plus system with
 * offsets +-D grows at v_D - B, and the real system at max(0, v_D - B). So the critical mean bin
 * is the growth rate of the linear system at mean bin 0.
 */
export function criticalPlan(model: LabModelSpec, run: RunLength): Result<ReplicaJob[]> {
  const bad = checkRunLength(run) ?? modelError(model);
  if (bad) return err(bad);
  return ok(jobsAt(model, run, 0, model.spread > 0 ? { linear: true } : {}));
}

export function summariseCritical(results: readonly ReplicaResult[]): CriticalSummary {
  const estimates = [...results].sort(byBufferThenReplica).map((r) => r.growthRate);
  return { criticalBuffer: mean(estimates), standardError: standardError(estimates), replicaEstimates: estimates };
}

// ---------------------------------------------------------------------------------------------
// Sweep

export interface SweepRange {
  readonly from: number;
  readonly to: number;
  readonly step: number;
}

export interface SweepPoint {
  readonly buffer: number;
  readonly growthRate: number;
  readonly growthRateError: number;
  readonly breachRate: number;
  readonly meanDelay: number;
}

export function sweepBuffers(range: SweepRange): Result<number[]> {
  const { from, to, step } = range;
  if (![from, to, step].every(Number.isFinite)) return err('sweep range: from, to and step must be finite numbers');
  if (from < 0 || to > LIMITS.maxBuffer) return err(`sweep range: buffers must lie from 0 to ${LIMITS.maxBuffer}`);
  if (to < from) return err(`sweep range: to (${to}) must be >= from (${from})`);
  if (!(step > 0)) return err('sweep range: step must be > 0');
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > LIMITS.maxPoints) return err(`sweep range: ${count} points; at most ${LIMITS.maxPoints}`);
  // Rounded to 12 significant digits so that 0.1 steps print as 0.3, not 0.30000000000000004.
  return ok(Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12))));
}

export function sweepPlan(model: LabModelSpec, run: RunLength, range: SweepRange): Result<ReplicaJob[]> {
  const bad = checkRunLength(run) ?? modelError(model);
  if (bad) return err(bad);
  const buffers = sweepBuffers(range);
  if (!buffers.ok) return buffers;
  if (buffers.value[0]! < model.spread)
    return err(
      `sweep range: with a buffer spread of ${model.spread}, buffers must start at ${model.spread} or more (no bin below 0)`,
    );
  return ok(buffers.value.flatMap((buffer) => jobsAt(model, run, buffer)));
}

export function summariseSweep(results: readonly ReplicaResult[]): SweepPoint[] {
  const groups = new Map<number, ReplicaResult[]>();
  for (const r of [...results].sort(byBufferThenReplica)) {
    const list = groups.get(r.buffer) ?? [];
    list.push(r);
    groups.set(r.buffer, list);
  }
  return [...groups.entries()].map(([buffer, list]) => ({
    buffer,
    growthRate: mean(list.map((r) => r.growthRate)),
    growthRateError: standardError(list.map((r) => r.growthRate)),
    breachRate: mean(list.map((r) => r.breachRate)),
    meanDelay: mean(list.map((r) => r.meanDelay)),
  }));
}

// ---------------------------------------------------------------------------------------------
// Avalanches

export interface Avalanche {
  readonly replica: number;
  /** First post-burn-in step of the run (0-based). */
  readonly start: number;
  /** Number of consecutive steps with mean delay per firm above the buffer. */
  readonly duration: number;
  /** Sum over the run of (mean delay - buffer). */
  readonly size: number;
}

export interface AvalancheSummary {
  readonly buffer: number;
  readonly count: number;
  /** Avalanches still running at the end of a series (their duration is a lower bound). */
  readonly censored: number;
  readonly meanDuration: number;
  readonly maxDuration: number;
  readonly meanSize: number;
  readonly maxSize: number;
  /** Share of post-burn-in steps spent inside an avalanche. */
  readonly fractionOfTime: number;
  /** Log-binned counts (bins double in width): for plotting distributions on log axes. */
  readonly durationHistogram: readonly HistogramBin[];
  readonly sizeHistogram: readonly HistogramBin[];
  readonly avalanches: readonly Avalanche[];
}

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** count / (bin width * total): a density comparable across bins of different widths. */
  readonly density: number;
}

export function avalanchePlan(model: LabModelSpec, run: RunLength, buffer: number): Result<ReplicaJob[]> {
  const bad = checkRunLength(run) ?? modelError(model);
  if (bad) return err(bad);
  if (!Number.isFinite(buffer) || buffer < 0 || buffer > LIMITS.maxBuffer)
    return err(`buffer must be a number from 0 to ${LIMITS.maxBuffer}`);
  if (buffer < model.spread)
    return err(`buffer ${buffer} is below the buffer spread ${model.spread}: some bins would be negative`);
  return ok(jobsAt(model, run, buffer, { keepSeries: true }));
}

/** Maximal runs of steps with mean delay above `buffer` in one series. */
export function detectAvalanches(
  series: ArrayLike<number>,
  buffer: number,
  replica = 0,
): { avalanches: Avalanche[]; censored: number } {
  const avalanches: Avalanche[] = [];
  let censored = 0;
  let start = -1;
  let size = 0;
  for (let t = 0; t <= series.length; t++) {
    const above = t < series.length && series[t]! > buffer;
    if (above) {
      if (start < 0) {
        start = t;
        size = 0;
      }
      size += series[t]! - buffer;
    } else if (start >= 0) {
      if (t === series.length) censored++;
      avalanches.push({ replica, start, duration: t - start, size });
      start = -1;
    }
  }
  return { avalanches, censored };
}

export function logHistogram(values: readonly number[]): HistogramBin[] {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return [];
  const lo = Math.min(...positive);
  const hi = Math.max(...positive);
  const bins: HistogramBin[] = [];
  let from = 2 ** Math.floor(Math.log2(lo));
  while (from <= hi) {
    const to = from * 2;
    const count = positive.filter((v) => v >= from && v < to).length;
    bins.push({ from, to, count, density: count / ((to - from) * positive.length) });
    from = to;
  }
  return bins;
}

export function summariseAvalanches(results: readonly ReplicaResult[]): AvalancheSummary {
  const sorted = [...results].sort(byBufferThenReplica);
  const buffer = sorted[0]?.buffer ?? 0;
  const all: Avalanche[] = [];
  let censored = 0;
  let steps = 0;
  for (const r of sorted) {
    if (!r.series) throw new Error('avalanche summary needs replica series (keepSeries)');
    const found = detectAvalanches(r.series, buffer, r.replica);
    all.push(...found.avalanches);
    censored += found.censored;
    steps += r.series.length;
  }
  const durations = all.map((a) => a.duration);
  const sizes = all.map((a) => a.size);
  const inside = durations.reduce((s, d) => s + d, 0);
  return {
    buffer,
    count: all.length,
    censored,
    meanDuration: all.length ? mean(durations) : 0,
    maxDuration: all.length ? Math.max(...durations) : 0,
    meanSize: all.length ? mean(sizes) : 0,
    maxSize: all.length ? Math.max(...sizes) : 0,
    fractionOfTime: steps ? inside / steps : 0,
    durationHistogram: logHistogram(durations),
    sizeHistogram: logHistogram(sizes),
    avalanches: all,
  };
}

function modelError(model: LabModelSpec): string | null {
  const r = resolveModel(model);
  return r.ok ? null : r.error;
}
