import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { negLogUniform } from '../../game/engine/detlog';
import { type Noise, parseNoise } from '../../game/engine/noise';
import { type RandomStream, rootStream } from '../../game/engine/rng';
import { JsRunner, type RunSpec, type Runner, createRunner } from '../../game/engine/runner';
import type { Buffers } from '../../game/engine/simulation';
import { type Network, type TopologySpec, buildTopology } from '../../game/engine/topology';
import '../../game/engine/wasm/index';
import { KERNEL_WASM_BASE64 } from '../../game/engine/wasm/kernelBytes';
import { decodeBase64, instantiateKernel, wasmAvailable, wasmRunnerFactory } from '../../game/engine/wasm/wasmRunner';

const NOISES = ['exp:1', 'faces:0,0,0,1,1,2!', 'd6'] as const;
const GENERATED = ['spot-any', 'spot', 'fixed', 'ring', 'local-ring', 'out-regular'] as const;
const SIZES = [7, 50, 1000] as const;

function noiseOf(spec: string): Noise {
  const r = parseNoise(spec);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function generated(kind: TopologySpec['kind'], n: number, k: number, stream: RandomStream): Network {
  const r = buildTopology({ kind, n, k: kind === 'ring' ? 1 : k }, stream.child('network'));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** A random custom network: in-degrees 1..4 (capped at n - 1), distinct suppliers, no self-loops. */
function customNetwork(n: number, stream: RandomStream): Network {
  const offsets = new Int32Array(n + 1);
  const suppliers: number[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const degree = 1 + stream.nextInt(Math.min(4, n - 1));
    const chosen = new Set<number>();
    while (chosen.size < degree) {
      const j = stream.nextInt(n);
      if (j !== i) chosen.add(j);
    }
    suppliers.push(...chosen);
    k = Math.max(k, degree);
    offsets[i + 1] = suppliers.length;
  }
  return { kind: 'custom', n, k, offsets, suppliers: Int32Array.from(suppliers), annealed: false };
}

/** Per-slot bins around `mean`, with repeats (ties) and a few exact zeros. */
function slotBuffers(network: Network, mean: number, stream: RandomStream): Float64Array {
  const slots = new Float64Array(network.suppliers.length);
  for (let s = 0; s < slots.length; s++) {
    const u = stream.nextInt(8);
    slots[s] = u === 0 ? 0 : mean + (u - 4) * 0.375 + (u === 7 ? stream.nextFloat() : 0);
  }
  return slots;
}

/** Index of the first element whose bits differ (so +0 / -0 and NaN payloads count), or -1. */
function firstBitDifference(a: Float64Array | Int32Array, b: Float64Array | Int32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return Math.floor(i / a.BYTES_PER_ELEMENT);
  return -1;
}

function expectSameBits(label: string, a: Float64Array | Int32Array, b: Float64Array | Int32Array): void {
  const at = firstBitDifference(a, b);
  expect(at, `${label}: first difference at ${at} (${a[at]} vs ${b[at]})`).toBe(-1);
  expect(Array.from(a)).toEqual(Array.from(b));
}

/** Run both backends over the same spec in the same (uneven) chunks and compare everything. */
function compareBackends(makeSpec: () => RunSpec, steps: number, chunks: readonly number[] = [1, 37]): void {
  const wasm = wasmRunnerFactory(makeSpec());
  expect(wasm, 'the WebAssembly runner supports this spec').not.toBeNull();
  const js = new JsRunner(makeSpec());
  const runners: Runner[] = [js, wasm!];
  expect(wasm!.backend).toBe('wasm');
  const series = runners.map(() => ({ mean: new Float64Array(steps), breaches: new Int32Array(steps) }));
  let done = 0;
  for (const size of [...chunks, steps]) {
    const count = Math.min(size, steps - done);
    if (count <= 0) break;
    runners.forEach((r, i) => r.advance(count, series[i]!.mean, series[i]!.breaches, done));
    done += count;
  }
  expect(wasm!.t).toBe(js.t);
  expectSameBits('meanDelay', series[1]!.mean, series[0]!.mean);
  expectSameBits('breaches', series[1]!.breaches, series[0]!.breaches);
  expectSameBits('delays', wasm!.delays(), js.delays());
  wasm!.dispose();
}

describe('WebAssembly kernel', () => {
  it('is available in Node', () => {
    expect(wasmAvailable()).toBe(true);
  });

  it('decodes base64 like Node does', () => {
    const bytes = new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 255));
    for (let len = 0; len < 12; len++) {
      const slice = bytes.subarray(0, len);
      const text = Buffer.from(slice).toString('base64');
      expect(Array.from(decodeBase64(text))).toEqual(Array.from(slice));
      expect(Array.from(decodeBase64(text.replace(/=+$/, '')))).toEqual(Array.from(slice));
    }
    expect(Array.from(decodeBase64(Buffer.from(bytes).toString('base64')))).toEqual(Array.from(bytes));
    expect(Array.from(decodeBase64(KERNEL_WASM_BASE64))).toEqual(Array.from(Buffer.from(KERNEL_WASM_BASE64, 'base64')));
    expect(() => decodeBase64('ab$d')).toThrow();
  });

  it('computes -ln(u) bit for bit as detlog.ts, one at a time and two lanes at a time', () => {
    const kernel = instantiateKernel()!;
    kernel.memory.grow(1);
    const at = kernel.memory.buffer.byteLength - 16;
    const pair = new Float64Array(kernel.memory.buffer, at, 2);
    let previous = 0;
    const check = (r: number) => {
      const want = negLogUniform(r >>> 0);
      const a = kernel.neg_log_uniform(r | 0);
      if (!Object.is(a, want)) expect(`scalar ${r}: ${a}`).toBe(`scalar ${r}: ${want}`);
      kernel.neg_log_uniform2(previous | 0, r | 0, at);
      if (!Object.is(pair[0], negLogUniform(previous >>> 0)) || !Object.is(pair[1], want)) {
        expect(`lanes ${previous}, ${r}: ${pair[0]}, ${pair[1]}`).toBe(
          `lanes ${previous}, ${r}: ${negLogUniform(previous >>> 0)}, ${want}`,
        );
      }
      previous = r;
    };
    // Edges: 0, the top, powers of two and their neighbours, the sqrt(2) cut of every octave.
    for (const r of [0, 1, 2, 3, 0xffffffff, 0xfffffffe, 0x7fffffff, 0x80000000]) check(r);
    for (let e = 0; e < 32; e++) {
      const p = 2 ** e;
      for (const d of [-1, 0, 1]) if (p + d >= 0 && p + d < 2 ** 32) check(p + d);
      const cut = Math.floor(p * Math.SQRT2);
      for (let d = -2; d <= 2; d++) if (cut + d >= 0 && cut + d < 2 ** 32) check(cut + d);
    }
    const stream = rootStream('detlog-check');
    for (let i = 0; i < 200_000; i++) check(stream.nextUint32());
  });
});

