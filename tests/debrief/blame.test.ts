/**
 * [DB1] Blame chains on hand-made records (exact numbers) and on real matches; [DB4] cost and
 * fragility per workshop; [D3] the round record holds the kaizen face.
 */
import { describe, expect, it } from 'vitest';
import { playMatch } from '../../game/core/headless';
import { blameChain } from '../../game/debrief/blame';
import { costAndFragility } from '../../game/debrief/fragility';
import { Table, decision, makeG } from '../game/fixtures';
import { cascade, record, row } from './fixtures';

describe('[DB1] blameChain', () => {
  it('[DB1] follows the binding supplier back one round per link to the original trouble', () => {
    expect(blameChain(cascade(), 2, 3)).toEqual([
      { round: 3, workshop: 2, lateness: 2.75, trouble: 1, inherited: 1.75, binding: 1 },
      { round: 2, workshop: 1, lateness: 2.25, trouble: 0.25, inherited: 2, binding: 0 },
      { round: 1, workshop: 0, lateness: 3, trouble: 3, inherited: 0, binding: -1 },
    ]);
  });

  it('[DB1] reads the binding slot by supplier, not by position (w1 is bound by its second input)', () => {
    const [link] = blameChain(cascade(), 1, 2);
    expect(link).toEqual({ round: 2, workshop: 1, lateness: 2.25, trouble: 0.25, inherited: 2, binding: 0 });
  });

  it('[DB1] a workshop without a line stop is its own chain of one link (binding -1, nothing inherited)', () => {
    // w0 in round 2 had a binding supplier (the argmax) but no breach: the chain names none.
    expect(blameChain(cascade(), 0, 2)).toEqual([
      { round: 2, workshop: 0, lateness: 1, trouble: 1, inherited: 0, binding: -1 },
    ]);
  });

  it('[DB1] ends at round 1 even when a record claims a breach there', () => {
    const history = cascade();
    const first = history[0]!;
    const rows = first.workshops.map((r, i) => (i === 1 ? { ...r, breached: true, binding: 0, incoming: [0, 2] } : r));
    history[0] = record(1, rows);
    const chain = blameChain(history, 1, 1);
    expect(chain).toHaveLength(1);
    expect(chain[0]).toMatchObject({ round: 1, workshop: 1, inherited: 1, binding: 0 });
  });

  it('[DB1] is empty for a round or workshop outside the history', () => {
    expect(blameChain(cascade(), 0, 4)).toEqual([]);
    expect(blameChain(cascade(), 0, 0)).toEqual([]);
    expect(blameChain(cascade(), 3, 2)).toEqual([]);
    expect(blameChain([], 0, 1)).toEqual([]);
  });

  it('[DB1] finds rounds by number when the history does not start at round 1', () => {
    const history = cascade().slice(1);
    expect(blameChain(history, 2, 3).map((l) => [l.round, l.workshop])).toEqual([
      [3, 2],
      [2, 1],
    ]);
  });

  it('[DB1] on real matches: every breached link inherits incoming - bin, lateness = inherited + trouble bit for bit, one round back per link', async () => {
    for (const policy of ['steady:0.5', 'lean:1', 'selfish']) {
      const { history } = await playMatch(
        { scenario: 'two-inputs', humanSeats: 0, rounds: 20, seed: { policy: 'fixed', value: `blame-${policy}` } },
        { policy },
      );
      let longest = 0;
      for (const h of history)
        h.workshops.forEach((_, w) => {
          const chain = blameChain(history, w, h.round);
          longest = Math.max(longest, chain.length);
          chain.forEach((link, k) => {
            const r = history[link.round - 1]!.workshops[link.workshop]!;
            expect(link.round).toBe(h.round - k);
            if (link.binding >= 0) {
              expect(r.breached).toBe(true);
              expect(link.lateness).toBe(link.inherited + link.trouble);
              expect(link.inherited).toBeGreaterThan(0);
              expect(chain[k + 1]?.workshop ?? link.binding).toBe(link.binding);
            } else expect(link.inherited).toBe(0);
          });
          const last = chain.at(-1)!;
          expect(last.binding === -1 || last.round === 1).toBe(true);
        });
      // Low bins cascade: chains of several links occur.
      if (policy === 'steady:0.5') expect(longest).toBeGreaterThan(3);
    }
  });
});

describe('[DB4] costAndFragility', () => {
  it('[DB4] sums costs, averages bins and lateness, counts line stops and the stops a workshop caused downstream', () => {
    const [w0, w1, w2] = costAndFragility(cascade());
    // w0's lateness of round 1 stopped w1's line in round 2: one of the two rounds with a next one.
    expect(w0).toEqual({
      workshop: 0,
      rent: 3,
      penalty: 0,
      cost: 3,
      meanBin: 1,
      meanLateness: 1.5,
      lineStops: 0,
      breachRate: 0,
      spread: 0.5,
    });
    expect(w1).toEqual({
      workshop: 1,
      rent: 3,
      penalty: 2.25,
      cost: 5.25,
      meanBin: 1,
      meanLateness: 2.75 / 3,
      lineStops: 1,
      breachRate: 1 / 3,
      spread: 0.5,
    });
    expect(w2).toEqual({
      workshop: 2,
      rent: 2.5,
      penalty: 2.75,
      cost: 5.25,
      meanBin: 2.5 / 3,
      meanLateness: 2.75 / 3,
      lineStops: 1,
      breachRate: 1 / 3,
      spread: 0,
    });
  });

  it('[DB4] an empty history has no workshops; a single round spreads nothing', () => {
    expect(costAndFragility([])).toEqual([]);
    const one = costAndFragility(cascade().slice(0, 1));
    expect(one.map((w) => w.spread)).toEqual([0, 0, 0]);
    expect(one[0]!.meanLateness).toBe(3);
  });

  it('[DB4] spread counts a round once however many customers stopped', () => {
    const rows = [row({ suppliers: [1] }), row({ suppliers: [0] }), row({ suppliers: [0] })];
    const stopped = row({ suppliers: [0], incoming: [2], breached: true, binding: 0, lateness: 1 });
    const history = [record(1, rows), record(2, [rows[0]!, stopped, stopped])];
    expect(costAndFragility(history)[0]!.spread).toBe(1);
  });
});

describe('[D3] the round record holds the kaizen face', () => {
  it('[D3] a lowered face is recorded in the row (null otherwise)', () => {
    const g = makeG({ scenario: 'toyota-city', humanSeats: 2 });
    const t = new Table(g);
    const mine = g.workshops.findIndex((w) => w.seat === '1');
    g.workshops[mine]!.kaizenPoints = 10;
    expect(t.commit('1', decision(g, mine, 4, { kaizenFace: 5 }))).toBe(true);
    const other = g.workshops.findIndex((w) => w.seat === '2');
    expect(t.commit('2', decision(g, other, 4))).toBe(true);
    t.settle();
    const rows = g.history[0]!.workshops;
    expect(rows[mine]!.kaizen).toBe(5);
    expect(rows.filter((r) => r.kaizen !== null)).toHaveLength(1);
    expect(g.workshops[mine]!.trouble).toMatchObject({ kind: 'die', die: { faces: [0, 0, 1, 1, 2, 2] } });
  });
});
