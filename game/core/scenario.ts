/**
 * Scenarios: data files in assets/scenarios (one per scenario), parsed and validated here with
 * messages that name the bad field. See docs/RULES.md (S rules) and assets/scenarios/README.md.
 */
import { MAX_ROUNDS } from '../contract/limits';
import { parseNoise } from '../engine/noise';
import { type Result, err, ok } from '../engine/result';
import {
  BOT_POLICIES,
  type BotPolicy,
  type Costs,
  MECHANICS,
  type Mechanics,
  type ScenarioInput,
  type ScenarioNetwork,
  type ScenarioWorkshop,
} from './types';
import { checkNumber, checkString, firstError, isRecord, shown, unknownKeys } from './schema';

export const SCENARIO_ID = /^[a-z0-9-]{1,40}$/;
export const WORKSHOP_ID = /^[A-Za-z0-9_.-]{1,32}$/;
export const MAX_WORKSHOPS = 200;

export type { ScenarioInput, ScenarioNetwork, ScenarioWorkshop };

export interface Link {
  readonly workshop: string;
  readonly supplier: string;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly story: string;
  readonly learningGoal: string;
  readonly questions: readonly string[];
  readonly network: ScenarioNetwork;
  /** Links closed at the start that setupData `newRoad: true` (or a facilitator shock) opens. */
  readonly newRoad: readonly Link[];
  readonly trouble: string;
  readonly mechanics: Mechanics;
  readonly costs: Costs;
  readonly rounds: number;
  readonly councilRounds: readonly number[];
  readonly startingBin: number;
  readonly maxBin: number;
  readonly workers: number;
  readonly autopilot: BotPolicy;
  /** Measured with the lab (uniform bins): value, standard error and the command used. */
  readonly criticalBuffer: Measured;
  /**
   * The challenge's own numbers: the critical buffer of the published map (the one the challenge
   * seed builds), the B_c a challenge score is divided by (CH2). Null: the scenario's is used.
   */
  readonly challenge: { readonly criticalBuffer: Measured } | null;
}

/** The critical buffer a challenge score is divided by: the published map's, else the scenario's. */
export const challengeCriticalBuffer = (s: Scenario): number => (s.challenge ?? s).criticalBuffer.value;

/** A number measured with the lab: value, standard error and the command that measures it. */
export interface Measured {
  readonly value: number;
  readonly standardError: number;
  readonly command: string;
}

function parseMeasured(value: unknown, path: string): Result<Measured> {
  if (!isRecord(value)) return err(`${path} must be {"value", "standardError", "command"} measured with the lab`);
  const bad = firstError(
    unknownKeys(value, ['value', 'standardError', 'command'], path),
    checkNumber(value.value, `${path}.value`, 0, 1000),
    checkNumber(value.standardError, `${path}.standardError`, 0, 100),
    checkString(value.command, `${path}.command`, 500),
  );
  if (bad) return err(bad);
  return ok({
    value: value.value as number,
    standardError: value.standardError as number,
    command: value.command as string,
  });
}

function parseChallenge(value: unknown): Result<Scenario['challenge']> {
  if (value === undefined) return ok(null);
  if (!isRecord(value)) return err('challenge must be {"criticalBuffer": {"value", "standardError", "command"}}');
  const extra = unknownKeys(value, ['criticalBuffer'], 'challenge');
  if (extra) return err(extra);
  const cb = parseMeasured(value.criticalBuffer, 'challenge.criticalBuffer');
  return cb.ok ? ok({ criticalBuffer: cb.value }) : cb;
}

export const DEFAULT_COSTS: Costs = {
  rent: 1,
  rentGrowth: 0,
  latePenalty: 1,
  commute: 2,
  kaizenCost: 2,
  congestion: 0,
  congestionFree: 1,
  startingCoins: 200,
};

const COST_LIMITS: Record<keyof Costs, [number, number]> = {
  rent: [0, 100],
  rentGrowth: [0, 10],
  latePenalty: [0, 100],
  commute: [0, 100],
  kaizenCost: [1, 100],
  congestion: [0, 100],
  congestionFree: [0, 100],
  startingCoins: [0, 1e6],
};