describe('[M8] WasmRunner equals JsRunner bit for bit', () => {
  for (const kind of [...GENERATED, 'custom'] as const) {
    describe(kind, () => {
      for (const n of SIZES) {
        for (const noise of NOISES) {
          it(`n=${n} noise=${noise}: uniform and per-slot bins, with and without the positive part`, () => {
            const steps = n >= 1000 ? 150 : 300;
            const k = kind === 'spot-any' ? 5 : 3;
            for (const slots of [false, true]) {
              for (const positivePart of [true, false]) {
                // Bins near the critical point of each noise, so breaches come and go.
                const bin = noise === 'd6' ? 3 : noise === 'exp:1' ? 1.5 : 0.5;
                const seed = `${kind}-${n}-${noise}-${slots}-${positivePart}`;
                const makeSpec = (): RunSpec => {
                  const stream = rootStream(seed);
                  const network =
                    kind === 'custom' ? customNetwork(n, stream.child('custom')) : generated(kind, n, k, stream);
                  const buffers: Buffers = slots
                    ? { uniform: bin, slots: slotBuffers(network, bin, stream.child('bins')) }
                    : { uniform: bin, slots: null };
                  return { network, noise: noiseOf(noise), buffers, positivePart, stream };
                };
                compareBackends(makeSpec, steps);
              }
            }
          });
        }
      }
    });
  }

  it('agrees at B = 0 (ties between +0 and -0 lateness) and with a huge bin', () => {
    for (const kind of ['spot-any', 'ring', 'custom'] as const) {
      for (const bin of [0, 1e6, -2]) {
        for (const positivePart of [true, false]) {
          compareBackends(() => {
            const stream = rootStream(`edge-${kind}-${bin}`);
            const network = kind === 'custom' ? customNetwork(20, stream) : generated(kind, 20, 2, stream);
            return {
              network,
              noise: noiseOf('faces:0,0,1'),
              buffers: { uniform: bin, slots: null },
              positivePart,
              stream,
            };
          }, 200);
        }
      }
    }
  });

  it('agrees across more steps than one kernel call (4096) and with K = 1 and K = n - 1', () => {
    compareBackends(
      () => {
        const stream = rootStream('long');
        return {
          network: generated('spot-any', 7, 2, stream),
          noise: noiseOf('exp:1'),
          buffers: { uniform: 1, slots: null },
          stream,
        };
      },
      10_000,
      [4095, 2, 4096],
    );
    for (const kind of ['spot', 'fixed', 'local-ring', 'out-regular', 'spot-any'] as const) {
      for (const k of [1, 6]) {
        compareBackends(() => {
          const stream = rootStream(`k-${kind}-${k}`);
          return {
            network: generated(kind, 7, k, stream),
            noise: noiseOf('d6'),
            buffers: { uniform: 2, slots: null },
            stream,
          };
        }, 300);
      }
    }
  });

  it('follows changes to the slot bins between advance calls, as Simulation does', () => {
    const stream = rootStream('mutable-bins');
    const network = generated('spot', 30, 3, stream);
    const slotsJs = slotBuffers(network, 1, stream.child('bins'));
    const slotsWasm = Float64Array.from(slotsJs);
    const js = new JsRunner({ network, noise: noiseOf('exp:1'), buffers: { uniform: 1, slots: slotsJs }, stream });
    const wasm = wasmRunnerFactory({
      network,
      noise: noiseOf('exp:1'),
      buffers: { uniform: 1, slots: slotsWasm },
      stream,
    })!;
    const out = [js, wasm].map(() => ({ mean: new Float64Array(200), breaches: new Int32Array(200) }));
    for (let c = 0; c < 4; c++) {
      js.advance(50, out[0]!.mean, out[0]!.breaches, c * 50);
      wasm.advance(50, out[1]!.mean, out[1]!.breaches, c * 50);
      for (const slots of [slotsJs, slotsWasm]) slots.forEach((b, s) => (slots[s] = b + 0.25 * (s % 3)));
    }
    expectSameBits('meanDelay', out[1]!.mean, out[0]!.mean);
    expectSameBits('breaches', out[1]!.breaches, out[0]!.breaches);
  });
});

