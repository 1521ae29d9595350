/** Trouble: a preset (the paper's, a plain die, the scenarios' dice) or a typed spec with its parser's error. */
import { Field, inputClass } from '../app/ui';
import { t } from '../i18n';
import { CUSTOM_TROUBLE, type ModelFieldsProps } from './form';
import { troublePresets } from './scenarios';

const PRESETS = troublePresets();

function presetLabel(spec: string, scenarios: readonly string[]): string {
  if (spec === 'exp:1') return t('lab.trouble.exp');
  if (spec === 'd6') return t('lab.trouble.d6');
  const shown = scenarios.length > 2 ? `${scenarios.slice(0, 2).join(', ')}, …` : scenarios.join(', ');
  return t('lab.trouble.dice', { faces: spec.replace(/^faces:/, ''), scenarios: shown });
}

export function TroubleFields({ values, errors, onChange }: ModelFieldsProps) {
  const custom = values.trouble === CUSTOM_TROUBLE;
  const known = PRESETS.some((p) => p.spec === values.trouble);
  return (
    <>
      <Field label={t('lab.trouble')} {...(custom ? {} : { error: errors.trouble })}>
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={known || custom ? values.trouble : CUSTOM_TROUBLE}
            onChange={(e) => onChange({ trouble: e.target.value })}
          >
            {PRESETS.map((p) => (
              <option key={p.spec} value={p.spec}>
                {presetLabel(p.spec, p.scenarios)}
              </option>
            ))}
            <option value={CUSTOM_TROUBLE}>{t('lab.trouble.custom')}</option>
          </select>
        )}
      </Field>
      {custom && (
        <Field label={t('lab.customTrouble')} hint={t('lab.customTrouble.hint')} error={errors.trouble}>
          {(control) => (
            <input
              {...control}
              className={`${inputClass} font-mono`}
              autoComplete="off"
              spellCheck={false}
              value={values.customTrouble}
              onChange={(e) => onChange({ customTrouble: e.target.value })}
            />
          )}
        </Field>
      )}
    </>
  );
}
