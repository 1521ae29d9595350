/**
 * The update rule of Moran et al. (2024), with per-input buffers:
 *
 *   tau_i(t) = max(0, max_{j in S_i(t)} [tau_j(t-1) - B_ij]) + eps_i(t)
 *
 * The positive part is taken before the noise is added. Everything is written into caller-owned
 * typed arrays: no allocation per step.
 */

export interface UpdateInputs {
  /** tau(t-1), one per firm. */
  readonly prev: Float64Array;
  /** Slot boundaries (length n + 1) and the supplier of each slot. */
  readonly offsets: Int32Array;
  readonly suppliers: Int32Array;
  /**
   * Inputs per firm when every firm has the same number (slot s of firm i is i * stride + s),
   * or 0 to read the slot boundaries from `offsets`. Only a speed hint: results are identical.
   */
  readonly stride: number;
  /** Buffer of every input when `slotBuffers` is null (the uniform-buffer shortcut). */
  readonly uniformBuffer: number;
  /** Per-slot buffers B_ij, or null for the uniform buffer. */
  readonly slotBuffers: Float64Array | null;
  /** eps(t), one per firm. */
  readonly noise: Float64Array;
  /**
   * With false, the positive part is dropped (the max-plus "linear" system). Its growth rate
   * minus a uniform shift of all buffers is exactly the growth rate of the real system whenever
   * positive: the lab uses it to measure critical buffers of uneven bins.
   */
  readonly positivePart: boolean;
}

export interface UpdateOutputs {
  /** tau(t), one per firm. */
  readonly next: Float64Array;
  /** The binding supplier (argmax of tau_j - B_ij; first on ties), or -1 for a firm without inputs. */
  readonly binding: Int32Array;
  /** 1 where the binding supplier's lateness exceeded the bin (tau_j - B_ij > 0). */
  readonly breached: Uint8Array;
}

/** Apply the rule to all firms at once. Returns the number of breached firms. */
export function applyUpdateRule(input: UpdateInputs, output: UpdateOutputs): number {
  const { prev, offsets, suppliers, uniformBuffer, slotBuffers, noise, positivePart } = input;
  const { next, binding, breached } = output;
  const n = next.length;
  const floor = positivePart ? 0 : -Infinity;
  let breaches = 0;
  if (slotBuffers === null) {
    for (let i = 0; i < n; i++) {
      const end = offsets[i + 1]!;
      let best = -Infinity;
      let arg = -1;
      for (let s = offsets[i]!; s < end; s++) {
        const j = suppliers[s]!;
        const x = prev[j]!;
        if (x > best) {
          best = x;
          arg = j;
        }
      }
      const excess = best - uniformBuffer;
      const hit = excess > 0 ? 1 : 0;
      breaches += hit;
      breached[i] = hit;
      binding[i] = arg;
      next[i] = (excess > floor ? excess : 0) + noise[i]!;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const end = offsets[i + 1]!;
      let best = -Infinity;
      let arg = -1;
      for (let s = offsets[i]!; s < end; s++) {
        const j = suppliers[s]!;
        const x = prev[j]! - slotBuffers[s]!;
        if (x > best) {
          best = x;
          arg = j;
        }
      }
      const hit = best > 0 ? 1 : 0;
      breaches += hit;
      breached[i] = hit;
      binding[i] = arg;
      next[i] = (best > floor ? best : 0) + noise[i]!;
    }
  }
  return breaches;
}

/**
 * The same rule without the per-firm record (binding supplier, breach flag): only the delays and
 * the breach count. Branch-free, for the lab's long runs; tests check it agrees bit for bit with
 * `applyUpdateRule`.
 */
export function applyUpdateRuleFast(input: UpdateInputs, next: Float64Array): number {
  const { prev, offsets, suppliers, uniformBuffer, slotBuffers, noise, positivePart } = input;
  const n = next.length;
  const floor = positivePart ? 0 : -Infinity;
  let breaches = 0;
  if (slotBuffers === null && input.stride > 0) {
    const k = input.stride;
    for (let i = 0, s = 0; i < n; i++) {
      let best = -Infinity;
      for (const end = s + k; s < end; s++) {
        const x = prev[suppliers[s]!]!;
        best = x > best ? x : best;
      }
      const excess = best - uniformBuffer;
      breaches += excess > 0 ? 1 : 0;
      next[i] = (excess > floor ? excess : 0) + noise[i]!;
    }
  } else if (slotBuffers === null) {
    for (let i = 0; i < n; i++) {
      const end = offsets[i + 1]!;
      let best = -Infinity;
      for (let s = offsets[i]!; s < end; s++) {
        const x = prev[suppliers[s]!]!;
        best = x > best ? x : best;
      }
      const excess = best - uniformBuffer;
      breaches += excess > 0 ? 1 : 0;
      next[i] = (excess > floor ? excess : 0) + noise[i]!;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const end = offsets[i + 1]!;
      let best = -Infinity;
      for (let s = offsets[i]!; s < end; s++) {
        const x = prev[suppliers[s]!]! - slotBuffers[s]!;
        best = x > best ? x : best;
      }
      breaches += best > 0 ? 1 : 0;
      next[i] = (best > floor ? best : 0) + noise[i]!;
    }
  }
  return breaches;
}
