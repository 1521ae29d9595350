/**
 * A name as typed into a join or challenge form: spaces tidied, then the contract's name rule
 * (game/contract/names.ts), so the form refuses what the server would. Each form words the fault
 * with its own translated messages. Pure.
 */
import { NAME_MAX } from '../../game/contract/limits';
import { type NameFault, nameFault } from '../../game/contract/names';
import { type MessageKey, t } from '../i18n';

/** A typed name's fault (never 'missing': it is a string). */
export type TypedNameFault = Exclude<NameFault, 'missing'>;

/** A form's message for each fault (`{max}` is NAME_MAX). */
export type NameMessages = Readonly<Record<TypedNameFault, MessageKey>>;

/** The name as it will be sent, or the form's message for what is wrong with it. */
export function checkTypedName(
  typed: string,
  messages: NameMessages,
): { ok: true; name: string } | { ok: false; error: string } {
  const name = typed.trim().replace(/\s+/g, ' ');
  const fault = nameFault(name);
  if (fault === null) return { ok: true, name };
  return { ok: false, error: t(messages[fault === 'missing' ? 'empty' : fault], { max: NAME_MAX }) };
}
