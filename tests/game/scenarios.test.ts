/**
 * Scenarios (rules S1-S4 in docs/RULES.md): the files of assets/scenarios parse and spell out
 * every field, their stored critical buffers match the lab, bad data gets an error that names the
 * field, and the registry holds exactly the design's eight scenarios (docs/RULES.md S4).
 */
import { describe, expect, it } from 'vitest';
import { noiseMax, noiseMean, parseNoise } from '../../game/engine/noise';
import { unwrap } from '../../game/engine/result';
import { type Scenario, parseScenario } from '../../game/core/scenario';
import { SCENARIOS, scenarioIds } from '../../game/core/scenarios';
import { MECHANICS } from '../../game/core/types';
import {
  REQUIRED_FIELDS,
  commandMismatches,
  labModelOf,
  measureCritical,
  parseLabCommand,
  scenarioFiles,
  shortenedRun,
} from './scenarios-lab';

const FILES = scenarioFiles();
const ALL = [...SCENARIOS.values()];
const scenario = (id: string): Scenario => {
  const s = SCENARIOS.get(id);
  if (!s) throw new Error(`scenario "${id}" is not in the registry`);
  return s;
};
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The design's starting set, in its order (docs/RULES.md S4). */
const DESIGN: readonly (readonly [string, string])[] = [
  ['ring-road', 'Ring road'],
  ['two-inputs', 'Two inputs'],
  ['one-more-input', 'One more input'],
  ['spot-market', 'Spot market'],
  ['local-cluster', 'Local cluster'],
  ['toyota-city', 'Toyota city'],
  ['new-road', 'The new road'],
  ['foggy-cliff', 'Foggy cliff'],
];

/** A fresh measurement runs at most this many steps per replica (the stored ones run 20,000). */
const TEST_STEPS = 5000;

describe('[S1] every scenario file parses and has all fields', () => {
  it.each(FILES.map((f) => [f.name, f.data] as const))('%s.json parses, its id is its file name', (name, data) => {
    const parsed = parseScenario(data);
    expect(parsed.ok ? null : parsed.error).toBeNull();
    expect(data.id).toBe(name);
  });

  it.each(FILES.map((f) => [f.name, f.data] as const))(
    '%s.json spells out every field, every mechanic and the basic costs',
    (_, data) => {
      for (const field of REQUIRED_FIELDS) expect(data, field).toHaveProperty([field]);
      expect(Object.keys(data.mechanics as object).sort()).toEqual([...MECHANICS].sort());
      expect(data.costs).toHaveProperty(['rent']);
      expect(data.costs).toHaveProperty(['latePenalty']);
    },
  );

  it.each(ALL.map((s) => [s.id, s] as const))('%s has a story, a learning goal and 3-4 questions', (_, s) => {
    expect(s.story.length).toBeGreaterThan(200);
    expect(s.learningGoal.length).toBeGreaterThan(50);
    expect(s.questions.length).toBeGreaterThanOrEqual(3);
    expect(s.questions.length).toBeLessThanOrEqual(4);
    for (const q of s.questions) expect(q).toMatch(/\?$/);
  });

  it.each(ALL.map((s) => [s.id, s] as const))('%s: no bin is perfectly safe (the trouble has a tail)', (_, s) => {
    // MODEL-FACTS: bounded trouble makes a bin of the largest roll perfectly safe.
    expect(noiseMax(unwrap(parseNoise(s.trouble)))).toBe(Infinity);
  });
});

describe('[S2] the stored critical buffer matches a fresh lab measurement', () => {
  it.each(ALL.map((s) => [s.id, s] as const))('%s: its command measures this scenario', (_, s) => {
    const flags = unwrap(parseLabCommand(s.criticalBuffer.command));
    expect(commandMismatches(s, flags)).toEqual([]);
  });

  it.each(ALL.map((s) => [s.id, s] as const))(
    '%s: the same run, shorter, gives the stored value within max(3 SE, 0.03)',
    (_, s) => {
      const flags = unwrap(parseLabCommand(s.criticalBuffer.command));
      const run = shortenedRun(flags, TEST_STEPS);
      const fresh = measureCritical(labModelOf(s), run);
      expect(fresh.standardError).toBeLessThanOrEqual(0.01);
      expect(s.criticalBuffer.standardError).toBeLessThanOrEqual(0.01);
      const tolerance = Math.max(3 * s.criticalBuffer.standardError, 0.03);
      expect(Math.abs(fresh.criticalBuffer - s.criticalBuffer.value)).toBeLessThanOrEqual(tolerance);
    },
    20_000,
  );
});

