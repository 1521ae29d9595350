/**
 * The client's routes (docs/API.md, "The browser"), parsed from a path. The page names the server
 * also serves are the contract's (game/contract/routes.ts); `dev` is the client's own. Pure.
 */
import { PAGES_WITH_CODE, PATH_ID, sessionPath } from '../../game/contract/routes';

export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'new' }
  | { readonly page: 'join'; readonly code: string }
  | { readonly page: 'play'; readonly code: string }
  | { readonly page: 'facilitate'; readonly code: string }
  | { readonly page: 'debrief'; readonly code: string }
  | { readonly page: 'lab' }
  | { readonly page: 'challenge' }
  | { readonly page: 'leaderboard'; readonly scenario: string }
  | { readonly page: 'replay'; readonly id: string }
  | { readonly page: 'dev'; readonly name: string }
  | { readonly page: 'notFound' };

/** The route of a path; codes are upper-cased (codes are case-insensitive to type). */
export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { page: 'home' };
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { page: 'notFound' };
  if (first === 'new' && second === undefined) return { page: 'new' };
  if (first === 'lab' && second === undefined) return { page: 'lab' };
  if (first === 'challenge' && second === undefined) return { page: 'challenge' };
  if (first === 'dev' && second !== undefined) return { page: 'dev', name: second };
  if (first === 'leaderboard' && second !== undefined)
    return PATH_ID.test(second) ? { page: 'leaderboard', scenario: second } : { page: 'notFound' };
  if (first === 'replay' && second !== undefined)
    return PATH_ID.test(second) ? { page: 'replay', id: second } : { page: 'notFound' };
  const page = PAGES_WITH_CODE.find((p) => p === first);
  if (page && second !== undefined) {
    let code: string;
    try {
      code = decodeURIComponent(second);
    } catch {
      return { page: 'notFound' };
    }
    return { page, code: code.toUpperCase() };
  }
  return { page: 'notFound' };
}

/** The path of a route. */
export function pathOf(route: Route): string {
  switch (route.page) {
    case 'home':
    case 'notFound':
      return '/';
    case 'new':
      return '/new';
    case 'lab':
      return '/lab';
    case 'challenge':
      return '/challenge';
    case 'leaderboard':
      return `/leaderboard/${route.scenario}`;
    case 'replay':
      return `/replay/${route.id}`;
    case 'dev':
      return `/dev/${route.name}`;
    default:
      return sessionPath(route.page, route.code);
  }
}
