/**
 * The planning council (rules C1-C4): at the scenario's council rounds the map opens to everyone,
 * each present human votes for a bin floor, a shared stock budget or no rule; the majority kind
 * wins with the median of its values, and applies from the round that follows.
 */
import { type Result, err, ok } from '../engine/result';
import type { Refusal } from './refusals';
import { isRecord } from './schema';
import type { RuleScope } from './scope';
import type { CouncilProposal } from './types';

export type Vote = CouncilProposal | 'none';

const VOTE_FIELD = { floor: 'bin', budget: 'total' } as const;

/** C2: the largest value a vote of this kind may name: maxBin (a floor), maxBin per input slot (a budget). */
export const voteMax = (s: Pick<RuleScope, 'config' | 'slots'>, kind: CouncilProposal['kind']): number =>
  kind === 'floor' ? s.config.maxBin : s.config.maxBin * s.slots;

/** C2: a present seat holding a workshop votes once, for a floor, a budget or no rule; returns the parsed vote. */
export function canVote(s: RuleScope, round: unknown, proposal: unknown): Result<Vote, Refusal> {
  if (s.status !== 'council' || !s.council) return err({ code: 'vote.noCouncil' });
  if (round !== s.council.round) return err({ code: 'vote.wrongRound', round: s.council.round });
  if (s.workshop === null) return err({ code: 'vote.noVoter' });
  if (s.voted) return err({ code: 'vote.already' });
  if (proposal === 'none') return ok('none');
  if (!isRecord(proposal) || (proposal.kind !== 'floor' && proposal.kind !== 'budget'))
    return err({ code: 'vote.kind' });
  const kind = proposal.kind;
  const field = VOTE_FIELD[kind];
  if (Object.keys(proposal).some((k) => k !== 'kind' && k !== field))
    return err({ code: 'vote.fields', kind, fields: `kind and ${field}` });
  const value = proposal[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) return err({ code: 'vote.notNumber' });
  const max = voteMax(s, kind);
  if (value < 0 || value > max) return err({ code: 'vote.range', max });
  return ok(kind === 'floor' ? { kind, bin: value } : { kind, total: value });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** C3: the majority kind (ties: no change) with the median of its values; null keeps the current rule. */
export function tally(votes: Record<string, Vote>): Vote | null {
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
