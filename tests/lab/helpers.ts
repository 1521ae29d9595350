/** Shared builders for lab tests: run a plan in-process and summarise it. */
import '../../game/engine/wasm/index';
import { unwrap } from '../../game/engine/result';
import type { TopologySpec } from '../../game/engine/topology';
import {
  type RunLength,
  type SweepRange,
  criticalPlan,
  summariseCritical,
  summariseSweep,
  sweepPlan,
} from '../../game/lab/experiments';
import type { LabModelSpec } from '../../game/lab/model';
import { runReplica } from '../../game/lab/replica';

export function modelOf(topology: TopologySpec, overrides: Partial<LabModelSpec> = {}): LabModelSpec {
  return { topology, noise: 'exp:1', spread: 0, ...overrides };
}

export function runOf(overrides: Partial<RunLength> = {}): RunLength {
  return { seed: 'reference', replicas: 8, steps: 2000, burnIn: 100, ...overrides };
}

export function measureCritical(model: LabModelSpec, run: RunLength) {
  return summariseCritical(unwrap(criticalPlan(model, run)).map((job) => runReplica(job)));
}

export function measureSweep(model: LabModelSpec, run: RunLength, range: SweepRange) {
  return summariseSweep(unwrap(sweepPlan(model, run, range)).map((job) => runReplica(job)));
}
