/**
 * Scales, ticks and shapes of the lab's charts: the sweep (growth rate against bin size, linear
 * axes) and the avalanche histograms (log-log axes). Pure: numbers in, SVG coordinates out.
 */
import type { SweepPoint } from '../../game/lab/experiments';
import type { HistogramBin } from '../../game/lab/experiments';

export const PLOT = { width: 480, height: 310, left: 58, right: 26, top: 30, bottom: 262 } as const;

export interface Tick {
  readonly value: number;
  readonly label: string;
}

/** Up to about `count` ticks covering [min, max] in steps of 1, 2 or 5 x 10^k. */
export function linearTicks(min: number, max: number, count = 5): Tick[] {
  const lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (hi <= lo) hi = lo + 1;
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9)) ?? raw;
  const first = Math.floor(lo / step + 1e-9) * step;
  const ticks: Tick[] = [];
  for (let i = 0; first + (i - 1) * step < hi - step * 1e-9; i++) {
    const value = Number((first + i * step).toPrecision(12));
    ticks.push({ value, label: String(value) });
  }
  return ticks;
}

/** Superscript digits for 10^e labels. */
const SUPER: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** 10^e as text: plain from 0.001 to 1000, else 10 with a superscript exponent. */
export function powerLabel(e: number): string {
  if (e >= -3 && e <= 3) return String(Number((10 ** e).toPrecision(1)));
  return `10${[...String(e)].map((c) => SUPER[c] ?? c).join('')}`;
}

/**
 * Ticks of a log axis covering [min, max] (both > 0): the powers of ten around them; when that
 * gives fewer than three, the 2 and 5 multiples too. The first tick is at or below min, the last
 * at or above max.
 */
export function logTicks(min: number, max: number): Tick[] {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max))
    throw new RangeError(`log axis needs 0 < min <= max, got ${min}, ${max}`);
  const lo = Math.floor(Math.log10(min) + 1e-9);
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max) - 1e-9));
  const ticks: Tick[] = [];
  for (let e = lo; e <= hi; e++) ticks.push({ value: 10 ** e, label: powerLabel(e) });
  if (ticks.length >= 3) return ticks;
  const fine: Tick[] = [];
  for (let e = lo; e <= hi; e++) {
    for (const m of e === hi ? [1] : [1, 2, 5]) {
      const value = Number((m * 10 ** e).toPrecision(6));
      fine.push({ value, label: m === 1 ? powerLabel(e) : String(value) });
    }
  }
  // Trim multiples outside [min, max] but keep the bracketing ticks.
  let start = 0;
  fine.forEach((tk, i) => {
    if (tk.value <= min * (1 + 1e-9)) start = i;
  });
  const endAt = fine.findIndex((tk) => tk.value >= max * (1 - 1e-9));
  return fine.slice(start, (endAt < 0 ? fine.length - 1 : endAt) + 1);
}

/** At most `max` labelled ticks: every k-th keeps its label (the first always), the rest keep only their line. */
export function thinLabels(ticks: readonly Tick[], max: number): Tick[] {
  const every = Math.max(1, Math.ceil(ticks.length / Math.max(1, max)));
  return ticks.map((tick, i) => (i % every === 0 ? tick : { value: tick.value, label: '' }));
}

export interface Scale {
  (value: number): number;
}

export const linearScale =
  (d0: number, d1: number, r0: number, r1: number): Scale =>
  (v) =>
    r0 + ((v - d0) / (d1 - d0 || 1)) * (r1 - r0);

export const logScale =
  (d0: number, d1: number, r0: number, r1: number): Scale =>
  (v) =>
    r0 + ((Math.log10(v) - Math.log10(d0)) / (Math.log10(d1) - Math.log10(d0) || 1)) * (r1 - r0);

