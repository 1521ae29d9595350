/** [G-determinism] Headless play through the real boardgame.io game is a function of the seed. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, fnv1a64, headlessSetup, historyDigest, playMatch } from '../../game/core/headless';
import type { SetupData } from '../../game/core/setup';

const setup = (seed: string, rounds = 15): SetupData => ({
  scenario: 'two-inputs',
  humanSeats: 0,
  rounds,
  seed: { policy: 'fixed', value: seed },
});

describe('[G-determinism] playMatch', () => {
  it('plays every round to game over through the facilitator seat', async () => {
    const result = await playMatch(setup('alpha', 9), { policy: 'steady:1.5' });
    expect(result.final.role).toBe('facilitator');
    expect(result.final.status).toBe('over');
    expect(result.final.round).toBe(9);
    expect(result.history.map((h) => h.round)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.config.autopilot).toEqual({ name: 'steady', param: 1.5 });
    expect(result.config.humanSeats).toBe(0);
    expect(result.summaries).toEqual(
      result.history.map((h) => ({
        round: h.round,
        meanDelay: h.meanLateness,
        breachRate: h.breachRate,
        meanBin: h.meanBin,
        totalCost: h.totalCost,
      })),
    );
    // Every workshop was on autopilot with the overriding policy's bin, in effect from round 2 (R1).
    for (const h of result.history)
      for (const row of h.workshops) {
        expect(row.autopilot).toBe(true);
        if (h.round > 1) expect(row.bins.every((b) => b === 1.5)).toBe(true);
      }
  });

  it('gives the identical history for the same seed', async () => {
    const one = await playMatch(setup('same'));
    const two = await playMatch(setup('same'));
    expect(two.history).toEqual(one.history);
    expect(two.summaries).toEqual(one.summaries);
    expect(two.digest).toBe(one.digest);
    expect(canonicalJson(two.history)).toBe(canonicalJson(one.history));
  });

  it('gives another history for another seed', async () => {
    const one = await playMatch(setup('same'));
    const other = await playMatch(setup('other'));
    expect(other.history).not.toEqual(one.history);
    expect(other.digest).not.toBe(one.digest);
  });

  it('is reproducible with a random seed policy too (boardgame.io random plugin seeded)', async () => {
    const random: SetupData = { scenario: 'two-inputs', humanSeats: 0, rounds: 6, seed: { policy: 'random' } };
    const one = await playMatch(random, { randomSeed: 'r1' });
    const two = await playMatch(random, { randomSeed: 'r1' });
    const three = await playMatch(random, { randomSeed: 'r2' });
    expect(two.digest).toBe(one.digest);
    expect(three.digest).not.toBe(one.digest);
  });

  it('refuses an invalid setup or policy with the parser message', async () => {
    await expect(playMatch({ scenario: 'nope', humanSeats: 0 })).rejects.toThrow(/scenario "nope" is unknown/);
    await expect(playMatch(setup('x'), { policy: 'planner' })).rejects.toThrow(/planner/);
    await expect(playMatch(setup('x'), { policy: 'greedy' })).rejects.toThrow(/unknown policy "greedy"/);
    expect(headlessSetup({ ...setup('x'), humanSeats: 3 }, 'lean:1')).toEqual({
      ok: true,
      value: { ...setup('x'), humanSeats: 0, autopilot: 'lean:1' },
    });
  });
});

describe('[G-determinism] the history digest', () => {
  it('is 64-bit FNV-1a (reference vectors) over UTF-8', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    // Against a plain BigInt FNV-1a over Node's UTF-8 bytes, also for 2-, 3- and 4-byte characters.
    const reference = (text: string) => {
      let h = 0xcbf29ce484222325n;
      for (const byte of Buffer.from(text, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
      return h.toString(16).padStart(16, '0');
    };
    for (const text of ['Rolling mill', 'Pump maker é', '工场 → 🏭', '{"lateness":0.1}'.repeat(50)])
      expect(fnv1a64(text)).toBe(reference(text));
  });

  it('is stable: key order does not matter, every bit of every number does', async () => {
    const { history, digest } = await playMatch(setup('digest', 5));
    expect(historyDigest(history)).toBe(digest);
    expect(historyDigest(JSON.parse(JSON.stringify(history)))).toBe(digest);
    expect(canonicalJson({ b: 1, a: [0.1, { d: 2, c: 3 }] })).toBe('{"a":[0.1,{"c":3,"d":2}],"b":1}');
    const copy = JSON.parse(JSON.stringify(history)) as { workshops: { lateness: number }[] }[];
    const row = copy[2]!.workshops[0]!;
    row.lateness = row.lateness + Number.EPSILON * Math.max(1, row.lateness);
    expect(historyDigest(copy as never)).not.toBe(digest);
  });
});
