/**
 * The debrief's data from the full G (server side: it reads g.secret to rebuild the map; the seed
 * itself never leaves). See types.ts and docs/DEBRIEF.md.
 */
import type { ScenarioNetwork } from '../core/scenario';
import { SCENARIOS } from '../core/scenarios';
import { initialState, parseSetupData, workshopCount } from '../core/setup';
import type { G } from '../core/types';
import { unwrap } from '../engine/result';
import type { LabModelSpec } from '../lab/model';
import { rebuiltWorld } from './counterfactual';
import { challengeSeed } from './score';
import { DEBRIEF_FORMAT, type DebriefData } from './types';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * What the lab simulates for a scenario network (also for the lab page): a generated topology as
 * itself; a hand-made one as the engine's custom network JSON (engine/network.ts) with each
 * choice input at its initial supplier, the new road closed. Uniform bins (spread 0).
 */
export function scenarioLabModel(network: ScenarioNetwork, trouble: string): LabModelSpec {
  if (network.kind !== 'custom')
    return {
      topology: { kind: network.kind, n: network.n, k: network.kind === 'ring' ? 1 : network.k },
      noise: trouble,
      spread: 0,
    };
  return {
    topology: {
      kind: 'custom',
      network: {
        workshops: network.workshops.map((w) => ({
          id: w.id,
          name: w.name,
          suppliers: w.inputs.map((input) => ('supplier' in input ? input.supplier : input.initial)),
        })),
      },
    },
    noise: trouble,
    spread: 0,
  };
}

/** The network the session played on: the scenario's, or the custom one from setupData. */
function networkOf(g: G): ScenarioNetwork {
  const network = g.secret.custom ?? SCENARIOS.get(g.config.scenarioId)?.network;
  if (!network) throw new Error(`scenario "${g.config.scenarioId}" is not loaded`);
  return network;
}

/**
 * The lab model of this session: a spot market as the spot topology (its links are redrawn every
 * round anyway); any other network as a custom network of this session's own map at round 1 (a
 * generated map is drawn from the seed, and the new road may be open), rebuilt from the seed.
 */
function sessionLabModel(g: G): LabModelSpec {
  const network = networkOf(g);
  if (network.kind === 'spot' || g.status === 'setup') return scenarioLabModel(network, g.config.trouble);
  const world = rebuiltWorld(g);
  return {
    topology: {
      kind: 'custom',
      network: {
        workshops: world.workshops.map((w) => ({
          id: w.id,
          name: w.name,
          suppliers: w.suppliers.map((j) => world.workshops[j]!.id),
        })),
      },
    },
    noise: g.config.trouble,
    spread: 0,
  };
}

/**
 * The published map of a scenario's challenge as a lab model: the world its published seed
 * (`challengeSeed`) builds at round 1, as `sessionLabModel` sees a session on it (a spot market
 * as the spot topology). Its critical buffer is the challenge's (assets/scenarios, CH2).
 */
export function challengeLabModel(scenarioId: string): LabModelSpec {
  const scenario = SCENARIOS.get(scenarioId);
  if (!scenario) throw new Error(`scenario "${scenarioId}" is not loaded`);
  const seed = challengeSeed(scenarioId);
  const plan = parseSetupData({
    scenario: scenarioId,
    humanSeats: workshopCount(scenario.network),
    seed: { policy: 'fixed', value: seed },
    autopilot: 'mirror',
  });
  const g = initialState(unwrap(plan));
  g.secret.seed = seed;
  g.status = 'playing';
  return sessionLabModel(g);
}

/**
 * The DebriefData of a session from the full G (incl. the secret) and the players' names by seat.
 * A copy: nothing in it aliases the G.
 */
export function debriefData(g: G, names: Readonly<Record<string, string>>): DebriefData {
  const scenario = g.secret.custom === null ? SCENARIOS.get(g.config.scenarioId) : undefined;
  const stored = g.config.criticalBuffer;
  return {
    format: DEBRIEF_FORMAT,
    config: clone(g.config),
    scenario: scenario
      ? {
          id: scenario.id,
          title: scenario.title,
          story: scenario.story,
          learningGoal: scenario.learningGoal,
          questions: [...scenario.questions],
        }
      : { id: g.config.scenarioId, title: g.config.title, story: '', learningGoal: '', questions: [] },
    status: g.status,
    round: g.round,
    workshops: g.workshops.map((w, index) => ({
      index,
      id: w.id,
      name: w.name,
      player: w.seat !== null && Object.hasOwn(names, w.seat) ? names[w.seat]! : null,
    })),
    history: clone(g.history),
    lab: sessionLabModel(g),
    criticalBuffer:
      stored === null
        ? null
        : { value: stored, standardError: SCENARIOS.get(g.config.scenarioId)?.criticalBuffer.standardError ?? 0 },
  };
}
