/**
 * Why the server refuses an HTTP request, as data (docs/API.md "Errors"). Every 4xx answer of the
 * session, debrief and challenge API, the body reader, the Host and origin check, the limits and
 * the Lobby gate is `{"error": english, "code", "field", ...params}`: `error` is the English of
 * `requestRefusalText` (logs, tests, scripts), `code` says what is wrong, `field` which field of
 * the request (a form field for the client) or null, and the params what the client needs to
 * word it in the reader's language. The client never reads the English. Pure.
 */
import { NAME_MAX } from './limits';
import type { NameFault } from './names';

/** Which per-address limit refused a request (server/limits.ts). */
export type LimitName = 'creations' | 'wrongCodes' | 'codeRequests' | 'connections';

export type RequestRefusal =
  // The body (server/http.ts).
  | { readonly code: 'body.notJson'; readonly field: null }
  | { readonly code: 'body.tooLarge'; readonly field: null; readonly limit: number }
  | { readonly code: 'body.badJson'; readonly field: null }
  /** Not an object with the route's fields (`expected` empty: any JSON object). */
  | { readonly code: 'body.shape'; readonly field: null; readonly expected: readonly string[] }
  | {
      readonly code: 'body.unknownField';
      readonly field: null;
      readonly name: string;
      readonly allowed?: readonly string[];
    }
  // Sessions.
  | { readonly code: 'code.malformed'; readonly field: 'code'; readonly length: number }
  | { readonly code: 'session.unknown'; readonly field: 'code'; readonly joinCode: string }
  | { readonly code: 'session.gone'; readonly field: null; readonly joinCode: string }
  | { readonly code: 'session.ended'; readonly field: null }
  | { readonly code: 'session.full'; readonly field: null }
  | { readonly code: 'scenario.unknown'; readonly field: 'scenario'; readonly known: readonly string[] }
  | {
      readonly code: 'players.range';
      readonly field: 'players';
      readonly min: number;
      readonly max: number;
      readonly title: string;
    }
  /** A setting the game's setup refused (`detail`: the game's English, game/core/setup.ts). */
  | {
      readonly code: 'rounds.range' | 'roundSeconds.range';
      readonly field: 'rounds' | 'roundSeconds';
      readonly min: number;
      readonly max: number;
      readonly detail: string;
    }
  | { readonly code: 'setup.invalid'; readonly field: string | null; readonly detail: string }
  | { readonly code: 'name.invalid'; readonly field: string; readonly fault: NameFault; readonly max: number }
  // Seats and the debrief.
  | { readonly code: 'seat.malformed'; readonly field: 'seat' }
  | { readonly code: 'seat.credentials'; readonly field: null }
  | { readonly code: 'debrief.notStarted'; readonly field: null }
  | { readonly code: 'debrief.notOver'; readonly field: null }
  | { readonly code: 'spec.shape'; readonly field: 'spec' }
  | { readonly code: 'spec.kind'; readonly field: 'spec.kind' }
  | {
      readonly code: 'spec.fields';
      readonly field: 'spec';
      readonly kind: string;
      readonly allowed: readonly string[];
      readonly name: string;
    }
  | { readonly code: 'spec.bin'; readonly field: 'spec.bin'; readonly max: number }
  | { readonly code: 'spec.workshop'; readonly field: 'spec.workshop'; readonly max: number }
  // Challenges.
  | { readonly code: 'challenge.mode'; readonly field: null; readonly both: boolean }
  | { readonly code: 'challenge.unknown'; readonly field: null; readonly scenario: string }
  | { readonly code: 'entry.malformed'; readonly field: 'id' }
  | { readonly code: 'entry.unknown'; readonly field: null; readonly id: string }
  | { readonly code: 'challengeMatch.unknown'; readonly field: null }
  | { readonly code: 'challengeMatch.notOver'; readonly field: null }
  // Hosts, origins and limits.
  | { readonly code: 'host.unknown'; readonly field: null; readonly host: string }
  | { readonly code: 'origin.refused'; readonly field: null }
  | { readonly code: 'rate.limited'; readonly field: null; readonly limit: LimitName; readonly retryAfterS: number }
  // The Lobby gate (server/lobbyGuard.ts).
  | { readonly code: 'lobby.path'; readonly field: null }
  | { readonly code: 'lobby.route'; readonly field: null }
  | { readonly code: 'lobby.playAgain'; readonly field: null }
  | { readonly code: 'lobby.sessionMatch'; readonly field: null; readonly action: 'join' | 'leave' }
  | { readonly code: 'lobby.noMatch'; readonly field: null }
  | { readonly code: 'lobby.seat'; readonly field: 'playerID' }
  | { readonly code: 'lobby.facilitatorLeave'; readonly field: null }
  | { readonly code: 'internal'; readonly field: null };

export type RequestRefusalCode = RequestRefusal['code'];