export function parseCosts(value: unknown, path: string, base: Costs = DEFAULT_COSTS): Result<Costs> {
  if (value === undefined) return ok(base);
  if (!isRecord(value)) return err(`${path} must be an object`);
  const bad = unknownKeys(value, Object.keys(COST_LIMITS), path);
  if (bad) return err(bad);
  const costs: Record<string, number> = { ...base };
  for (const [key, [min, max]] of Object.entries(COST_LIMITS)) {
    if (value[key] === undefined) continue;
    const e = checkNumber(value[key], `${path}.${key}`, min, max);
    if (e) return err(e);
    costs[key] = value[key] as number;
  }
  return ok(costs as unknown as Costs);
}

export function parseMechanics(value: unknown, path: string, base?: Mechanics): Result<Mechanics> {
  const start: Mechanics = base ?? {
    kaizen: false,
    workers: false,
    supplierChoice: false,
    council: false,
    spot: false,
  };
  if (value === undefined) return ok(start);
  if (!isRecord(value)) return err(`${path} must be an object of switches`);
  const bad = unknownKeys(value, MECHANICS, path);
  if (bad) return err(bad);
  const result: Record<string, boolean> = { ...start };
  for (const key of MECHANICS) {
    if (value[key] === undefined) continue;
    if (typeof value[key] !== 'boolean') return err(`${path}.${key} must be true or false`);
    result[key] = value[key];
  }
  return ok(result as Mechanics);
}

export function parsePolicy(value: unknown, path: string): Result<BotPolicy> {
  if (typeof value !== 'string') return err(`${path} must be a string like "steady:2"`);
  const parts = value.split(':');
  if (parts.length > 2) return err(`${path}: "${value}" has too many parts; use NAME or NAME:PARAM`);
  const [name, raw] = parts;
  if (!(BOT_POLICIES as readonly string[]).includes(name ?? ''))
    return err(`${path}: unknown policy "${name}"; use ${BOT_POLICIES.join(', ')}`);
  const param = raw === undefined ? 2 : Number(raw);
  if (raw !== undefined && (!/^\d+(\.\d+)?$/.test(raw) || !(param >= 0 && param <= 100))) {
    return err(`${path}: parameter "${raw}" must be a number from 0 to 100`);
  }
  return ok({ name: name as BotPolicy['name'], param });
}

