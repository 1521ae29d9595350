/**
 * The name rule of players (game/contract/names.ts) as a refusal (game/contract/requestRefusals.ts):
 * a 400 for a bad name at a session join, a Lobby join or rename, or a leaderboard entry.
 */
import { NAME_MAX } from '../game/contract/limits';
import { nameFault } from '../game/contract/names';
import { type RequestRefusal, nameRuleText } from '../game/contract/requestRefusals';

/** The refusal of a bad name in the request's `field`, or null when the name is valid. */
export function nameRefusal(name: unknown, field: string): RequestRefusal | null {
  const fault = nameFault(name);
  return fault === null ? null : { code: 'name.invalid', field, fault, max: NAME_MAX };
}

/** The name rule's message, or null when the name is valid. */
export function nameProblem(name: unknown): string | null {
  const fault = nameFault(name);
  return fault === null ? null : nameRuleText(fault);
}
