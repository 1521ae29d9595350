/**
 * The network as the projector draws it: links, cascade arrows, how far a shock can reach and
 * the region of a storm. Pure functions of the facilitator's view.
 */
import type { RoundRecord } from '../../game/core/types';

/** The part of a workshop these functions read. */
export interface Linked {
  readonly suppliers: readonly number[];
}

export interface Link {
  readonly supplier: number;
  readonly customer: number;
}

/** Every current link, supplier to customer (each once). */
export function linksOf(workshops: readonly Linked[]): Link[] {
  const seen = new Set<string>();
  const links: Link[] = [];
  workshops.forEach((w, customer) => {
    for (const supplier of w.suppliers) {
      const key = `${supplier}>${customer}`;
      if (supplier === customer || seen.has(key)) continue;
      seen.add(key);
      links.push({ supplier, customer });
    }
  });
  return links;
}

/** The cascade of the last round: for every breached bin, an arrow from the binding supplier. */
export function cascadeArrows(lastRound: RoundRecord | null): Link[] {
  if (!lastRound) return [];
  return lastRound.workshops.flatMap((w, customer) =>
    w.breached && w.binding >= 0 && w.binding !== customer ? [{ supplier: w.binding, customer }] : [],
  );
}

/** Customers of every workshop (who takes my parts). */
export function customersOf(workshops: readonly Linked[]): number[][] {
  const customers: number[][] = workshops.map(() => []);
  workshops.forEach((w, i) => {
    for (const s of new Set(w.suppliers)) if (s !== i) customers[s]?.push(i);
  });
  return customers;
}

/**
 * Where lateness starting at `origins` can arrive within `rounds` rounds: each round it can pass
 * from a supplier to its customers. Answers rounds-away by workshop (origins at 0), nearest first.
 */
export function downstream(
  workshops: readonly Linked[],
  origins: readonly number[],
  rounds: number,
): Map<number, number> {
  const customers = customersOf(workshops);
  const away = new Map<number, number>();
  let frontier = [...new Set(origins)].filter((o) => o >= 0 && o < workshops.length);
  frontier.forEach((o) => away.set(o, 0));
  for (let r = 1; r <= rounds && frontier.length > 0; r++) {
    const next: number[] = [];
    for (const w of frontier)
      for (const c of customers[w] ?? [])
        if (!away.has(c)) {
          away.set(c, r);
          next.push(c);
        }
    frontier = next;
  }
  return away;
}

/** A storm's region: the workshops within `hops` links of `centre`, either direction, sorted. */
export function regionAround(workshops: readonly Linked[], centre: number, hops: number): number[] {
  if (centre < 0 || centre >= workshops.length) return [];
  const customers = customersOf(workshops);
  const seen = new Set([centre]);
  let frontier = [centre];
  for (let h = 0; h < hops; h++) {
    const next: number[] = [];
    for (const w of frontier)
      for (const v of [...(workshops[w]?.suppliers ?? []), ...(customers[w] ?? [])])
        if (!seen.has(v)) {
          seen.add(v);
          next.push(v);
        }
    frontier = next;
  }
  return [...seen].sort((a, b) => a - b);
}
