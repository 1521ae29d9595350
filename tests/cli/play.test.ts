/** The play CLI: whole headless matches, reproducible by seed, as JSON or a table; one-line errors. */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../game/core/scenarios';
import { runCli } from './run';

const play = (...args: string[]) => runCli('server/cli/play.ts', args);

interface Report {
  scenario: string;
  seed: string;
  rounds: number;
  policy: string;
  summaries: { round: number; meanDelay: number; breachRate: number; meanBin: number; totalCost: number }[];
  totals: { meanDelay: number; breachRate: number; meanBin: number; totalCost: number; lineStops: number };
  digest: string;
  challenge?: {
    score: number;
    counted: boolean;
    criticalBuffer: number;
    meanBin: number;
    reasons: { kind: string; text: string }[];
    judge: { growth: { rate: number; standardError: number }; level: { lateness: number; reference: number } } | null;
  };
}

function json(...args: string[]): Report {
  const run = play(...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

/** Least-squares slope and R^2 of mean delay against the round. */
function fit(points: readonly { round: number; meanDelay: number }[]): { slope: number; r2: number } {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.round, 0) / n;
  const my = points.reduce((a, p) => a + p.meanDelay, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.round - mx) * (p.meanDelay - my);
    sxx += (p.round - mx) ** 2;
    syy += (p.meanDelay - my) ** 2;
  }
  return { slope: sxy / sxx, r2: syy === 0 ? 0 : (sxy * sxy) / (sxx * syy) };
}

describe('play', () => {
  it('[G-determinism] the same seed prints byte-identical output; another seed another digest', () => {
    const args = ['--scenario', 'two-inputs', '--seed', 'same', '--rounds', '12'];
    const one = play(...args, '--json');
    const two = play(...args, '--json');
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout) as Report;
    expect(report).toMatchObject({ scenario: 'two-inputs', seed: 'same', rounds: 12, policy: 'steady:2.5' });
    expect(report.summaries.map((s) => s.round)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(report.digest).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    const other = JSON.parse(play('--scenario', 'two-inputs', '--seed', 'other', '--rounds', '12', '--json').stdout);
    expect((other as Report).digest).not.toBe(report.digest);
    // The table carries the same digest, and is itself reproducible.
    const table = play(...args);
    expect(table.status).toBe(0);
    expect(play(...args).stdout).toBe(table.stdout);
    expect(table.stdout).toMatch(/round\s+mean delay\s+breach rate\s+mean bin\s+total cost/);
    expect(table.stdout.trimEnd().split('\n').at(-1)).toBe(`digest ${report.digest}`);
    expect(() => JSON.parse(table.stdout) as unknown).toThrow();
  });

  it('[P2] steady:0.5 cascades (delay grows linearly, every line stops); steady:3 stays bounded', () => {
    const base = ['--scenario', 'two-inputs', '--seed', 'p2', '--rounds', '30'];
    const low = json(...base, '--policy', 'steady:0.5');
    const high = json(...base, '--policy', 'steady:3');
    expect(low.policy).toBe('steady:0.5');
    expect(high.policy).toBe('steady:3');
    const lowLast = low.summaries.at(-1)!;
    const highLast = high.summaries.at(-1)!;
    // Below the critical bin (1.852 for this network) delay grows at about B_c - B = 1.35 hours per round.
    expect(lowLast.meanDelay).toBeGreaterThan(25);
    expect(lowLast.meanDelay).toBeGreaterThan(10 * highLast.meanDelay);
    const growth = fit(low.summaries.slice(10));
    expect(growth.slope).toBeGreaterThan(1);
    expect(growth.slope).toBeLessThan(2);
    expect(growth.r2).toBeGreaterThan(0.95);
    const lateBreach = low.summaries.slice(20).reduce((a, s) => a + s.breachRate, 0) / 10;
    expect(lateBreach).toBeGreaterThan(0.9);
    // Above it, delays stay local: bounded, flat, few line stops.
    expect(highLast.meanDelay).toBeLessThan(3);
    expect(Math.max(...high.summaries.map((s) => s.meanDelay))).toBeLessThan(4);
    expect(Math.abs(fit(high.summaries.slice(10)).slope)).toBeLessThan(0.15);
    expect(high.totals.breachRate).toBeLessThan(0.2);
    // R1: bins decided in a round hold from the next one; round 1 runs on the starting bins.
    for (const row of low.summaries.slice(1)) expect(row.meanBin).toBe(0.5);
    for (const row of high.summaries.slice(1)) expect(row.meanBin).toBe(3);
  });

  const withRoad = [...SCENARIOS.values()].find((s) => s.newRoad.length > 0);
  it.skipIf(!withRoad)('--new-road opens the scenario new road (another history on the same seed)', () => {
    const base = ['--scenario', withRoad!.id, '--seed', 'road', '--rounds', '8'];
    const open = json(...base, '--new-road');
    const closed = json(...base);
    expect(open).toMatchObject({ scenario: withRoad!.id, newRoad: true });
    expect(closed).toMatchObject({ newRoad: false });
    expect(open.digest).not.toBe(closed.digest);
  });
});

