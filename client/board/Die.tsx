/** My trouble: the die's faces (the exploding face marked), or the mean of exponential trouble. */
import { t } from '../i18n';
import type { SeatView } from '../../game/core/view';
import { hours, num } from './format';

export function TroubleDie({ trouble }: { trouble: SeatView['me']['trouble'] }) {
  if (trouble.kind === 'exp') {
    return <p className="text-sm">{t('board.die.exp', { mean: hours(trouble.mean) })}</p>;
  }
  const { faces, explodes } = trouble.die;
  return (
    <div>
      <p className="text-sm text-stone-700">{t('board.die.intro', { count: faces.length })}</p>
      <ol className="mt-1 flex flex-wrap gap-1.5" aria-label={t('board.die.faces')}>
        {faces.map((face, i) => (
          <li
            key={i}
            className={`flex h-11 min-w-11 flex-col items-center justify-center rounded-md border-2 px-1 text-sm font-semibold tabular-nums ${
              explodes[i] ? 'border-dashed border-[#D55E00] bg-[#fde4d3]' : 'border-stone-500 bg-white'
            }`}
          >
            <span className="sr-only">{t('board.die.faceNumber', { n: i + 1 })}</span>
            <span>{t('board.die.faceHours', { value: num(face, 2) })}</span>
            {explodes[i] ? (
              <span className="text-[10px] font-normal leading-none text-[#7a2e00]">
                <span aria-hidden="true">↻ </span>
                {t('board.die.explodes')}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {explodes.some(Boolean) ? <p className="mt-1 text-xs text-stone-600">{t('board.die.explodeHelp')}</p> : null}
    </div>
  );
}