/** The wire body of a refusal: the English first, then the refusal's own fields. */
export type RequestRefusalBody = { readonly error: string } & RequestRefusal;

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

const LIMITED: Record<LimitName, string> = {
  creations: 'new sessions from your address',
  wrongCodes: 'wrong join codes from your address',
  codeRequests: 'join-code requests from your address',
  connections: 'open connections from your address',
};

/** The name rule in English (the message of a refused name). */
export function nameRuleText(fault: NameFault): string {
  const rule = `name must be 1 to ${NAME_MAX} characters, without < or >, control or invisible characters`;
  return fault === 'missing' ? `a name is required: ${rule}` : rule;
}

/** The English of a refusal: the `error` of its answer, the logs and the tests. */
export function requestRefusalText(r: RequestRefusal): string {
  switch (r.code) {
    case 'body.notJson':
      return 'send a JSON body (content-type: application/json)';
    case 'body.tooLarge':
      return `the body is larger than ${r.limit} bytes`;
    case 'body.badJson':
      return 'the body is not valid JSON';
    case 'body.shape':
      return r.expected.length > 0 ? `send {${quoted(r.expected)}}` : 'send a JSON object';
    case 'body.unknownField':
      return `unknown field "${r.name}"${r.allowed ? ` (allowed: ${r.allowed.join(', ')})` : ''}`;
    case 'code.malformed':
      return `a join code is ${r.length} letters and digits, like K7M2QX`;
    case 'session.unknown':
      return `no session has the code ${r.joinCode}`;
    case 'session.gone':
      return `the game of session ${r.joinCode} is gone`;
    case 'session.ended':
      return 'this session has ended';
    case 'session.full':
      return 'every workshop of this session is taken';
    case 'scenario.unknown':
      return `scenario must be one of ${r.known.join(', ')}`;
    case 'players.range':
      return `players must be a whole number from ${r.min} to ${r.max} (the workshops of ${r.title})`;
    case 'rounds.range':
    case 'roundSeconds.range':
    case 'setup.invalid':
      return r.detail;
    case 'name.invalid':
      return nameRuleText(r.fault);
    case 'seat.malformed':
      return 'seat must be a seat number such as "0" or "3"';
    case 'seat.credentials':
      return 'these credentials do not hold that seat';
    case 'debrief.notStarted':
      return 'the game has not started: there is nothing to debrief yet';
    case 'debrief.notOver':
      return "a player's debrief opens when the game is over (during play it would show the other workshops' hidden state)";
    case 'spec.shape':
      return 'spec must be an object {"kind": "actual", "bots", "uniform" or "raise", ...}';
    case 'spec.kind':
      return 'spec.kind must be "actual", "bots", "uniform" or "raise"';
    case 'spec.fields':
      return `the "${r.kind}" spec takes only ${r.allowed.join(', ')} (not "${r.name}")`;
    case 'spec.bin':
      return `spec.bin must be a number of hours from 0 to ${r.max}`;
    case 'spec.workshop':
      return `spec.workshop must be a workshop index from 0 to ${r.max}`;
    case 'challenge.mode':
      return r.both
        ? 'send either "name" (play alone) or "players" (a table), not both'
        : 'send {"scenario", "name"} to play alone or {"scenario", "players"} for a table';
    case 'challenge.unknown':
      return `no challenge for the scenario "${r.scenario}"`;
    case 'entry.malformed':
      return 'an entry id is 16 hexadecimal digits';
    case 'entry.unknown':
      return `no leaderboard entry has the id ${r.id}`;
    case 'challengeMatch.unknown':
      return 'no challenge match has this id';
    case 'challengeMatch.notOver':
      return 'this challenge match is not over yet';
    case 'host.unknown':
      return (
        `this server does not answer for the host "${r.host}": ` +
        'use its address (localhost, its IP) or the host of PUBLIC_URL or ORIGINS'
      );
    case 'origin.refused':
      return 'this origin is not allowed';
    case 'rate.limited':
      return `too many ${LIMITED[r.limit]}: try again in ${r.retryAfterS} s`;
    case 'lobby.path':
      return 'the path is not valid';
    case 'lobby.route':
      return 'no such Lobby route (Lobby paths are exact: lower case, no trailing slash)';
    case 'lobby.playAgain':
      return 'playAgain is not supported';
    case 'lobby.sessionMatch':
      return `this match belongs to a session: use /api/sessions/<code>/${r.action}`;
    case 'lobby.noMatch':
      return 'no such match';
    case 'lobby.seat':
      return 'playerID must be one of the seats of this match';
    case 'lobby.facilitatorLeave':
      return 'the facilitator seat cannot leave';
    case 'internal':
      return 'internal error';
  }
}

/** The JSON body of a refusal: `{error, code, field, ...params}`. */
export function requestRefusalBody(r: RequestRefusal): RequestRefusalBody {
  return { error: requestRefusalText(r), ...r };
}
