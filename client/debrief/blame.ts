/**
 * A blame chain (game/debrief/blame.ts) as the map draws it: which workshops are links of the
 * chain (numbered from the asked workshop, 1, back to the original trouble) and the arrows along
 * it, from each binding supplier to the workshop whose line it stopped. Pure.
 */
import type { BlameLink } from '../../game/debrief/blame';
import type { Link } from '../facilitator/network';

/** Step numbers (1-based) of each workshop in the chain; a workshop can appear more than once. */
export function chainSteps(chain: readonly BlameLink[]): Map<number, number[]> {
  const steps = new Map<number, number[]>();
  chain.forEach((link, i) => {
    const list = steps.get(link.workshop) ?? [];
    list.push(i + 1);
    steps.set(link.workshop, list);
  });
  return steps;
}

/** The chain's arrows: binding supplier to the workshop it stopped (each pair once). */
export function chainArrows(chain: readonly BlameLink[]): Link[] {
  const seen = new Set<string>();
  const arrows: Link[] = [];
  for (const link of chain) {
    if (link.binding < 0 || link.binding === link.workshop) continue;
    const key = `${link.binding}>${link.workshop}`;
    if (seen.has(key)) continue;
    seen.add(key);
    arrows.push({ supplier: link.binding, customer: link.workshop });
  }
  return arrows;
}

/** The workshop where the chain ends: the original trouble (null for an empty chain). */
export const chainOrigin = (chain: readonly BlameLink[]): BlameLink | null => chain.at(-1) ?? null;
