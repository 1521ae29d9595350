/**
 * (4) The phase diagram of this session's network and trouble: the lab sweeps the bin size in a
 * Web Worker (with a progress bar), then draws lateness growth against the bin with the table's
 * mean bins marked and the critical buffer drawn (the scenario's, or estimated from the sweep).
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { SweepRange } from '../../game/lab/experiments';
import type { DebriefData } from '../../game/debrief/types';
import { num } from '../board/format';
import { Button } from '../app/ui';
import { t } from '../i18n';
import { Panel } from './Panel';
import { PhaseChart } from './PhaseChart';
import { PhaseTable } from './PhaseTable';
import { PHASE_RUNS, PHASE_SIZES, type PhaseSize, phasePlan, phaseRange, zeroCrossing } from './phase';
import { usePhaseRun } from './usePhaseRun';

interface PhasePanelProps {
  readonly data: DebriefData;
  /** Tells the page the critical buffer estimated from the sweep (when the scenario has none). */
  readonly onEstimate: (criticalBuffer: number | null) => void;
}

export function PhasePanel({ data, onEstimate }: PhasePanelProps) {
  const id = useId();
  const [size, setSize] = useState<PhaseSize>('quick');
  const { run, start, cancel } = usePhaseRun();
  const [ran, setRan] = useState<SweepRange | null>(null);
  const meanBins = useMemo(() => data.history.map((r) => ({ round: r.round, meanBin: r.meanBin })), [data.history]);
  const known = data.criticalBuffer?.value ?? null;
  const estimate = run.kind === 'done' ? zeroCrossing(run.points) : null;
  useEffect(() => {
    if (known === null) onEstimate(estimate);
  }, [known, estimate, onEstimate]);
  const bc = known ?? estimate;
  const range = phaseRange(
    known,
    meanBins.map((m) => m.meanBin),
    data.lab.spread,
    PHASE_RUNS[size].points,
  );
  const plan = phasePlan(data.lab, `debrief-${data.config.scenarioId}`, size, range);
  const held = meanBins.length > 0 ? meanBins.reduce((s, m) => s + m.meanBin, 0) / meanBins.length : null;
  const go = () => {
    if (!plan.ok) return;
    setRan(range);
    start(plan.value);
  };
  return (
    <Panel id="phase" title={t('debrief.phase.title')} claim={t('debrief.claim.phase')}>
      <p className="mt-2 text-sm text-stone-700">{t('debrief.phase.help')}</p>
      <fieldset className="mt-3">
        <legend className="font-semibold">{t('debrief.phase.size')}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {PHASE_SIZES.map((s) => (
            <label key={s} className="flex min-h-11 items-center gap-2">
              <input type="radio" name={`${id}-size`} checked={size === s} onChange={() => setSize(s)} />
              {t(`debrief.phase.size.${s}`, { points: PHASE_RUNS[s].points, replicas: PHASE_RUNS[s].replicas })}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button onClick={go} disabled={!plan.ok || run.kind === 'running'}>
          {run.kind === 'done' ? t('debrief.phase.again') : t('debrief.phase.run')}
        </Button>
        {run.kind === 'running' && (
          <Button variant="secondary" onClick={cancel}>
            {t('debrief.phase.cancel')}
          </Button>
        )}
      </div>
      {!plan.ok && (
        <p role="alert" className="mt-2 font-semibold text-red-800">
          {t('debrief.phase.bad', { error: plan.error })}
        </p>
      )}
      {(run.kind === 'running' || run.kind === 'done') && (
        <div className="mt-3">
          <p id={`${id}-progress`} className="text-sm font-semibold" aria-live="polite">
            {run.kind === 'running'
              ? t('debrief.phase.progress', { percent: Math.floor((100 * run.done) / Math.max(1, run.total)) })
              : t('debrief.phase.done', { points: run.points.length })}
          </p>
          <progress
            aria-labelledby={`${id}-progress`}
            className="mt-1 block h-4 w-full"
            value={run.kind === 'running' ? run.done : 1}
            max={run.kind === 'running' ? run.total : 1}
          />
        </div>
      )}
      {run.kind === 'error' && (
        <p role="alert" className="mt-2 font-semibold text-red-800">
          {t('debrief.phase.error', { error: run.message })}
        </p>
      )}
      {run.kind === 'done' && ran && (
        <>
          <PhaseChart
            points={run.points}
            range={ran}
            meanBins={meanBins}
            criticalBuffer={bc}
            label={t('debrief.phase.summary', { points: run.points.length })}
          />
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <li>
              <span aria-hidden="true" className="font-black">
                ━●━{' '}
              </span>
              {t('debrief.phase.legend.growth')}
            </li>
            <li className="text-orange-900">
              <span aria-hidden="true" className="font-black">
                ┊{' '}
              </span>
              {known !== null ? t('debrief.phase.legend.bc') : t('debrief.phase.legend.bcEstimate')}
            </li>
            <li className="text-blue-800">
              <span aria-hidden="true" className="font-black">
                ▲ |{' '}
              </span>
              {t('debrief.phase.legend.held')}
            </li>
          </ul>
          {bc !== null && held !== null && (
            <p className="mt-2">
              {t(held < bc ? 'debrief.phase.below' : 'debrief.phase.above', { held: num(held, 2), bc: num(bc, 2) })}
            </p>
          )}
          {bc === null && <p className="mt-2">{t('debrief.phase.noBc')}</p>}
          <PhaseTable points={run.points} />
        </>
      )}
    </Panel>
  );
}
