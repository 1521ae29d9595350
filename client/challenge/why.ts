/** Why a challenge run does not count, in the reader's language (the server sends the reasons as data). */
import { t } from '../i18n';
import type { NotCounted } from './challengeMatch';
import { formatHours } from './format';

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
