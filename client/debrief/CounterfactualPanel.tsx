/**
 * (6) Counterfactual replays on the same dice: all bots, uniform bins at 1.25 B_c, or the table's
 * bins with one workshop's raised, each beside the real game. One workshop's bigger bin rarely
 * saves the network; bins above B_c everywhere do.
 */
import { useMemo, useState } from 'react';
import type { DebriefData } from '../../game/debrief/types';
import { num } from '../board/format';
import { t } from '../i18n';
import { CompareView } from './CompareView';
import { Panel } from './Panel';
import { type CounterfactualFn, useCounterfactual } from './useCounterfactual';
import { WhatIfForm } from './WhatIfForm';
import { type WhatIfChoice, raiseSuggestion, specOf } from './whatIf';
import type { CounterfactualSpec } from '../../game/debrief/counterfactual';

interface CounterfactualPanelProps {
  readonly data: DebriefData;
  readonly names: readonly string[];
  readonly criticalBuffer: number | null;
  readonly shown: number;
  readonly counterfactual: CounterfactualFn;
}

export function CounterfactualPanel({ data, names, criticalBuffer, shown, counterfactual }: CounterfactualPanelProps) {
  const { maxBin, rounds: totalRounds } = data.config;
  const firstHuman = Math.max(
    0,
    data.workshops.findIndex((w) => w.player !== null),
  );
  const held = useMemo(() => {
    const bins = data.history.flatMap((r) => r.workshops[firstHuman]?.bins ?? []);
    return bins.length === 0 ? data.config.startingBin : bins.reduce((a, b) => a + b, 0) / bins.length;
  }, [data.history, data.config.startingBin, firstHuman]);
  const [choice, setChoice] = useState<WhatIfChoice>(() => ({
    kind: criticalBuffer === null ? 'bots' : 'uniform',
    workshop: firstHuman,
    bin: String(raiseSuggestion(criticalBuffer, held, maxBin)),
  }));
  const spec = specOf(choice, criticalBuffer, maxBin, names.length);
  const [replay, ask] = useCounterfactual(counterfactual);
  const title = (s: CounterfactualSpec) =>
    s.kind === 'raise'
      ? t('debrief.whatIf.title.raise', { name: names[s.workshop] ?? '', bin: num(s.bin, 2) })
      : s.kind === 'uniform'
        ? t('debrief.whatIf.title.uniform', { bin: num(s.bin, 2) })
        : t(`debrief.whatIf.title.${s.kind}`);
  return (
    <Panel id="whatif" title={t('debrief.whatIf.heading')} claim={t('debrief.claim.whatIf')}>
      <p className="mt-2 text-sm text-stone-700">{t('debrief.whatIf.help')}</p>
      <WhatIfForm
        choice={choice}
        onChange={setChoice}
        names={names}
        criticalBuffer={criticalBuffer}
        maxBin={maxBin}
        spec={spec}
        busy={replay.kind === 'loading'}
        onRun={() => spec.ok && ask(spec.spec)}
      />
      {replay.kind === 'loading' && (
        <p role="status" className="mt-3 font-semibold">
          <span aria-hidden="true">⏳ </span>
          {t('debrief.whatIf.loading', { rounds: data.history.length })}
        </p>
      )}
      {replay.kind === 'error' && (
        <p role="alert" className="mt-3 font-semibold text-red-800">
          <span aria-hidden="true">⚠ </span>
          {t('debrief.whatIf.error', { error: replay.message })}
        </p>
      )}
      {replay.kind === 'done' && (
        <CompareView
          history={data.history}
          rounds={replay.rounds}
          title={title(replay.spec)}
          names={names}
          totalRounds={totalRounds}
          criticalBuffer={criticalBuffer}
          shown={shown}
        />
      )}
    </Panel>
  );
}
