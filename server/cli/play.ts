/**
 * Headless play: `npm run --silent play -- --scenario ID [--seed S] [--rounds R] [--policy NAME[:PARAM]]
 * [--new-road] [--json]`. A whole match through the real game, every workshop on autopilot; prints
 * the per-round summaries and a digest of the full history (same seed, same digest).
 *
 * `--challenge ID [--seed S] --policy NAME[:PARAM]|schedule:B1,...,Bn`: the solo challenge as the
 * server plays it (the published map, the dice of --seed, one human seat on the policy, the bots
 * mirroring it, B6), with the server's verdict (score, counted, B_c, reasons, the judge's numbers).
 * Exit code 0 on success, 2 on a usage error, 1 otherwise.
 */
import { type MatchResult, historyDigest, playMatch, summarise } from '../../game/core/headless';
import { challengeCriticalBuffer } from '../../game/core/scenario';
import { type SeatPolicy, parseSeatPolicy, playSoloChallenge } from '../../game/core/soloChallenge';
import { type JudgeNumbers, type NotCounted, challengeSeed, challengeVerdict } from '../../game/debrief/score';
import { reasonText } from '../challenges';
import { MAX_ROUNDS } from '../../game/contract/limits';
import { parsePolicy } from '../../game/core/scenario';
import { SCENARIOS, scenarioIds } from '../../game/core/scenarios';
import { SEED_PATTERN, type SetupData, parseSetupData } from '../../game/core/setup';
import { BOT_POLICIES } from '../../game/core/types';
import { runCli } from './runCli';
import { type FlagSpec, UsageError, parseFlags } from './flags';
import { formatTable } from './table';

const AUTOPILOTS = BOT_POLICIES.filter((p) => p !== 'planner' && p !== 'mirror');
const POLICY_ACCEPTS = `NAME[:PARAM], NAME one of ${AUTOPILOTS.join(', ')}, PARAM a number from 0 to 100`;
const SEED_ACCEPTS = '1-64 letters, digits, "_", ".", ":" or "-"';

const CHALLENGE_POLICY_ACCEPTS = `${POLICY_ACCEPTS}, or schedule:B1,B2,...,Bn (the bin committed in round r, the last held; 0 to 100)`;

const FLAGS: Record<string, FlagSpec> = {
  scenario: { kind: 'string', accepts: scenarioIds().join(', '), choices: scenarioIds() },
  challenge: { kind: 'string', accepts: scenarioIds().join(', '), choices: scenarioIds() },
  seed: { kind: 'string', accepts: SEED_ACCEPTS },
  rounds: { kind: 'int', accepts: `an integer from 1 to ${MAX_ROUNDS}`, min: 1, max: MAX_ROUNDS },
  policy: { kind: 'string', accepts: POLICY_ACCEPTS },
  'new-road': { kind: 'boolean', accepts: 'no value (open the scenario new road from the start)' },
  json: { kind: 'boolean', accepts: 'no value' },
  help: { kind: 'boolean', accepts: 'no value' },
};

function usage(): string {
  const lines = [
    'usage: npm run --silent play -- --scenario ID [--seed S] [--rounds R] [--policy NAME[:PARAM]] [--new-road] [--json]',
    '       npm run --silent play -- --challenge ID [--seed S] --policy NAME[:PARAM]|schedule:B1,...,Bn [--json]',
    '',
    'Plays a whole match with every workshop on autopilot and prints, per round, the mean delay,',
    'the breach rate, the mean bin and the total cost, then a digest of the full history.',
    'With --challenge: the solo challenge as the server plays it (the published map, the dice of',
    '--seed, one seat on the policy and the bots mirroring its bins) and the challenge verdict.',
    '',
    'flags:',
  ];
  for (const [name, spec] of Object.entries(FLAGS)) lines.push(`  --${name.padEnd(10)} ${spec.accepts}`);
  lines.push(
    '',
    "defaults: --seed 1, the scenario's rounds and autopilot policy;",
    'with --challenge, --seed is the practice tape challenge-ID-1 (the published seed: the server draws secret dice)',
  );
  return lines.join('\n');
}

