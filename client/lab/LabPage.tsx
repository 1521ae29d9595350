/**
 * The lab (/lab): simulate the model on a generated topology or a scenario's network, in a Web
 * Worker, and measure the critical buffer, sweep the growth rate, or find avalanches.
 * `?scenario=ID` preselects a scenario's network and dice.
 */
import { type FormEvent, useCallback, useMemo, useRef, useState } from 'react';
import type { LabModelSpec } from '../../game/lab/model';
import { Layout } from '../app/Layout';
import { Button, Card } from '../app/ui';
import { t } from '../i18n';
import { AvalancheResult } from './AvalancheResult';
import { CriticalResult } from './CriticalResult';
import { ExperimentFields } from './ExperimentFields';
import {
  type Experiment,
  type LabFormErrors,
  type LabFormValues,
  autoSweepRange,
  defaultLabForm,
  modelOf,
  parseLabForm,
} from './form';
import { ModelFields } from './ModelFields';
import { type CriticalLabResult, type LabResult, sameModel } from './results';
import { RunProgress } from './RunProgress';
import { scenarioFromQuery, scenarioTopology } from './scenarios';
import { SweepResult } from './SweepResult';
import { useLabRunner } from './useLabRunner';

function Result({ result }: { readonly result: LabResult }) {
  switch (result.experiment) {
    case 'critical':
      return <CriticalResult result={result} />;
    case 'sweep':
      return <SweepResult result={result} />;
    case 'avalanches':
      return <AvalancheResult result={result} />;
  }
}

type Results = { critical?: CriticalLabResult } & Partial<Record<Exclude<Experiment, 'critical'>, LabResult>>;

export default function LabPage() {
  const [values, setValues] = useState<LabFormValues>(() => defaultLabForm(scenarioFromQuery(window.location.search)));
  const [errors, setErrors] = useState<LabFormErrors>({});
  const [invalid, setInvalid] = useState(0);
  const [results, setResults] = useState<Results>({});
  const form = useRef<HTMLFormElement>(null);
  const onResult = useCallback((r: LabResult) => setResults((all) => ({ ...all, [r.experiment]: r })), []);
  const { state, start, cancel } = useLabRunner(onResult);

  const critical = results.critical;
  const measured = useCallback(
    (model: LabModelSpec) =>
      critical && sameModel(critical.request.model, model) ? critical.summary.criticalBuffer : null,
    [critical],
  );
  const model = useMemo(() => modelOf(values.model, scenarioTopology), [values.model]);
  const autoSweep = model ? autoSweepRange(model.noise, model.k, model.model.spread) : null;
  const measuredHere = model ? measured(model.model) : null;
  const autoBin = measuredHere === null ? null : Number((1.1 * measuredHere).toFixed(3));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseLabForm(values, scenarioTopology, measured);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setInvalid(Object.keys(parsed.errors).length);
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setInvalid(0);
    start(parsed.request, parsed.jobs);
  };

  const running = state.phase === 'running';
  const shown = results[values.experiment];
  return (
    <Layout title={t('lab.title')}>
      <h1 className="text-2xl font-bold">{t('lab.title')}</h1>
      <p className="mt-2">{t('lab.intro')}</p>
      <form ref={form} onSubmit={submit} noValidate>
        <Card labelledBy="lab-model-title" className="mt-4">
          <h2 id="lab-model-title" className="text-xl font-bold">
            {t('lab.model.title')}
          </h2>
          <ModelFields
            values={values.model}
            errors={errors}
            onChange={(patch) => setValues((v) => ({ ...v, model: { ...v.model, ...patch } }))}
          />
        </Card>
        <Card labelledBy="lab-experiment-title" className="mt-4">
          <h2 id="lab-experiment-title" className="text-xl font-bold">
            {t('lab.experiment.title')}
          </h2>
          <ExperimentFields
            values={values}
            errors={errors}
            onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
            autoSweep={autoSweep}
            autoBin={autoBin}
          />
          {errors.form && (
            <p role="alert" className="mt-4 font-semibold text-red-800">
              <span aria-hidden="true">⚠ </span>
              {errors.form}
            </p>
          )}
          {invalid > 0 && !errors.form && (
            <p role="alert" className="mt-4 font-semibold text-red-800">
              <span aria-hidden="true">⚠ </span>
              {t('lab.status.invalid', { count: invalid })}
            </p>
          )}
          <div className="mt-4">
            <Button type="submit" disabled={running}>
              {t(`lab.go.${values.experiment}`)}
            </Button>
          </div>
          <RunProgress state={state} onCancel={cancel} />
        </Card>
      </form>
      {shown && <Result result={shown} />}
    </Layout>
  );
}
