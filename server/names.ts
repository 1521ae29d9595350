/**
 * The name rule of players (session join, Lobby join and rename, leaderboard): 1 to NAME_MAX
 * characters after trimming, no `<` or `>`, and no character of Unicode's control, format,
 * surrogate, private-use, line or paragraph separator classes (C0/C1 controls, DEL, NEL, bidi
 * overrides and isolates, zero-width spaces and joiners, the byte-order mark...): a name is shown
 * to everyone in the room, and such characters make it blank, reversed or mistaken for another.
 */
export const NAME_MAX = 40;

const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u;

/** The name rule's message, or null when the name is valid. */
export function nameProblem(name: unknown): string | null {
  const rule = `name must be 1 to ${NAME_MAX} characters, without < or >, control or invisible characters`;
  if (typeof name !== 'string') return `a name is required: ${rule}`;
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > NAME_MAX || /[<>]/.test(trimmed) || HIDDEN.test(name)) return rule;
  return null;
}
