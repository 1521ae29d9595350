/** The experiment half of the form: which experiment, its run length, and its range or bin. */
import type { ReactNode } from 'react';
import type { SweepRange } from '../../game/lab/experiments';
import { Field, inputClass } from '../app/ui';
import { t } from '../i18n';
import { EXPERIMENTS, type Experiment, type LabFormErrors, type LabFormValues, type RunValues } from './form';

interface ExperimentFieldsProps {
  readonly values: LabFormValues;
  readonly errors: LabFormErrors;
  readonly onChange: (patch: Partial<LabFormValues>) => void;
  /** The range blank sweep fields stand for (null while the model is invalid). */
  readonly autoSweep: SweepRange | null;
  /** The bin a blank avalanche bin stands for (null: nothing measured yet). */
  readonly autoBin: number | null;
}

function NumberField(props: {
  readonly label: string;
  readonly hint?: string;
  readonly error: string | undefined;
  readonly value: string;
  readonly decimal?: boolean;
  readonly onChange: (value: string) => void;
}): ReactNode {
  return (
    <Field label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(control) => (
        <input
          {...control}
          className={inputClass}
          inputMode={props.decimal ? 'decimal' : 'numeric'}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function ExperimentFields({ values, errors, onChange, autoSweep, autoBin }: ExperimentFieldsProps) {
  const { experiment } = values;
  const run = values.runs[experiment];
  const setRun = (patch: Partial<RunValues>) =>
    onChange({ runs: { ...values.runs, [experiment]: { ...run, ...patch } } });
  return (
    <>
      <fieldset className="mt-2">
        <legend className="font-semibold">{t('lab.experiment')}</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-3">
          {EXPERIMENTS.map((e: Experiment) => (
            <label
              key={e}
              className={`block cursor-pointer rounded-md border p-3 ${e === experiment ? 'border-2 border-blue-800 bg-blue-50' : 'border-stone-300 bg-white'}`}
            >
              <span className="flex items-start gap-2">
                <input
                  type="radio"
                  name="lab-experiment"
                  className="mt-1 size-5 shrink-0"
                  checked={e === experiment}
                  onChange={() => onChange({ experiment: e })}
                  aria-describedby={`lab-experiment-${e}`}
                />
                <span>
                  <span className="block font-semibold">{t(`lab.experiment.${e}`)}</span>
                  <span id={`lab-experiment-${e}`} className="block text-sm text-stone-700">
                    {t(`lab.experiment.${e}.text`)}
                  </span>
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {experiment === 'sweep' && (
        <fieldset className="mt-4">
          <legend className="sr-only">{t('lab.experiment.sweep')}</legend>
          <p className="text-sm text-stone-700">
            {autoSweep ? t('lab.sweep.hint', { ...autoSweep }) : t('lab.sweep.hintUnknown')}
          </p>
          <div className="grid gap-x-4 sm:grid-cols-3">
            {(['from', 'to', 'step'] as const).map((key) => (
              <NumberField
                key={key}
                label={t(`lab.sweep.${key}`)}
                error={errors[key === 'from' ? 'sweepFrom' : key === 'to' ? 'sweepTo' : 'sweepStep']}
                value={values.sweep[key]}
                decimal
                onChange={(v) => onChange({ sweep: { ...values.sweep, [key]: v } })}
              />
            ))}
          </div>
        </fieldset>
      )}
      {experiment === 'avalanches' && (
        <NumberField
          label={t('lab.bin')}
          hint={autoBin === null ? t('lab.bin.hint') : t('lab.bin.hintMeasured', { value: autoBin })}
          error={errors.bin}
          value={values.bin}
          decimal
          onChange={(bin) => onChange({ bin })}
        />
      )}
      <fieldset className="mt-4">
        <legend className="font-semibold">{t('lab.run.title')}</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <NumberField
            label={t('lab.replicas')}
            hint={t('lab.replicas.hint')}
            error={errors.replicas}
            value={run.replicas}
            onChange={(replicas) => setRun({ replicas })}
          />
          <NumberField
            label={t('lab.steps')}
            error={errors.steps}
            value={run.steps}
            onChange={(steps) => setRun({ steps })}
          />
          <NumberField
            label={t('lab.burnIn')}
            hint={t('lab.burnIn.hint')}
            error={errors.burnIn}
            value={run.burnIn}
            onChange={(burnIn) => setRun({ burnIn })}
          />
          <Field label={t('lab.seed')} hint={t('lab.seed.hint')} error={errors.seed}>
            {(control) => (
              <input
                {...control}
                className={inputClass}
                autoComplete="off"
                value={values.seed}
                onChange={(e) => onChange({ seed: e.target.value })}
              />
            )}
          </Field>
        </div>
      </fieldset>
    </>
  );
}
