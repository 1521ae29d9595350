/** The judge's two measurements of a run (CH1) in words: the growth test and the lateness test. */
import type { JudgeNumbers } from '../../game/debrief/score';
import { t } from '../i18n';
import { judgeText } from './why';

export function JudgeFacts({ judge, compact = false }: { readonly judge: JudgeNumbers; readonly compact?: boolean }) {
  const [growth, level] = judgeText(judge);
  if (compact) return <span className="block text-xs">{`${growth} ${level}`}</span>;
  return (
    <div className="mt-2 text-sm">
      <h4 className="font-semibold">{t('challenge.judge.title')}</h4>
      <ul className="list-disc pl-6">
        <li>{growth}</li>
        <li>{level}</li>
      </ul>
    </div>
  );
}