describe('play --challenge: the solo challenge as the server plays it (CH1-CH4, B6)', () => {
  const spot = SCENARIOS.get('spot-market')!;
  const bc = spot.challenge!.criticalBuffer.value;

  it('[CH2] the practice tape by default; the human on steady, the bots mirroring; the verdict and its numbers', () => {
    const safe = json('--challenge', 'spot-market', '--policy', 'steady:2.1');
    expect(safe).toMatchObject({ scenario: 'spot-market', seed: 'challenge-spot-market-1', policy: 'steady:2.1' });
    expect(safe.rounds).toBe(spot.rounds);
    // Round 1 runs on the starting bins; from round 2 every bin of the network is the human's (B6, R1).
    for (const row of safe.summaries.slice(1)) expect(row.meanBin).toBeCloseTo(2.1, 12);
    const meanBin = (spot.startingBin + (spot.rounds - 1) * 2.1) / spot.rounds;
    expect(safe.challenge).toMatchObject({ counted: true, criticalBuffer: bc, reasons: [] });
    expect(safe.challenge!.score).toBeCloseTo(meanBin / bc, 12);
    expect(safe.challenge!.judge!.growth.rate).toBeLessThan(0);
    expect(safe.challenge!.judge!.level.lateness).toBeLessThanOrEqual(safe.challenge!.judge!.level.reference);
    // The same tape, byte for byte; another tape, other dice.
    expect(play('--challenge', 'spot-market', '--policy', 'steady:2.1', '--json').stdout).toBe(
      `${JSON.stringify(safe, null, 2)}\n`,
    );
    const other = json('--challenge', 'spot-market', '--seed', 'fresh-1', '--policy', 'steady:2.1');
    expect(other.seed).toBe('fresh-1');
    expect(other.digest).not.toBe(safe.digest);
  });

  it('[CH1] schedule:B1,...,Bn commits B_r in round r (the last held): dig then hold does not count', () => {
    const dig = json('--challenge', 'spot-market', '--policy', `schedule:0,0,0,0,0,0,0,0,${bc}`);
    expect(dig.summaries.slice(1, 9).every((r) => r.meanBin === 0)).toBe(true);
    for (const r of dig.summaries.slice(9)) expect(r.meanBin).toBeCloseTo(Math.round(bc * 100) / 100, 12);
    expect(dig.challenge!.counted).toBe(false);
    expect(dig.challenge!.reasons.map((r) => r.kind)).toContain('lateness');
    expect(dig.challenge!.reasons.find((r) => r.kind === 'lateness')!.text).toMatch(
      /^mean lateness \d+\.\d{3} h, more than the \d+\.\d{3} h of even bins at the critical buffer 1\.912 h/,
    );
    const table = play('--challenge', 'spot-market', '--policy', 'steady:1.5');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(
      /challenge score 0\.\d{3} .*does not count: with these bins the network's lateness grows/,
    );
  });
});