const round1 = (v: number) => Math.round(v * 10) / 10;
export const pathOf = (points: readonly { x: number; y: number }[]): string =>
  points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round1(p.x)},${round1(p.y)}`).join(' ');

export interface SweepChart {
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly x: Scale;
  readonly y: Scale;
  readonly line: string;
  readonly points: readonly { x: number; y: number; yLow: number; yHigh: number; point: SweepPoint }[];
  /** The B_c mark (x), and the identity v = B_c - B below it as a path, or null. */
  readonly critical: { readonly x: number; readonly guide: string } | null;
}

export function sweepChart(points: readonly SweepPoint[], criticalBuffer: number | null): SweepChart {
  const { width, left, right, top, bottom } = PLOT;
  const buffers = points.map((p) => p.buffer);
  const xMin = Math.min(...buffers, criticalBuffer ?? Infinity);
  const xMax = Math.max(...buffers, criticalBuffer ?? -Infinity);
  const highs = points.map((p) => p.growthRate + p.growthRateError);
  const lows = points.map((p) => p.growthRate - p.growthRateError);
  const xTicks = linearTicks(xMin, xMax, 6);
  const yHigh = Math.max(0.1, ...highs);
  // Error bars that dip just below 0 (noise above B_c) do not earn a negative axis.
  const yLow = Math.min(0, ...lows) < -0.05 * yHigh ? Math.min(...lows) : 0;
  const yTicks = linearTicks(yLow, yHigh, 5);
  const x = linearScale(xTicks[0]!.value, xTicks.at(-1)!.value, left, width - right);
  const y = linearScale(yTicks[0]!.value, yTicks.at(-1)!.value, bottom, top);
  const placed = points.map((p) => ({
    x: x(p.buffer),
    y: y(p.growthRate),
    yLow: y(p.growthRate - p.growthRateError),
    yHigh: y(p.growthRate + p.growthRateError),
    point: p,
  }));
  let critical: SweepChart['critical'] = null;
  if (criticalBuffer !== null) {
    const from = Math.max(xTicks[0]!.value, criticalBuffer - (yTicks.at(-1)!.value - 0));
    critical = {
      x: x(criticalBuffer),
      guide: pathOf([
        { x: x(from), y: y(criticalBuffer - from) },
        { x: x(criticalBuffer), y: y(0) },
      ]),
    };
  }
  return { xTicks, yTicks, x, y, line: pathOf(placed), points: placed, critical };
}

export interface HistogramChart {
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly x: Scale;
  readonly y: Scale;
  /** One bar per non-empty bin: from its left to its right edge, from the axis up to its density. */
  readonly bars: readonly { x: number; w: number; y: number; h: number; cx: number; bin: HistogramBin }[];
  /** A power-law guide (slope `-exponent`) through the middle bar's top, or null. */
  readonly guide: string | null;
}

export function histogramChart(bins: readonly HistogramBin[], exponent: number | null): HistogramChart | null {
  const filled = bins.filter((b) => b.count > 0 && b.density > 0);
  if (filled.length === 0) return null;
  const { width, left, right, top, bottom } = PLOT;
  const xTicks = thinLabels(logTicks(Math.min(...filled.map((b) => b.from)), Math.max(...filled.map((b) => b.to))), 6);
  const yTicks = thinLabels(
    logTicks(Math.min(...filled.map((b) => b.density)), Math.max(...filled.map((b) => b.density))),
    7,
  );
  const x = logScale(xTicks[0]!.value, xTicks.at(-1)!.value, left, width - right);
  const y = logScale(yTicks[0]!.value, yTicks.at(-1)!.value, bottom, top);
  const bars = filled.map((bin) => {
    const x0 = x(bin.from);
    const x1 = x(bin.to);
    return {
      x: x0 + 1,
      w: Math.max(1, x1 - x0 - 2),
      y: y(bin.density),
      h: bottom - y(bin.density),
      cx: (x0 + x1) / 2,
      bin,
    };
  });
  let guide: string | null = null;
  if (exponent !== null) {
    // Through the top of the middle bar, across the plot (cut where it leaves it at the top or bottom).
    const anchor = filled[Math.floor(filled.length / 2)]!;
    const c = Math.sqrt(anchor.from * anchor.to);
    const at = (v: number) => anchor.density * (v / c) ** -exponent;
    const crossing = (density: number) => c * (anchor.density / density) ** (1 / exponent);
    const start = Math.max(xTicks[0]!.value, crossing(yTicks.at(-1)!.value));
    const end = Math.min(xTicks.at(-1)!.value, crossing(yTicks[0]!.value));
    if (start < end)
      guide = pathOf([
        { x: x(start), y: y(at(start)) },
        { x: x(end), y: y(at(end)) },
      ]);
  }
  return { xTicks, yTicks, x, y, bars, guide };
}
