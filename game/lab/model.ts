/**
 * What the lab simulates: a network (generated topology or a custom file), trouble, and how
 * unevenly the bins are spread. Plain data, so a job can cross to a worker thread or Web Worker.
 */
import { type CustomNetwork, parseNetwork } from '../engine/network';
import { type Noise, parseNoise } from '../engine/noise';
import { type Result, err, ok } from '../engine/result';
import type { RandomStream } from '../engine/rng';
import type { Buffers } from '../engine/simulation';
import { type Network, type TopologySpec, buildTopology, validateTopologySpec } from '../engine/topology';

export interface LabModelSpec {
  /** A generated topology, or a custom network as parsed JSON (see engine/network.ts). */
  readonly topology: TopologySpec | { readonly kind: 'custom'; readonly network: unknown };
  /** Noise spec string, e.g. `exp:1`, `faces:0,0,0,1,1,2!`, `d6`. */
  readonly noise: string;
  /** Half the firms hold B + spread on every input, the other half B - spread (0: uniform). */
  readonly spread: number;
}

export interface LabModel {
  readonly spec: LabModelSpec;
  readonly noise: Noise;
  readonly n: number;
  readonly k: number;
  /** The custom network, parsed once (generated kinds build theirs per replica). */
  readonly custom: CustomNetwork | null;
}

export const MAX_SPREAD = 1e6;

export function resolveModel(spec: LabModelSpec): Result<LabModel> {
  const noise = parseNoise(spec.noise);
  if (!noise.ok) return noise;
  if (!Number.isFinite(spec.spread) || spec.spread < 0 || spec.spread > MAX_SPREAD) {
    return err(`buffer spread must be a number from 0 to ${MAX_SPREAD}, got ${spec.spread}`);
  }
  if (spec.topology.kind === 'custom') {
    const custom = parseNetwork(spec.topology.network);
    if (!custom.ok) return custom;
    return ok({ spec, noise: noise.value, n: custom.value.network.n, k: custom.value.network.k, custom: custom.value });
  }
  const topology = validateTopologySpec(spec.topology);
  if (!topology.ok) return topology;
  const k = topology.value.kind === 'ring' ? 1 : topology.value.k;
  return ok({ spec, noise: noise.value, n: topology.value.n, k, custom: null });
}

export interface Realisation {
  readonly network: Network;
  /** Per-firm buffer offsets (+spread / -spread), or null for uniform bins. */
  readonly offsets: Float64Array | null;
}

/** One replica's network (a fixed network is drawn per replica) and its uneven-bin pattern. */
export function realise(model: LabModel, stream: RandomStream): Realisation {
  let network: Network;
  if (model.custom) network = model.custom.network;
  else {
    const built = buildTopology(model.spec.topology as TopologySpec, stream.child('network'));
    if (!built.ok) throw new Error(built.error); // resolveModel validated the spec
    network = built.value;
  }
  return {
    network,
    offsets: model.spec.spread > 0 ? spreadPattern(network.n, model.spec.spread, stream.child('spread')) : null,
  };
}

/**
 * Half the firms (chosen at random) get +spread, the other half -spread; with an odd count, one
 * firm keeps the mean. The mean offset is exactly 0, so the mean bin is B.
 */
export function spreadPattern(n: number, spread: number, stream: RandomStream): Float64Array {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = stream.nextInt(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const offsets = new Float64Array(n);
  const half = Math.floor(n / 2);
  for (let r = 0; r < half; r++) {
    offsets[order[r]!] = spread;
    offsets[order[n - 1 - r]!] = -spread;
  }
  return offsets;
}

/** Bins for a mean buffer B: uniform, or B plus each firm's offset on every one of its inputs. */
export function buffersAt(realisation: Realisation, buffer: number): Buffers {
  const { network, offsets } = realisation;
  if (!offsets) return { uniform: buffer, slots: null };
  const slots = new Float64Array(network.suppliers.length);
  for (let i = 0; i < network.n; i++) {
    for (let s = network.offsets[i]!; s < network.offsets[i + 1]!; s++) slots[s] = buffer + offsets[i]!;
  }
  return { uniform: buffer, slots };
}
