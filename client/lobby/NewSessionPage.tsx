/** /new: pick a scenario and settings, create the session, then show how to join it. */
import { useState } from 'react';
import { api } from '../app/api';
import type { CreateSessionBody, CreatedSession } from '../../game/contract/api';
import { credentialStore } from '../app/credentials';
import { Layout } from '../app/Layout';
import { Button } from '../app/ui';
import { t } from '../i18n';
import { SessionCreated } from './SessionCreated';
import { SessionForm } from './SessionForm';
import { type SessionFormErrors, refusedCreation } from './sessionForm';
import { useScenarios } from './useScenarios';

export function NewSessionPage() {
  const { scenarios, retry } = useScenarios();
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<SessionFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ session: CreatedSession; stored: boolean } | null>(null);

  const create = async (body: CreateSessionBody) => {
    setBusy(true);
    setServerErrors({});
    setFormError(null);
    const result = await api.createSession(body);
    setBusy(false);
    if (!result.ok) {
      const refused = refusedCreation(result.failure);
      setServerErrors(refused.fields);
      setFormError(refused.form);
      return;
    }
    const s = result.value;
    const stored = credentialStore.save(s.code, {
      matchID: s.matchID,
      seat: s.seat,
      credentials: s.credentials,
      name: t('facilitator.seatName'),
    });
    setCreated({ session: s, stored });
  };

  if (created) {
    return (
      <Layout title={t('created.title')}>
        <SessionCreated session={created.session} stored={created.stored} />
      </Layout>
    );
  }
  return (
    <Layout title={t('new.title')}>
      <h1 className="text-3xl font-bold">{t('new.title')}</h1>
      <p className="mt-2">{t('new.intro')}</p>
      {scenarios.state === 'loading' && (
        <p role="status" className="mt-6">
          {t('new.loading')}
        </p>
      )}
      {scenarios.state === 'failed' && (
        <div role="alert" className="mt-6">
          <p className="font-semibold text-red-800">{t('new.loadFailed', { message: scenarios.message })}</p>
          <Button variant="secondary" className="mt-2" onClick={retry}>
            {t('app.retry')}
          </Button>
        </div>
      )}
      {scenarios.state === 'ready' && (
        <SessionForm
          scenarios={scenarios.value}
          busy={busy}
          serverErrors={serverErrors}
          onSubmit={(body) => void create(body)}
        />
      )}
      {formError && (
        <p role="alert" className="mt-4 font-semibold text-red-800">
          {formError}
        </p>
      )}
    </Layout>
  );
}
