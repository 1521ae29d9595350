/**
 * The debrief of one game (GAME-DESIGN section 6): the replay of the cascade map with a scrubber,
 * the blame chain of any workshop, lateness over rounds, the phase diagram of this network, cost
 * against fragility, counterfactual replays on the same dice, the discussion questions and the
 * export. Each panel is tied to one of the claims listed at the top. /debrief/:code shows it for a
 * session; a leaderboard replay reuses it without counterfactuals (`counterfactual={null}`).
 */
import { useMemo, useState } from 'react';
import { blameChain } from '../../game/debrief/blame';
import type { CompactRound, CounterfactualSpec } from '../../game/debrief/counterfactual';
import type { DebriefData } from '../../game/debrief/types';
import { BlamePanel } from './BlamePanel';
import { Claims } from './Claims';
import { CounterfactualPanel } from './CounterfactualPanel';
import { DebriefHeader } from './DebriefHeader';
import { ExportPanel } from './ExportPanel';
import { FragilityPanel } from './FragilityPanel';
import { PhasePanel } from './PhasePanel';
import { QuestionsPanel } from './QuestionsPanel';
import { ReplayPanel } from './ReplayPanel';
import { TrendPanel } from './TrendPanel';
import { frameAt } from './replay';
import { useReplay } from './useReplay';

interface DebriefViewProps {
  readonly data: DebriefData;
  readonly counterfactual: ((spec: CounterfactualSpec) => Promise<CompactRound[]>) | null;
  /** Names the exported files (a session's code); the scenario's id by default. */
  readonly fileStem?: string;
  /** The title's heading level: 1 on its own page, 2 under a page's own title (a replay). */
  readonly headingLevel?: 1 | 2;
}

export function DebriefView({ data, counterfactual, fileStem, headingLevel = 1 }: DebriefViewProps) {
  const { history } = data;
  const [scrubber, dispatch] = useReplay(history);
  const [chosen, setChosen] = useState<number | null>(null);
  const [estimate, setEstimate] = useState<number | null>(null);
  const criticalBuffer = data.criticalBuffer?.value ?? estimate;
  const names = useMemo(() => data.workshops.map((w) => w.name), [data.workshops]);
  const choices = useMemo(
    () => data.workshops.map((w) => (w.player ? `${w.name} (${w.player})` : w.name)),
    [data.workshops],
  );
  const record = frameAt(history, scrubber.round);
  const chain = useMemo(
    () => (chosen === null || !record ? null : blameChain(history, chosen, record.round)),
    [history, chosen, record],
  );
  const played = record !== null;
  return (
    <div className="flex flex-col gap-4">
      <DebriefHeader data={data} headingLevel={headingLevel} />
      <Claims played={played} counterfactual={counterfactual !== null} />
      {played && (
        <div className="grid gap-4 lg:grid-cols-2">
          <ReplayPanel
            record={record}
            names={names}
            scrubber={scrubber}
            dispatch={dispatch}
            chain={chain}
            onPick={setChosen}
          />
          <div className="flex min-w-0 flex-col gap-4">
            <BlamePanel names={choices} round={record.round} chosen={chosen} onChoose={setChosen} chain={chain} />
            <TrendPanel
              history={history}
              totalRounds={data.config.rounds}
              criticalBuffer={criticalBuffer}
              shown={record.round}
            />
          </div>
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <PhasePanel data={data} onEstimate={setEstimate} />
        {played && <FragilityPanel history={history} workshops={data.workshops} />}
      </div>
      {played && counterfactual && (
        <CounterfactualPanel
          data={data}
          names={choices}
          criticalBuffer={criticalBuffer}
          shown={record.round}
          counterfactual={counterfactual}
        />
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <QuestionsPanel scenario={data.scenario} />
        <ExportPanel data={data} stem={fileStem ?? data.config.scenarioId} />
      </div>
    </div>
  );
}
