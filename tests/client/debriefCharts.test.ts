/**
 * The debrief's charts and forms (client/debrief): the phase diagram's sweep and its estimate of
 * the critical buffer, the scales with their marks, cost against fragility, the counterfactual
 * choices, and the page's parsing of the server's answers.
 */
import { describe, expect, it } from 'vitest';
import { type SweepPoint, sweepBuffers } from '../../game/lab/experiments';
import { costAndFragility } from '../../game/debrief/fragility';
import { compactHistory } from '../../game/debrief/counterfactual';
import { CHART } from '../../client/facilitator/chart';
import { compareModel, meanOver, polyline, trendModel } from '../../client/debrief/charts';
import { PHASE_RUNS, niceStep, phaseModel, phasePlan, phaseRange, zeroCrossing } from '../../client/debrief/phase';
import { scatterModel } from '../../client/debrief/fragility';
import { raiseSuggestion, specKey, specOf, uniformBin } from '../../client/debrief/whatIf';
import { exportFileName } from '../../client/debrief/download';
import { cascade, debriefOf } from '../debrief/fixtures';

/** A sweep of the ideal shape v(B) = max(0, v0 - B) (docs/MODEL.md), optionally with noise. */
const ideal = (v0: number, buffers: readonly number[], noise: (i: number) => number = () => 0): SweepPoint[] =>
  buffers.map((buffer, i) => ({
    buffer,
    growthRate: Math.max(0, v0 - buffer) + noise(i),
    growthRateError: 0.01,
    breachRate: 0,
    meanDelay: 0,
  }));

describe('the phase diagram sweep', () => {
  it('uses steps of 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(0.3)).toBe(0.5);
    expect(niceStep(0.21)).toBe(0.25);
    expect(niceStep(1)).toBe(1);
    expect(niceStep(3.3)).toBe(5);
    expect(niceStep(0)).toBe(1);
  });

  it('sweeps from 0 past twice the critical bin and past the bins the table held', () => {
    const r = phaseRange(1.852, [2.5, 2, 1.5], 0, 13);
    expect(r.from).toBe(0);
    expect(r.to).toBeGreaterThanOrEqual(2 * 1.852);
    expect(r.to).toBeGreaterThanOrEqual(1.25 * 2.5);
    const count = sweepBuffers(r);
    expect(count.ok && count.value.length).toBeGreaterThanOrEqual(8);
    expect(count.ok && count.value.length).toBeLessThanOrEqual(20);
    // Bins the table held far above B_c widen the range.
    expect(phaseRange(1, [9], 0, 13).to).toBeGreaterThanOrEqual(9 * 1.25);
  });

  it('sweeps 0 to at least 4 hours when the critical bin is unknown, and starts at the spread of uneven bins', () => {
    expect(phaseRange(null, [], 0, 13).to).toBeGreaterThanOrEqual(4);
    const uneven = phaseRange(2, [2], 0.7, 13);
    expect(uneven.from).toBeGreaterThanOrEqual(0.7);
    expect(uneven.from - uneven.step).toBeLessThan(0.7);
  });

  it('plans replica jobs for every bin size with the chosen run length', () => {
    const data = debriefOf(cascade());
    const range = phaseRange(1.852, [1], 0, PHASE_RUNS.quick.points);
    const plan = phasePlan(data.lab, 'debrief-test', 'quick', range);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const buffers = sweepBuffers(range);
    expect(plan.value).toHaveLength((buffers.ok ? buffers.value.length : 0) * PHASE_RUNS.quick.replicas);
    expect(plan.value.every((j) => j.steps === PHASE_RUNS.quick.steps && j.seed === 'debrief-test')).toBe(true);
    const bad = phasePlan({ ...data.lab, noise: 'nonsense' }, 's', 'quick', range);
    expect(bad.ok).toBe(false);
  });
});

