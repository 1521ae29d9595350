/**
 * The game-over block of a challenge match: the server's verdict (GET
 * /api/challenges/matches/:matchID: the judge replays the run's dice, which the seat never sees):
 * the score (mean bin / the published map's B_c, three decimals), whether it counts and why not
 * (a mark and words, never colour alone), the judge's numbers in words, and the link to the
 * leaderboard. Nothing for other matches.
 */
import type { PublicConfig } from '../../game/core/types';
import { Link } from '../app/router';
import { Button } from '../app/ui';
import { t } from '../i18n';
import { type ChallengeRun, challengeApi } from './challengeApi';
import { isChallenge } from './challengeMatch';
import { formatHours, formatScore } from './format';
import { JudgeFacts } from './JudgeFacts';
import { useLoad } from './useLoad';
import { whyText } from './why';

interface Props {
  readonly config: PublicConfig;
  readonly matchID: string | undefined;
}

function Verdict({ run }: { readonly run: ChallengeRun }) {
  const counts = run.valid;
  return (
    <>
      {run.score !== null && run.meanBin !== null && (
        <>
          <p className="mt-1 font-mono text-3xl font-bold tabular-nums">{formatScore(run.score)}</p>
          <p className="text-sm">
            {t('challenge.over.formula', { bin: formatHours(run.meanBin), bc: formatHours(run.criticalBuffer) })}
          </p>
        </>
      )}
      <p className={`mt-2 flex items-start gap-1 text-sm ${counts ? 'text-[#00324f]' : 'text-[#7a2e00]'}`}>
        <span aria-hidden="true" className="font-bold">
          {counts ? '✓' : '✗'}
        </span>
        <span className="font-semibold">{t(counts ? 'challenge.over.counted' : 'challenge.over.notCounted')}</span>
      </p>
      {!counts && (
        <ul className="mt-1 list-disc pl-6 text-sm">
          {run.why.map((r) => (
            <li key={r.kind}>{whyText(r)}</li>
          ))}
        </ul>
      )}
      {run.judge && <JudgeFacts judge={run.judge} />}
    </>
  );
}

function Loaded({ matchID }: { readonly matchID: string }) {
  const { value: run, retry } = useLoad(() => challengeApi.run(matchID), matchID);
  if (run.state === 'ready') return <Verdict run={run.value} />;
  if (run.state === 'loading') return <p className="mt-1 text-sm">{t('challenge.over.judging')}</p>;
  return (
    <p role="alert" className="mt-1 text-sm">
      {t('challenge.over.judgeFailed', { message: run.message })}{' '}
      <Button onClick={retry}>{t('challenge.over.retry')}</Button>
    </p>
  );
}

export function ChallengeOver({ config, matchID }: Props) {
  if (!isChallenge(config) || matchID === undefined) return null;
  return (
    <section aria-labelledby="challenge-over-title" className="mt-3 rounded-md border border-stone-300 p-3">
      <h3 id="challenge-over-title" className="text-sm font-semibold">
        {t('challenge.over.title')}
      </h3>
      <Loaded matchID={matchID} />
      <Link
        href={`/leaderboard/${encodeURIComponent(config.scenarioId)}`}
        className="mt-2 inline-flex min-h-11 items-center font-semibold text-blue-800 underline underline-offset-2"
      >
        {t('challenge.over.leaderboard')}
      </Link>
    </section>
  );
}
