/**
 * The debrief's phase diagram: lateness growth against bin size for this session's network and
 * trouble, swept by the lab (game/lab/experiments.ts) in a Web Worker. This file plans the sweep,
 * estimates the critical buffer from it when the scenario has none, and scales the drawing. Pure.
 */
import type { Result } from '../../game/engine/result';
import { type RunLength, type SweepPoint, type SweepRange, sweepPlan } from '../../game/lab/experiments';
import type { LabModelSpec } from '../../game/lab/model';
import type { ReplicaJob } from '../../game/lab/replica';
import { niceTicks } from '../facilitator/chart';
import { type XY, polyline } from './charts';

export const PHASE_SIZES = ['quick', 'precise'] as const;
export type PhaseSize = (typeof PHASE_SIZES)[number];

/** Replicas and steps per bin size: a quick look (seconds) or a closer one. */
export const PHASE_RUNS: Record<PhaseSize, Omit<RunLength, 'seed'> & { readonly points: number }> = {
  quick: { replicas: 2, steps: 400, burnIn: 100, points: 13 },
  precise: { replicas: 6, steps: 3000, burnIn: 500, points: 25 },
};

/** A step of 1, 2 or 5 x 10^k near `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw * 0.999) ?? raw;
}

/**
 * The bin sizes to sweep: from the lowest allowed (the spread of uneven bins, else 0) to well past
 * both the critical buffer and the largest mean bin the table held, in about `points` steps.
 */
export function phaseRange(
  criticalBuffer: number | null,
  meanBins: readonly number[],
  spread: number,
  points: number,
): SweepRange {
  const held = Math.max(0, ...meanBins.filter(Number.isFinite));
  const top = Math.max(2 * (criticalBuffer ?? 0), 1.25 * held, criticalBuffer === null ? 4 : 0, spread + 1);
  const step = niceStep((top - spread) / Math.max(2, points - 1));
  const from = Math.ceil(spread / step - 1e-9) * step;
  const to = from + step * Math.ceil((top - from) / step - 1e-9);
  return { from: Number(from.toPrecision(12)), to: Number(to.toPrecision(12)), step };
}

/** The sweep's replica jobs over `range` (phaseRange), with the run length of `size`. */
export function phasePlan(model: LabModelSpec, seed: string, size: PhaseSize, range: SweepRange): Result<ReplicaJob[]> {
  const { points: _points, ...run } = PHASE_RUNS[size];
  return sweepPlan(model, { seed, ...run }, range);
}

/**
 * The critical buffer where the growth rate reaches zero, from a sweep: growth falls with the
 * bin (v(B) = max(0, v0 - B) in docs/MODEL.md), so the zero is extrapolated along the line
 * through the last two points that still grow, and kept between the last growing point and the
 * first flat one. A point counts as flat below a small tolerance (a finite run's slope is noisy).
 * Null when no point grows or every point does (the zero lies outside the sweep).
 */
export function zeroCrossing(points: readonly SweepPoint[]): number | null {
  if (points.length < 2) return null;
  const highest = Math.max(...points.map((p) => p.growthRate));
  const tolerance = Math.max(0.005, 0.03 * highest);
  const flat = points.findIndex((p) => p.growthRate <= tolerance);
  if (flat <= 0) return null;
  const a = points[flat - 1]!;
  const b = points[flat]!;
  const before = points[flat - 2];
  let zero: number;
  if (before && before.growthRate > a.growthRate) {
    const slope = (a.growthRate - before.growthRate) / (a.buffer - before.buffer);
    zero = a.buffer - a.growthRate / slope;
  } else {
    const drop = a.growthRate - Math.max(0, b.growthRate);
    zero = drop > 0 ? a.buffer + (a.growthRate * (b.buffer - a.buffer)) / drop : b.buffer;
  }
  return Math.min(b.buffer, Math.max(a.buffer, zero));
}

export const PHASE_CHART = { width: 460, height: 300, left: 56, right: 16, top: 14, bottom: 246 } as const;

export interface PhaseModel {
  readonly xOf: (bin: number) => number;
  readonly yOf: (growth: number) => number;
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
  readonly curve: string;
  readonly dots: readonly (XY & { readonly buffer: number; readonly growthRate: number })[];
  /** Error bars (one standard error) per point. */
  readonly errors: readonly { readonly x: number; readonly y1: number; readonly y2: number }[];
  /** x of each round's mean bin (the table's bins). */
  readonly marks: readonly { readonly round: number; readonly x: number }[];
  /** x of the mean over rounds of the mean bin. */
  readonly heldX: number | null;
  readonly criticalX: number | null;
}

/** The phase diagram's scales: bins across (covering the sweep, the table's bins and B_c), growth up. */
export function phaseModel(
  points: readonly SweepPoint[],
  meanBins: readonly { readonly round: number; readonly meanBin: number }[],
  criticalBuffer: number | null,
  range: SweepRange,
): PhaseModel {
  const { width, left, right, top, bottom } = PHASE_CHART;
  const xMax = Math.max(range.to, criticalBuffer ?? 0, ...meanBins.map((m) => m.meanBin), 1);
  const xTicks = niceTicks(xMax, 6);
  const xEnd = xTicks.at(-1)!;
  const yHigh = Math.max(0.1, ...points.map((p) => p.growthRate + p.growthRateError));
  const yLow = Math.min(0, ...points.map((p) => p.growthRate - p.growthRateError));
  const yTicks = niceTicks(yHigh * 1.05, 4);
  const yEnd = yTicks.at(-1)!;
  const xOf = (bin: number) => left + (bin / xEnd) * (width - left - right);
  const yOf = (growth: number) => bottom - ((growth - yLow) / (yEnd - yLow)) * (bottom - top);
  const dots = points.map((p) => ({
    x: xOf(p.buffer),
    y: yOf(p.growthRate),
    buffer: p.buffer,
    growthRate: p.growthRate,
  }));
  const held = meanBins.length > 0 ? meanBins.reduce((s, m) => s + m.meanBin, 0) / meanBins.length : null;
  return {
    xOf,
    yOf,
    xTicks,
    yTicks,
    curve: polyline(dots),
    dots,
    errors: points.map((p) => ({
      x: xOf(p.buffer),
      y1: yOf(p.growthRate - p.growthRateError),
      y2: yOf(p.growthRate + p.growthRateError),
    })),
    marks: meanBins.map((m) => ({ round: m.round, x: xOf(m.meanBin) })),
    heldX: held === null ? null : xOf(held),
    criticalX: criticalBuffer === null ? null : xOf(criticalBuffer),
  };
}
