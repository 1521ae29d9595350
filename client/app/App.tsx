/** The route switch: one page per route of docs/API.md ("The browser"). */
import { Suspense, lazy } from 'react';
import { t } from '../i18n';
import { Layout } from './Layout';
import { Link, useRoute } from './router';
import { Home } from '../lobby/Home';
import { JoinPage } from '../lobby/JoinPage';
import { NewSessionPage } from '../lobby/NewSessionPage';

const FacilitatorPage = lazy(() => import('../facilitator/FacilitatorPage'));
const PlayPage = lazy(() => import('../board/PlayPage'));
const LabPage = lazy(() => import('../lab/LabPage'));
const DebriefPage = lazy(() => import('../debrief/DebriefPage'));
const ChallengePage = lazy(() => import('../challenge/ChallengePage'));
const LeaderboardPage = lazy(() => import('../challenge/LeaderboardPage'));
const ReplayPage = lazy(() => import('../challenge/ReplayPage'));
// Dev-only pages (a Local match in the browser); not part of a production build.
const DevPage = import.meta.env.DEV ? lazy(() => import('./dev/DevPage')) : null;

function NotFound() {
  return (
    <Layout title={t('notFound.title')}>
      <h1 className="text-2xl font-bold">{t('notFound.title')}</h1>
      <p className="mt-4">
        <Link href="/" className="text-blue-800 underline">
          {t('notFound.home')}
        </Link>
      </p>
    </Layout>
  );
}

function Loading() {
  return (
    <p className="p-6" role="status">
      {t('app.loading')}
    </p>
  );
}

export function App() {
  const route = useRoute();
  const page = (() => {
    switch (route.page) {
      case 'home':
        return <Home />;
      case 'new':
        return <NewSessionPage />;
      case 'join':
        return <JoinPage code={route.code} />;
      case 'play':
        return <PlayPage code={route.code} />;
      case 'facilitate':
        return <FacilitatorPage code={route.code} />;
      // Pages of issue 5, wired as they land: the debrief, the lab, the challenge.
      case 'debrief':
        return <DebriefPage code={route.code} />;
      case 'lab':
        return <LabPage />;
      case 'challenge':
        return <ChallengePage />;
      case 'leaderboard':
        return <LeaderboardPage scenario={route.scenario} />;
      case 'replay':
        return <ReplayPage id={route.id} />;
      case 'dev':
        return DevPage ? <DevPage name={route.name} /> : <NotFound />;
      case 'notFound':
        return <NotFound />;
    }
  })();
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}
