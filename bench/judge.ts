/**
 * `npx tsx bench/judge.ts [TAPES] [SCENARIO...]`: the challenge judge's calibration table
 * (docs/DEBRIEF.md, "Calibration"; every scenario unless some are named). For every scenario and every case of tests/debrief/judgeCases.ts (0.95 B_c,
 * dig then hold, 1.05 B_c), the published tape and TAPES fresh tapes (default 40) are played
 * through the solo-challenge path and judged as the server judges; the table gives the share of
 * wrong verdicts and the judge's numbers (mean growth rate, its standard error, and the mean
 * lateness of the run against uniform bins at B_c), and the median time one verdict takes.
 */
import '../game/engine/wasm/index';
import { challengeCriticalBuffer } from '../game/core/scenario';
import { SCENARIOS } from '../game/core/scenarios';
import { formatTable } from '../server/cli/table';
import { CASES, MUST_COUNT, counted, judgeCase } from '../tests/debrief/judgeCases';

const tapes = Number(process.argv[2] ?? 40);
if (!Number.isInteger(tapes) || tapes < 0) throw new Error('TAPES is a whole number of fresh tapes');
const only = process.argv.slice(3);
for (const id of only) if (!SCENARIOS.has(id)) throw new Error(`no scenario "${id}"`);

const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(1)}% (${k}/${n})`;
const rows: string[][] = [];
for (const s of SCENARIOS.values()) {
  if (only.length > 0 && !only.includes(s.id)) continue;
  const row = [s.id, String(s.rounds), challengeCriticalBuffer(s).toFixed(3)];
  const times: number[] = [];
  for (const c of CASES) {
    let wrong = 0;
    let growth = 0;
    let se = 0;
    let excess = 0;
    for (let t = 0; t <= tapes; t++) {
      const v = await judgeCase(s.id, c, t);
      times.push(v.ms);
      if (counted(v) !== MUST_COUNT[c]) wrong++;
      growth += v.judge!.growth.rate;
      se = Math.max(se, v.judge!.growth.standardError);
      excess += v.judge!.level.lateness - v.judge!.level.reference;
    }
    const n = tapes + 1;
    row.push(pct(wrong, n), `${(growth / n).toFixed(3)} ± ${se.toFixed(3)}`, (excess / n).toFixed(2));
  }
  times.sort((a, b) => a - b);
  row.push(times[Math.floor(times.length / 2)]!.toFixed(0));
  rows.push(row);
  process.stderr.write(`${s.id} done\n`);
}
const head = ['scenario', 'rounds', 'B_c (map)'];
for (const c of CASES) head.push(`${c}: wrong`, `${c}: growth`, `${c}: late - ref`);
head.push('judge ms');
process.stdout.write(`${formatTable(head, rows)}\n`);
