/**
 * Firm-updates per second of the JavaScript and WebAssembly runners (one core).
 *
 *   node_modules/.bin/tsx bench/wasmKernel.ts
 *
 * Times are CPU time of this process (user + system), so other load on a shared machine does not
 * count; best of 3 runs after a warm-up. Also checks that both backends gave the same mean delay
 * series bit for bit.
 */
import { parseNoise } from '../game/engine/noise';
import { rootStream } from '../game/engine/rng';
import { JsRunner, type RunSpec, type Runner } from '../game/engine/runner';
import { type TopologySpec, buildTopology } from '../game/engine/topology';
import { wasmRunnerFactory } from '../game/engine/wasm/wasmRunner';

interface Case {
  readonly kind: TopologySpec['kind'];
  readonly n: number;
  readonly k: number;
  readonly steps: number;
}

const CASES: readonly Case[] = [
  { kind: 'spot-any', n: 10_000, k: 5, steps: 2_000 },
  { kind: 'spot', n: 1_000, k: 2, steps: 20_000 },
];

function spec(c: Case): RunSpec {
  const stream = rootStream('bench');
  const network = buildTopology({ kind: c.kind, n: c.n, k: c.k }, stream.child('network'));
  const noise = parseNoise('exp:1');
  if (!network.ok || !noise.ok) throw new Error('bad bench case');
  return { network: network.value, noise: noise.value, buffers: { uniform: 0, slots: null }, stream };
}

/** Best of `rounds` timed runs (after one warm-up run), in firm-updates per CPU-second. */
function measure(make: () => Runner, c: Case, rounds = 3): { rate: number; mean: Float64Array } {
  let best = 0;
  let mean = new Float64Array(c.steps);
  for (let round = 0; round <= rounds; round++) {
    const runner = make();
    mean = new Float64Array(c.steps);
    const breaches = new Int32Array(c.steps);
    const start = process.cpuUsage();
    for (let done = 0; done < c.steps; done += 256) runner.advance(Math.min(256, c.steps - done), mean, breaches, done);
    const used = process.cpuUsage(start);
    const seconds = (used.user + used.system) / 1e6;
    runner.dispose();
    if (round > 0) best = Math.max(best, (c.n * c.steps) / seconds);
  }
  return { rate: best, mean };
}

const fmt = (rate: number) => `${(rate / 1e6).toFixed(1).padStart(6)} M/s`;

for (const c of CASES) {
  const js = measure(() => new JsRunner(spec(c)), c);
  const wasm = measure(() => {
    const runner = wasmRunnerFactory(spec(c));
    if (!runner) throw new Error('WebAssembly runner unavailable');
    return runner;
  }, c);
  const same = js.mean.every((x, i) => Object.is(x, wasm.mean[i]));
  console.log(
    `${c.kind.padEnd(9)} K=${c.k} N=${String(c.n).padEnd(6)} exp:1 B=0  js ${fmt(js.rate)}  wasm ${fmt(wasm.rate)}  ` +
      `x${(wasm.rate / js.rate).toFixed(2)}  identical: ${same ? 'yes' : 'NO'}`,
  );
}
