/**
 * `npm run bench`: the engine's speed figures recorded in docs/PERFORMANCE.md.
 *   1. Kernel throughput in firm-updates per second on one core (no recording, B = 0, exp:1), for
 *      each backend: K=2 and K=5, N=1000 and N=10000.
 *   2. Wall time of a K=3, N=1000 critical-buffer estimate to +-0.01 (8 replicas x 2000 steps,
 *      standard error about 0.004), in-process on one core and on the worker pool (all cores).
 * Each figure is the best of several repetitions after a warm-up.
 */
import { availableParallelism, cpus } from 'node:os';
import '../game/engine/wasm/index';
import { parseNoise } from '../game/engine/noise';
import { unwrap } from '../game/engine/result';
import { rootStream } from '../game/engine/rng';
import { createRunner } from '../game/engine/runner';
import { type TopologyKind, buildTopology } from '../game/engine/topology';
import { criticalPlan, summariseCritical } from '../game/lab/experiments';
import { runReplica } from '../game/lab/replica';
import { runJobs } from '../server/cli/pool';
import { formatTable } from '../server/cli/table';

const noise = unwrap(parseNoise('exp:1'));
const REPEATS = 5;

function kernelRate(
  kind: Exclude<TopologyKind, 'custom'>,
  k: number,
  n: number,
  backend: 'auto' | 'js',
): { rate: number; used: string } {
  const network = unwrap(buildTopology({ kind, k, n }, rootStream('bench').child('network')));
  const runner = createRunner(
    { network, noise, buffers: { uniform: 0, slots: null }, stream: rootStream('bench') },
    backend,
  );
  const steps = Math.max(50, Math.round(5e6 / n));
  const mean = new Float64Array(steps);
  const breaches = new Int32Array(steps);
  runner.advance(steps, mean, breaches, 0); // warm-up (JIT)
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    runner.advance(steps, mean, breaches, 0);
    best = Math.min(best, performance.now() - t0);
  }
  runner.dispose();
  return { rate: (steps * n) / (best / 1000), used: runner.backend };
}

async function criticalTime(threads: number): Promise<{ seconds: number; value: number; se: number }> {
  const model = { topology: { kind: 'spot' as const, n: 1000, k: 3 }, noise: 'exp:1', spread: 0 };
  const jobs = unwrap(criticalPlan(model, { seed: 'bench', replicas: 8, steps: 2000, burnIn: 100 }));
  let best = Infinity;
  let summary = summariseCritical([]);
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const results = threads === 1 ? jobs.map((job) => runReplica(job)) : await runJobs(jobs, 1000, { threads });
    best = Math.min(best, performance.now() - t0);
    summary = summariseCritical(results);
  }
  return { seconds: best / 1000, value: summary.criticalBuffer, se: summary.standardError };
}

async function main() {
  console.log(
    `Kanban Cascade engine benchmark: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores\n`,
  );
  const cases: [Exclude<TopologyKind, 'custom'>, number, number][] = [
    ['spot', 2, 1000],
    ['spot', 2, 10000],
    ['spot-any', 2, 1000],
    ['spot-any', 2, 10000],
    ['spot', 5, 1000],
    ['spot', 5, 10000],
    ['spot-any', 5, 1000],
    ['spot-any', 5, 10000],
  ];
  const rows = cases.map(([kind, k, n]) => {
    const js = kernelRate(kind, k, n, 'js');
    const fast = kernelRate(kind, k, n, 'auto');
    return [kind, String(k), String(n), (js.rate / 1e6).toFixed(1), (fast.rate / 1e6).toFixed(1), fast.used];
  });
  console.log('1. Kernel, one core, million firm-updates per second (B = 0, exp:1, no per-firm record)');
  console.log(formatTable(['topology', 'K', 'N', 'JS', 'fastest', 'fastest backend'], rows));
  console.log('\n2. Critical buffer, K=3 spot, N=1000, 8 replicas x 2000 steps (+100 burn-in)');
  const single = await criticalTime(1);
  const pooled = await criticalTime(availableParallelism());
  console.log(
    formatTable(
      ['cores', 'wall time (s)', 'B_c', 'standard error'],
      [
        ['1', single.seconds.toFixed(3), single.value.toFixed(4), single.se.toFixed(4)],
        [String(availableParallelism()), pooled.seconds.toFixed(3), pooled.value.toFixed(4), pooled.se.toFixed(4)],
      ],
    ),
  );
}

void main();