describe('WasmRunner as a backend', () => {
  const spotAny = (n = 100): RunSpec => {
    const stream = rootStream('backend');
    return {
      network: generated('spot-any', n, 5, stream),
      noise: noiseOf('exp:1'),
      buffers: { uniform: 0, slots: null },
      stream,
    };
  };

  it("createRunner('auto') picks wasm for spot-any once index.ts is imported; 'js' forces JavaScript", () => {
    const auto = createRunner(spotAny());
    expect(auto.backend).toBe('wasm');
    expect(auto.n).toBe(100);
    auto.dispose();
    expect(createRunner(spotAny(), 'js').backend).toBe('js');
  });

  it('declines what it cannot reproduce, so createRunner falls back to JavaScript', () => {
    const never: Noise = { kind: 'faces', faces: [1, 2], explodes: [true, true] };
    expect(wasmRunnerFactory({ ...spotAny(), noise: never })).toBeNull();
    const wrongSlots: Buffers = { uniform: 0, slots: new Float64Array(3) };
    expect(wasmRunnerFactory({ ...spotAny(), buffers: wrongSlots })).toBeNull();
    expect(() => createRunner({ ...spotAny(), buffers: wrongSlots })).toThrow(/slot buffers/);
    const nanBin: Buffers = { uniform: Number.NaN, slots: null };
    expect(wasmRunnerFactory({ ...spotAny(), buffers: nanBin })).toBeNull();
    expect(() => createRunner({ ...spotAny(), buffers: nanBin })).toThrow(/finite/);
    const base = spotAny(10).network;
    // Annealed slots must be laid out as offsets[i] = i * K (JsRunner mixes stride and offsets).
    const broken: Network = { ...base, offsets: Int32Array.from({ length: 11 }, (_, i) => (i === 5 ? 24 : i * 5)) };
    expect(wasmRunnerFactory({ ...spotAny(10), network: broken })).toBeNull();
    expect(wasmRunnerFactory({ ...spotAny(10), network: base })).not.toBeNull();
    // A static supplier outside 0..n-1.
    const ring = generated('ring', 10, 1, rootStream('ring'));
    const outside: Network = { ...ring, suppliers: Int32Array.from(ring.suppliers, (j, s) => (s === 3 ? 10 : j)) };
    expect(wasmRunnerFactory({ ...spotAny(10), network: outside })).toBeNull();
  });

  it('keeps several runners independent, counts steps, and refuses use after dispose', () => {
    const a = wasmRunnerFactory(spotAny())!;
    const b = wasmRunnerFactory(spotAny())!;
    const js = new JsRunner(spotAny());
    const outs = [a, b, js].map(() => ({ mean: new Float64Array(64), breaches: new Int32Array(64) }));
    for (let c = 0; c < 4; c++) [a, b, js].forEach((r, i) => r.advance(16, outs[i]!.mean, outs[i]!.breaches, c * 16));
    expect(a.t).toBe(64);
    expectSameBits('a', outs[0]!.mean, outs[2]!.mean);
    expectSameBits('b', outs[1]!.mean, outs[2]!.mean);
    expect(a.delays()).not.toBe(a.delays());
    a.advance(0, outs[0]!.mean, outs[0]!.breaches, 0);
    expect(a.t).toBe(64);
    a.dispose();
    expect(() => a.advance(1, outs[0]!.mean, outs[0]!.breaches, 0)).toThrow(/dispose/);
    expect(b.delays()).toEqual(js.delays());
    b.dispose();
  });
});

let clangVersion: string | null = null;
try {
  clangVersion = execFileSync('clang', ['--version'], { encoding: 'utf8' });
} catch {
  clangVersion = null;
}

describe('kernelBytes.ts', () => {
  it.skipIf(clangVersion === null)('matches a fresh build of kernel.c (skipped when clang is not installed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kernel-'));
    try {
      const out = join(dir, 'kernelBytes.ts');
      execFileSync('sh', ['game/engine/wasm/build.sh', out], { stdio: 'pipe' });
      const fresh = readFileSync(out, 'utf8');
      const committed = readFileSync('game/engine/wasm/kernelBytes.ts', 'utf8');
      expect(fresh, 'kernelBytes.ts is stale or was built by another compiler: run sh game/engine/wasm/build.sh').toBe(
        committed,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
