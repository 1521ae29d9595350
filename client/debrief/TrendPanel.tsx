/**
 * (3) Mean lateness and breach rate over rounds, with the mean bin and the critical buffer drawn
 * in and the round the replay shows marked: where the bins went below B_c, lateness starts to
 * climb round after round.
 */
import type { RoundRecord } from '../../game/core/types';
import { num } from '../board/format';
import { ChartTable } from '../facilitator/ChartTable';
import { CHART } from '../facilitator/chart';
import { t } from '../i18n';
import { Axes, RoundMarker } from './Axes';
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
  const { width, height, left, barTop, bottom } = CHART;
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
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="mt-2 h-auto w-full">
        <Axes m={m} />
        <text x={left - 6} y={(barTop + bottom) / 2} textAnchor="end" dominantBaseline="central" fontSize={15}>
          {t('chart.breachShort')}
        </text>
        <line x1={left} x2={width - CHART.right} y1={bottom} y2={bottom} stroke="#78716c" />
        <path d={m.bin} fill="none" stroke="#1d4ed8" strokeWidth={2.5} strokeDasharray="8 5" />
        <path d={m.lateness} fill="none" stroke="#1c1917" strokeWidth={3} />
        {history.map((r) => (
          <g key={r.round}>
            <circle cx={m.xOf(r.round)} cy={m.yOf(r.meanLateness)} r={3.5} fill="#1c1917" />
            <rect x={m.xOf(r.round) - 3} y={m.yOf(r.meanBin) - 3} width={6} height={6} fill="#1d4ed8" />
          </g>
        ))}
        {m.bars.map((b) => (
          <rect key={b.round} x={b.x} y={b.y} width={b.w} height={b.h} fill="#b45309" />
        ))}
        <RoundMarker x={m.markerX} />
      </svg>
      <p className="mt-1 text-sm">{summary}</p>
      {criticalBuffer !== null && (
        <p className="mt-1 text-sm">
          {t('debrief.trend.below', { below, rounds: history.length, bc: num(criticalBuffer, 2) })}
        </p>
      )}
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <li>
          <span aria-hidden="true" className="font-black">
            ━●━{' '}
          </span>
          {t('chart.legend.lateness')}
        </li>
        <li className="text-blue-800">
          <span aria-hidden="true" className="font-black">
            ╍■╍{' '}
          </span>
          {t('chart.legend.bin')}
        </li>
        <li className="text-orange-900">
          <span aria-hidden="true" className="font-black">
            ┈┈{' '}
          </span>
          {t('chart.legend.critical')}
        </li>
        <li className="text-amber-800">
          <span aria-hidden="true" className="font-black">
            ▮{' '}
          </span>
          {t('chart.legend.breach')}
        </li>
        <li className="text-[#0072B2]">
          <span aria-hidden="true" className="font-black">
            ┆{' '}
          </span>
          {t('debrief.trend.shown', { round: shown })}
        </li>
      </ul>
      <ChartTable rounds={history} />
    </Panel>
  );
}
