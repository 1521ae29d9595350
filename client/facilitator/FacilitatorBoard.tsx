/** The facilitator / projector view: the network live, the chart, who has committed, and the controls. */
import { useMemo, useState } from 'react';
import type { FacilitatorView } from '../../game/core/view';
import type { SessionPlayer } from '../../game/contract/api';
import type { GameMoves } from '../../game/contract/moves';
import { Announcer } from './Announcer';
import { BoardHeader } from './BoardHeader';
import { ControlBar } from './ControlBar';
import { LatenessChart } from './LatenessChart';
import { MapPanel } from './MapPanel';
import { Roster } from './Roster';
import { ShockPanel } from './ShockPanel';
import { StatsPanel } from './StatsPanel';
import { downstream } from './network';
import { PREVIEW_ROUNDS, type ShockDraft, checkShock, draftShock, initialDraft, shockOrigins } from './shock';

export interface FacilitatorBoardProps {
  readonly code: string;
  readonly view: FacilitatorView;
  readonly moves: GameMoves;
  readonly isConnected: boolean;
  readonly players: readonly SessionPlayer[];
  /** How many people the facilitator expects (null: unknown). */
  readonly expected: number | null;
}

export function FacilitatorBoard({ code, view, moves, isConnected, players, expected }: FacilitatorBoardProps) {
  const [draft, setDraft] = useState<ShockDraft>(initialDraft);
  const [previewing, setPreviewing] = useState(false);
  const shock = useMemo(() => draftShock(draft, view), [draft, view]);
  const problem = useMemo(() => checkShock(view, shock), [view, shock]);
  const reach = useMemo(
    () => (previewing ? downstream(view.workshops, shockOrigins(shock), PREVIEW_ROUNDS) : null),
    [previewing, view.workshops, shock],
  );
  const pick = (workshop: number) => {
    setDraft((d) => ({ ...d, workshop, supplier: -1 }));
    setPreviewing(true);
  };
  return (
    <div className="space-y-4">
      <Announcer view={view} />
      <BoardHeader code={code} view={view} isConnected={isConnected} />
      <ControlBar view={view} moves={moves} />
      <div className={`grid gap-4 ${view.status === 'setup' ? '' : 'lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]'}`}>
        <MapPanel code={code} view={view} players={players} expected={expected} reach={reach} onPick={pick} />
        <div className="space-y-4">
          <StatsPanel view={view} />
          <LatenessChart view={view} />
          <Roster view={view} players={players} />
          <ShockPanel
            view={view}
            draft={draft}
            onDraft={(d) => {
              setDraft(d);
              setPreviewing(true);
            }}
            shock={shock}
            problem={problem}
            reach={reach}
            onSend={() => {
              if (problem === null) moves.shock(shock);
              setPreviewing(false);
            }}
          />
        </div>
      </div>
    </div>
  );
}