/** A valid scenario to break: a copy of the Ring road file with the given fields replaced. */
function scenarioData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = FILES.find((f) => f.name === 'ring-road');
  if (!base) throw new Error('assets/scenarios/ring-road.json is missing');
  return { ...clone(base.data), ...overrides };
}

/** A small custom network: a <- b, c; b <- c; c <- a (plus any overrides per workshop). */
function customNetwork(workshops?: unknown[]): Record<string, unknown> {
  return {
    kind: 'custom',
    workshops: workshops ?? [
      { id: 'a', inputs: ['b', 'c'] },
      { id: 'b', inputs: ['c'] },
      { id: 'c', inputs: ['a'] },
    ],
  };
}

function errorOf(data: unknown): string {
  const result = parseScenario(data);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.error;
}

describe('[S3] bad scenario data gets a clear error naming the field', () => {
  it('the unchanged base scenario parses (the cases below change one thing each)', () => {
    expect(parseScenario(scenarioData()).ok).toBe(true);
    expect(parseScenario(scenarioData({ network: customNetwork() })).ok).toBe(true);
  });

  const without = (field: string) => {
    const data = scenarioData();
    delete data[field];
    return data;
  };
  const cases: [string, () => unknown, RegExp][] = [
    ['not an object', () => [], /scenario must be a JSON object/],
    ['missing title', () => without('title'), /"ring-road": title must be a non-empty string/],
    ['missing story', () => without('story'), /story must be a non-empty string/],
    ['missing questions', () => without('questions'), /questions must be a non-empty array/],
    ['a question that is not text', () => scenarioData({ questions: ['Why?', 3] }), /questions\[1\]/],
    ['unknown field', () => scenarioData({ colour: 'red' }), /scenario: unknown field "colour"/],
    ['bad id', () => scenarioData({ id: 'Ring Road!' }), /id has a bad format/],
    ['rounds not whole', () => scenarioData({ rounds: 20.5 }), /rounds must be a whole number/],
    ['rounds out of range', () => scenarioData({ rounds: 0 }), /rounds must be from 1 to 500, got 0/],
    ['trouble not a string', () => scenarioData({ trouble: 3 }), /trouble must be a noise spec string/],
    // parseScenario passes parseNoise's message through: it quotes the spec but calls it "noise", not "trouble".
    ['bad trouble', () => scenarioData({ trouble: 'dice:3' }), /noise "dice:3": unknown kind/],
    ['trouble face out of range', () => scenarioData({ trouble: 'faces:0,1,-2' }), /face 3 \("-2"\)/],
    [
      'kaizen without a die',
      () => scenarioData({ trouble: 'exp:1', mechanics: { kaizen: true } }),
      /kaizen needs a die/,
    ],
    ['mechanics switch not boolean', () => scenarioData({ mechanics: { kaizen: 'yes' } }), /mechanics\.kaizen/],
    ['unknown mechanic', () => scenarioData({ mechanics: { magic: true } }), /mechanics: unknown field "magic"/],
    [
      'spot network without the spot mechanic',
      () => scenarioData({ network: { kind: 'spot', n: 12, k: 2 } }),
      /mechanics\.spot must be true exactly when network\.kind is "spot"/,
    ],
    [
      'spot mechanic on a fixed network',
      () => scenarioData({ network: { kind: 'fixed', n: 12, k: 2 }, mechanics: { spot: true } }),
      /mechanics\.spot must be true exactly when network\.kind is "spot"/,
    ],
    [
      'k >= n',
      () => scenarioData({ network: { kind: 'fixed', n: 4, k: 4 } }),
      /network: k \(4\) must be below n \(4\)/,
    ],
    ['ring with k = 2', () => scenarioData({ network: { kind: 'ring', n: 12, k: 2 } }), /network: a ring has k = 1/],
    ['unknown network kind', () => scenarioData({ network: { kind: 'star', n: 12, k: 1 } }), /network\.kind must be/],
    ['network too small', () => scenarioData({ network: { kind: 'fixed', n: 2, k: 1 } }), /network\.n must be from 3/],
    [
      'unknown field in a network',
      () => scenarioData({ network: { kind: 'fixed', n: 12, k: 2, seed: 4 } }),
      /network: unknown field "seed"/,
    ],
    [
      'custom network: unknown supplier',
      () =>
        scenarioData({
          network: customNetwork([
            { id: 'a', inputs: ['b', 'zz'] },
            { id: 'b', inputs: ['a'] },
            { id: 'c', inputs: ['a'] },
          ]),
        }),
      /workshop "a" names an unknown supplier "zz"/,
    ],
    [
      'custom network: self-loop',
      () =>
        scenarioData({
          network: customNetwork([
            { id: 'a', inputs: ['a'] },
            { id: 'b', inputs: ['a'] },
            { id: 'c', inputs: ['b'] },
          ]),
        }),
      /workshop "a" lists itself as a supplier/,
    ],
    [
      'custom network: duplicate supplier',
      () =>
        scenarioData({
          network: customNetwork([
            { id: 'a', inputs: ['b', 'b'] },
            { id: 'b', inputs: ['a'] },
            { id: 'c', inputs: ['b'] },
          ]),
        }),
      /workshop "a" lists supplier "b" twice/,
    ],
    [
      'custom network: a supplier both fixed and among the choices',
      () =>
        scenarioData({
          network: customNetwork([
            { id: 'a', inputs: ['b', { choose: ['b', 'c'], initial: 'c' }] },
            { id: 'b', inputs: ['a'] },
            { id: 'c', inputs: ['b'] },
          ]),
        }),
      /workshop "a" lists supplier "b" twice/,
    ],
    [
      'custom network: duplicate workshop',
      () =>
        scenarioData({
          network: customNetwork([
            { id: 'a', inputs: ['b'] },
            { id: 'b', inputs: ['a'] },
            { id: 'a', inputs: ['b'] },
          ]),
        }),
      /network: workshop "a" is listed twice/,
    ],
    [
      'custom network: no inputs',
      () =>
        scenarioData({
          network: customNetwork([
            { id: 'a', inputs: [] },
            { id: 'b', inputs: ['a'] },
            { id: 'c', inputs: ['b'] },
          ]),
        }),
      /workshop "a" needs at least one input/,
    ],
    [
      'custom network: initial supplier not among the choices',
      () =>
        scenarioData({
          network: customNetwork([
            { id: 'a', inputs: [{ choose: ['b', 'c'], initial: 'd' }] },
            { id: 'b', inputs: ['a'] },
            { id: 'c', inputs: ['a'] },
            { id: 'd', inputs: ['a'] },
          ]),
        }),
      /workshop "a": initial supplier "d" is not among its choices/,
    ],
    [
      'custom network: unknown field in a choice',
      () =>
        scenarioData({
          network: customNetwork([
            { id: 'a', inputs: [{ choose: ['b', 'c'], first: 'b' }] },
            { id: 'b', inputs: ['a'] },
            { id: 'c', inputs: ['a'] },
          ]),
        }),
      /workshop "a" choice: unknown field "first"/,
    ],
    [
      'custom network: too few workshops',
      () =>
        scenarioData({
          network: customNetwork([
            { id: 'a', inputs: ['b'] },
            { id: 'b', inputs: ['a'] },
          ]),
        }),
      /network\.workshops must be an array of 3 to/,
    ],
    [
      'newRoad on a generated network',
      () => scenarioData({ newRoad: [{ workshop: 'w1', supplier: 'w2' }] }),
      /newRoad must be a list of \{workshop, supplier\} links of a custom network/,
    ],
    [
      'newRoad naming an unknown workshop',
      () => scenarioData({ network: customNetwork(), newRoad: [{ workshop: 'a', supplier: 'zz' }] }),
      /newRoad link a <- zz names unknown or identical workshops/,
    ],
    [
      'councilRounds without the council',
      () => scenarioData({ councilRounds: [10] }),
      /councilRounds needs mechanics\.council = true/,
    ],
    [
      'councilRounds after the last round',
      () => scenarioData({ councilRounds: [99], mechanics: { council: true } }),
      /councilRounds must be whole rounds from 2 to 20/,
    ],
    [
      'startingBin above maxBin',
      () => scenarioData({ startingBin: 7, maxBin: 6 }),
      /startingBin must not exceed maxBin/,
    ],
    ['negative startingBin', () => scenarioData({ startingBin: -1 }), /startingBin must be from 0 to 100, got -1/],
    ['workers not whole', () => scenarioData({ workers: 1.5 }), /workers must be a whole number/],
    ['unknown cost', () => scenarioData({ costs: { rent: 1, tax: 2 } }), /costs: unknown field "tax"/],
    ['negative rent', () => scenarioData({ costs: { rent: -1 } }), /costs\.rent must be from 0 to 100, got -1/],
    ['unknown autopilot', () => scenarioData({ autopilot: 'greedy:2' }), /autopilot: unknown policy "greedy"/],
    ['bad autopilot parameter', () => scenarioData({ autopilot: 'steady:x' }), /autopilot: parameter "x"/],
    ['missing criticalBuffer', () => without('criticalBuffer'), /criticalBuffer must be \{"value", "standardError"/],
    [
      'criticalBuffer value negative',
      () => scenarioData({ criticalBuffer: { value: -1, standardError: 0.01, command: 'npm run lab' } }),
      /criticalBuffer\.value must be from 0 to 1000, got -1/,
    ],
    [
      'criticalBuffer without a standard error',
      () => scenarioData({ criticalBuffer: { value: 1, command: 'npm run lab' } }),
      /criticalBuffer\.standardError must be a number/,
    ],
    [
      'criticalBuffer without its command',
      () => scenarioData({ criticalBuffer: { value: 1, standardError: 0.01 } }),
      /criticalBuffer\.command must be a non-empty string/,
    ],
  ];
  it.each(cases)('%s', (_, make, message) => {
    expect(errorOf(make())).toMatch(message);
  });
});

describe('[S4] the registry holds exactly the design eight', () => {
  it('the ids, titles and order are the design list 1-8', () => {
    expect(scenarioIds()).toEqual(DESIGN.map(([id]) => id));
    expect(ALL.map((s) => s.title)).toEqual(DESIGN.map(([, title]) => title));
  });

  it('every file under assets/scenarios is in the registry, and every registered scenario has its file', () => {
    expect(FILES.map((f) => f.name).sort()).toEqual(scenarioIds().sort());
  });

  it.each(ALL.map((s) => [s.id, s] as const))(
    '%s starts safe: its starting bin is above the measured critical buffer',
    (_, s) => {
      expect(s.startingBin).toBeGreaterThan(s.criticalBuffer.value + 3 * s.criticalBuffer.standardError);
    },
  );

  it.each(ALL.map((s) => [s.id, s] as const))('%s is session-sized: 12-24 workshops, 20-40 rounds', (_, s) => {
    const n = s.network.kind === 'custom' ? s.network.workshops.length : s.network.n;
    expect(n).toBeGreaterThanOrEqual(12);
    expect(n).toBeLessThanOrEqual(24);
    expect(s.rounds).toBeGreaterThanOrEqual(20);
    expect(s.rounds).toBeLessThanOrEqual(40);
  });

  it('1 Ring road: a K = 1 ring whose critical buffer is the mean trouble', () => {
    const s = scenario('ring-road');
    expect(s.network).toMatchObject({ kind: 'ring', k: 1 });
    const mu = noiseMean(unwrap(parseNoise(s.trouble)));
    expect(Math.abs(s.criticalBuffer.value - mu)).toBeLessThanOrEqual(
      Math.max(3 * s.criticalBuffer.standardError, 0.01),
    );
  });

  it('3 One more input: Two inputs with K = 3, the same bins, and a higher critical buffer', () => {
    const two = scenario('two-inputs');
    const three = scenario('one-more-input');
    expect(two.network).toMatchObject({ kind: 'fixed', k: 2 });
    expect(three.network).toEqual({ ...two.network, k: 3 });
    expect([three.trouble, three.startingBin, three.autopilot, three.costs.rent, three.costs.latePenalty]).toEqual([
      two.trouble,
      two.startingBin,
      two.autopilot,
      two.costs.rent,
      two.costs.latePenalty,
    ]);
    expect(three.criticalBuffer.value).toBeGreaterThan(two.criticalBuffer.value + 0.2);
  });

  it('4 Spot market: suppliers redrawn every round', () => {
    const s = scenario('spot-market');
    expect(s.network.kind).toBe('spot');
    expect(s.mechanics.spot).toBe(true);
  });

  it('5 Local cluster: a K = 2 local ring, with a lower critical buffer than random sourcing of its size', () => {
    const s = scenario('local-cluster');
    expect(s.network).toMatchObject({ kind: 'local-ring', k: 2 });
    if (s.network.kind !== 'local-ring') return;
    const flags = unwrap(parseLabCommand(s.criticalBuffer.command));
    const random = measureCritical(
      { topology: { kind: 'fixed', n: s.network.n, k: 2 }, noise: s.trouble, spread: 0 },
      { ...shortenedRun(flags, TEST_STEPS), replicas: 128 },
    );
    expect(random.criticalBuffer - s.criticalBuffer.value).toBeGreaterThan(
      3 * Math.hypot(random.standardError, s.criticalBuffer.standardError),
    );
  });

  it('6 Toyota city: kaizen and workers on, trouble is a die', () => {
    const s = scenario('toyota-city');
    expect(s.mechanics).toMatchObject({ kaizen: true, workers: true });
    expect(s.workers).toBeGreaterThanOrEqual(1);
    expect(s.trouble).toMatch(/^faces:/);
  });

  it('7 The new road: supplier choice and a closed link to open', () => {
    const s = scenario('new-road');
    expect(s.network.kind).toBe('custom');
    expect(s.mechanics.supplierChoice).toBe(true);
    expect(s.newRoad.length).toBeGreaterThan(0);
  });

  it('8 Foggy cliff: rent rises every round', () => {
    expect(scenario('foggy-cliff').costs.rentGrowth).toBeGreaterThan(0);
  });
});
