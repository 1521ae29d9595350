/**
 * The decision of the round: one bin per input, kaizen, a worker, supplier choice, and the commit.
 * Every field is checked with the game's own rules (selectors.ts); the commit is sent once, with
 * the round it was decided for, and shown as pending until the view says `committed`. Mount it
 * with `key={round}` so that a new round starts from a fresh form (nothing of an old round is
 * ever resent).
 */
import { type FormEvent, useState } from 'react';
import { t } from '../i18n';
import type { Decision } from '../../game/core/types';
import type { SeatView } from '../../game/core/view';
import { BinField } from './BinField';
import { HelpField, KaizenField } from './ChoiceFields';
import { CommitBar } from './CommitBar';
import { CostSummary } from './CostSummary';
import { workshopLabel } from './format';
import { type Draft, binFloor, checkDraft, initialDraft, inputCovers, knownWorkshops, parseHours } from './selectors';
import { SupplierField } from './SupplierField';
import { useNow } from './useNow';

/** After this long without the server's confirmation, the commit may be sent again. */
export const RETRY_MS = 8000;

export type CommitMove = (round: number, decision: Decision) => void;

export function DecisionPanel({ view, commit }: { view: SeatView; commit: CommitMove | undefined }) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(view));
  const [sent, setSent] = useState<{ round: number; at: number } | null>(null);
  const pending = sent !== null && sent.round === view.round && !view.committed;
  const now = useNow(pending);
  const unconfirmed = pending && now - sent.at > RETRY_MS;
  const locked = view.committed || (pending && !unconfirmed);
  const check = checkDraft(view, draft);
  const covers = inputCovers(view);
  const names = knownWorkshops(view);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!commit || !check.decision || locked) return;
    // Only ever the round this form was made for; the view's round is checked by checkDraft.
    commit(view.round, check.decision);
    setSent({ round: view.round, at: Date.now() });
  };

  return (
    <section
      id="decide"
      aria-labelledby="decide-title"
      className="scroll-mt-20 rounded-lg border-2 border-[#0072B2] bg-white p-3 shadow-sm sm:p-4"
    >
      <h2 id="decide-title" className="text-base font-semibold">
        {t('board.decide.title', { round: view.round })}
      </h2>
      <p className="text-sm text-stone-700">{t('board.decide.r1')}</p>
      <form onSubmit={submit} noValidate className="mt-1">
        <div className="divide-y divide-stone-200">
          {draft.bins.map((text, slot) => (
            <BinField
              key={slot}
              slot={slot}
              name={workshopLabel(names, view.me.suppliers[slot]!)}
              text={text}
              cover={covers[slot]!}
              floor={binFloor(view)}
              max={view.config.maxBin}
              problem={check.bins[slot] ?? null}
              disabled={locked}
              onChange={(value) => update({ bins: draft.bins.map((b, i) => (i === slot ? value : b)) })}
            />
          ))}
        </div>
        {binFloor(view) > 0 ? (
          <p className="text-xs text-stone-700">{t('board.decide.floor', { floor: binFloor(view) })}</p>
        ) : null}
        <CostSummary view={view} bins={draft.bins.map(parseHours)} valid={check.bins.every((p) => p === null)} />
        <KaizenField
          view={view}
          value={draft.kaizenFace}
          problem={check.kaizen}
          disabled={locked}
          onChange={(kaizenFace) => update({ kaizenFace })}
        />
        <HelpField
          view={view}
          value={draft.help}
          problem={check.help}
          disabled={locked}
          onChange={(help) => update({ help })}
        />
        <SupplierField
          view={view}
          value={draft.suppliers}
          problem={check.suppliers}
          disabled={locked}
          onChange={(suppliers) => update({ suppliers })}
        />
        <CommitBar
          view={view}
          ready={check.decision !== null && commit !== undefined}
          formProblem={check.form}
          pending={pending}
          unconfirmed={unconfirmed}
        />
      </form>
    </section>
  );
}
