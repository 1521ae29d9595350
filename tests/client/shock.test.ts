import { describe, expect, it } from 'vitest';
import { verdictText } from '../../game/core/refusals';
import { canShock } from '../../game/core/shocks';
import { explain } from '../../client/board/format';
import {
  checkShock,
  describeShock,
  draftShock,
  initialDraft,
  shockOrigins,
  supplierChoices,
  viewAsState,
} from '../../client/facilitator/shock';
import { facilitatorView, facilitatorViewOf, playedG } from './fixtures';

describe('shocks from the facilitator’s form (F3)', () => {
  it('judges a shock on the view exactly as the server judges it on the state', () => {
    const g = playedG(2);
    const view = facilitatorViewOf(g);
    const shocks: unknown[] = [
      { kind: 'delay', workshop: 0, hours: 4 },
      { kind: 'delay', workshop: 0, hours: 0 },
      { kind: 'delay', workshop: 99, hours: 4 },
      { kind: 'storm', workshops: [0, 1], rounds: 3, extra: 1 },
      { kind: 'storm', workshops: [], rounds: 3, extra: 1 },
      { kind: 'cut', workshop: 0, supplier: g.workshops[0]!.suppliers[0]! },
      { kind: 'cut', workshop: 0, supplier: 0 },
      { kind: 'open', workshop: 0, supplier: g.workshops[0]!.suppliers[0]! },
    ];
    for (const s of shocks) expect(canShock(viewAsState(view), s)).toEqual(canShock(g, s));
  });

  it('builds a delay, a storm over a region, a cut and an opening from the draft', () => {
    const view = facilitatorView(1);
    expect(draftShock(initialDraft, view)).toEqual({ kind: 'delay', workshop: 0, hours: 4 });
    const storm = draftShock({ ...initialDraft, kind: 'storm', workshop: 3, hops: 1 }, view);
    expect(storm.kind === 'storm' && storm.workshops).toContain(3);
    expect(storm.kind === 'storm' && storm.workshops.length).toBeGreaterThan(1);
    expect(checkShock(view, storm)).toBeNull();
    const supplier = view.workshops[3]!.suppliers[0]!;
    expect(draftShock({ ...initialDraft, kind: 'cut', workshop: 3, supplier }, view)).toEqual({
      kind: 'cut',
      workshop: 3,
      supplier,
    });
  });

  it('refuses what the server refuses, with its reason', () => {
    const view = facilitatorView(1);
    expect(verdictText(checkShock(view, draftShock({ ...initialDraft, hours: 'lots' }, view)))).toMatch(/hours/);
    expect(verdictText(checkShock(view, draftShock({ ...initialDraft, kind: 'cut', supplier: -1 }, view)))).toMatch(
      /two different/,
    );
    expect(
      verdictText(
        checkShock(facilitatorView(0, {}, { unstarted: true }), draftShock(initialDraft, facilitatorView(1))),
      ),
    ).toMatch(/running game/);
  });

  it('offers existing links to cut and missing ones to open', () => {
    const view = facilitatorView(1);
    const w = view.workshops[2]!;
    expect(supplierChoices(view, 'cut', 2)).toEqual([...w.suppliers].sort((a, b) => a - b));
    const open = supplierChoices(view, 'open', 2);
    expect(open).not.toContain(2);
    for (const s of w.suppliers) expect(open).not.toContain(s);
    expect(open.length + w.suppliers.length + 1).toBe(view.workshops.length);
    for (const s of open) expect(checkShock(view, { kind: 'open', workshop: 2, supplier: s })).toBeNull();
    expect(supplierChoices(view, 'cut', 99)).toEqual([]);
  });

  it('starts where the shock strikes', () => {
    expect(shockOrigins({ kind: 'storm', workshops: [1, 2], rounds: 1, extra: 1 })).toEqual([1, 2]);
    expect(shockOrigins({ kind: 'cut', workshop: 5, supplier: 1 })).toEqual([5]);
  });

  it('describes queued shocks in words', () => {
    const name = (i: number) => `W${i}`;
    expect(describeShock({ kind: 'delay', workshop: 1, hours: 4 }, name)).toBe('W1 is delayed by 4 h');
    expect(describeShock({ kind: 'open', workshop: 1, supplier: 2 }, name)).toBe('New link: W2 supplies W1');
    expect(describeShock({ kind: 'storm', workshops: [1, 2], rounds: 3, extra: 1 }, name)).toMatch(
      /2 workshops \(W1, W2\)/,
    );
  });
});

describe("canShock's refusals in the translation layer (F3)", () => {
  it("[F3] a refusal is shown in the reader's words, with its numbers", () => {
    const view = facilitatorView(1);
    const refusal = checkShock(view, draftShock({ ...initialDraft, hours: '500' }, view));
    expect(refusal).toEqual({ code: 'shock.delayHours', max: 100 });
    expect(explain(refusal!)).toBe('delay hours must be more than 0 and at most 100');
  });
});
