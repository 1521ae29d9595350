/** The choice of a counterfactual replay: all bots, uniform bins at 1.25 B_c, or one workshop's bins raised. */
import { useId } from 'react';
import { num } from '../board/format';
import { Button, inputClass } from '../app/ui';
import { t } from '../i18n';
import { WHAT_IF_KINDS, type WhatIfChoice, type SpecResult, uniformBin } from './whatIf';

interface WhatIfFormProps {
  readonly choice: WhatIfChoice;
  readonly onChange: (choice: WhatIfChoice) => void;
  readonly names: readonly string[];
  readonly criticalBuffer: number | null;
  readonly maxBin: number;
  readonly spec: SpecResult;
  readonly busy: boolean;
  readonly onRun: () => void;
}

export function WhatIfForm({ choice, onChange, names, criticalBuffer, maxBin, spec, busy, onRun }: WhatIfFormProps) {
  const id = useId();
  const uniform = uniformBin(criticalBuffer, maxBin);
  const label = (kind: (typeof WHAT_IF_KINDS)[number]) =>
    kind === 'uniform'
      ? uniform === null
        ? t('debrief.whatIf.uniformUnknown')
        : t('debrief.whatIf.uniform', { bin: num(uniform, 2), bc: num(criticalBuffer ?? 0, 2) })
      : t(`debrief.whatIf.${kind}`);
  return (
    <form
      className="mt-3"
      onSubmit={(e) => {
        e.preventDefault();
        onRun();
      }}
    >
      <fieldset>
        <legend className="font-semibold">{t('debrief.whatIf.choose')}</legend>
        {WHAT_IF_KINDS.map((kind) => (
          <label key={kind} className="mt-1 flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name={`${id}-kind`}
              value={kind}
              checked={choice.kind === kind}
              onChange={() => onChange({ ...choice, kind })}
            />
            {label(kind)}
          </label>
        ))}
      </fieldset>
      {choice.kind === 'raise' && (
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-workshop`} className="block text-sm font-semibold">
              {t('debrief.whatIf.workshop')}
            </label>
            <select
              id={`${id}-workshop`}
              className={inputClass}
              value={choice.workshop}
              onChange={(e) => onChange({ ...choice, workshop: Number(e.target.value) })}
            >
              {names.map((n, i) => (
                <option key={i} value={i}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-bin`} className="block text-sm font-semibold">
              {t('debrief.whatIf.bin', { max: maxBin })}
            </label>
            <input
              id={`${id}-bin`}
              className={inputClass}
              inputMode="decimal"
              value={choice.bin}
              aria-invalid={!spec.ok && spec.problem === 'bin'}
              onChange={(e) => onChange({ ...choice, bin: e.target.value })}
            />
          </div>
        </div>
      )}
      {!spec.ok && (
        <p className="mt-2 font-semibold text-red-800" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t(`debrief.whatIf.problem.${spec.problem}`, { max: maxBin })}
        </p>
      )}
      <Button type="submit" className="mt-3" disabled={!spec.ok || busy}>
        {t('debrief.whatIf.run')}
      </Button>
    </form>
  );
}
