/**
 * The drawing of lateness over rounds, shared by the projector's chart and the debrief: axes
 * (grid, hour and round ticks, the critical bin), mean lateness (solid, dots), the mean bin
 * (dashed, squares) and the breach-rate bars, with their legend. Scales from chart.ts.
 */
import type { ReactNode } from 'react';
import { t } from '../i18n';
import { CHART, type ChartModel, type RoundPoint } from './chart';

/** The grid, the hour ticks, the round ticks and the critical bin. `xLabelY`: where the round numbers go. */
export function Axes({ m, xLabelY = CHART.bottom + 20 }: { readonly m: ChartModel; readonly xLabelY?: number }) {
  const { width, left, right, lateBottom } = CHART;
  return (
    <>
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
          <text key={r} x={m.xOf(r)} y={xLabelY} textAnchor="middle">
            {r}
          </text>
        ))}
      </g>
      <line x1={left} x2={width - right} y1={lateBottom} y2={lateBottom} stroke="#78716c" />
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
    </>
  );
}

interface LatenessPlotProps {
  readonly m: ChartModel;
  readonly rounds: readonly RoundPoint[];
  /** The chart's text alternative. */
  readonly summary: string;
  /** Drawn on top (the debrief's marker of the round shown). */
  readonly children?: ReactNode;
}

/** The whole chart: axes, the breach-rate band, lateness and mean bin with their points, the bars. */
export function LatenessPlot({ m, rounds, summary, children }: LatenessPlotProps) {
  const { width, height, left, right, barTop, bottom } = CHART;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="mt-2 h-auto w-full">
      <Axes m={m} />
      <text
        x={left - 6}
        y={(barTop + bottom) / 2}
        textAnchor="end"
        dominantBaseline="central"
        fontSize={15}
        fill="#44403c"
      >
        {t('chart.breachShort')}
      </text>
      <line x1={left} x2={width - right} y1={bottom} y2={bottom} stroke="#78716c" />
      <path d={m.bin} fill="none" stroke="#1d4ed8" strokeWidth={2.5} strokeDasharray="8 5" />
      <path d={m.lateness} fill="none" stroke="#1c1917" strokeWidth={3} />
      {rounds.map((r) => (
        <g key={r.round}>
          <circle cx={m.xOf(r.round)} cy={m.yOf(r.meanLateness)} r={3.5} fill="#1c1917" />
          <rect x={m.xOf(r.round) - 3} y={m.yOf(r.meanBin) - 3} width={6} height={6} fill="#1d4ed8" />
        </g>
      ))}
      {m.bars.map((b) => (
        <rect key={b.round} x={b.x} y={b.y} width={b.w} height={b.h} fill="#b45309" />
      ))}
      {children}
    </svg>
  );
}

/** The legend of LatenessPlot, in words beside the marks; `children`: more entries. */
export function LatenessLegend({ children }: { readonly children?: ReactNode }) {
  return (
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
      {children}
    </ul>
  );
}
