/**
 * The infinite-N critical buffer (annealed suppliers, N -> infinity):
 *   B_c* = min over g > 0 of [ln K + ln E exp(g eps)] / g
 * and, for exponential noise of mean mu, the closed form B_c* = -mu W_{-1}(-1/(e K)).
 */
import { type Noise, noiseLogMgf, noiseMax, noiseMean } from '../engine/noise';

export interface TheoryResult {
  readonly criticalBuffer: number;
  /** The minimising g (Infinity when the infimum is approached only as g -> infinity). */
  readonly g: number;
  /** The Lambert-W closed form, for exponential noise. */
  readonly lambertW?: number;
}

/** The lower real branch W_{-1}(x) for x in [-1/e, 0). */
export function lambertWm1(x: number): number {
  if (!(x >= -1 / Math.E && x < 0)) throw new RangeError(`W_-1 is defined on [-1/e, 0), got ${x}`);
  if (x === -1 / Math.E) return -1;
  // Start from the asymptotic form (or the branch-point series near -1/e), then Halley steps.
  const p = -Math.sqrt(2 * (Math.E * x + 1));
  let w = x < -0.25 ? -1 + p - (p * p) / 3 : Math.log(-x) - Math.log(-Math.log(-x));
  for (let i = 0; i < 100; i++) {
    const ew = Math.exp(w);
    const f = w * ew - x;
    const next = w - f / (ew * (w + 1) - ((w + 2) * f) / (2 * w + 2));
    if (Math.abs(next - w) <= 1e-15 * Math.abs(w)) return next;
    w = next;
  }
  return w;
}

export function infiniteNCriticalBuffer(noise: Noise, k: number): TheoryResult {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  // K = 1: ln E exp(g eps) / g increases with g, so the infimum is its limit at g -> 0, the mean.
  if (k === 1) return withLambert(noise, k, { criticalBuffer: noiseMean(noise), g: 0 });
  const lnK = Math.log(k);
  const f = (g: number) => (lnK + noiseLogMgf(noise, g)) / g;
  const gMax = mgfDomainEnd(noise);
  // Scan g on a log grid over the domain, then refine the best bracket by golden section.
  const lo = 1e-6;
  const hi = Number.isFinite(gMax) ? gMax * (1 - 1e-12) : 1e3;
  const points = 4000;
  let bestI = 0;
  let best = Infinity;
  const grid: number[] = [];
  for (let i = 0; i <= points; i++) {
    const g = lo * (hi / lo) ** (i / points);
    grid.push(g);
    const value = f(g);
    if (value < best) {
      best = value;
      bestI = i;
    }
  }
  let a = grid[Math.max(0, bestI - 1)]!;
  let b = grid[Math.min(points, bestI + 1)]!;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 200 && b - a > 1e-14 * b; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (f(c) < f(d)) b = d;
    else a = c;
  }
  let g = (a + b) / 2;
  let criticalBuffer = Math.min(f(g), best);
  // Bounded trouble: if the minimum sits at the top of the grid, the infimum is the largest face.
  const top = noiseMax(noise);
  if (!Number.isFinite(gMax) && bestI === points && Number.isFinite(top)) {
    criticalBuffer = top;
    g = Infinity;
  }
  return withLambert(noise, k, { criticalBuffer, g });
}

function withLambert(noise: Noise, k: number, result: TheoryResult): TheoryResult {
  if (noise.kind !== 'exp') return result;
  return { ...result, lambertW: -noise.mean * lambertWm1(-1 / (Math.E * k)) };
}

/** Where E exp(g eps) stops being finite (Infinity if never). */
function mgfDomainEnd(noise: Noise): number {
  if (noise.kind === 'exp') return 1 / noise.mean;
  if (!noise.explodes.some(Boolean)) return Infinity;
  // Sum of exploding e^{g face}/F reaches 1: bisect.
  let lo = 0;
  let hi = 1;
  while (Number.isFinite(noiseLogMgf(noise, hi))) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (Number.isFinite(noiseLogMgf(noise, mid))) lo = mid;
    else hi = mid;
  }
  return lo;
}
