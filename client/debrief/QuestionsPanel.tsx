/** (7) The scenario's discussion questions, and its learning goal to hold them against. */
import type { DebriefData } from '../../game/debrief/types';
import { t } from '../i18n';
import { Panel } from './Panel';

export function QuestionsPanel({ scenario }: { readonly scenario: DebriefData['scenario'] }) {
  return (
    <Panel id="questions" title={t('debrief.questions.title')}>
      <p className="mt-2">
        <span className="font-semibold">{t('debrief.questions.goal')} </span>
        {scenario.learningGoal}
      </p>
      {scenario.questions.length > 0 ? (
        <ol className="mt-2 list-decimal space-y-2 pl-6">
          {scenario.questions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ol>
      ) : (
        <p className="mt-2">{t('debrief.questions.none')}</p>
      )}
    </Panel>
  );
}
