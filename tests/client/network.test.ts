import { describe, expect, it } from 'vitest';
import { cascadeArrows, customersOf, downstream, linksOf, regionAround } from '../../client/facilitator/network';
import { playedG } from './fixtures';

// A small chain with a fork: 0 -> 1 -> 2 -> 3, and 0 -> 4; 3 also takes from 4.
const chain = [{ suppliers: [] }, { suppliers: [0] }, { suppliers: [1] }, { suppliers: [2, 4] }, { suppliers: [0] }];

describe('the network as drawn', () => {
  it('lists every link once, supplier to customer', () => {
    expect(linksOf(chain)).toEqual([
      { supplier: 0, customer: 1 },
      { supplier: 1, customer: 2 },
      { supplier: 2, customer: 3 },
      { supplier: 4, customer: 3 },
      { supplier: 0, customer: 4 },
    ]);
    expect(linksOf([{ suppliers: [1, 1] }, { suppliers: [0] }])).toHaveLength(2);
  });

  it('knows every workshop’s customers', () => {
    expect(customersOf(chain)).toEqual([[1, 4], [2], [3], [], [3]]);
  });

  it('draws a cascade arrow from the binding supplier of every breached bin (last round)', () => {
    const g = playedG(6, { autopilot: 'steady:0.5' }, { seed: 'cascade' });
    const last = g.history.at(-1)!;
    const arrows = cascadeArrows(last);
    expect(arrows.length).toBeGreaterThan(0);
    expect(arrows).toHaveLength(last.workshops.filter((w) => w.breached).length);
    for (const a of arrows) {
      expect(last.workshops[a.customer]!.binding).toBe(a.supplier);
      expect(g.workshops[a.customer]!.suppliers).toContain(a.supplier);
    }
    expect(cascadeArrows(null)).toEqual([]);
  });
});

describe('where a shock can reach', () => {
  it('follows customers one round at a time', () => {
    expect([...downstream(chain, [0], 3).entries()]).toEqual([
      [0, 0],
      [1, 1],
      [4, 1],
      [2, 2],
      [3, 2],
    ]);
  });

  it('stops after the given number of rounds', () => {
    expect([...downstream(chain, [0], 1).keys()]).toEqual([0, 1, 4]);
    expect([...downstream(chain, [3], 3).keys()]).toEqual([3]);
  });

  it('ignores origins that are not workshops', () => {
    expect(downstream(chain, [-1, 9], 2).size).toBe(0);
  });

  it('reaches only workshops on a real network that depend on the origin', () => {
    const g = playedG(0);
    const reach = downstream(g.workshops, [0], 2);
    for (const [w, r] of reach)
      if (r > 0) expect(g.workshops[w]!.suppliers.some((s) => reach.get(s) === r - 1)).toBe(true);
  });
});

describe('a storm’s region', () => {
  it('takes neighbours in both directions up to the given hops', () => {
    expect(regionAround(chain, 2, 0)).toEqual([2]);
    expect(regionAround(chain, 2, 1)).toEqual([1, 2, 3]);
    expect(regionAround(chain, 2, 2)).toEqual([0, 1, 2, 3, 4]);
    expect(regionAround(chain, 7, 1)).toEqual([]);
  });
});
