/** Pick a scenario: a radio group; the chosen one shows its story and learning goal. */
import type { ScenarioSummary } from '../app/apiTypes';
import { Link } from '../app/router';
import { t } from '../i18n';

interface ScenarioPickerProps {
  readonly scenarios: readonly ScenarioSummary[];
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly error?: string | undefined;
}

export function scenarioFacts(s: ScenarioSummary): string {
  const facts = [t('new.facts.workshops', { n: s.workshops }), t('new.facts.rounds', { n: s.rounds })];
  if (s.criticalBuffer !== null) facts.push(t('new.facts.critical', { hours: s.criticalBuffer.toFixed(2) }));
  return facts.join(' · ');
}

export function ScenarioPicker({ scenarios, value, onChange, error }: ScenarioPickerProps) {
  return (
    <fieldset className="mt-4" aria-describedby={error ? 'scenario-error' : undefined}>
      <legend className="font-semibold">{t('new.scenario')}</legend>
      {error && (
        <p id="scenario-error" role="alert" className="font-semibold text-red-800">
          {error}
        </p>
      )}
      <div className="mt-2 grid gap-2">
        {scenarios.map((s) => {
          const chosen = s.id === value;
          return (
            <label
              key={s.id}
              className={`block cursor-pointer rounded-md border p-3 ${chosen ? 'border-2 border-blue-800 bg-blue-50' : 'border-stone-300 bg-white'}`}
            >
              <span className="flex items-start gap-3">
                <input
                  type="radio"
                  name="scenario"
                  value={s.id}
                  checked={chosen}
                  onChange={() => onChange(s.id)}
                  className="mt-1 size-5 shrink-0"
                  aria-describedby={`facts-${s.id}`}
                />
                <span>
                  <span className="block font-semibold">{s.title}</span>
                  <span id={`facts-${s.id}`} className="block text-sm text-stone-700">
                    {scenarioFacts(s)}
                  </span>
                </span>
              </span>
              {chosen && (
                <span className="mt-2 block space-y-2 pl-8 text-sm">
                  <span className="block">{s.story}</span>
                  <span className="block">
                    <strong>{t('new.learningGoal')} </strong>
                    {s.learningGoal}
                  </span>
                  {s.criticalBuffer !== null && (
                    <span className="block">{t('new.criticalExplained', { hours: s.criticalBuffer.toFixed(2) })}</span>
                  )}
                  <Link href={`/lab?scenario=${encodeURIComponent(s.id)}`} className="block text-blue-800 underline">
                    {t('lab.fromLobby')}
                  </Link>
                </span>
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
