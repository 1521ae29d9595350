/** Why a challenge run does not count, and what the judge measured, in the reader's language (the server sends data). */
import { t } from '../i18n';
import type { JudgeNumbers } from '../../game/debrief/score';
import type { NotCounted } from './challengeMatch';
import { formatHours, formatRate } from './format';

export function whyText(reason: NotCounted): string {
  switch (reason.kind) {
    case 'seed':
      return t('challenge.over.seed', { seed: reason.seed });
    case 'noRounds':
      return t('challenge.over.noRounds');
    case 'endedEarly':
      return t('challenge.over.endedEarly', { played: reason.played, rounds: reason.rounds });
    case 'shocks':
      return t('challenge.over.shocks', { rounds: reason.rounds.join(', ') });
    case 'growth':
      return t('challenge.over.growth', {
        rate: formatRate(reason.rate),
        error: formatRate(reason.standardError, false),
      });
    case 'lateness':
      return t('challenge.over.lateness', {
        lateness: formatHours(reason.lateness),
        reference: formatHours(reason.reference),
        bin: formatHours(reason.bin),
      });
    case 'unbounded':
      return t('challenge.over.unbounded', {
        slope: formatHours(reason.slope),
        threshold: formatHours(reason.threshold),
        from: reason.from,
        to: reason.to,
      });
  }
}

/** Every reason of a run, or null when there is none. */
export const whyAll = (reasons: readonly NotCounted[]): string | null =>
  reasons.length === 0 ? null : reasons.map(whyText).join(' ');

/** The judge's two tests in words, passed or not (CH1). */
export function judgeText(judge: JudgeNumbers): [growth: string, level: string] {
  const { growth, level } = judge;
  return [
    t('challenge.judge.growth', {
      rate: formatRate(growth.rate),
      error: formatRate(growth.standardError, false),
      replicas: growth.replicas,
      steps: growth.steps,
    }),
    t('challenge.judge.level', {
      lateness: formatHours(level.lateness),
      reference: formatHours(level.reference),
      bin: formatHours(level.bin),
    }),
  ];
}
