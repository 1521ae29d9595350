/**
 * setupData: what a facilitator (or a script through the Lobby API) chooses when creating a match.
 * `parseSetupData` validates it into a `MatchPlan`; `validateSetupData` is boardgame.io's hook
 * and returns the same readable message. Rules G1-G3 in docs/RULES.md.
 *
 *   { "scenario": "two-inputs", "humanSeats": 3, "rounds": 20, "roundSeconds": 60,
 *     "seed": { "policy": "random" } }
 */
import { MAX_ROUNDS } from '../contract/limits';
import { parseNoise } from '../engine/noise';
import { type Result, err, ok } from '../engine/result';
import {
  type Scenario,
  type ScenarioNetwork,
  parseCosts,
  parseMechanics,
  parsePolicy,
  parseScenario,
} from './scenario';
import { SCENARIOS, scenarioIds } from './scenarios';
import { checkNumber, checkString, isRecord, shown, unknownKeys } from './schema';
import type { BotPolicy, Costs, G, Mechanics, PublicConfig } from './types';

export interface SetupData {
  readonly scenario?: string;
  /** A hand-made network (scenario network format) replacing the scenario's. */
  readonly network?: unknown;
  readonly humanSeats: number;
  readonly rounds?: number;
  readonly roundSeconds?: number;
  readonly trouble?: string;
  readonly mechanics?: Partial<Mechanics>;
  readonly costs?: Partial<Costs>;
  readonly seed?: { readonly policy: 'random' } | { readonly policy: 'fixed'; readonly value: string };
  /** Open the scenario's new-road links from the start. */
  readonly newRoad?: boolean;
  /** Autopilot policy for bot workshops and absent players, e.g. "lean:2". */
  readonly autopilot?: string;
}

export interface MatchPlan {
  readonly scenario: Scenario;
  readonly config: PublicConfig;
  readonly newRoad: boolean;
}

const KEYS = [
  'scenario',
  'network',
  'humanSeats',
  'rounds',
  'roundSeconds',
  'trouble',
  'mechanics',
  'costs',
  'seed',
  'newRoad',
  'autopilot',
];
export const MAX_ROUND_SECONDS = 3600;
export const SEED_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

export function workshopCount(network: ScenarioNetwork): number {
  return network.kind === 'custom' ? network.workshops.length : network.n;
}

