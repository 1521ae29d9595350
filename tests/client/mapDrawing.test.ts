import { describe, expect, it } from 'vitest';
import { BAND_FILLS, bandFill, bandInk, bandRange, formatHours, latenessBand } from '../../client/facilitator/colour';
import { NAMES_UP_TO, circleLayout, controlPoint, curvePath, labelPlacement } from '../../client/facilitator/layout';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('lateness colours', () => {
  it('puts hours into six bands with closed lower bounds', () => {
    expect([0, 0.49, 0.5, 1, 1.99, 2, 4, 7.9, 8, 100].map(latenessBand)).toEqual([0, 0, 1, 2, 2, 3, 4, 4, 5, 5]);
  });

  it('gets darker band by band, so the order survives colour-blindness and greyscale', () => {
    const l = BAND_FILLS.map(luminance);
    for (let i = 1; i < l.length; i++) expect(l[i]!).toBeLessThan(l[i - 1]!);
  });

  it('writes the hours on every band with at least 4.5:1 contrast', () => {
    for (let b = 0; b <= 5; b++) {
      const band = b as 0 | 1 | 2 | 3 | 4 | 5;
      expect(contrast(bandFill(band), bandInk(band))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('describes the bands for the legend', () => {
    expect(bandRange(0)).toEqual([0, 0.5]);
    expect(bandRange(3)).toEqual([2, 4]);
    expect(bandRange(5)).toEqual([8, null]);
  });

  it('shows one decimal below 10 hours and whole hours above', () => {
    expect(formatHours(0)).toBe('0.0');
    expect(formatHours(2.345)).toBe('2.3');
    expect(formatHours(12.6)).toBe('13');
    expect(formatHours(Number.NaN)).toBe('–');
  });
});

describe('the circle layout', () => {
  const cases: [number, boolean | undefined][] = [1, 4, 12, 24, 25, 60].map((n) => [n, undefined]);
  for (const [n, names] of [...cases, [12, false], [20, false]] as const) {
    it(`keeps ${n} workshops and their ${names === false ? 'numbers' : 'labels'} inside the drawing, without overlap`, () => {
      const geo = circleLayout(n, 1000, names);
      expect(geo.nodes).toHaveLength(n);
      for (const node of geo.nodes) {
        expect(node.x - geo.nodeRadius).toBeGreaterThanOrEqual(0);
        expect(node.x + geo.nodeRadius).toBeLessThanOrEqual(geo.width);
        expect(node.y - geo.nodeRadius).toBeGreaterThanOrEqual(0);
        expect(node.y + geo.nodeRadius).toBeLessThanOrEqual(geo.size);
        const label = labelPlacement(node, geo.nodeRadius + 10);
        expect(label.x).toBeGreaterThan(0);
        expect(label.x).toBeLessThan(geo.width);
        // One line of text (up to 28 units high) centred on the label point stays inside.
        expect(label.y - 14).toBeGreaterThanOrEqual(0);
        expect(label.y + 14).toBeLessThanOrEqual(geo.size);
      }
      if (n > 1) {
        const [a, b] = geo.nodes;
        expect(Math.hypot(b!.x - a!.x, b!.y - a!.y)).toBeGreaterThan(2 * geo.nodeRadius);
      }
    });
  }

  it('starts at the top and goes clockwise', () => {
    const geo = circleLayout(4);
    const [top, right] = geo.nodes;
    expect(top!.y).toBeLessThan(geo.centre.y);
    expect(Math.abs(top!.x - geo.centre.x)).toBeLessThan(1e-9);
    expect(right!.x).toBeGreaterThan(geo.centre.x);
  });

  it(`leaves room for names up to ${NAMES_UP_TO} workshops, and uses the space for larger maps`, () => {
    expect(circleLayout(NAMES_UP_TO).width).toBeGreaterThan(circleLayout(NAMES_UP_TO + 1).width);
    expect(circleLayout(60).nodeRadius).toBeGreaterThanOrEqual(15);
  });

  it('anchors labels away from the centre', () => {
    const geo = circleLayout(4);
    expect(labelPlacement(geo.nodes[0]!, 10).anchor).toBe('middle');
    expect(labelPlacement(geo.nodes[1]!, 10).anchor).toBe('start');
    expect(labelPlacement(geo.nodes[3]!, 10).anchor).toBe('end');
  });

  it('bends links towards the centre and trims them at the node edges', () => {
    const centre = { x: 0, y: 0 };
    const c = controlPoint({ x: 10, y: 10 }, { x: 10, y: -10 }, centre, 0.5);
    expect(c).toEqual({ x: 5, y: 0 });
    expect(curvePath({ x: 100, y: 0 }, { x: 0, y: 100 }, centre)).toMatch(/^M100,0 Q/);
    const trimmed = curvePath({ x: 100, y: 0 }, { x: -100, y: 0 }, centre, 10, 20, 0);
    expect(trimmed).toBe('M90,0 Q0,0 -80,0');
  });
});
