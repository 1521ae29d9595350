/**
 * The phase diagram's drawing: growth rate of lateness (hours per round) against the bin, one dot
 * per bin size with its standard error, the critical buffer as a vertical line, and the table's
 * mean bin of every round as ticks along the bottom (a triangle at their mean).
 */
import type { SweepPoint, SweepRange } from '../../game/lab/experiments';
import { num } from '../board/format';
import { t } from '../i18n';
import { PHASE_CHART, phaseModel } from './phase';

interface PhaseChartProps {
  readonly points: readonly SweepPoint[];
  readonly range: SweepRange;
  readonly meanBins: readonly { readonly round: number; readonly meanBin: number }[];
  readonly criticalBuffer: number | null;
  readonly label: string;
}

export function PhaseChart({ points, range, meanBins, criticalBuffer, label }: PhaseChartProps) {
  const m = phaseModel(points, meanBins, criticalBuffer, range);
  const { width, height, left, right, top, bottom } = PHASE_CHART;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="mt-2 h-auto w-full">
      <g fontSize={15} fill="#44403c">
        {m.yTicks.map((v) => (
          <g key={v}>
            <line x1={left} x2={width - right} y1={m.yOf(v)} y2={m.yOf(v)} stroke="#e7e5e4" />
            <text x={left - 6} y={m.yOf(v)} textAnchor="end" dominantBaseline="central">
              {num(v, 2)}
            </text>
          </g>
        ))}
        {m.xTicks.map((v) => (
          <text key={v} x={m.xOf(v)} y={bottom + 34} textAnchor="middle">
            {num(v, 2)}
          </text>
        ))}
        <text x={(left + width - right) / 2} y={height - 2} textAnchor="middle" fontSize={14}>
          {t('debrief.phase.xAxis')}
        </text>
      </g>
      <line x1={left} x2={width - right} y1={m.yOf(0)} y2={m.yOf(0)} stroke="#78716c" />
      <line x1={left} x2={left} y1={top} y2={bottom} stroke="#78716c" />
      {m.criticalX !== null && (
        <g data-testid="phase-critical">
          <line
            x1={m.criticalX}
            x2={m.criticalX}
            y1={top}
            y2={bottom}
            stroke="#7c2d12"
            strokeWidth={2.5}
            strokeDasharray="2 4"
          />
          <text x={m.criticalX + 4} y={top + 12} fontSize={15} fontWeight={700} fill="#7c2d12">
            {t('debrief.phase.bcLabel', { bc: num(criticalBuffer ?? 0, 2) })}
          </text>
        </g>
      )}
      <g stroke="#44403c" strokeWidth={1.5}>
        {m.errors.map((e) => (
          <line key={e.x} x1={e.x} x2={e.x} y1={e.y1} y2={e.y2} />
        ))}
      </g>
      <path d={m.curve} fill="none" stroke="#1c1917" strokeWidth={2.5} />
      {m.dots.map((d) => (
        <circle key={d.buffer} cx={d.x} cy={d.y} r={4} fill="#1c1917" />
      ))}
      <g stroke="#1d4ed8" strokeWidth={2}>
        {m.marks.map((mark) => (
          <line key={mark.round} x1={mark.x} x2={mark.x} y1={bottom + 2} y2={bottom + 14} />
        ))}
      </g>
      {m.heldX !== null && (
        <path
          d={`M${m.heldX},${bottom - 2} l-7,-12 l14,0 z`}
          fill="#1d4ed8"
          stroke="#ffffff"
          strokeWidth={1.5}
          data-testid="phase-held"
        />
      )}
    </svg>
  );
}
