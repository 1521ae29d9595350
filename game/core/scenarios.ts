/**
 * The scenario registry: every file of assets/scenarios, parsed at load. A bad file fails loudly
 * with the parser's message (tests/game/scenarios.test.ts checks every file).
 */
import { unwrap } from '../engine/result';
import { type Scenario, parseScenario } from './scenario';
import twoInputs from '../../assets/scenarios/two-inputs.json';

const FILES: readonly unknown[] = [twoInputs];

function load(): ReadonlyMap<string, Scenario> {
  const map = new Map<string, Scenario>();
  for (const data of FILES) {
    const scenario = unwrap(parseScenario(data));
    if (map.has(scenario.id)) throw new Error(`scenario "${scenario.id}" is defined twice`);
    map.set(scenario.id, scenario);
  }
  return map;
}

export const SCENARIOS: ReadonlyMap<string, Scenario> = load();

export function scenarioIds(): string[] {
  return [...SCENARIOS.keys()];
}
