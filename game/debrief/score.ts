/**
 * Challenge scoring (rules CH1, CH2; docs/DEBRIEF.md "Bounded and the challenge score").
 *
 * Bounded (CH1). In the model, below the critical buffer the mean lateness grows linearly at
 * v(B) = B_c - B > 0 per round; above it, it is stationary (docs/MODEL.md, M7). A session is
 * bounded when the least-squares slope of the network's mean lateness over its rounds, after the
 * first quarter (the start-up transient: lateness builds up from 0 even above B_c), is at most
 * BOUNDED_SLOPE_SHARE x B_c hours per round. The share was calibrated with the engine on every
 * scenario's network over its own rounds: at 0.7 B_c (v = 0.3 B_c) and 1.3 B_c (v = 0).
 * Without a measured B_c the mean trouble is used, a lower bound of B_c for any network in which
 * every workshop has a supplier (v(0) >= mean trouble): a stricter test.
 *
 * Score (CH2). The mean over rounds of the network's mean bin, divided by B_c: lower is better
 * (less stock for the same safety); it counts only for a whole match that stayed bounded.
 */
import { noiseMean, parseNoise } from '../engine/noise';
import type { PublicConfig, RoundRecord } from '../core/types';

/** Unbounded when the slope exceeds this share of B_c per round (calibrated: docs/DEBRIEF.md). */
export const BOUNDED_SLOPE_SHARE = 0.1;
/** Share of the rounds left out at the start of the fit (the start-up transient). */
export const BOUNDED_SKIP_SHARE = 0.25;

export interface Boundedness {
  readonly bounded: boolean;
  /** Least-squares slope of the mean lateness over the window (hours per round). */
  readonly slope: number;
  /** Largest slope still called bounded (hours per round). */
  readonly threshold: number;
  /** First and last round of the fit ([0, 0] for an empty history). */
  readonly window: readonly [number, number];
}

/** Least-squares slope of y against x (0 with fewer than two points). */
export function leastSquaresSlope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return 0;
  let xm = 0;
  let ym = 0;
  for (let i = 0; i < n; i++) {
    xm += xs[i]!;
    ym += ys[i]!;
  }
  xm /= n;
  ym /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - xm) * (ys[i]! - ym);
    sxx += (xs[i]! - xm) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

/** CH1 against a given critical buffer (hours). */
export function boundednessAt(history: readonly RoundRecord[], criticalBuffer: number): Boundedness {
  const threshold = BOUNDED_SLOPE_SHARE * criticalBuffer;
  if (history.length === 0) return { bounded: true, slope: 0, threshold, window: [0, 0] };
  const fitted = history.slice(Math.floor(history.length * BOUNDED_SKIP_SHARE));
  const slope = leastSquaresSlope(
    fitted.map((h) => h.round),
    fitted.map((h) => h.meanLateness),
  );
  return { bounded: slope <= threshold, slope, threshold, window: [fitted[0]!.round, fitted.at(-1)!.round] };
}

/** The critical buffer a verdict is measured against: the configuration's, else the mean trouble. */
export function referenceBuffer(config: PublicConfig): number {
  if (config.criticalBuffer !== null) return config.criticalBuffer;
  const noise = parseNoise(config.trouble);
  return noise.ok ? noiseMean(noise.value) : 0;
}

/** CH1: did the mean lateness stay bounded (stationary) or grow like a session below B_c? */
export function boundedness(history: readonly RoundRecord[], config: PublicConfig): Boundedness {
  return boundednessAt(history, referenceBuffer(config));
}

export interface ChallengeScore {
  /** Mean over rounds of the network's mean bin (every input slot of every workshop, bots too). */
  readonly meanBin: number;
  readonly criticalBuffer: number;
  /** meanBin / criticalBuffer; lower is better; counts only when bounded. */
  readonly score: number;
  readonly bounded: Boundedness;
  /** Bounded, every round of the configuration played, and a positive critical buffer. */
  readonly valid: boolean;
}

/** CH2: the score of a challenge match. */
export function challengeScore(
  history: readonly RoundRecord[],
  config: PublicConfig,
  criticalBuffer: number,
): ChallengeScore {
  const meanBin = history.length === 0 ? 0 : history.reduce((s, h) => s + h.meanBin, 0) / history.length;
  const usable = Number.isFinite(criticalBuffer) && criticalBuffer > 0;
  const bounded = boundednessAt(history, usable ? criticalBuffer : 0);
  return {
    meanBin,
    criticalBuffer,
    score: usable ? meanBin / criticalBuffer : 0,
    bounded,
    valid: usable && bounded.bounded && history.length === config.rounds && history.length > 0,
  };
}

/** Why a challenge run does not count on the leaderboard (the server's `why`, CH3-CH4). */
export type NotCounted =
  | { readonly kind: 'seed'; readonly seed: string }
  | { readonly kind: 'noRounds' }
  | { readonly kind: 'endedEarly'; readonly played: number; readonly rounds: number }
  | { readonly kind: 'shocks'; readonly rounds: readonly number[] }
  | {
      readonly kind: 'unbounded';
      readonly slope: number;
      readonly threshold: number;
      readonly from: number;
      readonly to: number;
    };

/**
 * A finished challenge run: its score (null when no round was played) and every reason it does
 * not count (empty: it counts). The server records it; the game-over screen shows the same.
 */
export function challengeVerdict(
  history: readonly RoundRecord[],
  config: PublicConfig,
  criticalBuffer: number,
  seed: string,
): { readonly score: ChallengeScore | null; readonly notCounted: readonly NotCounted[] } {
  const notCounted: NotCounted[] = [];
  if (config.publicSeed !== seed) notCounted.push({ kind: 'seed', seed });
  if (history.length === 0) notCounted.push({ kind: 'noRounds' });
  else if (history.length < config.rounds)
    notCounted.push({ kind: 'endedEarly', played: history.length, rounds: config.rounds });
  const shocked = history.filter((r) => r.shocks.length > 0).map((r) => r.round);
  if (shocked.length > 0) notCounted.push({ kind: 'shocks', rounds: shocked });
  const score = history.length > 0 ? challengeScore(history, config, criticalBuffer) : null;
  // A run cut short is judged on that alone: a slope over a few rounds says little.
  if (score && !score.bounded.bounded && history.length >= config.rounds) {
    const { slope, threshold, window } = score.bounded;
    notCounted.push({ kind: 'unbounded', slope, threshold, from: window[0], to: window[1] });
  }
  return { score, notCounted };
}

/** The published seed of a scenario's challenge (fixed seed policy, setupData.seed.value). */
export const challengeSeed = (scenarioId: string): string => `challenge-${scenarioId}-1`;
