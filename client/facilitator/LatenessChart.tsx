/** Mean lateness over rounds (solid, dots), the mean bin (dashed, squares), the critical bin (dotted), breach rate bars. */
import type { FacilitatorView } from '../../game/core/view';
import { Card } from '../app/ui';
import { t } from '../i18n';
import { ChartTable } from './ChartTable';
import { LatenessLegend, LatenessPlot } from './LatenessPlot';
import { chartModel } from './chart';

export function LatenessChart({ view }: { readonly view: FacilitatorView }) {
  if (view.status === 'setup') return null;
  const m = chartModel(view.rounds, view.config.rounds, view.config.criticalBuffer);
  const last = view.rounds.at(-1);
  const summary = last
    ? t('chart.summary', {
        round: last.round,
        lateness: last.meanLateness.toFixed(2),
        bin: last.meanBin.toFixed(2),
        breach: Math.round(last.breachRate * 100),
      })
    : t('chart.empty');
  return (
    <Card labelledBy="chart-title">
      <h2 id="chart-title" className="text-xl font-bold">
        {t('chart.title')}
      </h2>
      <p className="text-sm text-stone-700">{t('chart.axes')}</p>
      <LatenessPlot m={m} rounds={view.rounds} summary={summary} />
      <LatenessLegend />
      <ChartTable rounds={view.rounds} />
    </Card>
  );
}
