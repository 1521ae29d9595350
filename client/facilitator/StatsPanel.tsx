/** The headline numbers: mean lateness now, line stops and breach rate, mean bin against the critical bin. */
import type { FacilitatorView } from '../../game/core/view';
import { t } from '../i18n';
import { formatHours } from './colour';
import { headline } from './selectors';

function Stat({ label, value, note }: { readonly label: string; readonly value: string; readonly note?: string }) {
  return (
    <div className="rounded-md border border-stone-300 bg-white p-3">
      <dt className="text-sm font-semibold text-stone-700">{label}</dt>
      <dd className="text-3xl font-bold tabular-nums">{value}</dd>
      {note && <dd className="text-sm text-stone-700">{note}</dd>}
    </div>
  );
}

export function StatsPanel({ view }: { readonly view: FacilitatorView }) {
  if (view.workshops.length === 0) return null;
  const h = headline(view);
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  const binNote =
    h.meanBin !== null && h.criticalBuffer !== null
      ? h.meanBin < h.criticalBuffer
        ? t('stats.belowCritical')
        : t('stats.aboveCritical')
      : undefined;
  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title" className="sr-only">
        {t('stats.title')}
      </h2>
      <dl className="grid grid-cols-2 gap-2">
        <Stat label={t('stats.meanLateness')} value={t('stats.hours', { hours: formatHours(h.meanLateness) })} />
        <Stat
          label={t('stats.breachRate')}
          value={h.breachRate === null ? '–' : percent(h.breachRate)}
          note={t('stats.lineStops', { n: h.lineStops, total: view.workshops.length })}
        />
        <Stat
          label={t('stats.meanBin')}
          value={h.meanBin === null ? '–' : t('stats.hours', { hours: h.meanBin.toFixed(2) })}
          note={binNote}
        />
        <Stat
          label={t('stats.critical')}
          value={h.criticalBuffer === null ? '–' : t('stats.hours', { hours: h.criticalBuffer.toFixed(2) })}
        />
      </dl>
    </section>
  );
}
