/** The board's pure selectors: form parsing, costs (R6), cover (R1), clock, history, game over. */
import { describe, expect, it } from 'vitest';
import { workshopOfSeat } from '../../../game/core/decisions';
import type { WorkshopRound } from '../../../game/core/types';
import {
  bindingLast,
  checkDraft,
  clockState,
  finalSummary,
  formatClock,
  historyRows,
  initialDraft,
  inputCovers,
  knownWorkshops,
  latenessLevel,
  mapLayout,
  parseHours,
  rentPerRound,
  sparkline,
} from '../../../client/board/selectors';
import { playRounds, viewOf, worldG } from './fixtures';

describe('parsing what a person types', () => {
  it.each([
    ['2.5', 2.5],
    [' 3 ', 3],
    ['2,5', 2.5],
    ['.5', 0.5],
    ['0', 0],
    ['-1', -1],
  ])('"%s" is %d hours', (text, hours) => expect(parseHours(text)).toBe(hours));

  it.each(['', ' ', 'abc', '2h', '1e3', '2.5.1', 'Infinity', '0x10'])('"%s" is not a number of hours', (text) =>
    expect(parseHours(text)).toBeNaN(),
  );
});

describe('the decision form (D1-D6)', () => {
  it('starts from the bins in effect and is ready to commit for the view’s round', () => {
    const g = worldG();
    const view = viewOf(g);
    const draft = initialDraft(view);
    expect(draft.bins).toEqual(view.me.bins.map(String));
    const check = checkDraft(view, draft);
    expect(check.decision).toEqual({ round: 1, bins: view.me.bins, kaizenFace: null, help: null, suppliers: null });
    expect(check.form).toBeNull();
  });

  it('starts at the council floor when the bins in effect are below it (D2)', () => {
    const g = worldG();
    g.rule = { kind: 'floor', bin: 3 };
    expect(initialDraft(viewOf(g)).bins.every((b) => b === '3')).toBe(true);
  });

  it('explains a refused bin next to its field and sends nothing', () => {
    const g = worldG();
    const view = viewOf(g);
    const check = checkDraft(view, { ...initialDraft(view), bins: ['abc', '11'] });
    expect(check.decision).toBeNull();
    expect(check.bins.map((p) => p?.code)).toEqual(['bin.notNumber', 'bin.tooHigh']);
    expect(check.form).toBeNull();
  });

  it('says the commit is already in once the view shows it committed', () => {
    const g = worldG();
    const w = g.workshops[workshopOfSeat(g, '1')]!;
    g.committed['1'] = { round: 1, bins: w.bins, kaizenFace: null, help: null, suppliers: null };
    const check = checkDraft(viewOf(g), initialDraft(viewOf(g)));
    expect(check.decision).toBeNull();
    expect(check.form?.code).toBe('commit.already');
  });

  it('offers supplier choice only where an input has alternatives ("The new road")', () => {
    const g = worldG({ scenario: 'new-road', humanSeats: 15 });
    const chooser = g.workshops.find((w) => w.alternatives.some((a) => a.length > 0))!;
    const loop = g.workshops.find((w) => w.alternatives.every((a) => a.length === 0))!;
    expect(initialDraft(viewOf(g, chooser.seat!)).suppliers).toEqual(chooser.suppliers);
    expect(initialDraft(viewOf(g, loop.seat!)).suppliers).toBeNull();
  });
});

describe('R6: rent of the bins being decided', () => {
  it('is (rent + rentGrowth (round - 1)) x the sum of the bins', () => {
    const g = worldG({ scenario: 'foggy-cliff' });
    g.round = 5;
    const view = viewOf(g);
    const { rent, rentGrowth } = view.config.costs;
    expect(rentGrowth).toBeGreaterThan(0);
    expect(rentPerRound(view, [2, 1.5])).toBeCloseTo((rent + rentGrowth * 4) * 3.5, 10);
    expect(rentPerRound(view, [2, NaN])).toBeCloseTo((rent + rentGrowth * 4) * 2, 10);
  });

  it('equals what the game charged for the bins in effect that round', () => {
    const g = playRounds(worldG({ scenario: 'foggy-cliff' }), 3, 1.25);
    const view = viewOf(g);
    const last = view.myHistory.at(-1)!;
    expect(rentPerRound(view, last.bins, view.round - 1)).toBeCloseTo(last.rent, 10);
  });
});

