import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { infiniteNCriticalBuffer } from '../game/lab/theory';
import { t } from './i18n';
import './styles.css';

function TheoryCard() {
  const [k, setK] = useState('2');
  const value = Number(k);
  const valid = Number.isInteger(value) && value >= 1 && value <= 64;
  const result = valid ? infiniteNCriticalBuffer({ kind: 'exp', mean: 1 }, value).criticalBuffer : null;
  return (
    <section className="mt-8 rounded-lg border border-stone-300 bg-white p-4" aria-labelledby="theory-title">
      <h2 id="theory-title" className="text-lg font-semibold">
        {t('landing.theory.title')}
      </h2>
      <label className="mt-2 block">
        <span className="mr-2">{t('landing.theory.k')}</span>
        <input
          className="w-20 rounded border border-stone-400 px-2 py-1"
          inputMode="numeric"
          value={k}
          aria-invalid={!valid}
          aria-describedby="theory-result"
          onChange={(e) => setK(e.target.value)}
        />
      </label>
      <p id="theory-result" className="mt-2" aria-live="polite">
        {result !== null ? t('landing.theory.result', { value: result.toFixed(2) }) : t('landing.theory.invalid')}
      </p>
    </section>
  );
}

function Landing() {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-3xl font-bold">{t('app.title')}</h1>
      <p className="mt-2 text-lg">{t('app.tagline')}</p>
      <p className="mt-4">{t('landing.what')}</p>
      <p className="mt-4">{t('landing.status')}</p>
      <pre className="mt-2 overflow-x-auto rounded bg-stone-200 p-2 text-sm">{t('landing.labExample')}</pre>
      <TheoryCard />
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Landing />
    </StrictMode>,
  );
}
