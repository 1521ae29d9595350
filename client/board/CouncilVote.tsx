/**
 * The planning council (C1-C4): one vote per player for a bin floor, a shared stock budget or no
 * rule, checked by the game's own canVote (selectors.ts voteRefusal). Mount with `key={council round}`.
 */
import { type FormEvent, useState } from 'react';
import { t } from '../i18n';
import type { CouncilProposal } from '../../game/core/types';
import type { SeatView } from '../../game/core/view';
import { explain, hours, num } from './format';
import { budgetMax, proposalOf, viewScope, voteRefusal } from './selectors';
import { FieldError } from './ui';

type Kind = 'floor' | 'budget' | 'none';
export type VoteMove = (round: number, proposal: CouncilProposal | 'none') => void;

const option =
  'flex min-h-11 flex-wrap items-center gap-2 rounded-md border border-stone-300 px-2 py-1 has-[:checked]:border-[#0072B2] has-[:checked]:bg-[#e1eff9]';

export function CouncilVote({ view, vote }: { view: SeatView; vote: VoteMove | undefined }) {
  const [kind, setKind] = useState<Kind>('floor');
  const [floor, setFloor] = useState(String(view.config.startingBin));
  const [budget, setBudget] = useState('');
  const [sentHere, setSent] = useState(false);
  // The server remembers the vote (view.voted), so a reload does not offer the form again.
  const sent = sentHere || view.voted;
  const council = view.council;
  if (!council) return null;
  const proposal = proposalOf(kind, kind === 'budget' ? budget : floor);
  const problem = voteRefusal(view, council.round, proposal, sent);
  const fieldProblem = problem && !sent ? explain(problem) : null;
  const { slots } = viewScope(view);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!vote || problem) return;
    vote(council.round, proposal);
    setSent(true);
  };
  const input =
    'h-11 w-24 rounded-md border-2 border-stone-500 px-2 text-right tabular-nums aria-[invalid=true]:border-[#D55E00]';
  return (
    <section aria-labelledby="council-title" className="rounded-lg border-2 border-[#0072B2] bg-white p-3 sm:p-4">
      <h2 id="council-title" className="text-base font-semibold">
        {t('board.council.title', { round: council.round })}
      </h2>
      <p className="text-sm text-stone-700">{t('board.council.intro')}</p>
      <p className="mt-1 text-sm">
        {view.rule === null
          ? t('board.council.ruleNone')
          : view.rule.kind === 'floor'
            ? t('board.council.ruleFloor', { bin: hours(view.rule.bin) })
            : t('board.council.ruleBudget', { total: hours(view.rule.total) })}
      </p>
      <form onSubmit={submit} noValidate className="mt-2">
        <fieldset className="grid gap-1.5" disabled={sent} aria-describedby="vote-error">
          <legend className="text-sm font-medium">{t('board.council.legend')}</legend>
          <label className={option}>
            <input type="radio" name="vote" checked={kind === 'floor'} onChange={() => setKind('floor')} />
            <span className="text-sm">{t('board.council.floor')}</span>
            <input
              className={input}
              inputMode="decimal"
              aria-label={t('board.council.floorValue')}
              aria-invalid={kind === 'floor' && fieldProblem !== null}
              aria-describedby="vote-error"
              value={floor}
              onChange={(e) => {
                setFloor(e.target.value);
                setKind('floor');
              }}
            />
            <span className="text-sm">{t('board.unit.hoursShort')}</span>
          </label>
          <label className={option}>
            <input type="radio" name="vote" checked={kind === 'budget'} onChange={() => setKind('budget')} />
            <span className="min-w-0 flex-1 text-sm">{t('board.council.budget', { slots })}</span>
            <span className="flex basis-full items-center gap-2 pl-6">
              <input
                className={input}
                inputMode="decimal"
                aria-label={t('board.council.budgetValue')}
                aria-invalid={kind === 'budget' && fieldProblem !== null}
                aria-describedby="vote-error"
                value={budget}
                onChange={(e) => {
                  setBudget(e.target.value);
                  setKind('budget');
                }}
              />
              <span className="text-sm">{t('board.council.budgetMax', { max: num(budgetMax(view), 1) })}</span>
            </span>
          </label>
          <label className={option}>
            <input type="radio" name="vote" checked={kind === 'none'} onChange={() => setKind('none')} />
            <span className="text-sm">{t('board.council.none')}</span>
          </label>
        </fieldset>
        <FieldError id="vote-error" message={fieldProblem} />
        <button
          type="submit"
          aria-disabled={sent || problem !== null}
          className={`mt-2 min-h-12 w-full rounded-md px-4 font-semibold ${
            sent
              ? 'border-2 border-[#009E73] bg-[#dff3ec] text-[#00513b]'
              : problem
                ? 'bg-stone-300 text-stone-700'
                : 'bg-[#0072B2] text-white'
          }`}
        >
          {sent ? t('board.council.sent') : t('board.council.button')}
        </button>
        <p className="mt-1 text-sm" role="status">
          {sent ? t('board.council.sentHelp') : ''} {t('board.council.votes', { votes: council.votes })}
        </p>
      </form>
    </section>
  );
}
