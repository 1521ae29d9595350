import { describe, expect, it } from 'vitest';
import { announcement } from '../../client/facilitator/Announcer';
import { reachByRound } from '../../client/facilitator/ShockPreview';
import { CHART, chartModel, niceTicks } from '../../client/facilitator/chart';
import { formatClock, remainingMs } from '../../client/facilitator/clock';
import { headline, mapLabel, phaseOf, seatRows } from '../../client/facilitator/selectors';
import { facilitatorView, facilitatorViewOf, playedG } from './fixtures';

describe('the round clock', () => {
  const clock = { round: 3, deadline: 100_000, remainingMs: null };

  it('counts down to the deadline, never below zero', () => {
    expect(remainingMs(clock, 3, 40_000)).toBe(60_000);
    expect(remainingMs(clock, 3, 200_000)).toBe(0);
  });

  it('shows the time left while paused', () => {
    expect(remainingMs({ round: 3, deadline: null, remainingMs: 12_345 }, 3, 999_999)).toBe(12_345);
  });

  it('shows nothing without a timer, or for a clock of another round', () => {
    expect(remainingMs(null, 3, 0)).toBeNull();
    expect(remainingMs(clock, 4, 0)).toBeNull();
  });

  it('formats m:ss rounded up', () => {
    expect(formatClock(60_000)).toBe('1:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(9_000)).toBe('0:09');
    expect(formatClock(0)).toBe('0:00');
  });
});

describe('the chart of mean lateness', () => {
  it('uses round tick steps that cover the largest value', () => {
    expect(niceTicks(3.3, 4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(30, 6)).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(niceTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('spans the whole game on the x axis and draws the mean bin and the critical bin in', () => {
    const view = facilitatorView(5);
    const m = chartModel(view.rounds, view.config.rounds, 1.852);
    expect(m.xOf(1)).toBe(CHART.left);
    expect(m.xOf(view.config.rounds)).toBe(CHART.width - CHART.right);
    expect(m.lateness.split(' ')).toHaveLength(5);
    expect(m.bin.startsWith('M')).toBe(true);
    expect(m.criticalY).toBeCloseTo(m.yOf(1.852));
    expect(m.yTicks.at(-1)!).toBeGreaterThanOrEqual(2.5);
    expect(m.bars).toHaveLength(5);
    for (const b of m.bars) expect(b.y + b.h).toBeCloseTo(CHART.bottom);
  });

  it('draws an empty chart before the first round', () => {
    const m = chartModel([], 30, null);
    expect(m.lateness).toBe('');
    expect(m.criticalY).toBeNull();
  });
});

describe('the facilitator’s selectors', () => {
  it('lists the players who joined with their workshop and whether they committed', () => {
    const g = playedG(1);
    const seat = g.workshops.find((w) => w.seat !== null)!.seat!;
    g.committed[seat] = { round: g.round, bins: [], kaizenFace: null, help: null, suppliers: null };
    const other = g.workshops.filter((w) => w.seat !== null)[1]!.seat!;
    g.absent = [other];
    const rows = seatRows(facilitatorViewOf(g), [
      { seat: other, name: 'Grace', connected: false },
      { seat, name: 'Ada', connected: true },
    ]);
    expect(rows.map((r) => [r.player, r.state])).toEqual([
      ['Ada', 'committed'],
      ['Grace', 'absent'],
    ]);
    expect(rows[0]!.workshopName).toBe(g.workshops.find((w) => w.seat === seat)!.name);
  });

  it('shows the present seats when the session’s list is not known, and no commits outside a round', () => {
    const g = playedG(0);
    g.absent = ['2'];
    const rows = seatRows(facilitatorViewOf(g), []);
    expect(rows.map((r) => r.seat)).toEqual(['1', '3', '4']);
    expect(rows.every((r) => r.state === 'waiting')).toBe(true);
    g.status = 'over';
    expect(seatRows(facilitatorViewOf(g), []).every((r) => r.state === 'present')).toBe(true);
  });

  it('sums up the network: mean lateness now, last breach rate, mean bin, critical bin', () => {
    const view = facilitatorView(3);
    const h = headline(view);
    const mean = view.workshops.reduce((s, w) => s + w.lateness, 0) / view.workshops.length;
    expect(h.meanLateness).toBeCloseTo(mean);
    expect(h.breachRate).toBe(view.rounds.at(-1)!.breachRate);
    expect(h.meanBin).toBe(view.rounds.at(-1)!.meanBin);
    expect(h.criticalBuffer).toBe(view.config.criticalBuffer);
    expect(headline(facilitatorView(0)).breachRate).toBeNull();
  });

  it('labels small maps with names and large ones with numbers', () => {
    expect(mapLabel('Rolling mill', 4, 15)).toBe('Rolling mill');
    expect(mapLabel('Old-town depot and yard', 4, 15)).toBe('Old-town depot …');
    expect(mapLabel('Workshop 5', 4, 60)).toBe('5');
  });

  it('tells a paused round from a running one, and announces it', () => {
    const view = facilitatorView(2);
    expect(phaseOf(view)).toBe('playing');
    expect(announcement(view)).toBe(`Round 3 of ${view.config.rounds} has begun.`);
    expect(phaseOf({ ...view, paused: true })).toBe('paused');
    expect(announcement({ ...view, status: 'over' })).toBe('The game is over.');
  });

  it('groups a shock’s reach by round', () => {
    expect(
      reachByRound(
        new Map([
          [3, 0],
          [1, 1],
          [0, 1],
          [7, 3],
        ]),
        3,
      ),
    ).toEqual([[3], [0, 1], [], [7]]);
  });
});
