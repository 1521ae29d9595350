/**
 * The browser's pages (docs/API.md, "The browser"): the client's router parses them
 * (client/app/routes.ts) and the server answers them with the single-page app (server/app.ts).
 * Pure.
 */

/** Pages whose second segment is a join code: /join/K7M2QX. */
export const PAGES_WITH_CODE = ['join', 'play', 'facilitate', 'debrief'] as const;
export type PageWithCode = (typeof PAGES_WITH_CODE)[number];

/** Pages the server serves the app for (besides `/`); the client's dev pages are not among them. */
export const SERVED_PAGES = [...PAGES_WITH_CODE, 'new', 'lab', 'challenge', 'leaderboard', 'replay'] as const;

/** A path the server answers with the app's index.html. */
export const SPA_PATH = new RegExp(`^/(${SERVED_PAGES.join('|')})(/|$)|^/$`);

/** Scenario ids and leaderboard entry ids in paths: letters, digits, '-' and '_'. */
export const PATH_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The path of a page about a session: `/join/K7M2QX`. */
export function sessionPath(page: PageWithCode, code: string): string {
  return `/${page}/${encodeURIComponent(code)}`;
}
