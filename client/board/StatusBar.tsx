/** The top bar: scenario, round, the round timer (view.clock), who we wait for, the connection. */
import { t } from '../i18n';
import type { SeatView, SpectatorView } from '../../game/core/view';
import { plural } from './format';
import { clockState, formatClock } from './selectors';
import { useNow } from './useNow';

// Drawn icons: emoji glyphs are missing from many fonts (they showed as empty boxes).
const PauseIcon = () => (
  <svg aria-hidden="true" viewBox="0 0 10 10" className="mr-1 inline h-3 w-3 align-[-1px]">
    <rect x="1.5" y="1" width="2.5" height="8" fill="currentColor" />
    <rect x="6" y="1" width="2.5" height="8" fill="currentColor" />
  </svg>
);
const ClockIcon = () => (
  <svg aria-hidden="true" viewBox="0 0 10 10" className="mr-1 inline h-3 w-3 align-[-1px]">
    <circle cx="5" cy="5" r="4" fill="none" stroke="currentColor" strokeWidth="1.3" />
    <path d="M5 2.5V5l1.8 1.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
  </svg>
);

function Timer({ view }: { view: SeatView | SpectatorView }) {
  const running = view.clock !== null && view.clock.deadline !== null && !view.paused;
  // useNow re-renders a few times a second; the time itself is read now, so a new deadline is
  // never compared with a stale clock (which showed one second too many).
  useNow(running, 250);
  const clock = clockState(view, Date.now());
  if (clock.kind === 'none') return null;
  if (clock.kind === 'paused') {
    return (
      <span className="rounded border border-stone-500 bg-stone-100 px-2 py-0.5 text-sm font-semibold">
        <PauseIcon />
        {clock.remainingMs !== null
          ? t('board.clock.pausedLeft', { time: formatClock(clock.remainingMs) })
          : t('board.clock.paused')}
      </span>
    );
  }
  const low = clock.remainingMs <= 10_000;
  return (
    <span
      className={`rounded border px-2 py-0.5 text-sm font-semibold tabular-nums ${
        low ? 'border-[#D55E00] bg-[#fde4d3] text-[#7a2e00]' : 'border-stone-500 bg-white'
      }`}
      role="timer"
      aria-label={t('board.clock.label', { time: formatClock(clock.remainingMs) })}
    >
      <ClockIcon />
      {formatClock(clock.remainingMs)}
      {low ? <span className="ml-1">{t('board.clock.low')}</span> : null}
    </span>
  );
}

export function StatusBar({ view, isConnected }: { view: SeatView | SpectatorView; isConnected: boolean }) {
  const decide = view.role === 'player' && view.status === 'playing' && !view.committed;
  const waiting = view.status === 'playing' && view.waitingFor > 0;
  return (
    <header className="sticky top-0 z-10 border-b border-stone-300 bg-stone-50/95 px-3 py-2 backdrop-blur-sm">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1">
        <p className="font-semibold">
          {t('app.title')} <span className="font-normal text-stone-700">· {view.config.title}</span>
        </p>
        {view.status === 'over' ? (
          <p className="text-sm font-medium">{t('board.status.over', { rounds: view.rounds.length })}</p>
        ) : view.round > 0 ? (
          <p className="text-sm font-medium">
            {t('board.status.round', { round: view.round, total: view.config.rounds })}
          </p>
        ) : null}
        {view.paused && view.clock === null ? (
          <span className="text-sm font-semibold">{t('board.clock.paused')}</span>
        ) : null}
        <Timer view={view} />
        {waiting ? (
          <p className="text-sm text-stone-700">
            {plural(view.waitingFor, 'board.status.waitingOne', 'board.status.waitingMany')}
          </p>
        ) : null}
        {decide ? (
          <a href="#decide" className="text-sm font-semibold text-[#005b8f] underline underline-offset-2 lg:hidden">
            {t('board.status.toDecision')}
          </a>
        ) : null}
        {!isConnected ? (
          <p
            className="rounded border border-[#D55E00] bg-[#fde4d3] px-2 py-0.5 text-sm font-semibold text-[#7a2e00]"
            role="status"
          >
            <span aria-hidden="true">⚡ </span>
            {t('board.status.offline')}
          </p>
        ) : null}
      </div>
    </header>
  );
}
