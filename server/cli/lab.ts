/**
 * The lab CLI: `npm run --silent lab -- <critical|sweep|avalanches|theory> [flags]`.
 * See README.md ("The lab") for examples. Exit code 0 on success, 2 on a usage error, 1 otherwise.
 */
import { readFileSync } from 'node:fs';
import { NOISE_SPEC_HELP, parseNoise } from '../../game/engine/noise';
import { TOPOLOGY_KINDS, type TopologySpec } from '../../game/engine/topology';
import type { LabModelSpec } from '../../game/lab/model';
import { resolveModel } from '../../game/lab/model';
import {
  type RunLength,
  avalanchePlan,
  criticalPlan,
  summariseAvalanches,
  summariseCritical,
  summariseSweep,
  sweepPlan,
} from '../../game/lab/experiments';
import { infiniteNCriticalBuffer } from '../../game/lab/theory';
import { scenarioIds } from '../../game/core/scenarios';
import { challengeLabModel } from '../../game/debrief/data';
import { runCli } from './runCli';
import { type FlagSpec, type FlagValues, UsageError, parseFlags } from './flags';
import { runJobs } from './pool';
import { progressBar } from './progress';
import { formatTable } from './table';

const GENERATED = TOPOLOGY_KINDS.filter((t) => t !== 'custom');

const FLAGS: Record<string, FlagSpec> = {
  topology: { kind: 'string', accepts: GENERATED.join(', '), choices: GENERATED },
  k: { kind: 'int', accepts: 'an integer from 1 to 64 (inputs per workshop)', min: 1, max: 64 },
  n: { kind: 'int', accepts: 'an integer from 2 to 1000000 (workshops)', min: 2, max: 1_000_000 },
  noise: { kind: 'string', accepts: NOISE_SPEC_HELP },
  buffer: { kind: 'number', accepts: 'a number from 0 to 1000000 (hours of cover)', min: 0, max: 1e6 },
  from: { kind: 'number', accepts: 'a number >= 0 (first buffer of the sweep)', min: 0, max: 1e6 },
  to: { kind: 'number', accepts: 'a number >= 0 (last buffer of the sweep)', min: 0, max: 1e6 },
  step: { kind: 'number', accepts: 'a number > 0 (buffer step of the sweep)', min: 1e-9, max: 1e6 },
  'buffer-spread': {
    kind: 'number',
    accepts: 'a number >= 0 (half the workshops hold B+D, half B-D)',
    min: 0,
    max: 1e6,
  },
  network: { kind: 'string', accepts: 'a path to a network JSON file (see docs/MODEL.md)' },
  challenge: {
    kind: 'string',
    accepts: `a scenario id (the map its challenge seed builds, and its trouble): ${scenarioIds().join(', ')}`,
    choices: scenarioIds(),
  },
  steps: { kind: 'int', accepts: 'an integer from 1 to 100000000 (measured steps per replica)', min: 1, max: 1e8 },
  'burn-in': { kind: 'int', accepts: 'an integer from 0 to 100000000 (steps discarded first)', min: 0, max: 1e8 },
  replicas: { kind: 'int', accepts: 'an integer from 1 to 10000', min: 1, max: 10_000 },
  seed: { kind: 'string', accepts: 'any non-empty text or number' },
  threads: { kind: 'int', accepts: 'an integer from 1 to 256 (worker threads; default: all cores)', min: 1, max: 256 },
  json: { kind: 'boolean', accepts: 'no value' },
  help: { kind: 'boolean', accepts: 'no value' },
};

const MODEL_FLAGS = ['topology', 'k', 'n', 'noise', 'buffer-spread', 'network'];
const RUN_FLAGS = ['steps', 'burn-in', 'replicas', 'seed', 'threads', 'json', 'help'];

