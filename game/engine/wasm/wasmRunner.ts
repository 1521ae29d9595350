/**
 * The WebAssembly runner: the same numbers as JsRunner bit for bit (same streams, same draws,
 * same floating-point operations in the same order; see kernel.c), several times faster.
 *
 * Supported: every topology (ring, local-ring, fixed, custom: static CSR; spot, spot-any,
 * out-regular: redrawn every step), exp and faces noise (exploding faces too), uniform or
 * per-slot buffers, with or without the positive part. `wasmRunnerFactory` returns null for
 * anything else (or when WebAssembly is missing), and `createRunner` then uses JsRunner.
 *
 * Each runner owns a WebAssembly instance with its own memory (the compiled module is shared);
 * `dispose()` drops it.
 */
import type { Noise } from '../noise';
import type { RunSpec, Runner } from '../runner';
import { checkBuffers } from '../simulation';
import type { Network } from '../topology';
import { KERNEL_WASM_BASE64 } from './kernelBytes';
import type { WasmApi, WasmMemory, WasmModule } from './webassembly';

/** Decode standard base64 (with or without `=` padding). Pure: no Buffer, no atob. */
export function decodeBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end % 4 === 1 || text.length - end > 2) throw new Error('base64: malformed input');
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? lookup[c]! : -1;
    if (v < 0) throw new Error(`base64: invalid character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  return out;
}

/** The kernel's exports (see kernel.c). Addresses are byte offsets into `memory`. */
export interface KernelExports {
  readonly memory: WasmMemory;
  readonly __heap_base: { readonly value: number };
  setup(
    n: number,
    k: number,
    topo: number,
    noise: number,
    faceCount: number,
    slotBuffers: number,
    positivePart: number,
    mean: number,
    offsets: number,
    suppliers: number,
    slotBuf: number,
    faces: number,
    explodes: number,
    tau: number,
    prev: number,
    noiseBuf: number,
  ): void;
  set_stream(which: number, s0: number, s1: number, s2: number, s3: number): void;
  get_stream(which: number, word: number): number;
  set_uniform_buffer(b: number): void;
  tau_address(): number;
  run(steps: number, outMean: number, outBreaches: number): void;
  neg_log_uniform(r: number): number;
  neg_log_uniform2(r0: number, r1: number, out: number): void;
}

function webAssemblyApi(): WasmApi | null {
  // `typeof WebAssembly === 'object'`, spelled through globalThis: game/ has no DOM lib, so the
  // bare global has no type here.
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  return typeof api === 'object' && api !== null ? api : null;
}

let compiled: WasmModule | null | undefined;

/** The compiled kernel module (compiled once, synchronously), or null without WebAssembly. */
function kernelModule(): WasmModule | null {
  if (compiled !== undefined) return compiled;
  const api = webAssemblyApi();
  try {
    compiled = api ? new api.Module(decodeBase64(KERNEL_WASM_BASE64)) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** True when WebAssembly is available and the kernel compiles here. */
export function wasmAvailable(): boolean {
  return kernelModule() !== null;
}

/** A fresh kernel instance with its own memory, or null without WebAssembly. */
export function instantiateKernel(): KernelExports | null {
  const module = kernelModule();
  const api = webAssemblyApi();
  if (!module || !api) return null;
  return new api.Instance(module, {}).exports as unknown as KernelExports;
}

// Topology and noise modes of kernel.c.
const TOPO_STATIC = 0;
const TOPO_SPOT = 1;
const TOPO_ANY = 2;
const TOPO_OUTREG = 3;
const NOISE_EXP = 0;
const NOISE_FACES = 1;

/** Steps per kernel call (the size of the per-step output area in wasm memory). */
const CHUNK = 4096;
const PAGE = 65536;
/** Integers in [0, m) are exact in 64-bit integer arithmetic only for m < 2^21 (kernel.c). */
const MAX_SCALE = 2 ** 21;

/** What the kernel runs for a network (see wasmRunnerFactory). */
export interface WasmPlan {
  readonly topo: number;
  readonly n: number;
  readonly k: number;
  readonly slotCount: number;
}

function isInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x);
}

/** Uniform layout offsets[i] = i * k over n firms and n * k slots. */
function uniformLayout(network: Network, k: number): boolean {
  const { offsets, n } = network;
  if (offsets.length !== n + 1 || network.suppliers.length !== n * k) return false;
  for (let i = 0; i <= n; i++) if (offsets[i] !== i * k) return false;
  return true;
}

/** What the kernel would run for this network, or null if it cannot reproduce JsRunner. */
function planTopology(network: Network): WasmPlan | null {
  const { kind, n, k } = network;
  if (
    !isInt(n) ||
    n < 1 ||
    n >= MAX_SCALE ||
    !(network.offsets instanceof Int32Array) ||
    !(network.suppliers instanceof Int32Array)
  )
    return null;
  const annealed = kind === 'spot' || kind === 'spot-any' || kind === 'out-regular';
  if (network.annealed !== annealed) return null;
  if (annealed) {
    if (!isInt(k) || k < 1 || n * k >= 2 ** 28 || !uniformLayout(network, k)) return null;
    if (kind === 'spot' && k > n - 1) return null; // JsRunner would never finish a step
    const topo = kind === 'spot' ? TOPO_SPOT : kind === 'spot-any' ? TOPO_ANY : TOPO_OUTREG;
    return { topo, n, k, slotCount: n * k };
  }
  if (kind !== 'ring' && kind !== 'local-ring' && kind !== 'fixed' && kind !== 'custom') return null;
  const { offsets, suppliers } = network;
  if (offsets.length !== n + 1 || suppliers.length >= 2 ** 28) return null;
  // JsRunner walks generated kinds with stride k (uniform bins) and by offsets (slot bins): the
  // two agree only when the layout is uniform.
  if (kind !== 'custom' && !(isInt(k) && k >= 1 && uniformLayout(network, k))) return null;
  if (offsets[0]! < 0 || offsets[n]! > suppliers.length) return null;
  for (let i = 0; i < n; i++) if (offsets[i + 1]! < offsets[i]!) return null;
  for (let s = 0; s < suppliers.length; s++) {
    const j = suppliers[s]!;
    if (j < 0 || j >= n) return null;
  }
  return { topo: TOPO_STATIC, n, k: isInt(k) ? k : 0, slotCount: suppliers.length };
}

function planNoise(noise: Noise): boolean {
  if (noise.kind === 'exp') return typeof noise.mean === 'number';
  if (noise.kind !== 'faces') return false;
  const count = noise.faces.length;
  if (count < 1 || count >= MAX_SCALE || noise.explodes.length < count) return false;
  if (!noise.faces.every((f) => typeof f === 'number')) return false;
  // A die whose every face explodes never stops rolling (in JsRunner too): leave it to JS.
  return noise.explodes.slice(0, count).some((e) => !e);
}

/** 16-byte alignment (the kernel stores f64x2 vectors); arithmetic, not `&`, past 2^31. */
const align16 = (x: number) => Math.ceil(x / 16) * 16;
/** The most memory a runner lays out (its addresses stay below 2^31). */
const MAX_BYTES = 2 ** 31 - PAGE;

export class WasmRunner implements Runner {
  readonly backend = 'wasm' as const;
  readonly n: number;
  private steps = 0;
  private kernel: KernelExports | null;
  private readonly spec: RunSpec;
  private readonly slotBufAddress: number;
  private readonly meanAddress: number;
  private readonly breachAddress: number;

  /** Use `wasmRunnerFactory` (which checks support) rather than this constructor. */
  constructor(spec: RunSpec, plan: WasmPlan, kernel: KernelExports) {
    this.spec = spec;
    this.n = plan.n;
    const { network, noise, buffers } = spec;
    const { n, slotCount, topo } = plan;
    const usesSlots = buffers.slots !== null;
    const faceCount = noise.kind === 'faces' ? noise.faces.length : 0;

    // Lay out the arrays above the kernel's static data and grow the memory to fit.
    let top = align16(kernel.__heap_base.value);
    const alloc = (bytes: number): number => {
      const address = top;
      top = align16(top + bytes);
      return address;
    };
    this.meanAddress = alloc(CHUNK * 8);
    this.breachAddress = alloc(CHUNK * 4);
    const tau = alloc(n * 8);
    const prev = alloc(n * 8);
    const noiseBuf = alloc(n * 8);
    this.slotBufAddress = usesSlots ? alloc(slotCount * 8) : 0;
    const offsets = topo === TOPO_STATIC ? alloc((n + 1) * 4) : 0;
    const suppliers = topo === TOPO_ANY ? 0 : alloc(slotCount * 4);
    const faces = alloc(faceCount * 8);
    const explodes = alloc(faceCount);
    if (top > MAX_BYTES) throw new RangeError(`WasmRunner: ${top} bytes of memory needed`);
    const memory = kernel.memory;
    const needPages = Math.ceil(top / PAGE) - memory.buffer.byteLength / PAGE;
    if (needPages > 0) memory.grow(needPages);

    const buffer = memory.buffer;
    // Fresh memory is zero: tau(0) = 0, as in Simulation.
    if (topo === TOPO_STATIC) {
      new Int32Array(buffer, offsets, n + 1).set(network.offsets);
      new Int32Array(buffer, suppliers, slotCount).set(network.suppliers);
    }
    if (noise.kind === 'faces') {
      new Float64Array(buffer, faces, faceCount).set(noise.faces);
      const ex = new Uint8Array(buffer, explodes, faceCount);
      for (let f = 0; f < faceCount; f++) ex[f] = noise.explodes[f] ? 1 : 0;
    }
    kernel.setup(
      n,
      plan.k,
      topo,
      noise.kind === 'exp' ? NOISE_EXP : NOISE_FACES,
      faceCount,
      usesSlots ? 1 : 0,
      (spec.positivePart ?? true) ? 1 : 0,
      noise.kind === 'exp' ? noise.mean : 0,
      offsets,
      suppliers,
      this.slotBufAddress,
      faces,
      explodes,
      tau,
      prev,
      noiseBuf,
    );
    // The same children Simulation derives from the root stream, so both start identical.
    const sup = spec.stream.child('suppliers').state;
    const noi = spec.stream.child('noise').state;
    kernel.set_stream(0, sup[0]!, sup[1]!, sup[2]!, sup[3]!);
    kernel.set_stream(1, noi[0]!, noi[1]!, noi[2]!, noi[3]!);
    this.kernel = kernel;
  }

  get t(): number {
    return this.steps;
  }

  private live(): KernelExports {
    if (!this.kernel) throw new Error('WasmRunner: used after dispose()');
    return this.kernel;
  }

  advance(steps: number, meanDelay: Float64Array, breaches: Int32Array, offset: number): void {
    const kernel = this.live();
    // Simulation reads its buffers at every step: pick up any change since the last call.
    const { buffers } = this.spec;
    kernel.set_uniform_buffer(buffers.uniform);
    if (buffers.slots)
      new Float64Array(kernel.memory.buffer, this.slotBufAddress, buffers.slots.length).set(buffers.slots);
    // As JsRunner's `for (let s = 0; s < steps; s++)`.
    const total = steps > 0 ? Math.ceil(steps) : 0;
    for (let done = 0; done < total;) {
      const count = Math.min(CHUNK, total - done);
      kernel.run(count, this.meanAddress, this.breachAddress);
      const buffer = kernel.memory.buffer;
      const mean = new Float64Array(buffer, this.meanAddress, count);
      const hits = new Int32Array(buffer, this.breachAddress, count);
      // Element by element, as JsRunner writes (out-of-range indices are ignored, not thrown).
      for (let s = 0; s < count; s++) {
        meanDelay[offset + done + s] = mean[s]!;
        breaches[offset + done + s] = hits[s]!;
      }
      done += count;
      this.steps += count;
    }
  }

  delays(): Float64Array {
    const kernel = this.live();
    return new Float64Array(kernel.memory.buffer, kernel.tau_address(), this.n).slice();
  }

  dispose(): void {
    this.kernel = null;
  }
}

/** A WasmRunner for `spec`, or null when WebAssembly is missing or the spec is unsupported. */
export function wasmRunnerFactory(spec: RunSpec): Runner | null {
  const plan = planTopology(spec.network);
  if (!plan || !planNoise(spec.noise)) return null;
  const { slots } = spec.buffers;
  if (slots !== null && !(slots instanceof Float64Array)) return null;
  // Bins that Simulation refuses (wrong slot count, non-finite values): let JsRunner report them.
  try {
    checkBuffers(spec.buffers, spec.network);
  } catch {
    return null;
  }
  let kernel: KernelExports | null;
  try {
    kernel = instantiateKernel();
    if (!kernel) return null;
    return new WasmRunner(spec, plan, kernel);
  } catch {
    // Out of memory (memory.grow failed) or no WebAssembly: the JavaScript runner still works.
    return null;
  }
}
