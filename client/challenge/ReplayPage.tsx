/**
 * /replay/:id: one leaderboard run, replayed (GET /api/challenges/entries/:id, public). A header
 * says who played, the score, whether it counts and the seed; below it the debrief of the run
 * (client/debrief's DebriefView) without counterfactuals, which need the secret seed's match.
 */
import { DebriefView } from '../debrief/DebriefView';
import { Layout } from '../app/Layout';
import { Link } from '../app/router';
import { Button } from '../app/ui';
import { t } from '../i18n';
import { Fact } from './Fact';
import { type ChallengeEntry, challengeApi } from './challengeApi';
import { formatDate, formatHours, formatNames, formatScore } from './format';
import { JudgeFacts } from './JudgeFacts';
import { whyAll } from './why';
import { useLoad } from './useLoad';

function Header({ data }: { readonly data: ChallengeEntry }) {
  const { entry, debrief } = data;
  const dash = t('leaderboard.none');
  return (
    <header className="mb-4">
      <p>
        <Link href={`/leaderboard/${encodeURIComponent(entry.scenario)}`} className="text-blue-800 underline">
          <span aria-hidden="true">← </span>
          {t('replay.leaderboard')}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t('replay.heading', { title: debrief.scenario.title })}</h1>
      <dl className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-5">
        <Fact label={t('replay.by')}>{formatNames(entry.names)}</Fact>
        <Fact label={t('challenge.score')}>{entry.score === null ? dash : formatScore(entry.score)}</Fact>
        <Fact label={t('challenge.meanBin')}>{entry.meanBin === null ? dash : formatHours(entry.meanBin)}</Fact>
        <Fact label={t('challenge.seed')}>
          <code className="font-mono text-sm">{entry.seed}</code>
        </Fact>
        <Fact label={t('replay.date')}>
          <time dateTime={entry.date}>{formatDate(entry.date)}</time>
        </Fact>
      </dl>
      <p className={`mt-2 flex items-start gap-1 ${entry.valid ? 'text-[#00324f]' : 'text-[#7a2e00]'}`}>
        <span aria-hidden="true" className="font-bold">
          {entry.valid ? '✓' : '✗'}
        </span>
        <span>
          <span className="font-semibold">{t(entry.valid ? 'replay.counted' : 'replay.notCounted')}</span>
          {!entry.valid && (whyAll(entry.why) ?? entry.reason) && (
            <span className="block text-sm">{whyAll(entry.why) ?? entry.reason}</span>
          )}
        </span>
      </p>
      {entry.judge && <JudgeFacts judge={entry.judge} />}
    </header>
  );
}

export default function ReplayPage({ id }: { readonly id: string }) {
  const { value: run, retry } = useLoad(() => challengeApi.entry(id), id);
  if (run.state !== 'ready') {
    return (
      <Layout title={t('replay.title')}>
        <h1 className="text-3xl font-bold">{t('replay.title')}</h1>
        {run.state === 'loading' ? (
          <p role="status" className="mt-4">
            {t('replay.loading')}
          </p>
        ) : (
          <div role="alert" className="mt-4">
            <p className="font-semibold text-red-800">
              {run.notFound ? t('replay.notFound') : t('replay.loadFailed', { message: run.message })}
            </p>
            {!run.notFound && (
              <Button variant="secondary" className="mt-2" onClick={retry}>
                {t('app.retry')}
              </Button>
            )}
          </div>
        )}
      </Layout>
    );
  }
  const title = t('replay.heading', { title: run.value.debrief.scenario.title });
  return (
    <Layout title={title} wide>
      <Header data={run.value} />
      <DebriefView data={run.value.debrief} counterfactual={null} headingLevel={2} />
    </Layout>
  );
}
