/**
 * The challenge judge's test cases (CH1), shared by tests/debrief/judge.test.ts and the
 * calibration (bench/judge.ts): on a scenario's published map, the human seat of a solo
 * challenge commits (the bots mirror it, B6)
 *  - `low`: every bin at 0.95 B_c (rounded down to hundredths) every round: must never count;
 *  - `dig`: empty bins for the first quarter of the rounds, then B_c (rounded up): must never count;
 *  - `high`: every bin at 1.05 B_c (rounded up): must always count.
 * B_c is the published map's (the challenge's). Tapes: the published seed's dice, then fresh ones.
 */
import { challengeCriticalBuffer } from '../../game/core/scenario';
import { SCENARIOS } from '../../game/core/scenarios';
import { type SeatPolicy, playSoloChallenge } from '../../game/core/soloChallenge';
import { type ChallengeVerdict, challengeSeed, challengeVerdict } from '../../game/debrief/score';

export const CASES = ['low', 'dig', 'high'] as const;
export type Case = (typeof CASES)[number];
/** Whether the case must count. */
export const MUST_COUNT: Readonly<Record<Case, boolean>> = { low: false, dig: false, high: true };

const down = (x: number) => Math.floor(x * 100 + 1e-9) / 100;
const up = (x: number) => Math.ceil(x * 100 - 1e-9) / 100;

export function casePolicy(scenarioId: string, c: Case): SeatPolicy {
  const scenario = SCENARIOS.get(scenarioId)!;
  const bc = challengeCriticalBuffer(scenario);
  if (c === 'low') return { kind: 'schedule', bins: [down(0.95 * bc)] };
  if (c === 'high') return { kind: 'schedule', bins: [up(1.05 * bc)] };
  // Committed in rounds 1..Q, so empty in rounds 2..Q+1 (round 1 runs on the starting bins, R1).
  const quarter = Math.ceil(scenario.rounds / 4);
  return { kind: 'schedule', bins: [...new Array<number>(quarter).fill(0), up(bc)] };
}

/** Tape t: 0 is the published seed's dice, t > 0 fresh dice (`judge-fresh-t`). */
export const tapeSeed = (scenarioId: string, t: number): string =>
  t === 0 ? challengeSeed(scenarioId) : `judge-fresh-${t}`;

/** Play one case on one tape through the solo-challenge path and judge it as the server does (`ms`: the judging). */
export async function judgeCase(
  scenarioId: string,
  c: Case,
  tape: number,
): Promise<ChallengeVerdict & { readonly ms: number }> {
  const run = await playSoloChallenge(scenarioId, tapeSeed(scenarioId, tape), casePolicy(scenarioId, c));
  const start = performance.now();
  const verdict = challengeVerdict(
    run.g,
    challengeCriticalBuffer(SCENARIOS.get(scenarioId)!),
    challengeSeed(scenarioId),
  );
  return { ...verdict, ms: performance.now() - start };
}

export const counted = (v: ChallengeVerdict): boolean => v.notCounted.length === 0 && v.judge !== null;