describe('the critical buffer from a sweep (where growth reaches zero)', () => {
  const buffers = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4];

  it('finds the kink of an ideal sweep exactly, also between grid points', () => {
    expect(zeroCrossing(ideal(2, buffers))).toBeCloseTo(2, 9);
    expect(zeroCrossing(ideal(1.852, buffers))).toBeCloseTo(1.852, 9);
  });

  it('stays between the last growing bin and the first flat one despite noise', () => {
    const noisy = ideal(1.852, buffers, (i) => [0.02, -0.03, 0.01, 0.04, 0.004, -0.002, 0.003, 0, 0.001][i]!);
    const bc = zeroCrossing(noisy)!;
    expect(bc).toBeGreaterThanOrEqual(1.5);
    expect(bc).toBeLessThanOrEqual(2);
    expect(Math.abs(bc - 1.852)).toBeLessThan(0.15);
  });

  it('answers null when the zero lies outside the sweep', () => {
    expect(zeroCrossing(ideal(10, buffers))).toBeNull();
    expect(zeroCrossing(ideal(-1, buffers))).toBeNull();
    expect(zeroCrossing(ideal(2, [1]))).toBeNull();
  });
});

describe('the phase diagram drawing', () => {
  const points = ideal(2, [0, 1, 2, 3, 4]);
  const bins = [
    { round: 1, meanBin: 2.5 },
    { round: 2, meanBin: 1.5 },
  ];
  const m = phaseModel(points, bins, 1.852, { from: 0, to: 4, step: 1 });

  it('puts bins left to right and growth bottom to top', () => {
    const xs = m.dots.map((d) => d.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(m.dots[0]!.y).toBeLessThan(m.dots[4]!.y);
    expect(m.yOf(0)).toBeCloseTo(m.dots[4]!.y, 6);
  });

  it('marks each round’s mean bin, their mean and the critical bin on the same axis as the sweep', () => {
    expect(m.marks).toEqual([
      { round: 1, x: m.xOf(2.5) },
      { round: 2, x: m.xOf(1.5) },
    ]);
    expect(m.heldX).toBeCloseTo(m.xOf(2), 9);
    expect(m.criticalX).toBeCloseTo(m.xOf(1.852), 9);
    expect(m.criticalX!).toBeGreaterThan(m.xOf(1));
    expect(m.criticalX!).toBeLessThan(m.xOf(2));
    expect(phaseModel(points, [], null, { from: 0, to: 4, step: 1 }).criticalX).toBeNull();
  });

  it('widens the bin axis to show a table that held more than the sweep', () => {
    const wide = phaseModel(points, [{ round: 1, meanBin: 9 }], 1.852, { from: 0, to: 4, step: 1 });
    expect(wide.xTicks.at(-1)!).toBeGreaterThanOrEqual(9);
    expect(wide.marks[0]!.x).toBeLessThanOrEqual(wide.xOf(wide.xTicks.at(-1)!));
  });
});

describe('charts over rounds', () => {
  const history = cascade();

  it('marks the round the replay shows on the lateness chart', () => {
    const m = trendModel(history, 3, 1.852, 2);
    expect(m.markerX).toBe(m.xOf(2));
    expect(m.markerX).toBeGreaterThan(m.xOf(1));
    expect(trendModel(history, 3, null, null).markerX).toBeNull();
  });

  it('draws the real game and a counterfactual on one scale that fits both', () => {
    const real = compactHistory(history);
    const other = real.map((r) => ({ ...r, meanLateness: r.meanLateness * 4 }));
    const m = compareModel(history, other, 3, null, 3);
    const highest = Math.max(...other.map((r) => r.meanLateness));
    expect(m.chart.yOf(highest)).toBeGreaterThanOrEqual(CHART.top);
    expect(m.real).toBe(polyline(history.map((r) => ({ x: m.chart.xOf(r.round), y: m.chart.yOf(r.meanLateness) }))));
    expect(m.other).not.toBe(m.real);
    expect(meanOver(other)).toBeCloseTo(4 * meanOver(history), 9);
    expect(meanOver([])).toBe(0);
  });
});

describe('cost against fragility', () => {
  const history = cascade();
  const data = debriefOf(history, {
    workshops: [
      { index: 0, id: 'w0', name: 'Forge', player: 'Ada' },
      { index: 1, id: 'w1', name: 'Mill', player: null },
      { index: 2, id: 'w2', name: 'Pump', player: null },
    ],
  });
  const costs = costAndFragility(history);

  it('labels people by name (squares) and bots by number (circles)', () => {
    const m = scatterModel(costs, data.workshops, 'spread');
    expect(m.points.map((p) => [p.human, p.label])).toEqual([
      [true, 'Ada'],
      [false, '2'],
      [false, '3'],
    ]);
  });

  it('places cost up and the chosen fragility across', () => {
    const spread = scatterModel(costs, data.workshops, 'spread');
    const stops = scatterModel(costs, data.workshops, 'breachRate');
    for (const [i, c] of costs.entries()) {
      expect(spread.points[i]!.x).toBeCloseTo(spread.xOf(c.spread), 9);
      expect(stops.points[i]!.x).toBeCloseTo(stops.xOf(c.breachRate), 9);
      expect(spread.points[i]!.y).toBeCloseTo(spread.yOf(c.cost), 9);
    }
    // w0's trouble stopped w1's line the round after: w0 spread, w1 did too (to w2).
    expect(costs.map((c) => c.spread)).toEqual([0.5, 0.5, 0]);
    const costliest = spread.points.reduce((a, b) => (b.cost > a.cost ? b : a));
    expect(costliest.y).toBe(Math.min(...spread.points.map((p) => p.y)));
  });
});

describe('counterfactual choices', () => {
  it('sets uniform bins at 1.25 B_c in hundredths, within the largest bin', () => {
    expect(uniformBin(2, 10)).toBe(2.5);
    expect(uniformBin(1.852, 10)).toBeCloseTo(2.32, 9);
    expect(uniformBin(9, 10)).toBe(10);
    expect(uniformBin(null, 10)).toBeNull();
  });

  it('suggests raising a workshop to 1.25 B_c, else an hour over what it held', () => {
    expect(raiseSuggestion(2, 1, 10)).toBe(2.5);
    expect(raiseSuggestion(null, 1.5, 10)).toBe(2.5);
    expect(raiseSuggestion(null, 9.5, 10)).toBe(10);
  });

  it('turns the form into a spec, and says what is missing', () => {
    const choice = { kind: 'bots', workshop: 0, bin: '3' } as const;
    expect(specOf(choice, null, 10, 3)).toEqual({ ok: true, spec: { kind: 'bots' } });
    expect(specOf({ ...choice, kind: 'uniform' }, 2, 10, 3)).toEqual({ ok: true, spec: { kind: 'uniform', bin: 2.5 } });
    expect(specOf({ ...choice, kind: 'uniform' }, null, 10, 3)).toEqual({ ok: false, problem: 'noBc' });
    expect(specOf({ kind: 'raise', workshop: 2, bin: ' 3,5 ' }, null, 10, 3)).toEqual({
      ok: true,
      spec: { kind: 'raise', workshop: 2, bin: 3.5 },
    });
    for (const bin of ['', 'x', '-1', '11'])
      expect(specOf({ kind: 'raise', workshop: 0, bin }, 2, 10, 3)).toEqual({ ok: false, problem: 'bin' });
    expect(specOf({ kind: 'raise', workshop: 3, bin: '2' }, 2, 10, 3)).toEqual({ ok: false, problem: 'workshop' });
  });

  it('keys the same replay the same way and different ones differently', () => {
    const keys = [
      specKey({ kind: 'bots' }),
      specKey({ kind: 'uniform', bin: 2.5 }),
      specKey({ kind: 'raise', workshop: 1, bin: 2.5 }),
      specKey({ kind: 'raise', workshop: 2, bin: 2.5 }),
    ];
    expect(new Set(keys).size).toBe(4);
    expect(specKey({ kind: 'uniform', bin: 2.5 })).toBe(keys[1]);
  });
});

describe('export file names', () => {
  it('names the files after the session code, safely', () => {
    expect(exportFileName('K7MPQ2', 'rounds.csv')).toBe('kanban-cascade-K7MPQ2-rounds.csv');
    expect(exportFileName('two-inputs', 'debrief.json')).toBe('kanban-cascade-two-inputs-debrief.json');
    expect(exportFileName('../a b', 'rounds.csv')).toBe('kanban-cascade-a-b-rounds.csv');
    expect(exportFileName('', 'rounds.csv')).toBe('kanban-cascade-session-rounds.csv');
  });
});