interface PlayReport {
  readonly scenario: string;
  readonly seed: string;
  readonly rounds: number;
  readonly policy: string;
  readonly newRoad: boolean;
  readonly summaries: MatchResult['summaries'];
  readonly totals: {
    /** Means over the rounds. */
    readonly meanDelay: number;
    readonly breachRate: number;
    readonly meanBin: number;
    /** Sums over the rounds (and workshops). */
    readonly totalCost: number;
    readonly lineStops: number;
    /** Mean delay after the last round. */
    readonly finalMeanDelay: number;
  };
  readonly digest: string;
  readonly challenge?: ChallengeReport;
}

interface ChallengeReport {
  readonly score: number;
  readonly counted: boolean;
  /** The published map's critical buffer: the score's denominator. */
  readonly criticalBuffer: number;
  readonly meanBin: number;
  /** Why the run does not count, as data with the server's words (`text`); empty: it counts. */
  readonly reasons: readonly (NotCounted & { readonly text: string })[];
  readonly judge: JudgeNumbers | null;
}

function setupOf(flags: Record<string, unknown>): { setup: SetupData; policy: string | undefined } {
  const scenario = flags.scenario as string | undefined;
  if (scenario === undefined) throw new UsageError(`--scenario is required: ${FLAGS.scenario!.accepts}`);
  const seed = (flags.seed as string | undefined) ?? '1';
  if (!SEED_PATTERN.test(seed)) throw new UsageError(`--seed "${seed}" is not valid; accepted: ${SEED_ACCEPTS}`);
  const policy = flags.policy as string | undefined;
  if (policy !== undefined) {
    const parsed = parsePolicy(policy, '--policy');
    if (!parsed.ok || parsed.value.name === 'planner' || policy.split(':').length > 2)
      throw new UsageError(`--policy "${policy}" is not valid; accepted: ${POLICY_ACCEPTS}`);
  }
  const newRoad = flags['new-road'] === true;
  if (newRoad && SCENARIOS.get(scenario)!.newRoad.length === 0) {
    const withRoad = scenarioIds().filter((id) => SCENARIOS.get(id)!.newRoad.length > 0);
    const accepted = withRoad.length > 0 ? `accepted with ${withRoad.join(', ')}` : 'no loaded scenario has one';
    throw new UsageError(`--new-road: scenario "${scenario}" has no new road; ${accepted}`);
  }
  const setup: SetupData = {
    scenario,
    humanSeats: 0,
    seed: { policy: 'fixed', value: seed },
    ...(flags.rounds !== undefined ? { rounds: flags.rounds as number } : {}),
    ...(newRoad ? { newRoad: true } : {}),
    ...(policy !== undefined ? { autopilot: policy } : {}),
  };
  const plan = parseSetupData(setup);
  if (!plan.ok) throw new UsageError(plan.error);
  return { setup, policy };
}

function report(
  setup: SetupData,
  result: Pick<MatchResult, 'summaries' | 'config' | 'digest'> & { lineStops: number },
): PlayReport {
  const { summaries, config } = result;
  const mean = (f: (s: (typeof summaries)[number]) => number) =>
    summaries.length > 0 ? summaries.reduce((a, s) => a + f(s), 0) / summaries.length : 0;
  return {
    scenario: config.scenarioId,
    seed: config.publicSeed ?? '',
    rounds: config.rounds,
    policy: `${config.autopilot.name}:${config.autopilot.param}`,
    newRoad: setup.newRoad === true,
    summaries,
    totals: {
      meanDelay: mean((s) => s.meanDelay),
      breachRate: mean((s) => s.breachRate),
      meanBin: mean((s) => s.meanBin),
      totalCost: summaries.reduce((a, s) => a + s.totalCost, 0),
      lineStops: result.lineStops,
      finalMeanDelay: summaries.at(-1)?.meanDelay ?? 0,
    },
    digest: result.digest,
  };
}

const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

