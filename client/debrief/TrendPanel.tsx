/**
 * (3) Mean lateness and breach rate over rounds, with the mean bin and the critical buffer drawn
 * in and the round the replay shows marked: where the bins went below B_c, lateness starts to
 * climb round after round.
 */
import type { RoundRecord } from '../../game/core/types';
import { num } from '../board/format';
import { ChartTable } from '../facilitator/ChartTable';
import { LatenessLegend, LatenessPlot } from '../facilitator/LatenessPlot';
import { t } from '../i18n';
import { RoundMarker } from './Axes';
import { trendModel } from './charts';
import { Panel } from './Panel';

interface TrendPanelProps {
  readonly history: readonly RoundRecord[];
  readonly totalRounds: number;
  readonly criticalBuffer: number | null;
  readonly shown: number;
}

export function TrendPanel({ history, totalRounds, criticalBuffer, shown }: TrendPanelProps) {
  const m = trendModel(history, totalRounds, criticalBuffer, shown);
  const below = history.filter((r) => criticalBuffer !== null && r.meanBin < criticalBuffer).length;
  const summary = t('debrief.trend.summary', {
    rounds: history.length,
    first: num(history[0]?.meanLateness ?? 0, 2),
    last: num(history.at(-1)?.meanLateness ?? 0, 2),
    breach: Math.round(100 * (history.reduce((s, r) => s + r.breachRate, 0) / Math.max(1, history.length))),
  });
  return (
    <Panel id="trend" title={t('debrief.trend.title')} claim={t('debrief.claim.cliff')}>
      <p className="mt-2 text-sm text-stone-700">{t('chart.axes')}</p>
      <LatenessPlot m={m} rounds={history} summary={summary}>
        <RoundMarker x={m.markerX} />
      </LatenessPlot>
      <p className="mt-1 text-sm">{summary}</p>
      {criticalBuffer !== null && (
        <p className="mt-1 text-sm">
          {t('debrief.trend.below', { below, rounds: history.length, bc: num(criticalBuffer, 2) })}
        </p>
      )}
      <LatenessLegend>
        <li className="text-[#0072B2]">
          <span aria-hidden="true" className="font-black">
            ┆{' '}
          </span>
          {t('debrief.trend.shown', { round: shown })}
        </li>
      </LatenessLegend>
      <ChartTable rounds={history} />
    </Panel>
  );
}
