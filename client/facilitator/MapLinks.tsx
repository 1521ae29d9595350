/**
 * The links of a circle map as thin curves, and the cascade as arrows from each breached bin's
 * binding supplier (white halo, dark line, an arrowhead `markerId` the map defines). Shared by the
 * projector's map and the debrief's replay.
 */
import { type MapGeometry, curvePath } from './layout';
import type { Link } from './network';

interface MapLinksProps {
  readonly geo: MapGeometry;
  readonly links: readonly Link[];
  readonly arrows: readonly Link[];
  /** The id of the arrowhead marker in the map's <defs>. */
  readonly markerId: string;
}

export function MapLinks({ geo, links, arrows, markerId }: MapLinksProps) {
  const r = geo.nodeRadius;
  const at = (i: number) => geo.nodes[i]!;
  return (
    <>
      <g fill="none" stroke="#a8a29e" strokeWidth={1.5} opacity={0.7}>
        {links.map((l) => (
          <path key={`${l.supplier}>${l.customer}`} d={curvePath(at(l.supplier), at(l.customer), geo.centre, r, r)} />
        ))}
      </g>
      <g fill="none" strokeLinecap="round">
        {arrows.map((a) => {
          const d = curvePath(at(a.supplier), at(a.customer), geo.centre, r + 2, r + 4, 0.25);
          return (
            <g key={`${a.supplier}>${a.customer}`}>
              <path d={d} stroke="#ffffff" strokeWidth={10} />
              <path d={d} stroke="#1c1917" strokeWidth={5} markerEnd={`url(#${markerId})`} />
            </g>
          );
        })}
      </g>
    </>
  );
}