function table(r: PlayReport): string {
  const t = r.totals;
  return [
    `${r.scenario}, seed ${r.seed}, ${r.rounds} rounds, policy ${r.policy}${r.newRoad ? ', new road open' : ''}`,
    '',
    formatTable(
      ['round', 'mean delay', 'breach rate', 'mean bin', 'total cost'],
      r.summaries.map((s) => [
        String(s.round),
        fmt(s.meanDelay),
        fmt(s.breachRate),
        fmt(s.meanBin),
        fmt(s.totalCost, 2),
      ]),
    ),
    '',
    formatTable(
      ['mean delay (rounds)', 'final mean delay', 'breach rate', 'mean bin', 'total cost', 'line stops'],
      [
        [
          fmt(t.meanDelay),
          fmt(t.finalMeanDelay),
          fmt(t.breachRate),
          fmt(t.meanBin),
          fmt(t.totalCost, 2),
          String(t.lineStops),
        ],
      ],
    ),
    '',
    `digest ${r.digest}`,
    ...(r.challenge ? ['', challengeLine(r.challenge)] : []),
  ].join('\n');
}

function challengeLine(c: ChallengeReport): string {
  const head = `challenge score ${fmt(c.score)} (mean bin ${fmt(c.meanBin)} / B_c ${fmt(c.criticalBuffer)}): `;
  const judge = c.judge
    ? `; growth ${fmt(c.judge.growth.rate)} +- ${fmt(c.judge.growth.standardError)} h per round, ` +
      `mean lateness ${fmt(c.judge.level.lateness)} h against ${fmt(c.judge.level.reference)} h at B_c`
    : '';
  return head + (c.counted ? 'counts' : `does not count: ${c.reasons.map((r) => r.text).join('; ')}`) + judge;
}

async function main(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, FLAGS, Object.keys(FLAGS));
  if (flags.challenge !== undefined && flags.scenario !== undefined)
    throw new UsageError('--scenario cannot be used with --challenge (a challenge plays its scenario as published)');
  if (flags.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  let r: PlayReport;
  if (flags.challenge !== undefined) r = await challenge(flags);
  else {
    const { setup, policy } = setupOf(flags);
    const result = await playMatch(setup, policy !== undefined ? { policy } : {});
    r = report(setup, { ...result, lineStops: result.final.workshops.reduce((a, w) => a + w.lineStops, 0) });
  }
  process.stdout.write(flags.json ? `${JSON.stringify(r, null, 2)}\n` : `${table(r)}\n`);
  return 0;
}

/** --challenge: the solo challenge on the dice of --seed, judged as the server judges it. */
async function challenge(flags: Record<string, unknown>): Promise<PlayReport> {
  const id = flags.challenge as string;
  for (const f of ['scenario', 'rounds', 'new-road'])
    if (flags[f] !== undefined)
      throw new UsageError(`--${f} cannot be used with --challenge (a challenge plays its scenario as published)`);
  const text = flags.policy as string | undefined;
  if (text === undefined) throw new UsageError(`--policy is required with --challenge: ${CHALLENGE_POLICY_ACCEPTS}`);
  const parsed = parseSeatPolicy(text);
  if (!parsed.ok) throw new UsageError(`--policy "${text}" is not valid; accepted: ${CHALLENGE_POLICY_ACCEPTS}`);
  const seed = (flags.seed as string | undefined) ?? challengeSeed(id);
  if (!SEED_PATTERN.test(seed)) throw new UsageError(`--seed "${seed}" is not valid; accepted: ${SEED_ACCEPTS}`);
  const policy: SeatPolicy = parsed.value;
  const run = await playSoloChallenge(id, seed, policy);
  const criticalBuffer = challengeCriticalBuffer(SCENARIOS.get(id)!);
  const verdict = challengeVerdict(run.g, criticalBuffer, challengeSeed(id));
  const history = run.history;
  const base = report(
    { scenario: id, humanSeats: 1, seed: { policy: 'fixed', value: seed } },
    {
      config: { ...run.config, publicSeed: seed },
      summaries: history.map(summarise),
      digest: historyDigest(history),
      lineStops: history.reduce((a, h) => a + h.workshops.filter((w) => w.breached).length, 0),
    },
  );
  return {
    ...base,
    policy: text,
    challenge: {
      score: verdict.score?.score ?? 0,
      counted: verdict.notCounted.length === 0 && verdict.judge !== null,
      criticalBuffer,
      meanBin: verdict.score?.meanBin ?? 0,
      reasons: verdict.notCounted.map((r) => ({ ...r, text: reasonText(r) })),
      judge: verdict.judge,
    },
  };
}

runCli('play', main);
