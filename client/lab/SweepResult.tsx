/** Growth rate against bin size: points with ± one standard error, B_c marked, and the table. */
import { t } from '../i18n';
import { PLOT, sweepChart } from './charts';
import type { LabResult } from './results';
import { ResultFrame } from './ResultFrame';

type SweepLabResult = Extract<LabResult, { experiment: 'sweep' }>;

const fmt = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

export function SweepResult({ result }: { readonly result: SweepLabResult }) {
  const { points, criticalEstimate } = result;
  const m = sweepChart(points, criticalEstimate);
  const { width, height, left, right, top, bottom } = PLOT;
  const from = points[0]?.buffer ?? 0;
  const to = points.at(-1)?.buffer ?? 0;
  const summary =
    criticalEstimate === null
      ? t('lab.sweep.summaryFlat', { from, to })
      : t('lab.sweep.summary', { from, to, critical: fmt(criticalEstimate, 2) });
  return (
    <ResultFrame result={result} title={t('lab.sweep.title')}>
      <p className="mt-2">
        {criticalEstimate === null ? t('lab.sweep.flat') : t('lab.sweep.critical', { value: fmt(criticalEstimate) })}
      </p>
      <p className="mt-2 text-sm text-stone-700">{t('lab.sweep.axes')}</p>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="mt-2 h-auto w-full">
        <g fontSize={14} fill="#44403c">
          {m.yTicks.map((tick) => (
            <g key={tick.value}>
              <line x1={left} x2={width - right} y1={m.y(tick.value)} y2={m.y(tick.value)} stroke="#e7e5e4" />
              <text x={left - 6} y={m.y(tick.value)} textAnchor="end" dominantBaseline="central">
                {tick.label}
              </text>
            </g>
          ))}
          {m.xTicks.map((tick) => (
            <text key={tick.value} x={m.x(tick.value)} y={bottom + 18} textAnchor="middle">
              {tick.label}
            </text>
          ))}
          <text x={(left + width - right) / 2} y={height - 6} textAnchor="middle">
            {t('lab.axis.bin')}
          </text>
          <text x={left} y={top - 12} textAnchor="middle" fontSize={13}>
            {t('lab.axis.growth')}
          </text>
        </g>
        <line x1={left} x2={width - right} y1={m.y(0)} y2={m.y(0)} stroke="#78716c" />
        <line x1={left} x2={left} y1={top} y2={bottom} stroke="#78716c" />
        {m.critical && (
          <g data-testid="critical-mark">
            <line
              x1={m.critical.x}
              x2={m.critical.x}
              y1={top}
              y2={bottom}
              stroke="#7c2d12"
              strokeWidth={2}
              strokeDasharray="8 5"
            />
            <text
              x={m.critical.x + 6}
              y={top + 14}
              fontSize={14}
              fontWeight={700}
              fill="#7c2d12"
              textAnchor={m.critical.x > width - 130 ? 'end' : 'start'}
              dx={m.critical.x > width - 130 ? -12 : 0}
            >
              {t('lab.sweep.mark', { value: fmt(criticalEstimate ?? 0, 2) })}
            </text>
          </g>
        )}
        <path d={m.line} fill="none" stroke="#1d4ed8" strokeWidth={2.5} />
        {m.critical && (
          <path d={m.critical.guide} fill="none" stroke="#b45309" strokeWidth={2.5} strokeDasharray="2 5" />
        )}
        {m.points.map((p) => (
          <g key={p.point.buffer}>
            <line x1={p.x} x2={p.x} y1={p.yLow} y2={p.yHigh} stroke="#1e3a8a" strokeWidth={1.5} />
            <circle cx={p.x} cy={p.y} r={4} fill="#1d4ed8" stroke="white" />
          </g>
        ))}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <li className="text-blue-800">
          <span aria-hidden="true" className="font-black">
            ━●━{' '}
          </span>
          {t('lab.sweep.legend.growth')}
        </li>
        {m.critical && (
          <>
            <li className="text-orange-900">
              <span aria-hidden="true" className="font-black">
                ╎{' '}
              </span>
              {t('lab.sweep.legend.critical')}
            </li>
            <li className="text-amber-800">
              <span aria-hidden="true" className="font-black">
                ┈┈{' '}
              </span>
              {t('lab.sweep.legend.guide')}
            </li>
          </>
        )}
      </ul>
      <details className="mt-2">
        <summary className="cursor-pointer font-semibold text-blue-900">{t('lab.sweep.table')}</summary>
        <div className="mt-2 max-h-64 overflow-auto">
          <table className="w-full text-right text-sm tabular-nums">
            <thead>
              <tr className="border-b border-stone-300">
                {(['buffer', 'growth', 'error', 'breach', 'delay'] as const).map((c) => (
                  <th key={c} scope="col" className="p-1">
                    {t(`lab.sweep.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.buffer} className="border-b border-stone-100">
                  <th scope="row" className="p-1">
                    {p.buffer}
                  </th>
                  <td className="p-1">{fmt(p.growthRate, 4)}</td>
                  <td className="p-1">{fmt(p.growthRateError, 4)}</td>
                  <td className="p-1">{Math.round(p.breachRate * 100)}%</td>
                  <td className="p-1">{fmt(p.meanDelay, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </ResultFrame>
  );
}
