/**
 * What a finished lab run shows and exports: the request, the experiment's summary (from
 * game/lab/experiments.ts), which backend ran and how long it took. Pure.
 */
import { ANNEALED_KINDS } from '../../game/engine/topology';
import {
  type AvalancheSummary,
  type CriticalSummary,
  type SweepPoint,
  summariseAvalanches,
  summariseCritical,
  summariseSweep,
} from '../../game/lab/experiments';
import type { ReplicaResult } from '../../game/lab/replica';
import { type TheoryResult, infiniteNCriticalBuffer } from '../../game/lab/theory';
import type { LabRequest } from './form';

export type Backend = 'wasm' | 'js' | 'mixed' | 'none';

interface Common {
  readonly request: LabRequest;
  readonly backend: Backend;
  readonly seconds: number;
}

/** The infinite-N value and why it is a fair comparison for this network. */
export interface TheoryComparison extends TheoryResult {
  /** 'exact': K = 1, the mean trouble for any N; 'limit': annealed suppliers, N -> infinity. */
  readonly applies: 'exact' | 'limit';
}

export type CriticalLabResult = Common & {
  readonly experiment: 'critical';
  readonly summary: CriticalSummary;
  readonly theory: TheoryComparison | null;
};

export type LabResult =
  | CriticalLabResult
  | (Common & {
      readonly experiment: 'sweep';
      readonly points: readonly SweepPoint[];
      readonly criticalEstimate: number | null;
    })
  | (Common & { readonly experiment: 'avalanches'; readonly summary: AvalancheSummary });

export function backendOf(results: readonly ReplicaResult[]): Backend {
  const kinds = new Set(results.map((r) => r.backend));
  if (kinds.size === 0) return 'none';
  if (kinds.size > 1) return 'mixed';
  return kinds.has('wasm') ? 'wasm' : 'js';
}

/**
 * The infinite-N theory where it applies: any network with one input per workshop (the growth
 * rate at B = 0 is then exactly the mean trouble), or annealed suppliers, whose finite networks
 * lie below the N = infinity value. Uneven bins and fixed or custom networks with K > 1: none.
 */
export function theoryFor(request: LabRequest): TheoryComparison | null {
  if (request.model.spread > 0) return null;
  const kind = request.model.topology.kind;
  if (request.k === 1) return { ...infiniteNCriticalBuffer(request.noise, 1), applies: 'exact' };
  if ((ANNEALED_KINDS as readonly string[]).includes(kind))
    return { ...infiniteNCriticalBuffer(request.noise, request.k), applies: 'limit' };
  return null;
}

/**
 * B_c from a sweep: below B_c the growth rate is exactly v0 - B (docs/MODEL.md), so every point
 * clearly growing (v above three standard errors and 0.02) gives B + v. Null when none grows.
 */
export function criticalFromSweep(points: readonly SweepPoint[]): number | null {
  const below = points.filter((p) => p.growthRate > Math.max(0.02, 3 * p.growthRateError));
  if (below.length === 0) return null;
  return below.reduce((sum, p) => sum + p.buffer + p.growthRate, 0) / below.length;
}

export function summarise(request: LabRequest, results: readonly ReplicaResult[], seconds: number): LabResult {
  const common = { request, backend: backendOf(results), seconds };
  switch (request.experiment) {
    case 'critical':
      return { ...common, experiment: 'critical', summary: summariseCritical(results), theory: theoryFor(request) };
    case 'sweep': {
      const points = summariseSweep(results);
      return { ...common, experiment: 'sweep', points, criticalEstimate: criticalFromSweep(points) };
    }
    case 'avalanches':
      return { ...common, experiment: 'avalanches', summary: summariseAvalanches(results) };
  }
}

/** Same model (network, trouble, spread): a critical buffer measured for one serves the other. */
export const sameModel = (a: LabRequest['model'], b: LabRequest['model']): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
