/**
 * Why the game refuses a move, as data (game/core/refusals.ts): the client words every code
 * through its translation layer (client/i18n/en/refusals.ts), the server and the CLI in English.
 */
export type { Refusal, RefusalCode, RefusalOf } from '../core/refusals';
export { refusalParams, refusalText, verdictText } from '../core/refusals';
