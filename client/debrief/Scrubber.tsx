/**
 * The replay's controls: play / pause, one round back and forward, and a range input over the
 * rounds (arrow keys, Home and End work on it as on any slider). The round shown is written out.
 */
import { Button } from '../app/ui';
import { t } from '../i18n';
import type { ScrubAction, Scrubber as ScrubberState } from './replay';

interface ScrubberProps {
  readonly state: ScrubberState;
  readonly dispatch: (action: ScrubAction) => void;
  readonly id: string;
}

export function Scrubber({ state, dispatch, id }: ScrubberProps) {
  const { first, last, round, playing } = state;
  return (
    <div className="mt-3 flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          onClick={() => dispatch({ kind: playing ? 'pause' : 'play' })}
          disabled={first === last}
          aria-pressed={playing}
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
          {playing ? t('debrief.replay.pause') : t('debrief.replay.play')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => dispatch({ kind: 'step', by: -1 })}
          disabled={round <= first}
          aria-label={t('debrief.replay.back')}
        >
          <span aria-hidden="true">◀</span>
        </Button>
        <Button
          variant="secondary"
          onClick={() => dispatch({ kind: 'step', by: 1 })}
          disabled={round >= last}
          aria-label={t('debrief.replay.forward')}
        >
          <span aria-hidden="true">▶▶</span>
        </Button>
        <output htmlFor={id} className="text-lg font-semibold tabular-nums" aria-live={playing ? 'off' : 'polite'}>
          {t('debrief.replay.shown', { round, total: last })}
        </output>
      </div>
      <label htmlFor={id} className="text-sm font-semibold">
        {t('debrief.replay.scrubber')}
      </label>
      <input
        id={id}
        type="range"
        min={first}
        max={last}
        step={1}
        value={round}
        onChange={(e) => dispatch({ kind: 'seek', round: Number(e.target.value) })}
        aria-valuetext={t('debrief.replay.shown', { round, total: last })}
        className="h-11 w-full accent-blue-800"
      />
    </div>
  );
}
