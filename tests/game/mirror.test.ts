/**
 * B6 mirror (challenges): bots hold the mean bin the humans committed this round, from the next
 * round on like every bin (R1); with no human commit they keep their bins.
 */
import { describe, expect, it } from 'vitest';
import { autopilotDecision, endOfTurn, mirrorBin } from '../../game/core/round';
import { parseSetupData } from '../../game/core/setup';
import { decision, makeG } from './fixtures';

describe('B6 mirror policy', () => {
  it('B6 is a policy setupData accepts', () => {
    expect(parseSetupData({ scenario: 'two-inputs', humanSeats: 2, autopilot: 'mirror' }).ok).toBe(true);
  });

  it('B6 bots take the mean of every bin the humans committed, rounded to hundredths', () => {
    const g = makeG({ humanSeats: 2, autopilot: 'mirror' });
    const [a, b] = [0, 1].map((h) => g.workshops.findIndex((w) => w.seat === String(h + 1)));
    g.committed['1'] = decision(g, a!, [1, 2]);
    g.committed['2'] = decision(g, b!, [0.5, 0.55]);
    expect(mirrorBin(g)).toBe(1.01);
    const bot = g.workshops.findIndex((w) => w.seat === null);
    expect(autopilotDecision(g, bot).bins).toEqual(g.workshops[bot]!.suppliers.map(() => 1.01));
  });

  it('B6 without a human commit the bots keep their bins', () => {
    const g = makeG({ humanSeats: 2, autopilot: 'mirror' });
    expect(mirrorBin(g)).toBeNull();
    const bot = g.workshops.findIndex((w) => w.seat === null);
    expect(autopilotDecision(g, bot).bins).toEqual(g.workshops[bot]!.bins);
  });

  it('B6 after a round every bot holds the human bin (a solo player sets the whole network)', () => {
    const g = makeG({ humanSeats: 1, autopilot: 'mirror' });
    const me = g.workshops.findIndex((w) => w.seat === '1');
    g.committed['1'] = decision(g, me, 0.75);
    endOfTurn(g);
    expect(g.round).toBe(2);
    for (const w of g.workshops) expect(w.bins).toEqual(w.suppliers.map(() => 0.75));
    expect(g.history[0]!.workshops.every((row) => row.bins.every((bin) => bin === g.config.startingBin))).toBe(true);
  });
});
