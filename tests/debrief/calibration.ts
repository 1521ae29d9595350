/**
 * Calibration of the bounded test (CH1, docs/DEBRIEF.md): on every scenario's network and trouble,
 * over the scenario's own number of rounds, uniform steady bins at 0.7 B_c (mean lateness grows at
 * 0.3 B_c per round) and at 1.3 B_c (stationary), one lab replica per seed (a fixed network is
 * drawn per replica, as each session draws its own). The share of wrong verdicts both ways.
 *
 *   node_modules/.bin/tsx tests/debrief/calibration.ts 4000
 *
 * prints the table of docs/DEBRIEF.md; tests/debrief/score.test.ts runs fewer replicas.
 */
import { pathToFileURL } from 'node:url';
import type { Scenario } from '../../game/core/scenario';
import { SCENARIOS } from '../../game/core/scenarios';
import { resolveRound } from '../../game/core/resolve';
import type { RoundRecord } from '../../game/core/types';
import { redrawSpot } from '../../game/core/world';
import { scenarioLabModel } from '../../game/debrief/data';
import { boundednessAt } from '../../game/debrief/score';
import { unwrap } from '../../game/engine/result';
import { resolveModel } from '../../game/lab/model';
import { runReplica } from '../../game/lab/replica';
import { makeG } from '../game/fixtures';

export interface CalibrationRow {
  readonly scenario: string;
  readonly rounds: number;
  readonly criticalBuffer: number;
  readonly replicas: number;
  /** Share of replicas at 1.3 B_c called unbounded. */
  readonly falseUnbounded: number;
  /** Share of replicas at 0.7 B_c called bounded. */
  readonly falseBounded: number;
}

/** A mean-lateness series as the round records boundedness reads (round, meanLateness). */
export function seriesRecords(series: ArrayLike<number>): RoundRecord[] {
  return Array.from(series, (meanLateness, t) => ({
    round: t + 1,
    workshops: [],
    meanLateness,
    breachRate: 0,
    meanBin: 0,
    totalCost: 0,
    shocks: [],
  }));
}

/** A whole match of the real game's resolution with every bin at `bin` from round 1 (steady bots). */
export function steadyMatch(scenario: string, seed: string, bin: number): RoundRecord[] {
  const g = makeG({ scenario, humanSeats: 0 }, { seed });
  for (const w of g.workshops) w.bins = w.bins.map(() => bin);
  for (let r = 1; r <= g.config.rounds; r++) {
    g.round = r;
    if (r > 1 && g.config.mechanics.spot) redrawSpot(g);
    const decisions = g.workshops.map((w) => ({
      round: r,
      bins: w.suppliers.map(() => bin),
      kaizenFace: null,
      help: null,
      suppliers: null,
    }));
    resolveRound(
      g,
      decisions,
      decisions.map(() => true),
      g.config.startingBin,
    );
  }
  return g.history;
}

/** The same wrong-verdict shares measured on the real game's resolution (steadyMatch), one seed per match. */
export function calibrateGame(scenario: Scenario, matches: number): { falseUnbounded: number; falseBounded: number } {
  const bc = scenario.criticalBuffer.value;
  const verdicts = (share: number) =>
    Array.from({ length: matches }, (_, k) => {
      const history = steadyMatch(scenario.id, `calibration-${k}`, share * bc);
      return boundednessAt(history, bc).bounded;
    });
  return {
    falseUnbounded: verdicts(1.3).filter((b) => !b).length / matches,
    falseBounded: verdicts(0.7).filter((b) => b).length / matches,
  };
}

export function calibrate(scenario: Scenario, replicas: number, seed = 'calibration'): CalibrationRow {
  const spec = scenarioLabModel(scenario.network, scenario.trouble);
  const model = unwrap(resolveModel(spec));
  const bc = scenario.criticalBuffer.value;
  const verdicts = (share: number) =>
    Array.from({ length: replicas }, (_, replica) => {
      const run = runReplica(
        { model: spec, seed, replica, buffer: share * bc, burnIn: 0, steps: scenario.rounds, keepSeries: true },
        undefined,
        model,
      );
      return boundednessAt(seriesRecords(run.series!), bc).bounded;
    });
  return {
    scenario: scenario.id,
    rounds: scenario.rounds,
    criticalBuffer: bc,
    replicas,
    falseUnbounded: verdicts(1.3).filter((b) => !b).length / replicas,
    falseBounded: verdicts(0.7).filter((b) => b).length / replicas,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await import('../../game/engine/wasm/index');
  const replicas = Number(process.argv[2] ?? 4000);
  const matches = Number(process.argv[3] ?? 400);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`engine: ${replicas} replicas per case; game: ${matches} matches per case`);
  console.log(
    '| scenario | rounds | B_c | engine: unbounded at 1.3 B_c | engine: bounded at 0.7 B_c | game: unbounded at 1.3 B_c | game: bounded at 0.7 B_c |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const scenario of SCENARIOS.values()) {
    const row = calibrate(scenario, replicas);
    const game = calibrateGame(scenario, matches);
    console.log(
      `| ${row.scenario} | ${row.rounds} | ${row.criticalBuffer} | ${pct(row.falseUnbounded)} | ${pct(row.falseBounded)} | ${pct(game.falseUnbounded)} | ${pct(game.falseBounded)} |`,
    );
  }
}
