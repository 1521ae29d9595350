/**
 * The map's geometry: workshops on a circle in index order (ring networks then show their
 * neighbours side by side), links as curves bent towards the centre so that they do not all
 * cross at one point, and arrows that stop at the edge of the nodes. Pure.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface MapGeometry {
  /** The drawing is `width` x `size`: wider than high, for the names left and right. */
  readonly width: number;
  readonly size: number;
  readonly centre: Point;
  readonly radius: number;
  readonly nodeRadius: number;
  readonly nodes: readonly (Point & { readonly angle: number })[];
}

/** Maps up to this many workshops write their names beside them; larger ones their numbers. */
export const NAMES_UP_TO = 24;

/** Room for a label outside the top and bottom nodes (a gap and one line of text). */
export const LABEL_ROOM = 44;

/**
 * `n` nodes on a circle in a box `size` high, first at the top, clockwise. With `names` the box is
 * wider than high (room for names left and right); with numbers the circle takes nearly all of it.
 */
export function circleLayout(n: number, size = 1000, names = n <= NAMES_UP_TO): MapGeometry {
  const width = Math.round(size * (names ? 1.4 : 1.06));
  const centre = { x: width / 2, y: size / 2 };
  // Nodes as large as the circle allows (a gap between neighbours), within readable limits; the
  // circle then shrinks so that a label fits above the top node and below the bottom one.
  const outer = size * (names ? 0.36 : 0.43);
  const spacing = n > 0 ? (2 * Math.PI * outer) / n : outer;
  const nodeRadius = Math.max(10, Math.min(size * 0.06, spacing * (names ? 0.38 : 0.45)));
  const radius = Math.min(outer, size / 2 - nodeRadius - LABEL_ROOM);
  const nodes = Array.from({ length: n }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle), angle };
  });
  return { width, size, centre, radius, nodeRadius, nodes };
}

const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
const distance = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);

/** The control point of a link's curve: its midpoint pulled a share `bend` towards the centre. */
export function controlPoint(from: Point, to: Point, centre: Point, bend = 0.35): Point {
  return lerp(lerp(from, to, 0.5), centre, bend);
}

/** A point at `gap` from `from` along the straight line towards `towards`. */
function stepTowards(from: Point, towards: Point, gap: number): Point {
  const d = distance(from, towards);
  return d === 0 ? from : lerp(from, towards, gap / d);
}

/**
 * An SVG path from `from` to `to` bent towards the centre, trimmed by `gapFrom` and `gapTo` at its
 * ends (the node radii), so an arrowhead at its end touches the node's edge.
 */
export function curvePath(from: Point, to: Point, centre: Point, gapFrom = 0, gapTo = 0, bend = 0.35): string {
  const c = controlPoint(from, to, centre, bend);
  const start = stepTowards(from, c, gapFrom);
  const end = stepTowards(to, c, gapTo);
  const r = (v: number) => Math.round(v * 10) / 10;
  return `M${r(start.x)},${r(start.y)} Q${r(c.x)},${r(c.y)} ${r(end.x)},${r(end.y)}`;
}

/** Where a node's name goes: outside the circle along its angle, anchored away from the centre. */
export function labelPlacement(
  node: Point & { readonly angle: number },
  offset: number,
): Point & { readonly anchor: 'start' | 'middle' | 'end' } {
  const x = node.x + offset * Math.cos(node.angle);
  const y = node.y + offset * Math.sin(node.angle);
  const cos = Math.cos(node.angle);
  const anchor = Math.abs(cos) < 0.3 ? 'middle' : cos > 0 ? 'start' : 'end';
  return { x, y, anchor };
}
