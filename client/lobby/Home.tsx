/** Home: join a session with its code, or create one; the ways to the challenge and the lab. */
import { type FormEvent, useState } from 'react';
import { t } from '../i18n';
import { Layout } from '../app/Layout';
import { Link, navigate } from '../app/router';
import { Button, Card, Field, buttonClass, inputClass } from '../app/ui';
import { CODE_LENGTH, isCode, normaliseCode } from '../../game/contract/codes';

function JoinByCode() {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = normaliseCode(typed);
    if (!isCode(code)) {
      setError(t('home.join.badCode', { length: CODE_LENGTH }));
      return;
    }
    navigate(`/join/${code}`);
  };
  return (
    <Card labelledBy="join-title">
      <h2 id="join-title" className="text-xl font-bold">
        {t('home.join.title')}
      </h2>
      <form onSubmit={submit} noValidate>
        <Field label={t('home.join.code')} hint={t('home.join.hint')} error={error}>
          {(control) => (
            <input
              {...control}
              className={`${inputClass} font-mono tracking-widest uppercase`}
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
                setError(null);
              }}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={12}
            />
          )}
        </Field>
        <Button type="submit" className="mt-4 w-full sm:w-auto">
          {t('home.join.submit')}
        </Button>
      </form>
    </Card>
  );
}

export function Home() {
  return (
    <Layout title={t('home.title')}>
      <h1 className="text-3xl font-bold">{t('app.title')}</h1>
      <p className="mt-2 text-lg">{t('app.tagline')}</p>
      <p className="mt-2">{t('home.what')}</p>
      <div className="mt-6 grid gap-4">
        <JoinByCode />
        <Card labelledBy="create-title">
          <h2 id="create-title" className="text-xl font-bold">
            {t('home.create.title')}
          </h2>
          <p className="mt-2">{t('home.create.text')}</p>
          <Link href="/new" className={`${buttonClass('secondary')} mt-4 w-full sm:w-auto`}>
            {t('home.create.submit')}
          </Link>
        </Card>
        <Card labelledBy="challenge-title">
          <h2 id="challenge-title" className="text-xl font-bold">
            {t('challenge.home.title')}
          </h2>
          <p className="mt-2">{t('challenge.home.text')}</p>
          <Link href="/challenge" className={`${buttonClass('secondary')} mt-4 w-full sm:w-auto`}>
            {t('challenge.home.link')}
          </Link>
        </Card>
        <Card labelledBy="lab-title">
          <h2 id="lab-title" className="text-xl font-bold">
            {t('challenge.home.labTitle')}
          </h2>
          <p className="mt-2">{t('challenge.home.labText')}</p>
          <Link href="/lab" className={`${buttonClass('secondary')} mt-4 w-full sm:w-auto`}>
            {t('challenge.home.labLink')}
          </Link>
        </Card>
      </div>
    </Layout>
  );
}
