/**
 * Who supplies whom. Supplier lists are stored CSR-style: firm i's input slots are
 * `offsets[i] .. offsets[i+1]-1`, and `suppliers[slot]` is the supplying firm of that slot.
 * Per-input buffers B_ij are indexed by the same slots.
 *
 * Static topologies (ring, local-ring, fixed, custom) fill the slots once; annealed ones (spot,
 * spot-any, out-regular) redraw them every step from their own random stream.
 */
import { type Result, err, ok } from './result';
import { type RandomStream, TWO_POW_MINUS_32 } from './rng';

export const TOPOLOGY_KINDS = ['ring', 'local-ring', 'fixed', 'spot', 'spot-any', 'out-regular', 'custom'] as const;
export type TopologyKind = (typeof TOPOLOGY_KINDS)[number];
export const ANNEALED_KINDS: readonly TopologyKind[] = ['spot', 'spot-any', 'out-regular'];

/** The largest network the engine accepts (memory stays under ~100 MB for K <= 10). */
export const MAX_FIRMS = 1_000_000;
export const MAX_K = 64;

export interface Network {
  readonly kind: TopologyKind;
  /** Number of firms (workshops). */
  readonly n: number;
  /** Inputs per firm for the generated kinds; for custom networks, the largest in-degree. */
  readonly k: number;
  /** Slot boundaries, length n + 1. */
  readonly offsets: Int32Array;
  /** Suppliers of the static kinds; annealed kinds leave this as the slot layout to refill. */
  readonly suppliers: Int32Array;
  readonly annealed: boolean;
  /** Names of the firms of a custom network (index = firm), else undefined. */
  readonly ids?: readonly string[];
}

export interface TopologySpec {
  kind: Exclude<TopologyKind, 'custom'>;
  n: number;
  k: number;
}

export function validateTopologySpec(spec: TopologySpec): Result<TopologySpec> {
  const { kind, n, k } = spec;
  if (!(TOPOLOGY_KINDS as readonly string[]).includes(kind) || kind === ('custom' as string)) {
    return err(
      `topology "${kind}" is unknown; use one of ${TOPOLOGY_KINDS.filter((t) => t !== 'custom').join(', ')} (or a custom network file)`,
    );
  }
  if (!Number.isInteger(n) || n < 2 || n > MAX_FIRMS)
    return err(`n must be an integer from 2 to ${MAX_FIRMS}, got ${n}`);
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) return err(`k must be an integer from 1 to ${MAX_K}, got ${k}`);
  if (kind === 'ring' && k !== 1) return err(`topology ring has k = 1; use local-ring for k = ${k}`);
  if ((kind === 'fixed' || kind === 'spot' || kind === 'local-ring') && k > n - 1) {
    return err(`topology ${kind} needs k <= n - 1 distinct suppliers other than the firm itself (k = ${k}, n = ${n})`);
  }
  return ok(spec);
}

function uniformOffsets(n: number, k: number): Int32Array {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) offsets[i] = i * k;
  return offsets;
}

/** Build a generated topology. `stream` is used only by `fixed` (drawn once). */
export function buildTopology(spec: TopologySpec, stream: RandomStream): Result<Network> {
  const checked = validateTopologySpec(spec);
  if (!checked.ok) return checked;
  const { kind, n } = spec;
  const k = kind === 'ring' ? 1 : spec.k;
  const offsets = uniformOffsets(n, k);
  const suppliers = new Int32Array(n * k);
  const annealed = ANNEALED_KINDS.includes(kind);
  if (kind === 'ring' || kind === 'local-ring') {
    for (let i = 0; i < n; i++) for (let d = 1; d <= k; d++) suppliers[i * k + d - 1] = (i - d + n) % n;
  } else if (kind === 'fixed') {
    drawDistinctOthers(suppliers, n, k, stream);
  }
  // Annealed kinds leave the slots empty: the simulation draws them before every step.
  return ok({ kind, n, k, offsets, suppliers, annealed });
}

/** Redraw the suppliers of an annealed topology for one step. */
export function drawAnnealed(kind: TopologyKind, out: Int32Array, n: number, k: number, stream: RandomStream): void {
  if (kind === 'spot') drawDistinctOthers(out, n, k, stream);
  else if (kind === 'spot-any') drawAny(out, n, k, stream);
  else if (kind === 'out-regular') drawOutRegular(out, n, k, stream);
  else throw new Error(`topology ${kind} is not annealed`);
}

/** For every firm i, K distinct suppliers other than i (rejection sampling; K < n). */
export function drawDistinctOthers(out: Int32Array, n: number, k: number, stream: RandomStream): void {
  const st = stream.state;
  let s0 = st[0]!,
    s1 = st[1]!,
    s2 = st[2]!,
    s3 = st[3]!;
  const scale = n * TWO_POW_MINUS_32;
  for (let i = 0, base = 0; i < n; i++, base += k) {
    for (let slot = 0; slot < k;) {
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const j = Math.floor(r * scale);
      if (j === i) continue;
      let duplicate = false;
      for (let q = 0; q < slot; q++)
        if (out[base + q] === j) {
          duplicate = true;
          break;
        }
      if (duplicate) continue;
      out[base + slot] = j;
      slot++;
    }
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
}

/** K uniform draws from all n firms, self and repeats allowed (the authors' mean-field code). */
export function drawAny(out: Int32Array, n: number, k: number, stream: RandomStream): void {
  const st = stream.state;
  let s0 = st[0]!,
    s1 = st[1]!,
    s2 = st[2]!,
    s3 = st[3]!;
  const scale = n * TWO_POW_MINUS_32;
  const total = n * k;
  for (let s = 0; s < total; s++) {
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    out[s] = Math.floor(r * scale);
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
}

/**
 * K independent random permutations of 0..n-1 laid end to end and cut into rows of K: row i is
 * firm i's suppliers. Every firm appears K times in all, so every firm supplies exactly K firms.
 */
export function drawOutRegular(out: Int32Array, n: number, k: number, stream: RandomStream): void {
  const st = stream.state;
  let s0 = st[0]!,
    s1 = st[1]!,
    s2 = st[2]!,
    s3 = st[3]!;
  for (let p = 0; p < k; p++) {
    const base = p * n;
    for (let i = 0; i < n; i++) out[base + i] = i;
    for (let i = n - 1; i > 0; i--) {
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const j = Math.floor(r * (i + 1) * TWO_POW_MINUS_32);
      const tmp = out[base + i]!;
      out[base + i] = out[base + j]!;
      out[base + j] = tmp;
    }
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
}
