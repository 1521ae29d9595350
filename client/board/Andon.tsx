/**
 * The andon light: lit when my line stopped last round (a bin ran dry, R7). Said in words with an
 * icon, not by colour alone; it blinks only when the player has not asked for reduced motion.
 */
import { t } from '../i18n';
import type { SeatView } from '../../game/core/view';
import { hours, workshopLabel } from './format';
import { inputCovers, knownWorkshops } from './selectors';

export function Andon({ view }: { view: SeatView }) {
  const last = view.myHistory.at(-1);
  if (!view.me.breached || !last) {
    return (
      <p className="flex items-center gap-2 rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm">
        <span aria-hidden="true" className="inline-block h-4 w-4 rounded-full border-2 border-stone-500 bg-stone-200" />
        {last ? t('board.andon.off') : t('board.andon.offFirst')}
      </p>
    );
  }
  const dry = inputCovers(view).find((c) => c.ranDry);
  const name = workshopLabel(knownWorkshops(view), last.binding);
  return (
    <div className="flex items-start gap-3 rounded-lg border-2 border-[#D55E00] bg-[#fde4d3] px-3 py-2 text-[#4d1d00]">
      <span
        aria-hidden="true"
        className="mt-0.5 flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-[#D55E00] text-lg font-bold text-white motion-safe:animate-pulse"
      >
        !
      </span>
      <div>
        <p className="font-bold uppercase tracking-wide">{t('board.andon.on')}</p>
        <p className="text-sm">
          {dry && dry.lastIncoming !== null && dry.lastBin !== null
            ? t('board.andon.detail', {
                input: dry.slot + 1,
                name,
                incoming: hours(dry.lastIncoming),
                bin: hours(dry.lastBin),
              })
            : t('board.andon.detailShort', { name })}
        </p>
        {view.config.mechanics.kaizen ? <p className="text-sm">{t('board.andon.kaizen')}</p> : null}
      </div>
    </div>
  );
}
