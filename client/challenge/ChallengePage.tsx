/**
 * /challenge: what the challenge score is (docs/RULES.md, CH1-CH4), the challenges this server
 * offers (GET /api/challenges) with their published seeds and best scores, and the two ways to
 * play one: solo against bots, or a table with a facilitator.
 */
import { Layout } from '../app/Layout';
import { Link } from '../app/router';
import { Button } from '../app/ui';
import { t } from '../i18n';
import { challengeApi } from './challengeApi';
import { ChallengeCard } from './ChallengeCard';
import { useLoad } from './useLoad';

const RULES = [
  'challenge.rules.score',
  'challenge.rules.lower',
  'challenge.rules.bounded',
  'challenge.rules.seed',
  'challenge.rules.modes',
] as const;

function Rules() {
  return (
    <section aria-labelledby="rules-title" className="mt-4 rounded-lg border border-stone-300 bg-white p-4">
      <h2 id="rules-title" className="text-xl font-bold">
        {t('challenge.rules.title')}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {RULES.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href="/lab" className="text-blue-800 underline underline-offset-2">
          {t('challenge.rules.lab')}
        </Link>
      </p>
    </section>
  );
}

export default function ChallengePage() {
  const { value: challenges, retry } = useLoad(() => challengeApi.list(), 'challenges');
  return (
    <Layout title={t('challenge.title')}>
      <h1 className="text-3xl font-bold">{t('challenge.title')}</h1>
      <p className="mt-2 text-lg">{t('challenge.intro')}</p>
      <Rules />
      <h2 className="mt-6 text-2xl font-bold">{t('challenge.list.title')}</h2>
      {challenges.state === 'loading' && (
        <p role="status" className="mt-4">
          {t('challenge.loading')}
        </p>
      )}
      {challenges.state === 'failed' && (
        <div role="alert" className="mt-4">
          <p className="font-semibold text-red-800">{t('challenge.loadFailed', { message: challenges.message })}</p>
          <Button variant="secondary" className="mt-2" onClick={retry}>
            {t('app.retry')}
          </Button>
        </div>
      )}
      {challenges.state === 'ready' &&
        (challenges.value.length === 0 ? (
          <p className="mt-4">{t('challenge.none')}</p>
        ) : (
          <ul className="mt-4 grid gap-4">
            {challenges.value.map((c) => (
              <ChallengeCard key={c.scenario} challenge={c} />
            ))}
          </ul>
        ))}
    </Layout>
  );
}