function parseNetwork(value: unknown): Result<ScenarioNetwork> {
  const path = 'network';
  if (!isRecord(value)) return err(`${path} must be an object`);
  const kind = value.kind;
  if (kind === 'ring' || kind === 'local-ring' || kind === 'fixed' || kind === 'spot') {
    const bad = firstError(
      unknownKeys(value, ['kind', 'n', 'k'], path),
      checkNumber(value.n, `${path}.n`, 3, MAX_WORKSHOPS, true),
      checkNumber(value.k, `${path}.k`, 1, 8, true),
    );
    if (bad) return err(bad);
    const n = value.n as number;
    const k = value.k as number;
    if (kind === 'ring' && k !== 1) return err(`${path}: a ring has k = 1`);
    if (k > n - 1) return err(`${path}: k (${k}) must be below n (${n})`);
    return ok({ kind, n, k });
  }
  if (kind !== 'custom') return err(`${path}.kind must be ring, local-ring, fixed, spot or custom`);
  const bad = unknownKeys(value, ['kind', 'workshops'], path);
  if (bad) return err(bad);
  const list = value.workshops;
  if (!Array.isArray(list) || list.length < 3 || list.length > MAX_WORKSHOPS)
    return err(`${path}.workshops must be an array of 3 to ${MAX_WORKSHOPS} workshops`);
  const ids = new Set<string>();
  for (const [i, w] of list.entries()) {
    if (!isRecord(w)) return err(`${path}.workshops[${i}] must be an object`);
    const e = checkString(w.id, `${path}.workshops[${i}].id`, 32, WORKSHOP_ID);
    if (e) return err(e);
    if (ids.has(w.id as string)) return err(`${path}: workshop "${w.id}" is listed twice`);
    ids.add(w.id as string);
  }
  const workshops: ScenarioWorkshop[] = [];
  for (const w of list as Record<string, unknown>[]) {
    const id = w.id as string;
    const where = `${path}: workshop "${id}"`;
    const extra = unknownKeys(w, ['id', 'name', 'inputs'], where);
    if (extra) return err(extra);
    if (w.name !== undefined) {
      const e = checkString(w.name, `${where}.name`, 60);
      if (e) return err(e);
    }
    if (!Array.isArray(w.inputs) || w.inputs.length === 0) return err(`${where} needs at least one input`);
    const inputs: ScenarioInput[] = [];
    const seen = new Set<string>();
    const known = (s: unknown, role: string): string | null => {
      if (typeof s !== 'string' || !ids.has(s)) return `${where} names an unknown ${role} "${shown(s)}"`;
      if (s === id) return `${where} lists itself as a ${role} (self-loops are not allowed)`;
      return null;
    };
    for (const input of w.inputs as unknown[]) {
      if (typeof input === 'string') {
        const e = known(input, 'supplier') ?? (seen.has(input) ? `${where} lists supplier "${input}" twice` : null);
        if (e) return err(e);
        seen.add(input);
        inputs.push({ supplier: input });
      } else if (isRecord(input) && Array.isArray(input.choose)) {
        const e0 = unknownKeys(input, ['choose', 'initial'], `${where} choice`);
        if (e0) return err(e0);
        if (input.choose.length < 1) return err(`${where}: a choice needs at least one supplier`);
        for (const s of input.choose as unknown[]) {
          const e =
            known(s, 'supplier') ?? (seen.has(s as string) ? `${where} lists supplier "${shown(s)}" twice` : null);
          if (e) return err(e);
          seen.add(s as string);
        }
        const choose = input.choose as string[];
        const initial = input.initial ?? choose[0];
        if (typeof initial !== 'string' || !choose.includes(initial))
          return err(`${where}: initial supplier "${shown(initial)}" is not among its choices`);
        inputs.push({ choose, initial });
      } else return err(`${where}: an input is a supplier id or {"choose": [...], "initial": id}`);
    }
    workshops.push({ id, name: (w.name as string | undefined) ?? id, inputs });
  }
  return ok({ kind: 'custom', workshops });
}

const SCENARIO_KEYS = [
  'id',
  'title',
  'story',
  'learningGoal',
  'questions',
  'network',
  'newRoad',
  'trouble',
  'mechanics',
  'costs',
  'rounds',
  'councilRounds',
  'startingBin',
  'maxBin',
  'workers',
  'autopilot',
  'criticalBuffer',
  'challenge',
];

