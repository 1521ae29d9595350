/** Numbers as the board prints them, in the current language (through t()). */
import { type MessageKey, language, t } from '../i18n';
import { type Refusal, refusalParams } from '../../game/contract/refusals';

const formatters = new Map<string, Intl.NumberFormat>();

/** A number with at most `digits` decimals in the current language ("2.5", "12"). */
export function num(value: number, digits = 1): string {
  const key = `${language()}:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language(), { maximumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f.format(Object.is(value, -0) ? 0 : value);
}

export const hours = (value: number): string => t('board.unit.hours', { value: num(value, 2) });
export const coins = (value: number): string =>
  t(value === 1 ? 'board.unit.coin' : 'board.unit.coins', { value: num(value, 1) });
export const percent = (share: number): string => t('board.unit.percent', { value: num(share * 100, 0) });

/** Why the game refuses something, in the reader's words; numbers in the current language. */
export function explain(r: Refusal): string {
  const params = Object.fromEntries(
    Object.entries(refusalParams(r)).map(([k, v]) => [k, typeof v === 'number' ? num(v, 2) : v]),
  );
  return t(`refusal.${r.code}`, params);
}

/** A workshop's name, or "Workshop N" for one whose name this seat cannot see. */
export function workshopLabel(names: ReadonlyMap<number, { readonly name: string }>, index: number): string {
  return names.get(index)?.name ?? t('board.workshopNumber', { n: index + 1 });
}

/** One of two messages by count (English plural; other catalogues give both forms). */
export const plural = (
  count: number,
  one: MessageKey,
  many: MessageKey,
  params: Record<string, string | number> = {},
) => t(count === 1 ? one : many, { count, ...params });
