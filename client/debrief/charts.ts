/**
 * The debrief's charts over rounds: the facilitator's chart (client/facilitator/chart.ts) with a
 * marker at the round the replay shows, and the comparison of the real game with a counterfactual
 * on one shared scale. Pure.
 */
import { type ChartModel, type RoundPoint, chartModel } from '../facilitator/chart';

export interface XY {
  readonly x: number;
  readonly y: number;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** An SVG polyline path through the points (empty for none). */
export const polyline = (points: readonly XY[]): string =>
  points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r1(p.x)},${r1(p.y)}`).join(' ');

export interface TrendModel extends ChartModel {
  /** x of the round the replay shows (null when no round is shown). */
  readonly markerX: number | null;
}

export function trendModel(
  rounds: readonly RoundPoint[],
  totalRounds: number,
  criticalBuffer: number | null,
  shown: number | null,
): TrendModel {
  const m = chartModel(rounds, totalRounds, criticalBuffer);
  return { ...m, markerX: shown === null ? null : m.xOf(shown) };
}

export interface CompareModel {
  readonly chart: ChartModel;
  readonly real: string;
  readonly other: string;
  readonly markerX: number | null;
}

/**
 * Mean lateness of the real game and of a counterfactual on one scale: the scale of the
 * facilitator's chart over both series (so neither is cut off), each drawn as its own path.
 */
export function compareModel(
  real: readonly RoundPoint[],
  other: readonly RoundPoint[],
  totalRounds: number,
  criticalBuffer: number | null,
  shown: number | null,
): CompareModel {
  const chart = chartModel([...real, ...other], totalRounds, criticalBuffer);
  const line = (rounds: readonly RoundPoint[]) =>
    polyline(rounds.map((r) => ({ x: chart.xOf(r.round), y: chart.yOf(r.meanLateness) })));
  return { chart, real: line(real), other: line(other), markerX: shown === null ? null : chart.xOf(shown) };
}

/** Mean lateness over all rounds (the real game's and a counterfactual's, side by side). */
export function meanOver(rounds: readonly { readonly meanLateness: number }[]): number {
  return rounds.length === 0 ? 0 : rounds.reduce((s, r) => s + r.meanLateness, 0) / rounds.length;
}
