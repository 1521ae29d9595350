/**
 * The scenario registry: every file of assets/scenarios, parsed at load, in the order of the
 * design's list (docs/RULES.md, S4). A bad file fails loudly with the parser's message
 * (tests/game/scenarios.test.ts checks every file, rules S1-S4).
 */
import { unwrap } from '../engine/result';
import { type Scenario, parseScenario } from './scenario';
import ringRoad from '../../assets/scenarios/ring-road.json';
import twoInputs from '../../assets/scenarios/two-inputs.json';
import oneMoreInput from '../../assets/scenarios/one-more-input.json';
import spotMarket from '../../assets/scenarios/spot-market.json';
import localCluster from '../../assets/scenarios/local-cluster.json';
import toyotaCity from '../../assets/scenarios/toyota-city.json';
import newRoad from '../../assets/scenarios/new-road.json';
import foggyCliff from '../../assets/scenarios/foggy-cliff.json';

/** The scenario files as imported, in the design's order (1 Ring road ... 8 Foggy cliff). */
export const SCENARIO_FILES: readonly unknown[] = [
  ringRoad,
  twoInputs,
  oneMoreInput,
  spotMarket,
  localCluster,
  toyotaCity,
  newRoad,
  foggyCliff,
];

function load(): ReadonlyMap<string, Scenario> {
  const map = new Map<string, Scenario>();
  for (const data of SCENARIO_FILES) {
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
