/** The critical buffer with its standard error, and the theory value where one applies. */
import { t } from '../i18n';
import type { LabResult } from './results';
import { ResultFrame } from './ResultFrame';
import { findScenario } from './scenarios';

type CriticalLabResult = Extract<LabResult, { experiment: 'critical' }>;

export function CriticalResult({ result }: { readonly result: CriticalLabResult }) {
  const { summary, theory, request } = result;
  const scenario = request.scenario === null ? undefined : findScenario(request.scenario);
  const fileApplies = scenario && scenario.trouble === request.model.noise && request.model.spread === 0;
  return (
    <ResultFrame result={result} title={t('lab.critical.title')}>
      <p className="mt-3 text-3xl font-bold tabular-nums" data-testid="critical-value">
        {t('lab.critical.value', {
          value: summary.criticalBuffer.toFixed(3),
          error: summary.standardError.toFixed(3),
        })}
      </p>
      <p className="mt-2">{t('lab.critical.explain', { replicas: summary.replicaEstimates.length })}</p>
      <p className="mt-2">
        {theory === null
          ? t('lab.critical.noTheory')
          : t(theory.applies === 'exact' ? 'lab.critical.theoryExact' : 'lab.critical.theoryLimit', {
              value: theory.criticalBuffer.toFixed(4),
            })}
      </p>
      {fileApplies && (
        <p className="mt-2">
          {t('lab.critical.scenarioFile', {
            value: scenario.criticalBuffer.value.toFixed(3),
            error: scenario.criticalBuffer.standardError.toFixed(3),
          })}
        </p>
      )}
    </ResultFrame>
  );
}
