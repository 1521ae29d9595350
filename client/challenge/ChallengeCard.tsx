/** One challenge: its seed and numbers, the best score, its leaderboard, and the two ways to play it. */
import { useState } from 'react';
import { Link } from '../app/router';
import { Button, Card } from '../app/ui';
import { t } from '../i18n';
import { Fact } from './Fact';
import type { ChallengeSummary } from './challengeApi';
import { formatHours, formatScore } from './format';
import { SoloForm, TableForm } from './StartForms';

type Mode = 'solo' | 'table' | null;

/** Which challenge a button is for, for screen readers (the visible text stays short). */
const Which = ({ title }: { readonly title: string }) => (
  <span className="sr-only">{t('challenge.which', { title })}</span>
);

export function ChallengeCard({ challenge }: { readonly challenge: ChallengeSummary }) {
  const [mode, setMode] = useState<Mode>(null);
  const id = `challenge-${challenge.scenario}`;
  const toggle = (m: Exclude<Mode, null>) => setMode((current) => (current === m ? null : m));
  const { title } = challenge;
  return (
    <li>
      <Card labelledBy={`${id}-title`}>
        <h3 id={`${id}-title`} className="text-xl font-bold">
          {title}
        </h3>
        <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
          <Fact label={t('challenge.seed')}>
            <code className="font-mono text-sm">{challenge.seed}</code>
          </Fact>
          <Fact label={t('challenge.rounds')}>{challenge.rounds}</Fact>
          <Fact label={t('challenge.workshops')}>{challenge.workshops}</Fact>
          <Fact label={t('challenge.critical')}>
            {challenge.criticalBuffer === null ? t('challenge.criticalUnknown') : formatHours(challenge.criticalBuffer)}
          </Fact>
          <Fact label={t('challenge.best')}>
            {challenge.best
              ? t('challenge.bestBy', { score: formatScore(challenge.best.score), name: challenge.best.name })
              : t('challenge.noBest')}
          </Fact>
        </dl>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button aria-expanded={mode === 'solo'} aria-controls={`${id}-solo`} onClick={() => toggle('solo')}>
            {t('challenge.solo')}
            <Which title={title} />
          </Button>
          <Button
            variant="secondary"
            aria-expanded={mode === 'table'}
            aria-controls={`${id}-table`}
            onClick={() => toggle('table')}
          >
            {t('challenge.table')}
            <Which title={title} />
          </Button>
          <Link
            href={`/leaderboard/${encodeURIComponent(challenge.scenario)}`}
            className="inline-flex min-h-11 items-center px-2 font-semibold text-blue-800 underline underline-offset-2"
          >
            {t('challenge.leaderboardLink')}
            <Which title={title} />
          </Link>
        </div>
        <div id={`${id}-solo`} hidden={mode !== 'solo'}>
          {mode === 'solo' && <SoloForm challenge={challenge} />}
        </div>
        <div id={`${id}-table`} hidden={mode !== 'table'}>
          {mode === 'table' && <TableForm challenge={challenge} />}
        </div>
      </Card>
    </li>
  );
}
