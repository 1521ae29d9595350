/**
 * The name rule of players (game/contract/names.ts), in the server's English: the message of a
 * 400 for a bad name at a session join, a Lobby join or rename, or a leaderboard entry.
 */
import { NAME_MAX } from '../game/contract/limits';
import { nameFault } from '../game/contract/names';

/** The name rule's message, or null when the name is valid. */
export function nameProblem(name: unknown): string | null {
  const rule = `name must be 1 to ${NAME_MAX} characters, without < or >, control or invisible characters`;
  switch (nameFault(name)) {
    case null:
      return null;
    case 'missing':
      return `a name is required: ${rule}`;
    case 'empty':
    case 'long':
    case 'characters':
      return rule;
  }
}
