/** The commit button and what became of the commit: not sent, pending, confirmed, unconfirmed. */
import { t } from '../i18n';
import type { SeatView } from '../../game/core/view';
import { explain, plural } from './format';
import type { Refusal } from '../../game/contract/refusals';

interface Props {
  readonly view: SeatView;
  readonly ready: boolean;
  readonly formProblem: Refusal | null;
  readonly pending: boolean;
  readonly unconfirmed: boolean;
}

function statusText({ view, ready, formProblem, pending, unconfirmed }: Props): string {
  if (view.committed) {
    const others = Math.max(0, view.waitingFor);
    return others > 0
      ? `${t('board.commit.done', { round: view.round })} ${plural(others, 'board.commit.othersOne', 'board.commit.othersMany')}`
      : t('board.commit.done', { round: view.round });
  }
  if (unconfirmed) return t('board.commit.unconfirmed');
  if (pending) return t('board.commit.pending');
  if (formProblem) return explain(formProblem);
  return ready ? t('board.commit.open') : t('board.commit.fix');
}

export function CommitBar(props: Props) {
  const { view, ready, pending, unconfirmed } = props;
  const disabled = !ready || view.committed || (pending && !unconfirmed);
  const label = view.committed
    ? t('board.commit.buttonDone')
    : pending && !unconfirmed
      ? t('board.commit.buttonPending')
      : unconfirmed
        ? t('board.commit.buttonRetry', { round: view.round })
        : t('board.commit.button', { round: view.round });
  return (
    <div className="sticky bottom-0 -mx-3 mt-3 border-t border-stone-300 bg-white/95 px-3 py-2 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
      <button
        type="submit"
        aria-disabled={disabled}
        className={`min-h-12 w-full rounded-md px-4 text-base font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-[#E69F00] ${
          view.committed
            ? 'border-2 border-[#009E73] bg-[#dff3ec] text-[#00513b]'
            : disabled
              ? 'cursor-not-allowed bg-stone-300 text-stone-700'
              : 'bg-[#0072B2] text-white hover:bg-[#005b8f]'
        }`}
      >
        {view.committed ? (
          <span aria-hidden="true">✔ </span>
        ) : pending && !unconfirmed ? (
          <span aria-hidden="true">⏳ </span>
        ) : null}
        {label}
      </button>
      <p className="mt-1 text-sm text-stone-800" role="status">
        {statusText(props)}
      </p>
    </div>
  );
}
