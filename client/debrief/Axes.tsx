/** The debrief's mark on charts over rounds; the axes themselves are facilitator/LatenessPlot's. */
import { CHART } from '../facilitator/chart';

/** A vertical line at the round the replay shows. */
export function RoundMarker({ x, bottom = CHART.bottom }: { readonly x: number | null; readonly bottom?: number }) {
  if (x === null) return null;
  return <line x1={x} x2={x} y1={CHART.top} y2={bottom} stroke="#0072B2" strokeWidth={2} strokeDasharray="6 3" />;
}
