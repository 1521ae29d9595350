/**
 * The game-over block of a challenge match: the score (mean bin / B_c, three decimals), whether
 * it counts on the leaderboard and why not (a mark and words, never colour alone), and the link to
 * the leaderboard. Nothing for other matches.
 */
import type { PublicConfig, RoundRecord } from '../../game/core/types';
import { Link } from '../app/router';
import { t } from '../i18n';
import { challengeResult } from './challengeMatch';
import { formatHours, formatScore } from './format';
import { whyText } from './why';

interface Props {
  readonly config: PublicConfig;
  readonly history: readonly RoundRecord[] | null;
}

export function ChallengeOver({ config, history }: Props) {
  const result = challengeResult(config, history);
  if (!result) return null;
  const { score, notCounted } = result;
  const counts = notCounted.length === 0;
  return (
    <section aria-labelledby="challenge-over-title" className="mt-3 rounded-md border border-stone-300 p-3">
      <h3 id="challenge-over-title" className="text-sm font-semibold">
        {t('challenge.over.title')}
      </h3>
      <p className="mt-1 font-mono text-3xl font-bold tabular-nums">{formatScore(score.score)}</p>
      <p className="text-sm">
        {t('challenge.over.formula', { bin: formatHours(score.meanBin), bc: formatHours(score.criticalBuffer) })}
      </p>
      <p className={`mt-2 flex items-start gap-1 text-sm ${counts ? 'text-[#00324f]' : 'text-[#7a2e00]'}`}>
        <span aria-hidden="true" className="font-bold">
          {counts ? '✓' : '✗'}
        </span>
        <span className="font-semibold">{t(counts ? 'challenge.over.counted' : 'challenge.over.notCounted')}</span>
      </p>
      {!counts && (
        <ul className="mt-1 list-disc pl-6 text-sm">
          {notCounted.map((r) => (
            <li key={r.kind}>{whyText(r)}</li>
          ))}
        </ul>
      )}
      <Link
        href={`/leaderboard/${encodeURIComponent(config.scenarioId)}`}
        className="mt-2 inline-flex min-h-11 items-center font-semibold text-blue-800 underline underline-offset-2"
      >
        {t('challenge.over.leaderboard')}
      </Link>
    </section>
  );
}
