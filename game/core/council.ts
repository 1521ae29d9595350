/**
 * The planning council (rules C1-C4): at the scenario's council rounds the map opens to everyone,
 * each present human votes for a bin floor, a shared stock budget or no rule; the majority kind
 * wins with the median of its values, and applies from the round that follows.
 */
import { checkNumber, isRecord } from './schema';
import type { CouncilProposal, G } from './types';

export function canVote(g: G, seat: string, round: unknown, proposal: unknown): string | null {
  if (g.status !== 'council' || !g.council) return 'no council is sitting';
  if (round !== g.council.round) return `the council sits before round ${g.council.round}`;
  if (!g.workshops.some((w) => w.seat === seat)) return 'only seats holding a workshop vote';
  if (g.council.votes[seat] !== undefined) return 'you have already voted';
  if (proposal === 'none') return null;
  if (!isRecord(proposal)) return 'vote for {"kind": "floor", "bin"}, {"kind": "budget", "total"} or "none"';
  if (proposal.kind === 'floor') {
    if (Object.keys(proposal).some((k) => k !== 'kind' && k !== 'bin')) return 'a floor vote has only kind and bin';
    return checkNumber(proposal.bin, 'bin floor', 0, g.config.maxBin);
  }
  if (proposal.kind === 'budget') {
    if (Object.keys(proposal).some((k) => k !== 'kind' && k !== 'total'))
      return 'a budget vote has only kind and total';
    const slots = g.workshops.reduce((s, w) => s + w.suppliers.length, 0);
    return checkNumber(proposal.total, 'stock budget', 0, g.config.maxBin * slots);
  }
  return 'vote for a floor, a budget or none';
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** C3: the majority kind (ties: no change) with the median of its values; null keeps the current rule. */
export function tally(votes: Record<string, CouncilProposal | 'none'>): CouncilProposal | 'none' | null {
  const list = Object.values(votes);
  if (list.length === 0) return null;
  const floors = list.filter(
    (v): v is Extract<CouncilProposal, { kind: 'floor' }> => v !== 'none' && v.kind === 'floor',
  );
  const budgets = list.filter(
    (v): v is Extract<CouncilProposal, { kind: 'budget' }> => v !== 'none' && v.kind === 'budget',
  );
  const none = list.length - floors.length - budgets.length;
  const best = Math.max(floors.length, budgets.length, none);
  const winners = [floors.length, budgets.length, none].filter((c) => c === best).length;
  if (winners > 1) return null;
  if (floors.length === best) return { kind: 'floor', bin: median(floors.map((v) => v.bin)) };
  if (budgets.length === best) return { kind: 'budget', total: median(budgets.map((v) => v.total)) };
  return 'none';
}