describe('R1: my bins against what came in', () => {
  it('shows the bin in effect, last round’s incoming lateness per input, and which input ran dry', () => {
    const g = playRounds(worldG(), 6, 0);
    const view = viewOf(g);
    const last = view.myHistory.at(-1)!;
    const covers = inputCovers(view);
    expect(covers.map((c) => c.bin)).toEqual(view.me.bins);
    expect(covers.map((c) => c.lastIncoming)).toEqual(last.incoming);
    expect(covers.map((c) => c.lastBin)).toEqual(last.bins);
    const drySlots = covers.filter((c) => c.ranDry).map((c) => c.slot);
    expect(drySlots).toEqual(last.breached ? [last.suppliers.indexOf(last.binding)] : []);
    expect(covers.map((c) => c.supplierNow)).toEqual(view.me.suppliers.map((s) => g.workshops[s]!.lateness));
    const lateIn = last.incoming[last.suppliers.indexOf(last.binding)]! > 0;
    expect(bindingLast(view)).toEqual(lateIn ? { supplier: last.binding, breached: last.breached } : null);
  });

  it('names no binding supplier when nothing came in late', () => {
    const view = viewOf(worldG());
    expect(bindingLast(view)).toBeNull();
    const [first, second] = view.me.suppliers as [number, number];
    const row = (incoming: number[], breached = false): WorkshopRound => ({
      lateness: 0,
      trouble: 0,
      binding: first,
      breached,
      bins: [1, 1],
      suppliers: [first, second],
      incoming,
      rent: 2,
      penalty: 0,
      autopilot: false,
      help: null,
      kaizen: null,
    });
    expect(bindingLast({ ...view, myHistory: [row([0, 0])] })).toBeNull();
    expect(bindingLast({ ...view, myHistory: [row([0.5, 0])] })).toEqual({ supplier: first, breached: false });
    expect(bindingLast({ ...view, myHistory: [row([2, 0], true)] })).toEqual({ supplier: first, breached: true });
  });

  it('with zero bins a line stop happens somewhere in a few rounds, and the dry input is the binding one', () => {
    const g = playRounds(worldG(), 8, 0);
    const seats = ['1', '2', '3'].map((s) => viewOf(g, s));
    const stops = seats.flatMap((v) => v.myHistory.filter((r) => r.breached));
    expect(stops.length).toBeGreaterThan(0);
  });

  it('names only workshops the seat can see (itself and its neighbours) until the map is open', () => {
    const g = worldG();
    const view = viewOf(g);
    const known = [...knownWorkshops(view).keys()].sort((a, b) => a - b);
    const expected = [view.me.index, ...view.suppliers.map((s) => s.index), ...view.customers.map((c) => c.index)];
    expect(known).toEqual([...new Set(expected)].sort((a, b) => a - b));
    g.status = 'council';
    expect(knownWorkshops(viewOf(g)).size).toBe(g.workshops.length);
  });
});

describe('the round timer (view.clock)', () => {
  const at = (patch: Partial<ReturnType<typeof viewOf>>) => ({ ...viewOf(worldG()), ...patch });
  it('counts down to the deadline of this round', () => {
    const view = at({ clock: { round: 1, deadline: 70_000, remainingMs: null } });
    expect(clockState(view, 10_000)).toEqual({ kind: 'running', remainingMs: 60_000 });
    expect(clockState(view, 90_000)).toEqual({ kind: 'running', remainingMs: 0 });
  });
  it('shows paused with the time left', () => {
    expect(clockState(at({ paused: true, clock: { round: 1, deadline: null, remainingMs: 25_000 } }), 0)).toEqual({
      kind: 'paused',
      remainingMs: 25_000,
    });
    expect(clockState(at({ paused: true, clock: null }), 0)).toEqual({ kind: 'paused', remainingMs: null });
  });
  it('ignores a clock published for another round, and shows none without a timer', () => {
    expect(clockState(at({ clock: { round: 0, deadline: 5, remainingMs: null } }), 0)).toEqual({ kind: 'none' });
    expect(clockState(at({ clock: null }), 0)).toEqual({ kind: 'none' });
  });
  it.each([
    [60_000, '1:00'],
    [59_001, '1:00'],
    [9_000, '0:09'],
    [0, '0:00'],
    [-5, '0:00'],
  ])('formats %d ms as %s', (ms, text) => expect(formatClock(ms)).toBe(text));
});

describe('my history and the end of the game', () => {
  it('lists one row per resolved round with the network’s mean lateness beside mine', () => {
    const g = playRounds(worldG(), 4, 1);
    const view = viewOf(g);
    const rows = historyRows(view);
    expect(rows.map((r) => r.round)).toEqual([1, 2, 3, 4]);
    expect(rows.map((r) => r.lateness)).toEqual(view.myHistory.map((r) => r.lateness));
    expect(rows.map((r) => r.networkMean)).toEqual(g.history.map((h) => h.meanLateness));
    expect(rows.every((r) => !r.autopilot)).toBe(true);
  });

  it('sums the final numbers from the history the game reveals at the end (I5)', () => {
    const g = playRounds(worldG({ rounds: 5 }), 5, 1.5);
    expect(g.status).toBe('over');
    const view = viewOf(g);
    expect(view.history).not.toBeNull();
    const s = finalSummary(view);
    expect(s.rounds).toBe(5);
    expect(s.rentPaid).toBeCloseTo(
      view.myHistory.reduce((a, r) => a + r.rent, 0),
      10,
    );
    expect(s.coins).toBeCloseTo(view.config.costs.startingCoins - s.rentPaid - s.penaltiesPaid, 10);
    expect(s.network?.meanLateness).toBeCloseTo(g.history.reduce((a, h) => a + h.meanLateness, 0) / 5, 10);
    expect(s.criticalBuffer).toBe(view.config.criticalBuffer);
  });

  it('draws a sparkline inside its box, 0 at the bottom', () => {
    expect(sparkline([0, 2, 1], 100, 50)).toBe('0.0,50.0 50.0,0.0 100.0,25.0');
    expect(sparkline([], 100, 50)).toBe('');
    expect(sparkline([1], 100, 50, 2)).toBe('0.0,25.0');
  });

  it('bands lateness by fixed hours, not by the critical buffer (no hint of the cliff)', () => {
    expect([0, 0.5, 2, 2.1, 6, 6.5].map((h) => latenessLevel(h))).toEqual([
      'onTime',
      'late',
      'late',
      'veryLate',
      'veryLate',
      'severe',
    ]);
  });

  it('lays the map out on a circle inside its box', () => {
    const points = mapLayout(12, 400);
    expect(points).toHaveLength(12);
    expect(points[0]!.x).toBeCloseTo(200, 6);
    for (const p of points) expect(Math.hypot(p.x - 200, p.y - 200)).toBeCloseTo(172, 6);
  });
});
