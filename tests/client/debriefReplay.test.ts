/**
 * The debrief's replay (client/debrief): the scrubber's reducer, the map frames of a round and of
 * a counterfactual's compact round, cascade arrows, and a blame chain as the map rings it.
 */
import { describe, expect, it } from 'vitest';
import { blameChain } from '../../game/debrief/blame';
import { compactHistory } from '../../game/debrief/counterfactual';
import { chainArrows, chainOrigin, chainSteps } from '../../client/debrief/blame';
import {
  type Scrubber,
  compactFrame,
  frameArrows,
  frameAt,
  frameOf,
  initialScrubber,
  linksAt,
  scrub,
} from '../../client/debrief/replay';
import { cascade } from '../debrief/fixtures';

const rounds = (n: number) => Array.from({ length: n }, (_, i) => ({ round: i + 1 }));
const at = (round: number, playing = false): Scrubber => ({ first: 1, last: 6, round, playing });

describe('the replay scrubber', () => {
  it('starts at the last round (the end of the game), not playing', () => {
    expect(initialScrubber(rounds(6))).toEqual({ first: 1, last: 6, round: 6, playing: false });
    expect(initialScrubber([])).toEqual({ first: 0, last: 0, round: 0, playing: false });
  });

  it('seeks to a whole round within the game', () => {
    expect(scrub(at(6), { kind: 'seek', round: 3 }).round).toBe(3);
    expect(scrub(at(6), { kind: 'seek', round: 2.6 }).round).toBe(3);
    expect(scrub(at(6), { kind: 'seek', round: -4 }).round).toBe(1);
    expect(scrub(at(2), { kind: 'seek', round: 99 }).round).toBe(6);
    expect(scrub(at(4), { kind: 'seek', round: Number.NaN }).round).toBe(4);
  });

  it('steps one round back and forward, stops playing, and stays within the game', () => {
    expect(scrub(at(4, true), { kind: 'step', by: -1 })).toEqual(at(3, false));
    expect(scrub(at(4), { kind: 'step', by: 1 }).round).toBe(5);
    expect(scrub(at(1), { kind: 'step', by: -1 }).round).toBe(1);
    expect(scrub(at(6), { kind: 'step', by: 1 }).round).toBe(6);
  });

  it('plays from the round shown, or from the first round when the last is shown', () => {
    expect(scrub(at(3), { kind: 'play' })).toEqual(at(3, true));
    expect(scrub(at(6), { kind: 'play' })).toEqual(at(1, true));
    const single: Scrubber = { first: 1, last: 1, round: 1, playing: false };
    expect(scrub(single, { kind: 'play' })).toBe(single);
  });

  it('ticks one round per beat while playing and stops at the last round', () => {
    let s = scrub(at(6), { kind: 'play' });
    const seen = [s.round];
    while (s.playing) {
      s = scrub(s, { kind: 'tick' });
      seen.push(s.round);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(scrub(at(2), { kind: 'tick' })).toEqual(at(2));
    expect(scrub(at(4, true), { kind: 'pause' })).toEqual(at(4));
  });
});

describe('map frames', () => {
  const history = cascade();

  it('reads a round record: lateness, line stops, binding suppliers and autopilot per workshop', () => {
    const frame = frameOf(history[1]!);
    expect(frame).toEqual({
      round: 2,
      lateness: [1, 2.25, 0],
      breached: [false, true, false],
      binding: [2, 0, 1],
      autopilot: [true, true, true],
    });
  });

  it('draws a cascade arrow from the binding supplier of every breached bin only', () => {
    expect(frameArrows(frameOf(history[0]!))).toEqual([]);
    expect(frameArrows(frameOf(history[1]!))).toEqual([{ supplier: 0, customer: 1 }]);
    expect(frameArrows(frameOf(history[2]!))).toEqual([{ supplier: 1, customer: 2 }]);
    expect(frameArrows(null)).toEqual([]);
  });

  it('reads a counterfactual compact round the same way (autopilot unknown)', () => {
    const compact = compactHistory(history);
    for (const [i, record] of history.entries()) {
      const frame = compactFrame(compact[i]!);
      expect(frame).toEqual({ ...frameOf(record), autopilot: null });
      expect(frameArrows(frame)).toEqual(frameArrows(frameOf(record)));
    }
  });

  it('finds a round by number and the links as they stood in it', () => {
    expect(frameAt(history, 2)?.round).toBe(2);
    expect(frameAt(history, 9)).toBeNull();
    expect(linksAt(history[0]!)).toEqual([
      { supplier: 2, customer: 0 },
      { supplier: 2, customer: 1 },
      { supplier: 0, customer: 1 },
      { supplier: 1, customer: 2 },
    ]);
    expect(linksAt(null)).toEqual([]);
  });
});

describe('a blame chain on the map', () => {
  const chain = blameChain(cascade(), 2, 3);

  it('numbers the chain from the asked workshop (1) back to the original trouble', () => {
    expect(chain.map((l) => [l.round, l.workshop, l.binding])).toEqual([
      [3, 2, 1],
      [2, 1, 0],
      [1, 0, -1],
    ]);
    expect([...chainSteps(chain).entries()]).toEqual([
      [2, [1]],
      [1, [2]],
      [0, [3]],
    ]);
    expect(chainOrigin(chain)?.workshop).toBe(0);
    expect(chainOrigin([])).toBeNull();
  });

  it('draws an arrow from each binding supplier to the workshop it stopped, each pair once', () => {
    expect(chainArrows(chain)).toEqual([
      { supplier: 1, customer: 2 },
      { supplier: 0, customer: 1 },
    ]);
    expect(chainArrows([...chain, ...chain])).toHaveLength(2);
  });

  it('gives a workshop met twice both of its step numbers', () => {
    const link = chain[0]!;
    expect(chainSteps([link, { ...link, round: 2 }]).get(2)).toEqual([1, 2]);
  });
});