export function parseSetupData(data: unknown): Result<MatchPlan> {
  if (!isRecord(data))
    return err('setupData must be an object, for example {"scenario": "two-inputs", "humanSeats": 3}');
  const extra = unknownKeys(data, KEYS, 'setupData');
  if (extra) return err(extra);
  let base: Scenario | undefined;
  if (data.scenario !== undefined) {
    if (typeof data.scenario !== 'string' || !SCENARIOS.has(data.scenario)) {
      return err(`setupData.scenario "${shown(data.scenario)}" is unknown; use one of ${scenarioIds().join(', ')}`);
    }
    base = SCENARIOS.get(data.scenario)!;
  } else if (data.network === undefined) return err('setupData needs a scenario id or a custom network');
  else base = SCENARIOS.get('two-inputs')!;
  let scenario: Scenario = base;
  if (data.network !== undefined) {
    // Re-validate the scenario with the custom network; its critical buffer is unknown.
    const custom = parseScenario({
      ...scenarioJson(base),
      id: 'custom',
      title: 'Custom network',
      network: data.network,
      newRoad: undefined,
      mechanics: { ...base.mechanics, spot: false },
    });
    if (!custom.ok) return err(`setupData.network: ${custom.error.replace(/^scenario "custom": /, '')}`);
    scenario = custom.value;
  }
  const n = workshopCount(scenario.network);
  const seats = checkNumber(data.humanSeats, 'setupData.humanSeats', 0, n, true);
  if (seats) return err(`${seats} (the network has ${n} workshops)`);
  const rounds = data.rounds ?? scenario.rounds;
  const roundSeconds = data.roundSeconds ?? 0;
  const bad =
    checkNumber(rounds, 'setupData.rounds', 1, MAX_ROUNDS, true) ??
    checkNumber(roundSeconds, 'setupData.roundSeconds', 0, MAX_ROUND_SECONDS, true) ??
    (roundSeconds !== 0 && (roundSeconds as number) < 10
      ? 'setupData.roundSeconds must be 0 (no timer) or at least 10'
      : null);
  if (bad) return err(bad);
  let trouble = scenario.trouble;
  if (data.trouble !== undefined) {
    if (typeof data.trouble !== 'string')
      return err('setupData.trouble must be a noise spec such as "faces:0,0,0,1,1,2!"');
    const parsed = parseNoise(data.trouble);
    if (!parsed.ok) return err(`setupData.trouble: ${parsed.error}`);
    trouble = data.trouble;
  }
  const mechanics = parseMechanics(data.mechanics, 'setupData.mechanics', scenario.mechanics);
  if (!mechanics.ok) return mechanics;
  if (mechanics.value.spot !== scenario.mechanics.spot)
    return err('setupData.mechanics.spot cannot be switched: it follows the network');
  if (mechanics.value.kaizen && !trouble.startsWith('faces') && trouble !== 'd6')
    return err('setupData.mechanics.kaizen needs a die for trouble');
  const costs = parseCosts(data.costs, 'setupData.costs', scenario.costs);
  if (!costs.ok) return costs;
  let autopilot: BotPolicy = scenario.autopilot;
  if (data.autopilot !== undefined) {
    const parsed = parsePolicy(data.autopilot, 'setupData.autopilot');
    if (!parsed.ok) return parsed;
    if (parsed.value.name === 'planner')
      return err('setupData.autopilot: the planner sees the whole network; choose steady, lean, cautious or selfish');
    autopilot = parsed.value;
  }
  let seedPolicy: 'random' | 'fixed' = 'random';
  let publicSeed: string | null = null;
  if (data.seed !== undefined) {
    const seed = data.seed;
    if (!isRecord(seed) || (seed.policy !== 'random' && seed.policy !== 'fixed'))
      return err('setupData.seed must be {"policy": "random"} or {"policy": "fixed", "value": "..."}');
    const e = unknownKeys(seed, ['policy', 'value'], 'setupData.seed');
    if (e) return err(e);
    if (seed.policy === 'fixed') {
      const v = checkString(seed.value, 'setupData.seed.value', 64, SEED_PATTERN);
      if (v) return err(`${v}; use 1-64 letters, digits, "_", ".", ":" or "-"`);
      seedPolicy = 'fixed';
      publicSeed = seed.value as string;
    } else if (seed.value !== undefined) return err('setupData.seed.value is only for the fixed policy');
  }
  if (data.newRoad !== undefined && typeof data.newRoad !== 'boolean')
    return err('setupData.newRoad must be true or false');
  if (data.newRoad === true && scenario.newRoad.length === 0)
    return err(`setupData.newRoad: scenario "${scenario.id}" has no new road`);
  const councilRounds = mechanics.value.council ? scenario.councilRounds.filter((r) => r <= (rounds as number)) : [];
  const config: PublicConfig = {
    scenarioId: scenario.id,
    title: scenario.title,
    rounds: rounds as number,
    roundSeconds: roundSeconds as number,
    humanSeats: data.humanSeats as number,
    workshops: n,
    trouble,
    mechanics: mechanics.value,
    costs: costs.value,
    councilRounds,
    maxBin: scenario.maxBin,
    startingBin: scenario.startingBin,
    workers: scenario.workers,
    autopilot,
    seedPolicy,
    publicSeed,
    // The stored value is for the scenario's own network and trouble with the road closed.
    criticalBuffer:
      data.network === undefined && data.trouble === undefined && data.newRoad !== true
        ? scenario.criticalBuffer.value
        : null,
  };
  return ok({ scenario, config, newRoad: data.newRoad === true });
}

/** boardgame.io's hook: a readable message, or undefined when the setupData is valid. */
export function validateSetupData(data: unknown, numPlayers: number): string | undefined {
  const plan = parseSetupData(data);
  if (!plan.ok) return plan.error;
  const expected = plan.value.config.humanSeats + 1;
  if (numPlayers !== expected)
    return `numPlayers must be humanSeats + 1 (the facilitator's seat) = ${expected}, got ${numPlayers}`;
  return undefined;
}

/** The scenario back as JSON (to re-validate it with a replaced network). */
function scenarioJson(s: Scenario): Record<string, unknown> {
  return {
    id: s.id,
    title: s.title,
    story: s.story,
    learningGoal: s.learningGoal,
    questions: s.questions,
    network: s.network,
    trouble: s.trouble,
    mechanics: s.mechanics,
    costs: s.costs,
    rounds: s.rounds,
    councilRounds: s.councilRounds,
    startingBin: s.startingBin,
    maxBin: s.maxBin,
    workers: s.workers,
    autopilot: `${s.autopilot.name}:${s.autopilot.param}`,
    criticalBuffer: s.criticalBuffer,
  };
}

/**
 * The state at creation: public configuration only. The network, the seats' workshops and the
 * seed are made by the facilitator's `start` move on the server, so nothing secret is in the
 * initial state that boardgame.io's sync sends to every client (docs/BOARDGAME-IO.md, #1159).
 */
export function initialState(plan: MatchPlan): G {
  return freshState(plan.config, {
    seed: '',
    custom: plan.scenario.id === 'custom' ? plan.scenario.network : null,
    newRoad: plan.newRoad,
  });
}

/** A match before its start: the configuration and the secret, nothing played, no world yet. */
export function freshState(config: PublicConfig, secret: G['secret']): G {
  return {
    config,
    status: 'setup',
    round: 0,
    paused: false,
    revealed: false,
    workshops: [],
    committed: {},
    absent: [],
    storms: [],
    pendingShocks: [],
    rule: null,
    council: null,
    history: [],
    councilCalled: false,
    closeRequested: 0,
    clock: null,
    secret,
  };
}
