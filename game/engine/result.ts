/**
 * A parse result: parsers at every boundary return this instead of throwing. The error is a
 * message by default; the game's rules give a `Refusal` (game/core/refusals.ts) instead.
 */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <T = never, E = string>(error: E): Result<T, E> => ({ ok: false, error });

/** Unwrap a result or throw its message (for callers that already validated, such as tests). */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