export function parseScenario(data: unknown): Result<Scenario> {
  if (!isRecord(data)) return err('scenario must be a JSON object');
  const id = typeof data.id === 'string' ? data.id : '?';
  const fail = (message: string) => err<Scenario>(`scenario "${id}": ${message}`);
  const bad = firstError(
    unknownKeys(data, SCENARIO_KEYS, 'scenario'),
    checkString(data.id, 'id', 40, SCENARIO_ID),
    checkString(data.title, 'title', 80),
    checkString(data.story, 'story', 2000),
    checkString(data.learningGoal, 'learningGoal', 500),
    checkNumber(data.rounds, 'rounds', 1, MAX_ROUNDS, true),
    checkNumber(data.startingBin, 'startingBin', 0, 100),
    checkNumber(data.maxBin, 'maxBin', 1, 100),
    checkNumber(data.workers ?? 1, 'workers', 0, 10, true),
  );
  if (bad) return fail(bad);
  if (!Array.isArray(data.questions) || data.questions.length === 0)
    return fail('questions must be a non-empty array of strings');
  for (const [i, q] of data.questions.entries()) {
    const e = checkString(q, `questions[${i}]`, 500);
    if (e) return fail(e);
  }
  const network = parseNetwork(data.network);
  if (!network.ok) return fail(network.error);
  const trouble =
    typeof data.trouble === 'string' ? parseNoise(data.trouble) : err('trouble must be a noise spec string');
  if (!trouble.ok) return fail(`trouble: ${trouble.error}`);
  const mechanics = parseMechanics(data.mechanics, 'mechanics');
  if (!mechanics.ok) return fail(mechanics.error);
  if (mechanics.value.kaizen && trouble.value.kind !== 'faces')
    return fail('kaizen needs a die (faces:...) for trouble');
  if (mechanics.value.spot !== (network.value.kind === 'spot'))
    return fail('mechanics.spot must be true exactly when network.kind is "spot"');
  const costs = parseCosts(data.costs, 'costs');
  if (!costs.ok) return fail(costs.error);
  const autopilot = parsePolicy(data.autopilot ?? 'steady:2', 'autopilot');
  if (!autopilot.ok) return fail(autopilot.error);
  if ((data.startingBin as number) > (data.maxBin as number)) return fail('startingBin must not exceed maxBin');
  const councilRounds = data.councilRounds ?? [];
  if (
    !Array.isArray(councilRounds) ||
    councilRounds.some((r) => checkNumber(r, 'councilRounds[]', 2, data.rounds as number, true) !== null)
  ) {
    return fail(`councilRounds must be whole rounds from 2 to ${data.rounds}`);
  }
  if (councilRounds.length > 0 && !mechanics.value.council) return fail('councilRounds needs mechanics.council = true');
  const newRoad: Link[] = [];
  if (data.newRoad !== undefined) {
    if (!Array.isArray(data.newRoad) || network.value.kind !== 'custom')
      return fail('newRoad must be a list of {workshop, supplier} links of a custom network');
    const ids = new Set(network.value.workshops.map((w) => w.id));
    for (const link of data.newRoad as unknown[]) {
      if (isRecord(link)) {
        const extraKey = unknownKeys(link, ['workshop', 'supplier'], 'newRoad entry');
        if (extraKey) return fail(extraKey);
      }
      if (!isRecord(link) || typeof link.workshop !== 'string' || typeof link.supplier !== 'string')
        return fail('newRoad entries are {"workshop", "supplier"}');
      if (!ids.has(link.workshop) || !ids.has(link.supplier) || link.workshop === link.supplier)
        return fail(`newRoad link ${link.workshop} <- ${link.supplier} names unknown or identical workshops`);
      if (newRoad.some((l) => l.workshop === link.workshop && l.supplier === link.supplier)) {
        return fail(`newRoad link ${link.workshop} <- ${link.supplier} is listed twice`);
      }
      const target = network.value.workshops.find((w) => w.id === link.workshop)!;
      if (
        target.inputs.some((input) =>
          'supplier' in input ? input.supplier === link.supplier : input.choose.includes(link.supplier as string),
        )
      ) {
        return fail(`newRoad link ${link.workshop} <- ${link.supplier} is already open`);
      }
      newRoad.push({ workshop: link.workshop, supplier: link.supplier });
    }
  }
  const cb = parseMeasured(data.criticalBuffer, 'criticalBuffer');
  if (!cb.ok) return fail(cb.error);
  const challenge = parseChallenge(data.challenge);
  if (!challenge.ok) return fail(challenge.error);
  return ok({
    id: data.id as string,
    title: data.title as string,
    story: data.story as string,
    learningGoal: data.learningGoal as string,
    questions: data.questions as string[],
    network: network.value,
    newRoad,
    trouble: data.trouble as string,
    mechanics: mechanics.value,
    costs: costs.value,
    rounds: data.rounds as number,
    councilRounds: councilRounds as number[],
    startingBin: data.startingBin as number,
    maxBin: data.maxBin as number,
    workers: (data.workers as number | undefined) ?? 1,
    autopilot: autopilot.value,
    criticalBuffer: cb.value,
    challenge: challenge.value,
  });
}
