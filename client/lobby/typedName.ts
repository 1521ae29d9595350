/**
 * A name as typed into a join or challenge form: spaces tidied, then the contract's name rule
 * (game/contract/names.ts), so the form refuses what the server would. Each form words the fault
 * in its own translated message. Pure.
 */
import { type NameFault, nameFault } from '../../game/contract/names';

/** A typed name's fault (never 'missing': it is a string). */
export type TypedNameFault = Exclude<NameFault, 'missing'>;

/** The name as it will be sent, or what is wrong with it. */
export function tidyName(typed: string): { ok: true; name: string } | { ok: false; fault: TypedNameFault } {
  const name = typed.trim().replace(/\s+/g, ' ');
  const fault = nameFault(name);
  return fault === null ? { ok: true, name } : { ok: false, fault: fault === 'missing' ? 'empty' : fault };
}
