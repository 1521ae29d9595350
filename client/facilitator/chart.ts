/**
 * The chart of mean lateness over rounds, with the mean bin and the critical buffer drawn in, and
 * the breach rate as bars underneath. Scales and paths only. Pure.
 */
import type { FacilitatorView } from '../../game/core/view';

export type RoundPoint = FacilitatorView['rounds'][number];

export const CHART = {
  width: 460,
  height: 300,
  left: 52,
  right: 14,
  top: 12,
  lateBottom: 196,
  barTop: 218,
  bottom: 268,
};

/** Up to about `count` round tick values from 0 to at least `max` (steps 1, 2 or 5 x 10^k). */
export function niceTicks(max: number, count = 5): number[] {
  const top = max > 0 && Number.isFinite(max) ? max : 1;
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v < top + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  if (ticks.at(-1)! < top) ticks.push(ticks.at(-1)! + step);
  return ticks;
}

export interface ChartModel {
  readonly xOf: (round: number) => number;
  readonly yOf: (hours: number) => number;
  readonly yTicks: readonly number[];
  readonly xTicks: readonly number[];
  readonly lateness: string;
  readonly bin: string;
  readonly criticalY: number | null;
  readonly bars: readonly {
    readonly round: number;
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
  }[];
}

const path = (points: readonly { x: number; y: number }[]) =>
  points.map((p, i) => `${i === 0 ? 'M' : 'L'}${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`).join(' ');

export function chartModel(
  rounds: readonly RoundPoint[],
  totalRounds: number,
  criticalBuffer: number | null,
): ChartModel {
  const { width, left, right, top, lateBottom, barTop, bottom } = CHART;
  const lastRound = Math.max(totalRounds, rounds.at(-1)?.round ?? 1, 2);
  const highest = Math.max(1, criticalBuffer ?? 0, ...rounds.map((r) => Math.max(r.meanLateness, r.meanBin)));
  const yTicks = niceTicks(highest * 1.1, 4);
  const yMax = yTicks.at(-1)!;
  const xOf = (round: number) => left + ((round - 1) / (lastRound - 1)) * (width - left - right);
  const yOf = (hours: number) => lateBottom - (hours / yMax) * (lateBottom - top);
  const step = (width - left - right) / (lastRound - 1);
  const w = Math.max(1, Math.min(step * 0.7, 24));
  const xTicks = niceTicks(lastRound, 6).filter((r) => r >= 1 && r <= lastRound);
  return {
    xOf,
    yOf,
    yTicks,
    xTicks: xTicks[0] === 1 ? xTicks : [1, ...xTicks],
    lateness: path(rounds.map((r) => ({ x: xOf(r.round), y: yOf(r.meanLateness) }))),
    bin: path(rounds.map((r) => ({ x: xOf(r.round), y: yOf(r.meanBin) }))),
    criticalY: criticalBuffer === null ? null : yOf(criticalBuffer),
    bars: rounds.map((r) => {
      const h = Math.max(0, Math.min(1, r.breachRate)) * (bottom - barTop);
      return { round: r.round, x: xOf(r.round) - w / 2, y: bottom - h, w, h };
    }),
  };
}
