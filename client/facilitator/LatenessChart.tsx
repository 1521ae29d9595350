/** Mean lateness over rounds (solid, dots), the mean bin (dashed, squares), the critical bin (dotted), breach rate bars. */
import type { FacilitatorView } from '../../game/core/view';
import { Card } from '../app/ui';
import { t } from '../i18n';
import { ChartTable } from './ChartTable';
import { CHART, chartModel } from './chart';

export function LatenessChart({ view }: { readonly view: FacilitatorView }) {
  if (view.status === 'setup') return null;
  const m = chartModel(view.rounds, view.config.rounds, view.config.criticalBuffer);
  const { width, height, left, right, lateBottom, barTop, bottom } = CHART;
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
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="mt-2 h-auto w-full">
        <g fontSize={15} fill="#44403c">
          {m.yTicks.map((v) => (
            <g key={v}>
              <line x1={left} x2={width - right} y1={m.yOf(v)} y2={m.yOf(v)} stroke="#e7e5e4" />
              <text x={left - 6} y={m.yOf(v)} textAnchor="end" dominantBaseline="central">
                {v}
              </text>
            </g>
          ))}
          {m.xTicks.map((r) => (
            <text key={r} x={m.xOf(r)} y={bottom + 20} textAnchor="middle">
              {r}
            </text>
          ))}
          <text x={left - 6} y={(barTop + bottom) / 2} textAnchor="end" dominantBaseline="central">
            {t('chart.breachShort')}
          </text>
        </g>
        <line x1={left} x2={width - right} y1={lateBottom} y2={lateBottom} stroke="#78716c" />
        <line x1={left} x2={width - right} y1={bottom} y2={bottom} stroke="#78716c" />
        {m.criticalY !== null && (
          <line
            x1={left}
            x2={width - right}
            y1={m.criticalY}
            y2={m.criticalY}
            stroke="#7c2d12"
            strokeWidth={2}
            strokeDasharray="2 4"
          />
        )}
        <path d={m.bin} fill="none" stroke="#1d4ed8" strokeWidth={2.5} strokeDasharray="8 5" />
        <path d={m.lateness} fill="none" stroke="#1c1917" strokeWidth={3} />
        {view.rounds.map((r) => (
          <g key={r.round}>
            <circle cx={m.xOf(r.round)} cy={m.yOf(r.meanLateness)} r={3.5} fill="#1c1917" />
            <rect x={m.xOf(r.round) - 3} y={m.yOf(r.meanBin) - 3} width={6} height={6} fill="#1d4ed8" />
          </g>
        ))}
        {m.bars.map((b) => (
          <rect key={b.round} x={b.x} y={b.y} width={b.w} height={b.h} fill="#b45309" />
        ))}
      </svg>
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
      </ul>
      <ChartTable rounds={view.rounds} />
    </Card>
  );
}
