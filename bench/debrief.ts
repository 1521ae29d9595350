/**
 * `npm run bench:debrief`: what the debrief costs the server, recorded in docs/PERFORMANCE.md
 * ("Debrief"). A match is played in-process (the real rules: setup, world, endOfTurn with the
 * scenario's bots deciding every workshop), then each piece the debrief API computes is timed:
 * `debriefData` (and its JSON size), and `counterfactual` + `compactHistory` for each kind. Each
 * figure is the median of several repetitions after a warm-up. Sizes: a 60-workshop custom
 * network over 40 rounds (a big session), 24 workshops over the longest game (500 rounds) and the
 * largest network (200 workshops) over 100 rounds.
 */
import { availableParallelism, cpus } from 'node:os';
import { closeRound } from '../game/core/round';
import { initialState, parseSetupData } from '../game/core/setup';
import type { G } from '../game/core/types';
import { buildWorld } from '../game/core/world';
import { type CounterfactualSpec, compactHistory, counterfactual } from '../game/debrief/counterfactual';
import { debriefData } from '../game/debrief/data';
import { unwrap } from '../game/engine/result';
import { formatTable } from '../server/cli/table';

const REPEATS = 5;

function network(n: number) {
  return {
    kind: 'custom',
    workshops: Array.from({ length: n }, (_, i) => ({
      id: `w${i}`,
      name: `Workshop ${i}`,
      inputs: [`w${(i + 1) % n}`, `w${(i + 7) % n}`],
    })),
  };
}

/** A finished match: every workshop a bot (lean, so bins move), every round closed. */
function played(n: number, rounds: number): G {
  const plan = unwrap(
    parseSetupData({
      network: network(n),
      humanSeats: 0,
      rounds,
      autopilot: 'lean:2',
      seed: { policy: 'fixed', value: 'bench-debrief' },
    }),
  );
  const g = initialState(plan);
  buildWorld(g, 'bench-debrief');
  g.status = 'playing';
  g.round = 1;
  while (g.status === 'playing') closeRound(g);
  return g;
}

function median(run: () => void): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)]!;
}

const specs: [string, CounterfactualSpec][] = [
  ['actual', { kind: 'actual' }],
  ['uniform', { kind: 'uniform', bin: 2.5 }],
  ['raise', { kind: 'raise', workshop: 0, bin: 5 }],
  ['bots', { kind: 'bots' }],
];

console.log(
  `Debrief benchmark: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores\n`,
);
const rows: string[][] = [];
for (const [n, rounds] of [
  [60, 40],
  [24, 500],
  [200, 100],
] as const) {
  const g = played(n, rounds);
  let bytes = 0;
  const data = median(() => {
    bytes = JSON.stringify(debriefData(g, {})).length;
  });
  const row = [`${n} x ${rounds}`, `${data.toFixed(1)} (${(bytes / 1024).toFixed(0)} KB)`];
  for (const [, spec] of specs) row.push(median(() => void compactHistory(counterfactual(g, spec))).toFixed(1));
  rows.push(row);
}
console.log(formatTable(['workshops x rounds', 'debriefData ms', ...specs.map(([name]) => `${name} ms`)], rows));
