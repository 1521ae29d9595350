/**
 * The name rule of players (session join, Lobby join and rename, leaderboard): 1 to NAME_MAX
 * characters after trimming, no `<` or `>`, and no character of Unicode's control, format,
 * surrogate, private-use, line or paragraph separator classes (C0/C1 controls, DEL, NEL, bidi
 * overrides and isolates, zero-width spaces and joiners, the byte-order mark...): a name is shown
 * to everyone in the room, and such characters make it blank, reversed or mistaken for another.
 *
 * The fault crosses to each side as data: the server words it in English (server/names.ts), the
 * client through its translations. Pure.
 */
import { NAME_MAX } from './limits';

export type NameFault =
  /** Not a string at all. */
  | 'missing'
  /** Nothing but spaces. */
  | 'empty'
  /** More than NAME_MAX characters after trimming. */
  | 'long'
  /** `<`, `>`, or a control or invisible character. */
  | 'characters';

const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u;

/** What is wrong with a name, or null when it is valid. */
export function nameFault(name: unknown): NameFault | null {
  if (typeof name !== 'string') return 'missing';
  const trimmed = name.trim();
  if (trimmed.length < 1) return 'empty';
  if (trimmed.length > NAME_MAX) return 'long';
  if (/[<>]/.test(trimmed) || HIDDEN.test(name)) return 'characters';
  return null;
}
