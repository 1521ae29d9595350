/**
 * One workshop on the map. Cues besides colour: the lateness in hours written inside, a heavy
 * ring with a "!" badge for a line stop, a dashed outline for autopilot, and for a shock preview
 * a blue ring with the number of rounds until the shock can arrive.
 */
import type { Workshop } from '../../game/core/types';
import { bandFill, bandInk, formatHours, latenessBand } from './colour';
import { type Point, labelPlacement } from './layout';

interface MapNodeProps {
  readonly index: number;
  readonly node: Point & { readonly angle: number };
  readonly radius: number;
  readonly label: string;
  /** What the node shows (the debrief's replay passes a past round's values). */
  readonly workshop: Pick<Workshop, 'lateness' | 'breached' | 'autopilot'>;
  readonly absent: boolean;
  /** Rounds until a previewed shock can arrive here (0: it starts here), or null. */
  readonly roundsAway: number | null;
  readonly onPick: (workshop: number) => void;
}

export function MapNode({ index, node, radius: r, label, workshop, absent, roundsAway, onPick }: MapNodeProps) {
  const band = latenessBand(workshop.lateness);
  const place = labelPlacement(node, r + (roundsAway !== null ? 16 : 10));
  const font = Math.max(11, Math.min(r * 0.75, 30));
  const dashed = workshop.autopilot || absent;
  // Badges sit on the side facing the centre (names are written on the outer side), turned by `turn`.
  const inward = (turn: number) => ({
    x: node.x + 1.1 * r * Math.cos(node.angle + Math.PI + turn),
    y: node.y + 1.1 * r * Math.sin(node.angle + Math.PI + turn),
  });
  return (
    <g onClick={() => onPick(index)} className="cursor-pointer" aria-hidden="true">
      {roundsAway !== null && (
        <circle
          cx={node.x}
          cy={node.y}
          r={r + 8}
          fill="none"
          stroke="#1d4ed8"
          strokeWidth={roundsAway === 0 ? 7 : 4}
          strokeDasharray={roundsAway === 0 ? undefined : '6 4'}
        />
      )}
      <circle
        cx={node.x}
        cy={node.y}
        r={r}
        fill={bandFill(band)}
        stroke="#1c1917"
        strokeWidth={workshop.breached ? 6 : 2}
        strokeDasharray={dashed && !workshop.breached ? '5 4' : undefined}
      />
      <text
        x={node.x}
        y={node.y}
        textAnchor="middle"
        dominantBaseline="central"
        fontSize={font}
        fontWeight={700}
        fill={bandInk(band)}
      >
        {formatHours(workshop.lateness)}
      </text>
      {workshop.breached && (
        <g transform={`translate(${inward(-0.7).x},${inward(-0.7).y})`}>
          <path
            d={`M0,${-r * 0.5} L${r * 0.45},${r * 0.3} L${-r * 0.45},${r * 0.3} z`}
            fill="#fde047"
            stroke="#1c1917"
            strokeWidth={2}
          />
          <text textAnchor="middle" y={r * 0.22} fontSize={r * 0.55} fontWeight={900} fill="#1c1917">
            !
          </text>
        </g>
      )}
      {roundsAway !== null && roundsAway > 0 && (
        <g transform={`translate(${inward(0.7).x},${inward(0.7).y})`}>
          <circle r={Math.max(9, r * 0.38)} fill="#1d4ed8" />
          <text
            textAnchor="middle"
            dominantBaseline="central"
            fontSize={Math.max(11, r * 0.45)}
            fontWeight={700}
            fill="#ffffff"
          >
            {roundsAway}
          </text>
        </g>
      )}
      <text
        x={place.x}
        y={place.y}
        textAnchor={place.anchor}
        dominantBaseline="central"
        fontSize={Math.max(16, Math.min(r * 0.55, 28))}
        fill="#1c1917"
      >
        {label}
      </text>
    </g>
  );
}
