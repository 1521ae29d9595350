/** The lab CLI as organisers use it: JSON for scripts, tables for people, one-line errors. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lab } from './run';

const fixtures = mkdtempSync(join(tmpdir(), 'kc-lab-'));
const file = (name: string, content: string) => {
  const path = join(fixtures, name);
  writeFileSync(path, content);
  return path;
};

describe('lab critical', () => {
  it('[L1] prints B_c within 0.01 of 2.449 for spot K=2 N=1000 as one JSON document', () => {
    const run = lab('critical', '--topology', 'spot', '--k', '2', '--n', '1000', '--noise', 'exp:1', '--json');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { criticalBuffer: number; standardError: number };
    expect(Math.abs(result.criticalBuffer - 2.449)).toBeLessThan(0.01);
    expect(result.standardError).toBeGreaterThan(0);
    expect(result.standardError).toBeLessThan(0.005);
  });

  it('[L2] gives the same answer for the same seed, whatever the number of threads', () => {
    const args = [
      'critical',
      '--k',
      '3',
      '--n',
      '200',
      '--steps',
      '3000',
      '--replicas',
      '4',
      '--seed',
      'same',
      '--json',
    ];
    const one = JSON.parse(lab(...args, '--threads', '1').stdout) as { criticalBuffer: number };
    const two = JSON.parse(lab(...args, '--threads', '2').stdout) as { criticalBuffer: number };
    expect(two.criticalBuffer).toBe(one.criticalBuffer);
    const other = JSON.parse(lab(...args.slice(0, -3), '--seed', 'other', '--json').stdout) as {
      criticalBuffer: number;
    };
    expect(other.criticalBuffer).not.toBe(one.criticalBuffer);
  });

  it('[L3] prints a readable table without --json', () => {
    const run = lab('critical', '--topology', 'ring', '--n', '50', '--steps', '500', '--replicas', '2');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/critical buffer B_c\s+standard error/);
    expect(() => JSON.parse(run.stdout)).toThrow();
  });

  it('[L4] measures a custom network from a JSON file', () => {
    const path = file(
      'cycle.json',
      JSON.stringify({
        workshops: [
          { id: 'steel', suppliers: ['machines', 'coal'] },
          { id: 'machines', suppliers: ['steel'] },
          { id: 'coal', suppliers: ['machines'] },
        ],
      }),
    );
    const run = lab('critical', '--network', path, '--steps', '4000', '--replicas', '4', '--json');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { criticalBuffer: number };
    // Mean trouble 1 is a lower bound (a cycle); two inputs at one workshop push it above.
    expect(result.criticalBuffer).toBeGreaterThan(1);
    expect(result.criticalBuffer).toBeLessThan(2);
  });

  it('[L4][CH2] --challenge measures the map a challenge seed builds with the scenario trouble', () => {
    const run = lab('critical', '--challenge', 'ring-road', '--steps', '2000', '--replicas', '8', '--json');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { criticalBuffer: number; model: { noise: string } };
    // A ring of K = 1: B_c is exactly the mean trouble, 1 h (M1).
    expect(Math.abs(result.criticalBuffer - 1)).toBeLessThan(0.05);
    expect(result.model.noise).toBe('faces:0,0,1,1,1,2!');
  });

  it('[L5] uneven bins (--buffer-spread) raise the critical mean bin', () => {
    const base = ['critical', '--k', '2', '--n', '300', '--steps', '2000', '--replicas', '4', '--json'];
    const even = JSON.parse(lab(...base).stdout) as { criticalBuffer: number };
    const uneven = JSON.parse(lab(...base, '--buffer-spread', '1').stdout) as { criticalBuffer: number };
    expect(uneven.criticalBuffer).toBeGreaterThan(even.criticalBuffer + 0.05);
  });
});

describe('lab sweep', () => {
  it('[L6] prints an array of {buffer, growthRate, breachRate, meanDelay}', () => {
    const run = lab(
      'sweep',
      '--k',
      '2',
      '--n',
      '100',
      '--from',
      '1',
      '--to',
      '3',
      '--step',
      '0.5',
      '--steps',
      '1000',
      '--json',
    );
    expect(run.status).toBe(0);
    const points = JSON.parse(run.stdout) as {
      buffer: number;
      growthRate: number;
      breachRate: number;
      meanDelay: number;
    }[];
    expect(points.map((p) => p.buffer)).toEqual([1, 1.5, 2, 2.5, 3]);
    for (const p of points)
      for (const key of ['growthRate', 'breachRate', 'meanDelay'] as const) expect(Number.isFinite(p[key])).toBe(true);
    expect(points[0]!.growthRate).toBeGreaterThan(points[4]!.growthRate);
  });
});

describe('lab avalanches and theory', () => {
  it('[L7] reports avalanche durations and sizes near criticality', () => {
    const run = lab(
      'avalanches',
      '--k',
      '2',
      '--n',
      '100',
      '--buffer',
      '2.3',
      '--steps',
      '5000',
      '--replicas',
      '2',
      '--json',
    );
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      count: number;
      maxDuration: number;
      durationHistogram: unknown[];
      avalanches: { duration: number; size: number }[];
    };
    expect(summary.count).toBeGreaterThan(0);
    expect(summary.avalanches).toHaveLength(summary.count);
    expect(summary.durationHistogram.length).toBeGreaterThan(0);
  });

  it('[L8] prints the infinite-N critical buffer with the Lambert-W form', () => {
    const run = lab('theory', '--k', '2', '--noise', 'exp:1', '--json');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { criticalBuffer: number; lambertW: number };
    expect(result.criticalBuffer).toBeCloseTo(2.67835, 4);
    expect(result.lambertW).toBeCloseTo(2.67835, 4);
  });
});

describe('[L9] lab errors: non-zero exit and one line naming the flag and what it accepts', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown command', ['bogus'], /unknown command "bogus".*critical, sweep, avalanches, theory/],
    ['an unknown flag', ['critical', '--colour', 'red'], /unknown flag --colour; accepted here: .*--topology/],
    [
      'a bad topology',
      ['critical', '--topology', 'star'],
      /--topology "star" is not valid; accepted: ring, local-ring, fixed, spot, spot-any, out-regular/,
    ],
    ['a non-integer k', ['critical', '--k', '2.5'], /--k "2.5" is not valid; accepted: an integer from 1 to 64/],
    ['a missing value', ['critical', '--n'], /--n needs a value/],
    ['a bad noise', ['critical', '--noise', 'gauss:1'], /--noise .*unknown kind; .*exp:MEAN/],
    ['NaN', ['sweep', '--from', 'NaN'], /--from "NaN" is not valid/],
    ['a negative buffer', ['avalanches', '--buffer', '-1'], /--buffer "-1" is not valid; accepted: a number from 0/],
    ['a missing buffer', ['avalanches'], /--buffer is required for avalanches/],
    ['k too large for n', ['critical', '--topology', 'spot', '--k', '5', '--n', '4'], /needs k <= n - 1/],
    ['ring with k > 1', ['critical', '--topology', 'ring', '--k', '2'], /ring has k = 1/],
    ['a flag from another command', ['critical', '--from', '1'], /unknown flag --from; accepted here/],
    [
      'a missing network file',
      ['critical', '--network', '/nonexistent/net.json'],
      /--network "\/nonexistent\/net.json" cannot be read: ENOENT/,
    ],
    ['a network file that is not JSON', ['critical', '--network', file('bad.json', '{ nope')], /is not valid JSON/],
    [
      'a network with a self-loop',
      [
        'critical',
        '--network',
        file(
          'self.json',
          JSON.stringify({
            workshops: [
              { id: 'a', suppliers: ['a'] },
              { id: 'b', suppliers: ['a'] },
            ],
          }),
        ),
      ],
      /workshop "a" lists itself/,
    ],
    [
      'a network with an unknown supplier',
      [
        'critical',
        '--network',
        file(
          'unknown.json',
          JSON.stringify({
            workshops: [
              { id: 'a', suppliers: ['b'] },
              { id: 'b', suppliers: ['z'] },
            ],
          }),
        ),
      ],
      /workshop "b" names an unknown supplier "z"/,
    ],
    ['an unknown challenge', ['critical', '--challenge', 'moon-base'], /--challenge "moon-base" is not valid/],
    [
      '--k with --challenge',
      ['critical', '--challenge', 'ring-road', '--k', '2'],
      /--k cannot be used with --challenge \(the scenario sets the map and the trouble\)/,
    ],
    [
      '--n with --network',
      [
        'critical',
        '--n',
        '5',
        '--network',
        file(
          'ok.json',
          JSON.stringify({
            workshops: [
              { id: 'a', suppliers: ['b'] },
              { id: 'b', suppliers: ['a'] },
            ],
          }),
        ),
      ],
      /--n cannot be used with --network/,
    ],
    ['a sweep with to < from', ['sweep', '--from', '3', '--to', '1'], /to \(1\) must be >= from \(3\)/],
    [
      'a spread larger than the buffers',
      ['sweep', '--buffer-spread', '1', '--from', '0.5', '--to', '2'],
      /buffers must start at 1 or more/,
    ],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const run = lab(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
