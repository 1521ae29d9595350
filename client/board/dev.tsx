/**
 * Development harness: a whole match in the browser with boardgame.io's Local() transport, no
 * server. The facilitator's seat starts the match; pick which player's board to show. Mount it at
 * a dev-only route, e.g. `{import.meta.env.DEV && <Route path="/dev/board" element={<DevBoard />} />}`.
 */
import { useEffect, useMemo, useState } from 'react';
import type { BoardProps } from 'boardgame.io/react';
import { Client } from 'boardgame.io/react';
import { Local } from 'boardgame.io/multiplayer';
import { t } from '../i18n';
import { createGame, viewGame } from '../../game/core/game';
import type { SetupData } from '../../game/core/setup';
import type { PublicConfig } from '../../game/core/types';
import type { View } from '../../game/core/view';
import { PlayerBoard } from './PlayerBoard';

export interface DevBoardProps {
  readonly scenario?: string;
  readonly humanSeats?: number;
  readonly roundSeconds?: number;
  /** Patch the public configuration (e.g. councilRounds) after setup. */
  readonly config?: Partial<PublicConfig>;
  /** The seat shown first. */
  readonly seat?: string;
  /** Start the match at once (default); otherwise the facilitator's Start button does. */
  readonly autoStart?: boolean;
}

const button = 'min-h-9 rounded border border-stone-500 bg-white px-2 text-sm hover:bg-stone-100';

/** The facilitator's seat in the harness: starts the match, then offers the facilitator's moves. */
type FacilitatorProps = BoardProps<View> & { readonly autoStart?: boolean };

function FacilitatorControls({ G: view, moves, autoStart = true }: FacilitatorProps) {
  useEffect(() => {
    if (autoStart && view.status === 'setup') moves.start?.();
  }, [autoStart, view.status, moves]);
  const round = view.round;
  return (
    <div className="flex flex-wrap items-center gap-2 p-2 text-sm">
      <span className="font-semibold">{t('board.dev.facilitator')}</span>
      {view.status === 'setup' ? (
        <button type="button" className={button} onClick={() => moves.start?.()}>
          {t('board.dev.start')}
        </button>
      ) : null}
      <button type="button" className={button} onClick={() => moves.closeRound?.(round)}>
        {t('board.dev.close')}
      </button>
      <button type="button" className={button} onClick={() => (view.paused ? moves.resume?.() : moves.pause?.())}>
        {view.paused ? t('board.dev.resume') : t('board.dev.pause')}
      </button>
      <button type="button" className={button} onClick={() => moves.clock?.(round, Date.now() + 60_000, null)}>
        {t('board.dev.clock')}
      </button>
      <button type="button" className={button} onClick={() => moves.endGame?.()}>
        {t('board.dev.end')}
      </button>
    </div>
  );
}

export function DevBoard({
  scenario = 'two-inputs',
  humanSeats = 3,
  roundSeconds = 0,
  config,
  seat = '1',
  autoStart = true,
}: DevBoardProps) {
  const [shown, setShown] = useState(seat);
  const clients = useMemo(() => {
    const setupData: SetupData = { scenario, humanSeats, roundSeconds, seed: { policy: 'fixed', value: 'dev' } };
    const base = createGame(setupData);
    const setup = base.setup!;
    const game: typeof base = config
      ? {
          ...base,
          setup: (ctx, data) => {
            const g = setup(ctx, data);
            return { ...g, config: { ...g.config, ...config } };
          },
        }
      : base;
    const common = { game: viewGame(game), numPlayers: humanSeats + 1, multiplayer: Local(), debug: false } as const;
    return {
      Facilitator: Client<View, FacilitatorProps>({ ...common, board: FacilitatorControls }),
      Player: Client<View>({ ...common, board: PlayerBoard }),
    };
    // The match lives as long as the harness: a new configuration is a new match.
  }, [scenario, humanSeats, roundSeconds, config]);
  const seats = Array.from({ length: humanSeats }, (_, h) => String(h + 1));
  return (
    <div className="bg-stone-200">
      <div className="flex flex-wrap items-center gap-2 border-b border-stone-400 px-2 py-1">
        <h1 className="text-sm font-bold">{t('board.dev.title')}</h1>
        <clients.Facilitator playerID="0" matchID="dev" autoStart={autoStart} />
        <label className="text-sm">
          {t('board.dev.seats')}{' '}
          <select
            className="rounded border border-stone-500 bg-white"
            value={shown}
            onChange={(e) => setShown(e.target.value)}
          >
            {seats.map((s) => (
              <option key={s} value={s}>
                {t('board.dev.seat', { seat: s })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <clients.Player key={shown} playerID={shown} matchID="dev" />
    </div>
  );
}
