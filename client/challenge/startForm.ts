/** The two ways to start a challenge: checks of what was typed before it is sent. Pure. */
import { t } from '../i18n';
import { checkTypedName } from '../lobby/typedName';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** A name for the leaderboard as it will be sent (spaces tidied), or the problem with it. */
export function checkChallengeName(typed: string): Checked<string> {
  const checked = checkTypedName(typed, {
    empty: 'challenge.error.empty',
    long: 'challenge.error.long',
    characters: 'challenge.error.characters',
  });
  return checked.ok ? { ok: true, value: checked.name } : checked;
}

/** The number of people at a table: a whole number from 1 to the network's workshops. */
export function checkPlayers(typed: string, workshops: number): Checked<number> {
  const n = /^\s*\d+\s*$/.test(typed) ? Number(typed) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > workshops)
    return { ok: false, error: t('challenge.error.players', { max: workshops }) };
  return { ok: true, value: n };
}
