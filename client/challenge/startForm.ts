/** The two ways to start a challenge: checks of what was typed before it is sent. Pure. */
import { t } from '../i18n';
import { type TypedNameFault, tidyName } from '../lobby/typedName';
import { NAME_MAX } from '../../game/contract/limits';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

function faultText(fault: TypedNameFault): string {
  switch (fault) {
    case 'empty':
      return t('challenge.error.empty');
    case 'long':
      return t('challenge.error.long', { max: NAME_MAX });
    case 'characters':
      return t('challenge.error.characters');
  }
}

/** A name for the leaderboard as it will be sent (spaces tidied), or the problem with it. */
export function checkChallengeName(typed: string): Checked<string> {
  const checked = tidyName(typed);
  return checked.ok ? { ok: true, value: checked.name } : { ok: false, error: faultText(checked.fault) };
}

/** The number of people at a table: a whole number from 1 to the network's workshops. */
export function checkPlayers(typed: string, workshops: number): Checked<number> {
  const n = /^\s*\d+\s*$/.test(typed) ? Number(typed) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > workshops)
    return { ok: false, error: t('challenge.error.players', { max: workshops }) };
  return { ok: true, value: n };
}