describe('play errors: exit 2 and one line naming the flag and what it accepts', () => {
  const cases: [string, string[], RegExp][] = [
    ['no scenario', [], /--scenario is required: .*two-inputs/],
    ['an unknown scenario', ['--scenario', 'nope'], /--scenario "nope" is not valid; accepted: .*two-inputs/],
    [
      'an unknown flag',
      ['--scenario', 'two-inputs', '--colour', 'red'],
      /unknown flag --colour; accepted here: .*--seed/,
    ],
    ['a bad seed', ['--scenario', 'two-inputs', '--seed', 'a/b'], /--seed "a\/b" is not valid; accepted: 1-64 letters/],
    [
      'zero rounds',
      ['--scenario', 'two-inputs', '--rounds', '0'],
      /--rounds "0" is not valid; accepted: an integer from 1 to 500/,
    ],
    ['fractional rounds', ['--scenario', 'two-inputs', '--rounds', '2.5'], /--rounds "2.5" is not valid/],
    ['a missing value', ['--scenario', 'two-inputs', '--rounds'], /--rounds needs a value/],
    [
      'an unknown policy',
      ['--scenario', 'two-inputs', '--policy', 'greedy'],
      /--policy "greedy" is not valid; accepted: NAME\[:PARAM\], NAME one of steady, lean, cautious, selfish/,
    ],
    ['the planner', ['--scenario', 'two-inputs', '--policy', 'planner'], /--policy "planner" is not valid/],
    ['a bad parameter', ['--scenario', 'two-inputs', '--policy', 'steady:x'], /--policy "steady:x" is not valid/],
    ['a parameter too large', ['--scenario', 'two-inputs', '--policy', 'steady:101'], /--policy "steady:101"/],
    ['two parameters', ['--scenario', 'two-inputs', '--policy', 'steady:1:2'], /--policy "steady:1:2"/],
    [
      'a new road where there is none',
      ['--scenario', 'two-inputs', '--new-road'],
      /--new-road: scenario "two-inputs" has no new road/,
    ],
    ['a value for a switch', ['--scenario', 'two-inputs', '--json=yes'], /--json takes no value/],
    ['a flag given twice', ['--scenario', 'two-inputs', '--seed', '1', '--seed', '2'], /--seed is given twice/],
    ['an unknown challenge', ['--challenge', 'nope'], /--challenge "nope" is not valid; accepted: .*two-inputs/],
    [
      'a challenge without a policy',
      ['--challenge', 'two-inputs'],
      /--policy is required with --challenge: NAME\[:PARAM\].*schedule:B1,B2,...,Bn/,
    ],
    [
      'a challenge and a scenario',
      ['--challenge', 'two-inputs', '--scenario', 'two-inputs', '--policy', 'steady:2'],
      /--scenario cannot be used with --challenge/,
    ],
    [
      'a challenge with rounds',
      ['--challenge', 'two-inputs', '--rounds', '5', '--policy', 'steady:2'],
      /--rounds cannot be used with --challenge/,
    ],
    ['an empty schedule', ['--challenge', 'two-inputs', '--policy', 'schedule:'], /--policy "schedule:" is not valid/],
    [
      'a schedule with a bad bin',
      ['--challenge', 'two-inputs', '--policy', 'schedule:1,x,2'],
      /--policy "schedule:1,x,2" is not valid; accepted: .*schedule:B1/,
    ],
    ['a schedule bin too large', ['--challenge', 'two-inputs', '--policy', 'schedule:101'], /--policy "schedule:101"/],
    ['a bad challenge seed', ['--challenge', 'two-inputs', '--seed', 'a/b', '--policy', 'steady:2'], /--seed "a\/b"/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const run = play(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('--help prints the usage', () => {
    const run = play('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/usage: npm run --silent play -- --scenario ID/);
    expect(run.stdout).toMatch(/npm run --silent play -- --challenge ID \[--seed S\] --policy/);
  });
});
