/**
 * The whole network as an SVG: workshops on a circle, coloured and labelled by lateness, links as
 * thin curves, and the last round's cascade as arrows from each breached bin's binding supplier.
 * A shock preview rings the workshops it can reach. The same facts are in the table beside it.
 */
import { useMemo } from 'react';
import type { FacilitatorView } from '../../game/core/view';
import { t } from '../i18n';
import { MapLinks } from './MapLinks';
import { MapNode } from './MapNode';
import { NAMES_UP_TO, circleLayout } from './layout';
import { cascadeArrows, linksOf } from './network';
import { mapLabel } from './selectors';
import { useWideScreen } from './useWideScreen';

interface NetworkMapProps {
  readonly view: FacilitatorView;
  readonly reach: ReadonlyMap<number, number> | null;
  readonly onPick: (workshop: number) => void;
}

export function NetworkMap({ view, reach, onPick }: NetworkMapProps) {
  const n = view.workshops.length;
  // Narrow screens write numbers beside the workshops (their names are in the table).
  const names = useWideScreen() && n <= NAMES_UP_TO;
  const geo = useMemo(() => circleLayout(n, 1000, names), [n, names]);
  const links = useMemo(() => linksOf(view.workshops), [view.workshops]);
  const arrows = useMemo(() => cascadeArrows(view.lastRound), [view.lastRound]);
  const late = view.workshops.filter((w) => w.lateness >= 2).length;
  const summary = t('map.summary', { n, late, stops: arrows.length });
  const r = geo.nodeRadius;
  const at = (i: number) => geo.nodes[i]!;
  return (
    <svg
      viewBox={`0 0 ${geo.width} ${geo.size}`}
      role="img"
      aria-label={summary}
      className="h-auto max-h-[calc(100vh-8rem)] w-full select-none"
    >
      <defs>
        <marker id="cascade-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="#1c1917" />
        </marker>
      </defs>
      <MapLinks geo={geo} links={links} arrows={arrows} markerId={'cascade-head'} />
      {view.workshops.map((w, i) => (
        <MapNode
          key={w.id}
          index={i}
          node={at(i)}
          radius={r}
          label={mapLabel(w.name, i, n, names)}
          workshop={w}
          absent={w.seat !== null && view.absent.includes(w.seat)}
          roundsAway={reach?.get(i) ?? null}
          onPick={onPick}
        />
      ))}
    </svg>
  );
}
