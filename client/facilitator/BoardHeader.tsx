/** The projector's top line: scenario, round, phase, timer, join code and connection. */
import { useState } from 'react';
import type { FacilitatorView } from '../../game/core/view';
import { Button, buttonClass } from '../app/ui';
import { t } from '../i18n';
import { JoinInfo } from '../lobby/JoinInfo';
import { spelled } from '../lobby/joinLink';
import { Timer } from './Timer';
import { phaseOf } from './selectors';

const PHASE_STYLE = {
  setup: 'bg-stone-200 text-stone-900',
  playing: 'bg-emerald-100 text-emerald-950',
  paused: 'bg-amber-100 text-amber-950',
  council: 'bg-sky-100 text-sky-950',
  over: 'bg-stone-800 text-white',
} as const;

interface BoardHeaderProps {
  readonly code: string;
  readonly view: FacilitatorView;
  readonly isConnected: boolean;
}

export function BoardHeader({ code, view, isConnected }: BoardHeaderProps) {
  const [joinShown, setJoinShown] = useState(false);
  const phase = phaseOf(view);
  return (
    <header className="rounded-lg border border-stone-300 bg-white p-3">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-bold">{view.config.title}</h1>
          <p className="text-lg">
            {view.status === 'setup'
              ? t('facilitator.round.none', { total: view.config.rounds })
              : t('facilitator.round', { round: view.round, total: view.config.rounds })}{' '}
            <span
              className={`ml-2 inline-block rounded px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${PHASE_STYLE[phase]}`}
            >
              {t(`facilitator.phase.${phase}` as const)}
            </span>
          </p>
        </div>
        <Timer view={view} />
        <div className="text-right">
          <span className="block text-xs font-semibold text-stone-600 uppercase">{t('created.code')}</span>
          <span className="font-mono text-3xl font-bold tracking-widest" aria-label={spelled(code)}>
            {code}
          </span>
        </div>
        {view.status !== 'setup' && (
          <a
            href={`/debrief/${encodeURIComponent(code)}`}
            target="_blank"
            rel="noopener"
            className={buttonClass('secondary')}
          >
            {t('debrief.link')}
          </a>
        )}
        {view.status !== 'setup' && (
          <Button variant="secondary" aria-expanded={joinShown} onClick={() => setJoinShown((s) => !s)}>
            {joinShown ? t('facilitator.join.hide') : t('facilitator.join.show')}
          </Button>
        )}
      </div>
      {!isConnected && (
        <p role="alert" className="mt-2 font-semibold text-red-800">
          <span aria-hidden="true">⚠ </span>
          {t('facilitator.disconnected')}
        </p>
      )}
      {joinShown && view.status !== 'setup' && (
        <div className="mt-4 border-t border-stone-200 pt-4">
          <JoinInfo code={code} link={`${window.location.origin}/join/${code}`} large />
        </div>
      )}
    </header>
  );
}
