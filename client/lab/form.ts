/**
 * The lab form: what the page's fields hold (text as typed), their defaults, and the parser that
 * turns them into a request and its replica jobs, or says per field what is wrong. Pure (the
 * messages come from the i18n catalogue).
 */
import { parseNoise } from '../../game/engine/noise';
import type { Noise } from '../../game/engine/noise';
import { type TopologySpec, validateTopologySpec } from '../../game/engine/topology';
import { type RunLength, type SweepRange, avalanchePlan, criticalPlan, sweepPlan } from '../../game/lab/experiments';
import { type LabModelSpec, resolveModel } from '../../game/lab/model';
import type { ReplicaJob } from '../../game/lab/replica';
import { infiniteNCriticalBuffer } from '../../game/lab/theory';
import { t } from '../i18n';

export const GENERATED_KINDS = ['ring', 'local-ring', 'fixed', 'spot', 'spot-any', 'out-regular'] as const;
export type GeneratedKind = (typeof GENERATED_KINDS)[number];
export const EXPERIMENTS = ['critical', 'sweep', 'avalanches'] as const;
export type Experiment = (typeof EXPERIMENTS)[number];
/** The trouble choice that shows the typed spec field. */
export const CUSTOM_TROUBLE = 'custom';

/** What a browser tab runs comfortably (the CLI takes more; see LIMITS in game/lab/experiments.ts). */
export const BROWSER_LIMITS = {
  maxN: 100_000,
  maxReplicas: 1000,
  maxSteps: 1_000_000,
  maxBurnIn: 1_000_000,
  maxSpread: 1000,
  maxBuffer: 1000,
  maxSweepPoints: 200,
  /** Avalanches keep every step's mean delay: replicas x steps numbers in memory. */
  maxSeriesSteps: 10_000_000,
} as const;

export interface ModelValues {
  readonly source: 'generated' | 'scenario';
  readonly topology: GeneratedKind;
  readonly k: string;
  readonly n: string;
  readonly scenario: string;
  /** A preset noise spec, or CUSTOM_TROUBLE. */
  readonly trouble: string;
  readonly customTrouble: string;
  readonly spread: string;
}

export interface RunValues {
  readonly replicas: string;
  readonly steps: string;
  readonly burnIn: string;
}

export interface LabFormValues {
  readonly model: ModelValues;
  readonly experiment: Experiment;
  /** Each experiment keeps its own run length. */
  readonly runs: Readonly<Record<Experiment, RunValues>>;
  readonly seed: string;
  /** Blank fields: chosen from the trouble (see autoSweepRange). */
  readonly sweep: { readonly from: string; readonly to: string; readonly step: string };
  /** Blank: 10% above the measured critical buffer of this model. */
  readonly bin: string;
}

export const LAB_FIELDS = [
  'k',
  'n',
  'scenario',
  'trouble',
  'spread',
  'replicas',
  'steps',
  'burnIn',
  'seed',
  'sweepFrom',
  'sweepTo',
  'sweepStep',
  'bin',
  'form',
] as const;
export type LabField = (typeof LAB_FIELDS)[number];
export type LabFormErrors = Partial<Record<LabField, string>>;

/** What the model fields (and their trouble part) of the lab's form are given. */
export interface ModelFieldsProps {
  readonly values: ModelValues;
  readonly errors: LabFormErrors;
  readonly onChange: (patch: Partial<ModelValues>) => void;
}

/** Defaults that finish in a second or two for a game-sized network. */
export const DEFAULT_RUNS: Readonly<Record<Experiment, RunValues>> = {
  critical: { replicas: '8', steps: '2000', burnIn: '100' },
  sweep: { replicas: '4', steps: '2000', burnIn: '500' },
  avalanches: { replicas: '4', steps: '20000', burnIn: '1000' },
};

export function defaultLabForm(scenario?: { readonly id: string; readonly trouble: string }): LabFormValues {
  return {
    model: {
      source: scenario ? 'scenario' : 'generated',
      topology: 'fixed',
      k: '2',
      n: '12',
      scenario: scenario?.id ?? '',
      trouble: scenario?.trouble ?? 'exp:1',
      customTrouble: '',
      spread: '0',
    },
    experiment: 'critical',
    runs: DEFAULT_RUNS,
    seed: '1',
    sweep: { from: '', to: '', step: '' },
    bin: '',
  };
}

