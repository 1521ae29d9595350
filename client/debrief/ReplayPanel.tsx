/**
 * (1) The replay of the cascade map: the network after the round the scrubber shows, coloured by
 * lateness with the hours written in, cascade arrows from binding suppliers, the chosen blame
 * chain ringed in blue; play / pause and the scrubber below; the round's numbers in words.
 */
import type { RoundRecord } from '../../game/core/types';
import type { BlameLink } from '../../game/debrief/blame';
import { num } from '../board/format';
import { MapLegend } from '../facilitator/MapLegend';
import { t } from '../i18n';
import { CHAIN_INK, DebriefMap } from './DebriefMap';
import { Panel } from './Panel';
import { Scrubber } from './Scrubber';
import { RoundTable } from './RoundTable';
import { type ScrubAction, type Scrubber as ScrubberState, frameArrows, frameOf, linksAt } from './replay';

interface ReplayPanelProps {
  readonly record: RoundRecord;
  readonly names: readonly string[];
  readonly scrubber: ScrubberState;
  readonly dispatch: (action: ScrubAction) => void;
  readonly chain: readonly BlameLink[] | null;
  readonly onPick: (workshop: number) => void;
}

export function ReplayPanel({ record, names, scrubber, dispatch, chain, onPick }: ReplayPanelProps) {
  const frame = frameOf(record);
  const stops = frameArrows(frame).length;
  const n = frame.lateness.length;
  const summary = t('debrief.replay.summary', {
    round: record.round,
    lateness: num(record.meanLateness, 2),
    stops: record.workshops.filter((w) => w.breached).length,
    n,
    arrows: stops,
    bin: num(record.meanBin, 2),
  });
  return (
    <Panel id="replay" title={t('debrief.replay.title')} claim={t('debrief.claim.spread')}>
      <p className="mt-2 text-sm text-stone-700">{t('debrief.replay.help')}</p>
      <div className="mt-2">
        <DebriefMap
          frame={frame}
          links={linksAt(record)}
          names={names}
          label={summary}
          chain={chain}
          onPick={onPick}
          idPrefix="replay"
        />
      </div>
      <p className="mt-1 text-base" data-testid="replay-summary">
        {summary}
      </p>
      <Scrubber state={scrubber} dispatch={dispatch} id="replay-round" />
      <MapLegend />
      <p className="mt-2 flex items-center gap-1 text-sm">
        <svg viewBox="0 0 32 20" className="h-5 w-8 shrink-0" aria-hidden="true">
          <circle cx={16} cy={10} r={7} fill="none" stroke={CHAIN_INK} strokeWidth={3} />
          <path d="M0,10 L8,10" stroke={CHAIN_INK} strokeWidth={3} strokeDasharray="3 2" />
        </svg>
        {t('debrief.replay.legendChain')}
      </p>
      <RoundTable record={record} names={names} />
    </Panel>
  );
}
