/**
 * The scenarios the lab offers: their networks (through the debrief's scenarioLabModel, so the
 * lab and the debrief simulate the same thing), their dice, and the critical buffer their files
 * give. From the scenario registry bundled with this lazily loaded page.
 */
import { SCENARIOS } from '../../game/core/scenarios';
import { scenarioLabModel } from '../../game/debrief/data';
import type { LabModelSpec } from '../../game/lab/model';

export interface LabScenario {
  readonly id: string;
  readonly title: string;
  readonly trouble: string;
  readonly workshops: number;
  readonly criticalBuffer: { readonly value: number; readonly standardError: number };
}

export const LAB_SCENARIOS: readonly LabScenario[] = [...SCENARIOS.values()].map((s) => ({
  id: s.id,
  title: s.title,
  trouble: s.trouble,
  workshops: s.network.kind === 'custom' ? s.network.workshops.length : s.network.n,
  criticalBuffer: { value: s.criticalBuffer.value, standardError: s.criticalBuffer.standardError },
}));

export const findScenario = (id: string): LabScenario | undefined => LAB_SCENARIOS.find((s) => s.id === id);

/** The network of a scenario for the lab, or null for an unknown id. */
export function scenarioTopology(id: string): LabModelSpec['topology'] | null {
  const scenario = SCENARIOS.get(id);
  return scenario ? scenarioLabModel(scenario.network, scenario.trouble).topology : null;
}

/** The scenario of `?scenario=ID` in a query string, when it names one. */
export function scenarioFromQuery(search: string): LabScenario | undefined {
  const id = new URLSearchParams(search).get('scenario');
  return id === null ? undefined : findScenario(id);
}

/** The trouble presets: the paper's exponential, a plain die, then each distinct scenario die. */
export interface TroublePreset {
  readonly spec: string;
  /** Titles of the scenarios that roll this die (empty for exp:1 and d6). */
  readonly scenarios: readonly string[];
}

export function troublePresets(scenarios: readonly LabScenario[] = LAB_SCENARIOS): TroublePreset[] {
  const dice = new Map<string, string[]>();
  for (const s of scenarios) dice.set(s.trouble, [...(dice.get(s.trouble) ?? []), s.title]);
  const base = ['exp:1', 'd6'].filter((spec) => !dice.has(spec)).map((spec) => ({ spec, scenarios: [] }));
  return [...base, ...[...dice.entries()].map(([spec, titles]) => ({ spec, scenarios: titles }))];
}
