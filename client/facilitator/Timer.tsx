/** Time left in the round, from the server's clock (no timer: nothing shown). */
import type { FacilitatorView } from '../../game/core/view';
import { useNow } from '../app/useNow';
import { t } from '../i18n';
import { formatClock, remainingMs } from './clock';

/** Below this the timer is drawn heavier and says "hurry" in words. */
const LOW_MS = 10_000;

export function Timer({ view }: { readonly view: FacilitatorView }) {
  const now = useNow(500);
  if (view.status !== 'playing' && view.status !== 'council') return null;
  const left = remainingMs(view.clock, view.round, now);
  if (left === null) return null;
  const low = left <= LOW_MS && !view.paused;
  return (
    <div role="timer" aria-label={t('facilitator.timer.label')} className="text-right">
      <span className="block text-xs font-semibold text-stone-600 uppercase">
        {view.paused ? t('facilitator.timer.paused') : t('facilitator.timer.label')}
      </span>
      <span className={`font-mono text-3xl tabular-nums ${low ? 'font-black text-red-800' : 'font-bold'}`}>
        {formatClock(left)}
        {low && <span className="ml-2 align-middle text-base">{t('facilitator.timer.low')}</span>}
      </span>
    </div>
  );
}
