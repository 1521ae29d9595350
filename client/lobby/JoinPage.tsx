/** /join/:code: type a name, get a workshop; a browser that already holds a seat can go back to it. */
import { useState } from 'react';
import { api } from '../app/api';
import type { SessionInfo } from '../app/apiTypes';
import { FACILITATOR_SEAT, credentialStore } from '../app/credentials';
import { failureText } from '../app/failure';
import { Layout } from '../app/Layout';
import { Link, navigate } from '../app/router';
import { buttonClass } from '../app/ui';
import { t } from '../i18n';
import { NameForm } from './NameForm';
import { spelled } from './joinLink';
import { useSession } from './useSession';

function Joining({ code, session }: { readonly code: string; readonly session: SessionInfo }) {
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const held = credentialStore.seat(code);
  const [fresh, setFresh] = useState(false);
  const holds = held !== null && held.seat !== FACILITATOR_SEAT && held.matchID === session.matchID && !fresh;
  const join = async (name: string) => {
    setBusy(true);
    setServerError(null);
    const r = await api.join(code, name);
    setBusy(false);
    if (!r.ok) {
      setServerError(failureText(r.failure));
      return;
    }
    const { matchID, seat, credentials } = r.value;
    credentialStore.save(code, { matchID, seat, credentials, name });
    navigate(`/play/${code}`, { replace: true });
  };
  if (holds) {
    return (
      <div className="mt-6">
        <p>{t('join.held', { name: held.name })}</p>
        <Link href={`/play/${code}`} className={`${buttonClass('primary')} mt-4 w-full sm:w-auto`}>
          {t('join.continue')}
        </Link>
        <button type="button" className="mt-4 block text-blue-800 underline" onClick={() => setFresh(true)}>
          {t('join.someoneElse')}
        </button>
      </div>
    );
  }
  return (
    <>
      {held?.seat === FACILITATOR_SEAT && <p className="mt-4 text-stone-700">{t('join.facilitatorHere')}</p>}
      <NameForm
        busy={busy}
        serverError={serverError}
        onSubmit={(n) => void join(n)}
        onEdit={() => setServerError(null)}
      />
    </>
  );
}

export function JoinPage({ code }: { readonly code: string }) {
  const session = useSession(code);
  return (
    <Layout title={t('join.title', { code })}>
      <h1 className="text-3xl font-bold">
        {t('join.heading')}{' '}
        <span className="font-mono tracking-widest" aria-label={spelled(code)}>
          {code}
        </span>
      </h1>
      {session.state === 'loading' && (
        <p role="status" className="mt-4">
          {t('join.loading')}
        </p>
      )}
      {session.state === 'failed' && (
        <div role="alert" className="mt-4">
          <p className="font-semibold text-red-800">
            {session.notFound ? t('join.notFound') : t('join.loadFailed', { message: session.message })}
          </p>
          <Link href="/" className="mt-2 inline-block text-blue-800 underline">
            {t('join.otherCode')}
          </Link>
        </div>
      )}
      {session.state === 'ready' && (
        <>
          <p className="mt-2 text-lg font-semibold">{session.value.scenario.title}</p>
          <p className="mt-1">{session.value.scenario.learningGoal}</p>
          <Joining code={code} session={session.value} />
        </>
      )}
    </Layout>
  );
}