const COMMANDS = {
  critical: {
    flags: [...MODEL_FLAGS, 'challenge', ...RUN_FLAGS],
    defaults: { replicas: 8, steps: 2000, 'burn-in': 100 },
    help: 'critical buffer B_c from the growth rate at B = 0, over replicas, with its standard error',
  },
  sweep: {
    flags: [...MODEL_FLAGS, ...RUN_FLAGS, 'from', 'to', 'step'],
    defaults: { replicas: 4, steps: 2000, 'burn-in': 500, from: 0, to: 4, step: 0.25 },
    help: 'growth rate, breach rate and stationary mean delay for buffers from --from to --to',
  },
  avalanches: {
    flags: [...MODEL_FLAGS, ...RUN_FLAGS, 'buffer'],
    defaults: { replicas: 4, steps: 20000, 'burn-in': 1000 },
    help: 'avalanches (runs of steps with mean delay above --buffer): durations and sizes',
  },
  theory: {
    flags: ['k', 'noise', 'json', 'help'],
    defaults: {},
    help: 'infinite-N critical buffer: min over g of [ln K + ln E exp(g eps)] / g (and Lambert W for exp noise)',
  },
} as const;
type Command = keyof typeof COMMANDS;

function usage(): string {
  const lines = ['usage: npm run --silent lab -- <command> [flags]', '', 'commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(11)} ${c.help}`);
  lines.push('', 'flags:');
  for (const [name, spec] of Object.entries(FLAGS)) lines.push(`  --${name.padEnd(14)} ${spec.accepts}`);
  lines.push('', 'defaults: --topology spot --k 2 --n 1000 --noise exp:1 --seed 1');
  return lines.join('\n');
}

function modelSpec(flags: FlagValues): LabModelSpec {
  const challenge = flags.challenge as string | undefined;
  if (challenge !== undefined) {
    for (const f of MODEL_FLAGS)
      if (flags[f] !== undefined)
        throw new UsageError(`--${f} cannot be used with --challenge (the scenario sets the map and the trouble)`);
    return challengeLabModel(challenge);
  }
  const noise = (flags.noise as string | undefined) ?? 'exp:1';
  const parsedNoise = parseNoise(noise);
  if (!parsedNoise.ok)
    throw new UsageError(`--noise ${parsedNoise.error.replace(/^noise /, '')}; accepted: ${NOISE_SPEC_HELP}`);
  const spread = (flags['buffer-spread'] as number | undefined) ?? 0;
  const file = flags.network as string | undefined;
  let topology: LabModelSpec['topology'];
  if (file !== undefined) {
    for (const f of ['topology', 'k', 'n'])
      if (flags[f] !== undefined)
        throw new UsageError(`--${f} cannot be used with --network (the file sets the network)`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(
        `--network "${file}" cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`--network "${file}" is not valid JSON: ${(e as Error).message}`);
    }
    topology = { kind: 'custom', network: data };
  } else {
    const kind = ((flags.topology as string | undefined) ?? 'spot') as TopologySpec['kind'];
    const k = (flags.k as number | undefined) ?? (kind === 'ring' ? 1 : 2);
    topology = { kind, n: (flags.n as number | undefined) ?? 1000, k };
  }
  const spec: LabModelSpec = { topology, noise, spread };
  const resolved = resolveModel(spec);
  if (!resolved.ok) {
    const flag =
      file !== undefined
        ? `--network "${file}"`
        : /^n /.test(resolved.error)
          ? '--n'
          : /^k |topology/.test(resolved.error)
            ? '--k/--topology'
            : '--buffer-spread';
    throw new UsageError(`${flag}: ${resolved.error}`);
  }
  return spec;
}

function runLength(flags: FlagValues, defaults: Record<string, number>): RunLength {
  const pick = (name: string) => (flags[name] as number | undefined) ?? defaults[name]!;
  return { seed: String(flags.seed ?? '1'), replicas: pick('replicas'), steps: pick('steps'), burnIn: pick('burn-in') };
}

function firmsOf(spec: LabModelSpec): number {
  const model = resolveModel(spec);
  return model.ok ? model.value.n : 0;
}

const fmt = (x: number, digits = 4) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === 'help') {
    process.stdout.write(`${usage()}\n`);
    return command === undefined ? 2 : 0;
  }
  if (!(command in COMMANDS))
    throw new UsageError(`unknown command "${command}"; use one of ${Object.keys(COMMANDS).join(', ')}`);
  const cmd = COMMANDS[command as Command];
  const flags = parseFlags(rest, FLAGS, cmd.flags);
  if (flags.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const json = Boolean(flags.json);
  const out = (value: unknown, table: string) =>
    process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${table}\n`);
  const threads = flags.threads as number | undefined;

  if (command === 'theory') {
    const noise = parseNoise((flags.noise as string | undefined) ?? 'exp:1');
    if (!noise.ok) throw new UsageError(`--noise ${noise.error.replace(/^noise /, '')}; accepted: ${NOISE_SPEC_HELP}`);
    const k = (flags.k as number | undefined) ?? 2;
    const result = infiniteNCriticalBuffer(noise.value, k);
    out(
      { k, noise: flags.noise ?? 'exp:1', ...result, g: Number.isFinite(result.g) ? result.g : null },
      formatTable(
        [
          'K',
          'noise',
          'B_c (N = infinity)',
          'minimising g',
          ...(result.lambertW !== undefined ? ['Lambert W form'] : []),
        ],
        [
          [
            String(k),
            String(flags.noise ?? 'exp:1'),
            fmt(result.criticalBuffer, 5),
            Number.isFinite(result.g) ? fmt(result.g) : 'infinity (bounded trouble)',
            ...(result.lambertW !== undefined ? [fmt(result.lambertW, 5)] : []),
          ],
        ],
      ),
    );
    return 0;
  }

  const spec = modelSpec(flags);
  const run = runLength(flags, cmd.defaults);
  const firms = firmsOf(spec);
  const bar = progressBar(`lab ${command}`);
  const execute = async (plan: ReturnType<typeof criticalPlan>) => {
    if (!plan.ok) throw new UsageError(plan.error);
    try {
      return await runJobs(plan.value, firms, { ...(threads ? { threads } : {}), onProgress: (f) => bar.update(f) });
    } finally {
      bar.done();
    }
  };

  if (command === 'critical') {
    const summary = summariseCritical(await execute(criticalPlan(spec, run)));
    out(
      {
        ...summary,
        model:
          spec.topology.kind === 'custom' && flags.challenge === undefined
            ? { ...spec, topology: { kind: 'custom', network: flags.network } }
            : spec,
        run,
      },
      formatTable(
        ['critical buffer B_c', 'standard error', 'replicas', 'steps', 'burn-in'],
        [
          [
            fmt(summary.criticalBuffer),
            fmt(summary.standardError),
            String(run.replicas),
            String(run.steps),
            String(run.burnIn),
          ],
        ],
      ),
    );
  } else if (command === 'sweep') {
    const range = {
      from: (flags.from as number | undefined) ?? 0,
      to: (flags.to as number | undefined) ?? 4,
      step: (flags.step as number | undefined) ?? 0.25,
    };
    const points = summariseSweep(await execute(sweepPlan(spec, run, range)));
    out(
      points,
      formatTable(
        ['buffer', 'growth rate', '+-', 'breach rate', 'mean delay'],
        points.map((p) => [
          fmt(p.buffer, 3),
          fmt(p.growthRate),
          fmt(p.growthRateError),
          fmt(p.breachRate, 3),
          fmt(p.meanDelay, 3),
        ]),
      ),
    );
  } else {
    if (flags.buffer === undefined)
      throw new UsageError('--buffer is required for avalanches: a number from 0 to 1000000 (hours of cover)');
    const summary = summariseAvalanches(await execute(avalanchePlan(spec, run, flags.buffer as number)));
    const { avalanches, ...rest } = summary;
    out(
      { ...rest, avalanches: json ? avalanches : undefined },
      [
        formatTable(
          ['buffer', 'avalanches', 'censored', 'mean duration', 'max duration', 'mean size', 'max size', 'time inside'],
          [
            [
              fmt(summary.buffer, 3),
              String(summary.count),
              String(summary.censored),
              fmt(summary.meanDuration, 2),
              String(summary.maxDuration),
              fmt(summary.meanSize, 3),
              fmt(summary.maxSize, 3),
              fmt(summary.fractionOfTime, 3),
            ],
          ],
        ),
        '',
        'durations (log bins)',
        formatTable(
          ['from', 'to', 'count', 'density'],
          summary.durationHistogram.map((b) => [
            String(b.from),
            String(b.to),
            String(b.count),
            b.density.toExponential(3),
          ]),
        ),
        '',
        'sizes (log bins)',
        formatTable(
          ['from', 'to', 'count', 'density'],
          summary.sizeHistogram.map((b) => [
            b.from.toPrecision(3),
            b.to.toPrecision(3),
            String(b.count),
            b.density.toExponential(3),
          ]),
        ),
      ].join('\n'),
    );
  }
  return 0;
}

runCli('lab', main);
