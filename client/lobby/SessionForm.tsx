/** The create-session form: scenario, players, rounds and round timer. */
import { type FormEvent, useState } from 'react';
import type { ScenarioSummary } from '../app/apiTypes';
import type { CreateSessionBody } from '../../game/contract/api';
import { Button, Field, inputClass } from '../app/ui';
import { t } from '../i18n';
import { ScenarioPicker } from './ScenarioPicker';
import {
  type SessionFormErrors,
  type SessionFormValues,
  TIMER_CHOICES,
  defaultsFor,
  timerLabel,
  validateSessionForm,
} from './sessionForm';

interface SessionFormProps {
  readonly scenarios: readonly ScenarioSummary[];
  readonly busy: boolean;
  /** Errors from the server, by field. */
  readonly serverErrors: SessionFormErrors;
  readonly onSubmit: (body: CreateSessionBody) => void;
}

export function SessionForm({ scenarios, busy, serverErrors, onSubmit }: SessionFormProps) {
  const first = scenarios[0];
  const [values, setValues] = useState<SessionFormValues>(() =>
    first ? defaultsFor(first) : { scenario: '', players: '', rounds: '', roundSeconds: 0, newRoad: false },
  );
  const [errors, setErrors] = useState<SessionFormErrors>({});
  const scenario = scenarios.find((s) => s.id === values.scenario);
  const shown: SessionFormErrors = { ...serverErrors, ...errors };
  const set = (patch: Partial<SessionFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors({});
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validateSessionForm(values, scenario);
    if (checked.ok) onSubmit(checked.body);
    else setErrors(checked.errors);
  };
  const pickScenario = (id: string) => {
    const next = scenarios.find((s) => s.id === id);
    if (next) set({ ...defaultsFor(next), roundSeconds: values.roundSeconds });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ScenarioPicker scenarios={scenarios} value={values.scenario} onChange={pickScenario} error={shown.scenario} />
      <div className="grid gap-x-4 sm:max-w-sm">
        <Field
          label={t('new.players')}
          hint={t('new.players.hint', { max: scenario?.workshops ?? 0 })}
          error={shown.players}
        >
          {(c) => (
            <input
              {...c}
              className={inputClass}
              inputMode="numeric"
              value={values.players}
              onChange={(e) => set({ players: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('new.rounds')} hint={t('new.rounds.hint')} error={shown.rounds}>
          {(c) => (
            <input
              {...c}
              className={inputClass}
              inputMode="numeric"
              value={values.rounds}
              onChange={(e) => set({ rounds: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('new.timer')} hint={t('new.timer.hint')} error={shown.roundSeconds}>
          {(c) => (
            <select
              {...c}
              className={inputClass}
              value={values.roundSeconds}
              onChange={(e) => set({ roundSeconds: Number(e.target.value) })}
            >
              {TIMER_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {timerLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {scenario?.hasNewRoad && (
        <label className="mt-4 flex items-start gap-3">
          <input
            type="checkbox"
            className="mt-1 size-5 shrink-0"
            checked={values.newRoad}
            onChange={(e) => set({ newRoad: e.target.checked })}
          />
          <span>
            <span className="block font-semibold">{t('new.newRoad')}</span>
            <span className="block text-sm text-stone-600">{t('new.newRoad.hint')}</span>
          </span>
        </label>
      )}
      <Button type="submit" className="mt-6 w-full sm:w-auto" disabled={busy} aria-busy={busy}>
        {busy ? t('new.creating') : t('new.create')}
      </Button>
    </form>
  );
}
