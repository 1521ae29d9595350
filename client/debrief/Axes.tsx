/** The grid, the hour ticks and the round ticks of a chart over rounds (facilitator/chart.ts scales). */
import { CHART, type ChartModel } from '../facilitator/chart';

/** `xLabelY`: where the round numbers go (under the bars by default; charts without bars pass their own). */
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

/** A vertical line at the round the replay shows. */
export function RoundMarker({ x, bottom = CHART.bottom }: { readonly x: number | null; readonly bottom?: number }) {
  if (x === null) return null;
  return <line x1={x} x2={x} y1={CHART.top} y2={bottom} stroke="#0072B2" strokeWidth={2} strokeDasharray="6 3" />;
}
