/**
 * One bin of the decision: a number field with stepper buttons, what it protects against, and
 * the reason when the value is refused (aria-describedby).
 */
import { t } from '../i18n';
import { explain, hours } from './format';
import { hundredths } from '../../game/core/measures';
import type { Refusal } from '../../game/contract/refusals';
import { type InputCover, parseHours } from './selectors';
import { FieldError } from './ui';

export const BIN_STEP = 0.25;

interface Props {
  readonly slot: number;
  readonly name: string;
  readonly text: string;
  readonly cover: InputCover;
  readonly floor: number;
  readonly max: number;
  readonly problem: Refusal | null;
  readonly disabled: boolean;
  readonly onChange: (text: string) => void;
}

export function BinField({ slot, name, text, cover, floor, max, problem, disabled, onChange }: Props) {
  const id = `bin-${slot}`;
  const value = parseHours(text);
  const step = (delta: number) => {
    const base = Number.isFinite(value) ? value : cover.bin;
    onChange(String(hundredths(Math.min(max, Math.max(floor, base + delta)))));
  };
  const message = problem ? explain(problem) : null;
  const protects = Number.isFinite(value) && !message;
  const wouldHaveStopped = protects && cover.lastIncoming !== null && cover.lastIncoming > value;
  const stepButton =
    'h-11 w-11 rounded-md border border-stone-500 bg-stone-100 text-xl font-bold hover:bg-stone-200 disabled:opacity-40';
  return (
    <div className="py-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {t('board.decide.binLabel', { input: slot + 1, name })}
      </label>
      <div className="mt-1 flex items-center gap-2">
        <button
          type="button"
          className={stepButton}
          onClick={() => step(-BIN_STEP)}
          disabled={disabled}
          aria-label={t('board.decide.binLower', { input: slot + 1, step: hours(BIN_STEP) })}
        >
          −
        </button>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="h-11 w-24 rounded-md border-2 border-stone-500 px-2 text-right text-lg tabular-nums aria-[invalid=true]:border-[#D55E00]"
          value={text}
          disabled={disabled}
          aria-invalid={message !== null}
          aria-describedby={`${id}-error ${id}-help`}
          onChange={(e) => onChange(e.target.value)}
        />
        <span className="text-sm">{t('board.unit.hoursShort')}</span>
        <button
          type="button"
          className={stepButton}
          onClick={() => step(BIN_STEP)}
          disabled={disabled}
          aria-label={t('board.decide.binRaise', { input: slot + 1, step: hours(BIN_STEP) })}
        >
          +
        </button>
      </div>
      <FieldError id={`${id}-error`} message={message} />
      <p id={`${id}-help`} className="mt-1 text-xs text-stone-700">
        {protects ? t('board.decide.covers', { value: hours(value) }) : null}{' '}
        {cover.lastIncoming !== null
          ? t(cover.lastIncoming < 0.005 ? 'board.decide.lastOnTime' : 'board.decide.lastIncoming', {
              input: slot + 1,
              incoming: hours(cover.lastIncoming),
            })
          : t('board.decide.noIncoming')}{' '}
        {cover.recentMax !== null ? t('board.decide.recentMax', { max: hours(cover.recentMax) }) : null}{' '}
        {wouldHaveStopped ? t('board.decide.wouldHaveStopped') : null}
      </p>
    </div>
  );
}