export interface LabRequest {
  readonly experiment: Experiment;
  /** The scenario whose network this is (null: a generated topology). */
  readonly scenario: string | null;
  readonly model: LabModelSpec;
  readonly run: RunLength;
  /** The network's size and inputs per workshop (the largest in-degree for a custom network). */
  readonly n: number;
  readonly k: number;
  readonly noise: Noise;
  readonly sweep: SweepRange | null;
  readonly bin: number | null;
}

export type Parsed =
  | { readonly ok: true; readonly request: LabRequest; readonly jobs: ReplicaJob[] }
  | {
      readonly ok: false;
      readonly errors: LabFormErrors;
    };

/** A whole number from min to max, as typed; null when it is not one. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** A decimal number from min to max (a comma works as the decimal point); null when it is not one. */
export function decimal(text: string, min: number, max: number): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (!/^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

/** The noise spec the form asks for (the preset, or the typed one). */
export const troubleSpec = (m: ModelValues): string => (m.trouble === CUSTOM_TROUBLE ? m.customTrouble : m.trouble);

/** Round up to 1, 2 or 5 times a power of ten. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= x * (1 - 1e-12)) ?? 10 * power;
}

/**
 * A sweep range when the fields are blank: from the spread (no bin below 0) to well past the
 * infinite-N critical buffer (an upper guide: a finite network's is lower), about 16 steps.
 */
export function autoSweepRange(noise: Noise, k: number, spread: number): SweepRange {
  const guide = infiniteNCriticalBuffer(noise, k).criticalBuffer;
  const from = spread;
  const step = niceCeil((1.6 * guide) / 16);
  const to = Number((from + Math.ceil((1.6 * guide) / step) * step).toPrecision(12));
  return { from, to, step };
}

type ScenarioTopology = (id: string) => LabModelSpec['topology'] | null;

/** The model of the form's model fields, or null while any of them is invalid. */
export function modelOf(m: ModelValues, scenarioTopology: ScenarioTopology) {
  return parseModel(m, scenarioTopology, {});
}

function parseModel(m: ModelValues, scenarioTopology: ScenarioTopology, errors: LabFormErrors) {
  let topology: LabModelSpec['topology'] | null = null;
  if (m.source === 'scenario') {
    topology = m.scenario === '' ? null : scenarioTopology(m.scenario);
    if (!topology) errors.scenario = t('lab.error.scenario');
  } else {
    const n = wholeNumber(m.n, 2, BROWSER_LIMITS.maxN);
    const k = m.topology === 'ring' ? 1 : wholeNumber(m.k, 1, 64);
    if (n === null) errors.n = t('lab.error.n', { max: BROWSER_LIMITS.maxN });
    if (k === null) errors.k = t('lab.error.k');
    if (n !== null && k !== null) {
      const spec: TopologySpec = { kind: m.topology, n, k };
      const checked = validateTopologySpec(spec);
      if (checked.ok) topology = spec;
      else errors.k = t('lab.error.topology', { kind: m.topology, k, n, max: n - 1 });
    }
  }
  const spec = troubleSpec(m);
  const noise = parseNoise(spec);
  if (!noise.ok) errors.trouble = spec.trim() === '' ? t('lab.error.troubleEmpty') : noise.error;
  const spread = decimal(m.spread, 0, BROWSER_LIMITS.maxSpread);
  if (spread === null) errors.spread = t('lab.error.spread', { max: BROWSER_LIMITS.maxSpread });
  if (!topology || !noise.ok || spread === null) return null;
  const model: LabModelSpec = { topology, noise: spec.trim(), spread };
  const resolved = resolveModel(model);
  if (!resolved.ok) {
    errors.form = resolved.error;
    return null;
  }
  return { model, n: resolved.value.n, k: resolved.value.k, noise: noise.value };
}

function parseRun(values: LabFormValues, errors: LabFormErrors): RunLength | null {
  const r = values.runs[values.experiment];
  const replicas = wholeNumber(r.replicas, 1, BROWSER_LIMITS.maxReplicas);
  const steps = wholeNumber(r.steps, 1, BROWSER_LIMITS.maxSteps);
  const burnIn = wholeNumber(r.burnIn, 0, BROWSER_LIMITS.maxBurnIn);
  if (replicas === null) errors.replicas = t('lab.error.replicas', { max: BROWSER_LIMITS.maxReplicas });
  if (steps === null) errors.steps = t('lab.error.steps', { max: BROWSER_LIMITS.maxSteps });
  if (burnIn === null) errors.burnIn = t('lab.error.burnIn', { max: BROWSER_LIMITS.maxBurnIn });
  const seed = values.seed.trim();
  if (seed === '' || seed.length > 64) errors.seed = t('lab.error.seed');
  if (replicas === null || steps === null || burnIn === null || errors.seed) return null;
  return { seed, replicas, steps, burnIn };
}

function parseSweep(
  values: LabFormValues,
  spread: number,
  auto: () => SweepRange,
  errors: LabFormErrors,
): SweepRange | null {
  const { from, to, step } = values.sweep;
  const fallback = from.trim() === '' || to.trim() === '' || step.trim() === '' ? auto() : null;
  const read = (text: string, field: 'sweepFrom' | 'sweepTo' | 'sweepStep', blank: number | undefined, min: number) => {
    if (text.trim() === '' && blank !== undefined) return blank;
    const value = decimal(text, min, BROWSER_LIMITS.maxBuffer);
    if (value !== null && (field !== 'sweepStep' || value > 0)) return value;
    errors[field] = t(field === 'sweepStep' ? 'lab.error.sweepStep' : 'lab.error.buffer', {
      max: BROWSER_LIMITS.maxBuffer,
    });
    return null;
  };
  const range = {
    from: read(from, 'sweepFrom', fallback?.from, 0),
    to: read(to, 'sweepTo', fallback?.to, 0),
    step: read(step, 'sweepStep', fallback?.step, 0),
  };
  if (range.from === null || range.to === null || range.step === null) return null;
  if (range.from < spread) {
    errors.sweepFrom = t('lab.error.sweepSpread', { spread });
    return null;
  }
  if (range.to < range.from) {
    errors.sweepTo = t('lab.error.sweepOrder', { from: range.from });
    return null;
  }
  const points = Math.floor((range.to - range.from) / range.step + 1e-9) + 1;
  if (points > BROWSER_LIMITS.maxSweepPoints) {
    errors.sweepStep = t('lab.error.sweepPoints', { points, max: BROWSER_LIMITS.maxSweepPoints });
    return null;
  }
  return { from: range.from, to: range.to, step: range.step };
}

/**
 * Parse the form for its experiment. `measuredCritical` is the critical buffer measured for
 * this very model (or null): a blank avalanche bin means 10% above it.
 */
export function parseLabForm(
  values: LabFormValues,
  scenarioTopology: ScenarioTopology,
  measuredCritical: (model: LabModelSpec) => number | null,
): Parsed {
  const errors: LabFormErrors = {};
  const model = parseModel(values.model, scenarioTopology, errors);
  const run = parseRun(values, errors);
  const { experiment } = values;
  let sweep: SweepRange | null = null;
  let bin: number | null = null;
  if (experiment === 'sweep' && model) {
    sweep = parseSweep(
      values,
      model.model.spread,
      () => autoSweepRange(model.noise, model.k, model.model.spread),
      errors,
    );
  }
  if (experiment === 'avalanches') {
    if (values.bin.trim() === '') {
      const measured = model ? measuredCritical(model.model) : null;
      if (measured === null) errors.bin = t('lab.error.binNeeded');
      else bin = Number((1.1 * measured).toFixed(3));
    } else {
      bin = decimal(values.bin, 0, BROWSER_LIMITS.maxBuffer);
      if (bin === null) errors.bin = t('lab.error.buffer', { max: BROWSER_LIMITS.maxBuffer });
      else if (model && bin < model.model.spread) errors.bin = t('lab.error.binSpread', { spread: model.model.spread });
    }
    if (run && run.replicas * run.steps > BROWSER_LIMITS.maxSeriesSteps)
      errors.steps = t('lab.error.series', { max: BROWSER_LIMITS.maxSeriesSteps.toLocaleString('en') });
  }
  if (!model || !run || Object.keys(errors).length > 0) return { ok: false, errors };
  const plan =
    experiment === 'critical'
      ? criticalPlan(model.model, run)
      : experiment === 'sweep'
        ? sweepPlan(model.model, run, sweep!)
        : avalanchePlan(model.model, run, bin!);
  if (!plan.ok) return { ok: false, errors: { form: plan.error } };
  return {
    ok: true,
    request: {
      experiment,
      scenario: values.model.source === 'scenario' ? values.model.scenario : null,
      model: model.model,
      run,
      n: model.n,
      k: model.k,
      noise: model.noise,
      sweep,
      bin,
    },
    jobs: plan.value,
  };
}
