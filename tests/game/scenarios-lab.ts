/**
 * Helpers for the scenario tests (rules S1-S4): read the files of assets/scenarios, read back the
 * lab command stored with each critical buffer, and re-measure it in-process (the WebAssembly
 * kernel is loaded for speed; the numbers are the same as the CLI's, see docs/PERFORMANCE.md).
 */
import '../../game/engine/wasm/index';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Result, err, ok, unwrap } from '../../game/engine/result';
import { type CriticalSummary, type RunLength, criticalPlan, summariseCritical } from '../../game/lab/experiments';
import type { LabModelSpec } from '../../game/lab/model';
import { runReplica } from '../../game/lab/replica';
import type { Scenario } from '../../game/core/scenario';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCENARIO_DIR = fileURLToPath(new URL('../../assets/scenarios/', import.meta.url));

/** Every `*.json` file of assets/scenarios: its name without `.json` and its parsed content. */
export function scenarioFiles(): { readonly name: string; readonly data: Record<string, unknown> }[] {
  return readdirSync(SCENARIO_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file.slice(0, -'.json'.length),
      data: JSON.parse(readFileSync(`${SCENARIO_DIR}${file}`, 'utf8')) as Record<string, unknown>,
    }));
}

/** The fields every scenario file spells out (councilRounds and newRoad may be left out). */
export const REQUIRED_FIELDS = [
  'id',
  'title',
  'story',
  'learningGoal',
  'questions',
  'network',
  'trouble',
  'mechanics',
  'costs',
  'rounds',
  'startingBin',
  'maxBin',
  'workers',
  'autopilot',
  'criticalBuffer',
] as const;

export const COMMAND_PREFIX = 'npm run --silent lab -- critical';
const COMMAND_FLAGS = ['topology', 'k', 'n', 'noise', 'network', 'steps', 'burn-in', 'replicas', 'seed', 'threads'];
/** The lab CLI's defaults for `critical` (server/cli/lab.ts). */
const CLI_DEFAULTS = { seed: '1', replicas: 8, steps: 2000, burnIn: 100 };

/** The flags of a stored `npm run --silent lab -- critical ... --json` command. */
export function parseLabCommand(command: string): Result<Record<string, string>> {
  if (!command.startsWith(`${COMMAND_PREFIX} `)) return err(`the command must start with "${COMMAND_PREFIX}"`);
  const tokens = command.slice(COMMAND_PREFIX.length).trim().split(/\s+/);
  const flags: Record<string, string> = {};
  let json = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '--json') {
      json = true;
      continue;
    }
    const name = token.startsWith('--') ? token.slice(2) : '';
    if (!COMMAND_FLAGS.includes(name)) return err(`unexpected "${token}" in the command`);
    const value = tokens[i + 1];
    if (value === undefined || value.startsWith('--')) return err(`--${name} needs a value`);
    flags[name] = value;
    i++;
  }
  if (!json) return err('the command must end with --json (the stored numbers are its JSON output)');
  return ok(flags);
}

/** The lab model of a scenario: its network (a custom one with the new road closed) and trouble. */
export function labModelOf(scenario: Scenario): LabModelSpec {
  const { network } = scenario;
  if (network.kind !== 'custom')
    return { topology: { kind: network.kind, n: network.n, k: network.k }, noise: scenario.trouble, spread: 0 };
  return {
    topology: {
      kind: 'custom',
      network: {
        workshops: network.workshops.map((w) => ({
          id: w.id,
          suppliers: w.inputs.map((input) => ('supplier' in input ? input.supplier : input.initial)),
        })),
      },
    },
    noise: scenario.trouble,
    spread: 0,
  };
}

/** Supplier ids per workshop of a lab network file or model (`{"workshops": [{id, suppliers}]}`). */
export function supplierLists(network: unknown): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  const workshops = (network as { workshops: { id: string; suppliers: (string | { id: string })[] }[] }).workshops;
  for (const w of workshops) lists[w.id] = w.suppliers.map((s) => (typeof s === 'string' ? s : s.id));
  return lists;
}

/**
 * Problems between a scenario and the command stored with its critical buffer: the command must
 * measure this scenario's network and trouble with uniform bins. Empty when they agree.
 */
export function commandMismatches(scenario: Scenario, flags: Record<string, string>): string[] {
  const problems: string[] = [];
  if (flags.noise !== scenario.trouble) problems.push(`--noise ${flags.noise} is not the trouble ${scenario.trouble}`);
  const { network } = scenario;
  if (network.kind !== 'custom') {
    if (flags.topology !== network.kind) problems.push(`--topology ${flags.topology} is not ${network.kind}`);
    if (Number(flags.k) !== network.k) problems.push(`--k ${flags.k} is not ${network.k}`);
    if (Number(flags.n) !== network.n) problems.push(`--n ${flags.n} is not ${network.n}`);
    if (flags.network !== undefined) problems.push('--network is for custom networks');
    return problems;
  }
  const file = flags.network;
  if (file === undefined) return [...problems, 'a custom network needs --network FILE'];
  if (!existsSync(`${ROOT}${file}`)) return [...problems, `--network ${file} does not exist (paths are from the root)`];
  const inFile = supplierLists(JSON.parse(readFileSync(`${ROOT}${file}`, 'utf8')));
  const expected = supplierLists((labModelOf(scenario).topology as { network: unknown }).network);
  if (JSON.stringify(inFile) !== JSON.stringify(expected))
    problems.push(`--network ${file} is not the scenario's network with the new road closed`);
  return problems;
}

/** The stored command's run, shortened to at most `maxSteps` measured steps (same seed and replicas). */
export function shortenedRun(flags: Record<string, string>, maxSteps: number): RunLength {
  return {
    seed: flags.seed ?? CLI_DEFAULTS.seed,
    replicas: flags.replicas === undefined ? CLI_DEFAULTS.replicas : Number(flags.replicas),
    steps: Math.min(maxSteps, flags.steps === undefined ? CLI_DEFAULTS.steps : Number(flags.steps)),
    burnIn: flags['burn-in'] === undefined ? CLI_DEFAULTS.burnIn : Number(flags['burn-in']),
  };
}

/** B_c in-process, exactly as `lab critical` computes it. */
export function measureCritical(model: LabModelSpec, run: RunLength): CriticalSummary {
  return summariseCritical(unwrap(criticalPlan(model, run)).map((job) => runReplica(job)));
}
