/**
 * /leaderboard/:scenario: the ranked runs of one challenge (valid ones, best score first), then
 * the runs that do not count with the reason (GET /api/challenges/:scenario/leaderboard). The
 * challenge's title and critical buffer come from the list of challenges.
 */
import { Layout } from '../app/Layout';
import { Link } from '../app/router';
import { Button, buttonClass } from '../app/ui';
import { t } from '../i18n';
import { type Leaderboard, challengeApi } from './challengeApi';
import { formatHours } from './format';
import { LeaderboardTable } from './LeaderboardTable';
import { useLoad } from './useLoad';

function Entries({ board, title }: { readonly board: Leaderboard; readonly title: string }) {
  const ranked = board.entries.filter((e) => e.valid);
  const invalid = board.entries.filter((e) => !e.valid);
  return (
    <>
      <section aria-labelledby="ranked-title" className="mt-6">
        <h2 id="ranked-title" className="text-2xl font-bold">
          {t('leaderboard.ranked')}
        </h2>
        {ranked.length === 0 ? (
          <div className="mt-2">
            <p>{t('leaderboard.empty')}</p>
            <Link href="/challenge" className={`${buttonClass('primary')} mt-3 w-full sm:w-auto`}>
              {t('leaderboard.play')}
            </Link>
          </div>
        ) : (
          <LeaderboardTable entries={ranked} ranked caption={t('leaderboard.rankedCaption', { title })} />
        )}
      </section>
      {invalid.length > 0 && (
        <section aria-labelledby="invalid-title" className="mt-8">
          <h2 id="invalid-title" className="text-2xl font-bold">
            {t('leaderboard.invalid')}
          </h2>
          <p className="mt-2">{t('leaderboard.invalidText')}</p>
          <LeaderboardTable entries={invalid} ranked={false} caption={t('leaderboard.invalidCaption', { title })} />
        </section>
      )}
    </>
  );
}

export default function LeaderboardPage({ scenario }: { readonly scenario: string }) {
  const { value: board, retry } = useLoad(() => challengeApi.leaderboard(scenario), scenario);
  // Only for the title and B_c: the leaderboard stands without it.
  const { value: list } = useLoad(() => challengeApi.list(), 'challenges');
  const summary = list.state === 'ready' ? list.value.find((c) => c.scenario === scenario) : undefined;
  const title = summary?.title ?? scenario;
  return (
    <Layout title={t('leaderboard.title', { title })} wide>
      <div className="mx-auto max-w-5xl">
        <p>
          <Link href="/challenge" className="text-blue-800 underline underline-offset-2">
            <span aria-hidden="true">← </span>
            {t('leaderboard.back')}
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t('leaderboard.title', { title })}</h1>
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
          {board.state === 'ready' && (
            <div className="flex flex-wrap gap-x-2">
              <dt className="font-semibold">{t('challenge.seed')}</dt>
              <dd>
                <code className="font-mono break-all">{board.value.seed}</code>
              </dd>
            </div>
          )}
          {summary !== undefined && summary.criticalBuffer !== null && (
            <div className="flex flex-wrap gap-x-2">
              <dt className="font-semibold">{t('challenge.critical')}</dt>
              <dd className="tabular-nums">{formatHours(summary.criticalBuffer)}</dd>
            </div>
          )}
        </dl>
        {board.state === 'ready' && <p className="mt-1">{t('leaderboard.sameDice')}</p>}
        {board.state === 'loading' && (
          <p role="status" className="mt-4">
            {t('leaderboard.loading')}
          </p>
        )}
        {board.state === 'failed' && (
          <div role="alert" className="mt-4">
            <p className="font-semibold text-red-800">
              {board.notFound
                ? t('leaderboard.notFound', { scenario })
                : t('leaderboard.loadFailed', { message: board.message })}
            </p>
            {!board.notFound && (
              <Button variant="secondary" className="mt-2" onClick={retry}>
                {t('app.retry')}
              </Button>
            )}
          </div>
        )}
        {board.state === 'ready' && <Entries board={board.value} title={title} />}
      </div>
    </Layout>
  );
}
