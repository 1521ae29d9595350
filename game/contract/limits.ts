/**
 * Limits that the client checks before sending and the server (or game/) enforces: one number
 * each, so the two sides cannot drift. Pure.
 */

/** A player's name: 1 to NAME_MAX characters after trimming (names.ts has the whole rule). */
export const NAME_MAX = 40;

/** A match: 1 to MAX_ROUNDS rounds (a scenario file's `rounds`, setupData.rounds, the create form). */
export const MAX_ROUNDS = 500;
