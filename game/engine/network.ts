/**
 * Custom networks from JSON, validated with messages that name the offending entry.
 *
 *   { "workshops": [
 *       { "id": "steel",    "suppliers": ["machines", "coal"] },
 *       { "id": "machines", "suppliers": [{ "id": "steel", "buffer": 2.5 }] },
 *       { "id": "coal",     "suppliers": ["machines"] } ] }
 *
 * A supplier is an id, or `{ "id", "buffer" }` with this input's own bin (hours of cover).
 */
import { type Result, err, ok } from './result';
import { type Network, MAX_FIRMS, MAX_K } from './topology';

export interface CustomNetwork {
  readonly network: Network;
  /** Per-slot buffers where the file set them, else null; NaN marks slots without one. */
  readonly slotBuffers: Float64Array | null;
}

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
export const MAX_BUFFER = 1e6;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseNetworkJson(text: string): Result<CustomNetwork> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return err(`network file is not valid JSON: ${(e as Error).message}`);
  }
  return parseNetwork(data);
}

export function parseNetwork(data: unknown): Result<CustomNetwork> {
  if (!isRecord(data)) return err('network must be a JSON object with a "workshops" array');
  for (const key of Object.keys(data)) {
    if (key !== 'workshops' && key !== 'name' && key !== 'description')
      return err(`network: unknown field "${key}" (allowed: workshops, name, description)`);
  }
  const list = data.workshops;
  if (!Array.isArray(list)) return err('network: "workshops" must be an array');
  if (list.length < 2) return err('network: needs at least 2 workshops');
  if (list.length > MAX_FIRMS) return err(`network: at most ${MAX_FIRMS} workshops`);
  const index = new Map<string, number>();
  for (const [i, entry] of list.entries()) {
    if (!isRecord(entry)) return err(`network: workshops[${i}] must be an object with "id" and "suppliers"`);
    const id = entry.id;
    if (typeof id !== 'string' || !ID_PATTERN.test(id))
      return err(`network: workshops[${i}].id must be 1-64 letters, digits, "_", "-" or "."`);
    if (index.has(id))
      return err(`network: workshop "${id}" is listed twice (workshops[${index.get(id)}] and workshops[${i}])`);
    index.set(id, i);
  }
  const offsets = new Int32Array(list.length + 1);
  const suppliers: number[] = [];
  const buffers: number[] = [];
  let anyBuffer = false;
  let k = 0;
  for (const [i, entry] of (list as Record<string, unknown>[]).entries()) {
    const id = entry.id as string;
    for (const key of Object.keys(entry)) {
      if (key !== 'id' && key !== 'suppliers' && key !== 'name')
        return err(`network: workshop "${id}" has an unknown field "${key}" (allowed: id, name, suppliers)`);
    }
    const inputs = entry.suppliers;
    if (!Array.isArray(inputs) || inputs.length === 0)
      return err(`network: workshop "${id}" needs at least one supplier`);
    if (inputs.length > MAX_K) return err(`network: workshop "${id}" has ${inputs.length} suppliers; at most ${MAX_K}`);
    const seen = new Set<string>();
    for (const input of inputs as unknown[]) {
      const supplierId = typeof input === 'string' ? input : isRecord(input) ? input.id : undefined;
      if (typeof supplierId !== 'string')
        return err(`network: workshop "${id}" has a supplier that is neither an id nor {"id", "buffer"}`);
      if (isRecord(input)) {
        const extra = Object.keys(input).find((key) => key !== 'id' && key !== 'buffer');
        if (extra)
          return err(
            `network: workshop "${id}", supplier "${supplierId}": unknown field "${extra}" (allowed: id, buffer)`,
          );
      }
      const j = index.get(supplierId);
      if (j === undefined) return err(`network: workshop "${id}" names an unknown supplier "${supplierId}"`);
      if (j === i) return err(`network: workshop "${id}" lists itself as a supplier (self-loops are not allowed)`);
      if (seen.has(supplierId)) return err(`network: workshop "${id}" lists supplier "${supplierId}" twice`);
      seen.add(supplierId);
      let buffer = Number.NaN;
      if (isRecord(input) && input.buffer !== undefined) {
        const b = input.buffer;
        if (typeof b !== 'number' || !Number.isFinite(b) || b < 0 || b > MAX_BUFFER) {
          return err(
            `network: workshop "${id}", supplier "${supplierId}": buffer must be a number from 0 to ${MAX_BUFFER}`,
          );
        }
        buffer = b;
        anyBuffer = true;
      }
      suppliers.push(j);
      buffers.push(buffer);
    }
    k = Math.max(k, inputs.length);
    offsets[i + 1] = suppliers.length;
  }
  const ids = list.map((entry) => (entry as Record<string, unknown>).id as string);
  return ok({
    network: {
      kind: 'custom',
      n: list.length,
      k,
      offsets,
      suppliers: Int32Array.from(suppliers),
      annealed: false,
      ids,
    },
    slotBuffers: anyBuffer ? Float64Array.from(buffers) : null,
  });
}
