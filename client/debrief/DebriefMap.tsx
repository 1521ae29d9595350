/**
 * The cascade map at one round of the replay (or of a counterfactual): the projector's drawing
 * (circle layout, lateness-coloured nodes with hours written inside, cascade arrows from binding
 * suppliers), plus a blame chain: numbered rings on its workshops and blue arrows along it. The
 * same facts are in the page's text (the round summary and the chain list).
 */
import { useMemo } from 'react';
import type { BlameLink } from '../../game/debrief/blame';
import { MapLinks } from '../facilitator/MapLinks';
import { MapNode } from '../facilitator/MapNode';
import { NAMES_UP_TO, circleLayout, curvePath } from '../facilitator/layout';
import type { Link } from '../facilitator/network';
import { mapLabel } from '../facilitator/selectors';
import { useWideScreen } from '../facilitator/useWideScreen';
import { type MapFrame, frameArrows } from './replay';
import { chainArrows, chainSteps } from './blame';

export const CHAIN_INK = '#0072B2';

interface DebriefMapProps {
  readonly frame: MapFrame;
  readonly links: readonly Link[];
  readonly names: readonly string[];
  /** What the drawing shows, for screen readers. */
  readonly label: string;
  readonly chain?: readonly BlameLink[] | null;
  readonly onPick?: (workshop: number) => void;
  /** Small maps (side by side) write numbers, not names. */
  readonly small?: boolean;
  /** A prefix for the SVG ids (two maps on one page). */
  readonly idPrefix: string;
}

export function DebriefMap({ frame, links, names, label, chain, onPick, small = false, idPrefix }: DebriefMapProps) {
  const n = frame.lateness.length;
  const wide = useWideScreen();
  const named = !small && wide && n <= NAMES_UP_TO;
  const geo = useMemo(() => circleLayout(n, 1000, named), [n, named]);
  const arrows = useMemo(() => frameArrows(frame), [frame]);
  const steps = useMemo(() => chainSteps(chain ?? []), [chain]);
  const along = useMemo(() => chainArrows(chain ?? []), [chain]);
  const r = geo.nodeRadius;
  const at = (i: number) => geo.nodes[i]!;
  const head = `${idPrefix}-head`;
  const chainHead = `${idPrefix}-chain-head`;
  return (
    <svg viewBox={`0 0 ${geo.width} ${geo.size}`} role="img" aria-label={label} className="h-auto w-full select-none">
      <defs>
        <marker id={head} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="#1c1917" />
        </marker>
        <marker id={chainHead} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="4" markerHeight="4" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill={CHAIN_INK} />
        </marker>
      </defs>
      <MapLinks geo={geo} links={links} arrows={arrows} markerId={head} />
      <g fill="none" stroke={CHAIN_INK} strokeWidth={7} strokeDasharray="14 8" strokeLinecap="round">
        {along.map((a) => (
          <path
            key={`chain-${a.supplier}>${a.customer}`}
            d={curvePath(at(a.supplier), at(a.customer), geo.centre, r + 14, r + 16, -0.2)}
            markerEnd={`url(#${chainHead})`}
          />
        ))}
      </g>
      {Array.from({ length: n }, (_, i) => (
        <MapNode
          key={i}
          index={i}
          node={at(i)}
          radius={r}
          label={mapLabel(names[i] ?? String(i + 1), i, n, named)}
          workshop={{
            lateness: frame.lateness[i] ?? 0,
            breached: frame.breached[i] ?? false,
            autopilot: frame.autopilot?.[i] ?? false,
          }}
          absent={false}
          roundsAway={null}
          onPick={onPick ?? (() => undefined)}
        />
      ))}
      {[...steps.entries()].map(([workshop, numbers]) => {
        const node = at(workshop);
        const text = numbers.join(',');
        const w = r * (0.5 + 0.3 * text.length);
        return (
          <g key={`step-${workshop}`} aria-hidden="true">
            <circle cx={node.x} cy={node.y} r={r + 9} fill="none" stroke={CHAIN_INK} strokeWidth={6} />
            <g transform={`translate(${node.x + r * 0.85},${node.y - r * 0.85})`}>
              <rect x={-w / 2} y={-r * 0.38} width={w} height={r * 0.76} rx={r * 0.2} fill={CHAIN_INK} />
              <text textAnchor="middle" dominantBaseline="central" fontSize={r * 0.5} fontWeight={700} fill="#fff">
                {text}
              </text>
            </g>
          </g>
        );
      })}
    </svg>
  );
}
