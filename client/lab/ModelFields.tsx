/** The model half of the form: a generated topology or a scenario's network, trouble, bin spread. */
import { Field, inputClass } from '../app/ui';
import { type MessageKey, t } from '../i18n';
import { GENERATED_KINDS, type GeneratedKind, type ModelFieldsProps } from './form';
import { LAB_SCENARIOS, findScenario } from './scenarios';
import { TroubleFields } from './TroubleFields';

export function ModelFields({ values, errors, onChange }: ModelFieldsProps) {
  const scenario = values.source === 'scenario' ? findScenario(values.scenario) : undefined;
  return (
    <>
      <fieldset className="mt-2">
        <legend className="font-semibold">{t('lab.source')}</legend>
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
          {(['generated', 'scenario'] as const).map((source) => (
            <label key={source} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="lab-source"
                className="size-5"
                checked={values.source === source}
                onChange={() => onChange({ source })}
              />
              {t(`lab.source.${source}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {values.source === 'generated' ? (
        <>
          <Field label={t('lab.topology')}>
            {(control) => (
              <select
                {...control}
                className={inputClass}
                value={values.topology}
                onChange={(e) => onChange({ topology: e.target.value as GeneratedKind })}
              >
                {GENERATED_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`lab.topology.${kind}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field label={t('lab.n')} error={errors.n}>
              {(control) => (
                <input
                  {...control}
                  className={inputClass}
                  inputMode="numeric"
                  value={values.n}
                  onChange={(e) => onChange({ n: e.target.value })}
                />
              )}
            </Field>
            <Field
              label={t('lab.k')}
              error={errors.k}
              {...(values.topology === 'ring' ? { hint: t('lab.k.ring') } : {})}
            >
              {(control) => (
                <input
                  {...control}
                  className={`${inputClass} disabled:bg-stone-100`}
                  inputMode="numeric"
                  disabled={values.topology === 'ring'}
                  value={values.topology === 'ring' ? '1' : values.k}
                  onChange={(e) => onChange({ k: e.target.value })}
                />
              )}
            </Field>
          </div>
        </>
      ) : (
        <Field
          label={t('lab.scenario')}
          error={errors.scenario}
          {...(scenario
            ? {
                hint: t('lab.scenario.facts', {
                  n: scenario.workshops,
                  value: scenario.criticalBuffer.value.toFixed(3),
                  error: scenario.criticalBuffer.standardError.toFixed(3),
                }),
              }
            : {})}
        >
          {(control) => (
            <select
              {...control}
              className={inputClass}
              value={values.scenario}
              onChange={(e) => {
                const chosen = findScenario(e.target.value);
                onChange({ scenario: e.target.value, ...(chosen ? { trouble: chosen.trouble } : {}) });
              }}
            >
              <option value="">{t('lab.scenario.choose')}</option>
              {LAB_SCENARIOS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <TroubleFields values={values} errors={errors} onChange={onChange} />
      <Field label={t('lab.spread')} hint={t('lab.spread.hint')} error={errors.spread}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            inputMode="decimal"
            value={values.spread}
            onChange={(e) => onChange({ spread: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
