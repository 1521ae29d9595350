/**
 * Blame chains (rule DB1): why did a workshop's line stop? Its binding supplier was too late for
 * the bin; that supplier was late because its own binding supplier broke its bin the round
 * before, and so on upstream, until a link whose lateness was its own trouble (no breach).
 */
import type { RoundRecord, WorkshopRound } from '../core/types';

export interface BlameLink {
  readonly round: number;
  readonly workshop: number;
  /** Lateness after this round. */
  readonly lateness: number;
  /** Own roll this round. */
  readonly trouble: number;
  /** Lateness carried in through the binding input: incoming - bin of that slot (0 when no breach). */
  readonly inherited: number;
  /** Supplier whose lateness broke the bin (-1: none; the chain ends here, at the original trouble). */
  readonly binding: number;
}

/** The record of round `round` (1-based), or undefined. */
function recordOf(history: readonly RoundRecord[], round: number): RoundRecord | undefined {
  const at = history[round - 1];
  return at?.round === round ? at : history.find((h) => h.round === round);
}

/**
 * Workshop `workshop` in round `round` back to the original trouble: first link is the asked one.
 * Each link is a (workshop, round); a breached link continues at (binding supplier, round - 1).
 * The chain ends at a link without a breach, or at round 1 (nothing was late before it). Empty
 * when the round or the workshop is not in the history.
 */
export function blameChain(history: readonly RoundRecord[], workshop: number, round: number): BlameLink[] {
  const chain: BlameLink[] = [];
  const seen = new Set<string>();
  let at: { workshop: number; round: number } | null = { workshop, round };
  while (at) {
    const row: WorkshopRound | undefined = recordOf(history, at.round)?.workshops[at.workshop];
    if (!row) break;
    const key = `${at.workshop}@${at.round}`;
    // Links go strictly back in time, so a (workshop, round) can never come twice.
    if (seen.has(key)) throw new Error(`blame chain revisits workshop ${at.workshop} in round ${at.round}`);
    seen.add(key);
    const slot: number = row.breached ? row.suppliers.indexOf(row.binding) : -1;
    const inherited = slot >= 0 ? row.incoming[slot]! - row.bins[slot]! : 0;
    const binding: number = slot >= 0 ? row.binding : -1;
    chain.push({
      round: at.round,
      workshop: at.workshop,
      lateness: row.lateness,
      trouble: row.trouble,
      inherited,
      binding,
    });
    at = binding >= 0 && at.round > 1 ? { workshop: binding, round: at.round - 1 } : null;
  }
  return chain;
}
