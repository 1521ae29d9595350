/** Challenge numbers and dates as the pages print them, in the current language. */
import { language, t } from '../i18n';

/** A score with exactly three decimals ("0.973"), the precision of the leaderboard. */
export function formatScore(score: number): string {
  return new Intl.NumberFormat(language(), { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(score);
}

/** Hours with at most two decimals ("2.5 h"). */
export function formatHours(value: number): string {
  const n = new Intl.NumberFormat(language(), { maximumFractionDigits: 2 }).format(value);
  return t('challenge.hours', { value: n });
}

/** Hours with three decimals, signed by default ("+0.021 h", "-0.073 h"; an error margin unsigned). */
export function formatRate(value: number, signed = true): string {
  const n = new Intl.NumberFormat(language(), {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
  return t('challenge.hours', { value: n });
}

/** An ISO date as a date and time in the current language; an unreadable one as it came. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "Ada, Grace" (the people who played a run); a run nobody joined says so. */
export const formatNames = (names: readonly string[]): string =>
  names.length === 0 ? t('leaderboard.noNames') : names.join(t('leaderboard.namesJoin'));
