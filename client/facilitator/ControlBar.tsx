/** The facilitator's controls: start, pause / resume, close the round, council, reveal the map, end the game. */
import { useState } from 'react';
import type { FacilitatorView } from '../../game/core/view';
import type { GameMoves } from '../../game/contract/moves';
import { Button } from '../app/ui';
import { t } from '../i18n';
import { usePending } from './usePending';

interface ControlBarProps {
  readonly view: FacilitatorView;
  readonly moves: GameMoves;
}

export function ControlBar({ view, moves }: ControlBarProps) {
  const key = `${view.status}:${view.round}:${view.paused}:${view.revealed}:${view.councilCalled}`;
  const [pending, markPending] = usePending(key);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const send = (action: () => void) => () => {
    markPending();
    action();
  };
  const running = view.status === 'playing' || view.status === 'council';
  return (
    <nav aria-label={t('facilitator.controls')} className="flex flex-wrap items-center gap-2">
      {view.status === 'setup' && (
        <Button onClick={send(() => moves.start())} disabled={pending}>
          {t('facilitator.start')}
        </Button>
      )}
      {running && (
        <>
          <Button onClick={send(() => moves.closeRound(view.round))} disabled={pending}>
            {view.status === 'council'
              ? t('facilitator.closeCouncil')
              : t('facilitator.closeRound', { round: view.round })}
          </Button>
          <Button
            variant="secondary"
            onClick={send(() => (view.paused ? moves.resume() : moves.pause()))}
            disabled={pending}
          >
            {view.paused ? t('facilitator.resume') : t('facilitator.pause')}
          </Button>
          <Button
            variant="secondary"
            aria-pressed={view.revealed}
            onClick={send(() => moves.reveal(!view.revealed))}
            disabled={pending}
          >
            {view.revealed ? t('facilitator.hideMap') : t('facilitator.revealMap')}
          </Button>
          {view.status === 'playing' && view.round < view.config.rounds && (
            <Button
              variant="secondary"
              aria-pressed={view.councilCalled}
              onClick={send(() => moves.convene())}
              disabled={pending || view.councilCalled}
            >
              {view.councilCalled
                ? t('facilitator.councilCalled', { round: view.round + 1 })
                : t('facilitator.convene', { round: view.round + 1 })}
            </Button>
          )}
          {!confirmEnd && (
            <Button variant="danger" onClick={() => setConfirmEnd(true)}>
              {t('facilitator.end')}
            </Button>
          )}
          {confirmEnd && (
            <span role="group" aria-label={t('facilitator.end.confirm')} className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{t('facilitator.end.confirm')}</span>
              <Button variant="danger" onClick={send(() => moves.endGame())} autoFocus>
                {t('facilitator.end.yes')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirmEnd(false)}>
                {t('facilitator.end.no')}
              </Button>
            </span>
          )}
        </>
      )}
      {view.status === 'over' && <p className="text-lg font-semibold">{t('facilitator.over')}</p>}
      {pending && (
        <span role="status" className="text-sm text-stone-600">
          {t('facilitator.sending')}
        </span>
      )}
    </nav>
  );
}
