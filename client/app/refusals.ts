/**
 * The server's request refusals (game/contract/requestRefusals.ts) as the client reads them: the
 * `code`, the `field` and the params of the answer, never its English `error`; each code has its
 * message in the reader's language (the compiler checks that every code has one).
 */
import type { RequestRefusalCode } from '../../game/contract/requestRefusals';
import { isRecord } from '../../game/core/schema';
import { type MessageKey, t } from '../i18n';

export interface ServerRefusal {
  readonly code: RequestRefusalCode;
  /** The request field at fault (a form field), or null for the request as a whole. */
  readonly field: string | null;
  /** The answer's other fields (numbers the message shows). */
  readonly params: Readonly<Record<string, unknown>>;
}

type Params = ServerRefusal['params'];

/** A number the message shows, or "?" when the server sent none. */
const n = (value: unknown): number | string => (typeof value === 'number' && Number.isFinite(value) ? value : '?');
/** A join code the message shows (a code is letters and digits). */
const code = (value: unknown): string => (typeof value === 'string' && /^[A-Z0-9]{1,12}$/.test(value) ? value : '');
const say = (key: MessageKey) => () => t(key);
const range = (key: MessageKey) => (p: Params) => t(key, { min: n(p.min), max: n(p.max) });

const NAME: Readonly<Record<string, MessageKey>> = {
  missing: 'refusal.name.empty',
  empty: 'refusal.name.empty',
  long: 'refusal.name.long',
  characters: 'refusal.name.characters',
};

const MESSAGES = {
  'body.notJson': say('refusal.body.notJson'),
  'body.tooLarge': (p) => t('refusal.body.tooLarge', { limit: n(p.limit) }),
  'body.badJson': say('refusal.body.badJson'),
  'body.shape': say('refusal.body.shape'),
  'body.unknownField': (p) => t('refusal.body.unknownField', { name: typeof p.name === 'string' ? p.name : '' }),
  'code.malformed': (p) => t('refusal.code.malformed', { length: n(p.length) }),
  'session.unknown': (p) => t('refusal.session.unknown', { code: code(p.joinCode) }),
  'session.gone': (p) => t('refusal.session.gone', { code: code(p.joinCode) }),
  'session.ended': say('refusal.session.ended'),
  'session.full': say('refusal.session.full'),
  'scenario.unknown': say('refusal.scenario.unknown'),
  'players.range': range('refusal.players.range'),
  'rounds.range': range('refusal.rounds.range'),
  'roundSeconds.range': range('refusal.roundSeconds.range'),
  'setup.invalid': say('refusal.setup.invalid'),
  'name.invalid': (p) =>
    t((typeof p.fault === 'string' && Object.hasOwn(NAME, p.fault) && NAME[p.fault]) || 'refusal.name.characters', {
      max: n(p.max),
    }),
  'seat.malformed': say('refusal.seat.malformed'),
  'seat.credentials': say('refusal.seat.credentials'),
  'debrief.notStarted': say('refusal.debrief.notStarted'),
  'debrief.notOver': say('refusal.debrief.notOver'),
  'spec.shape': say('refusal.spec.invalid'),
  'spec.kind': say('refusal.spec.invalid'),
  'spec.fields': say('refusal.spec.invalid'),
  'spec.bin': (p) => t('refusal.spec.bin', { max: n(p.max) }),
  'spec.workshop': say('refusal.spec.workshop'),
  'challenge.mode': say('refusal.challenge.mode'),
  'challenge.unknown': say('refusal.challenge.unknown'),
  'entry.malformed': say('refusal.entry.malformed'),
  'entry.unknown': say('refusal.entry.unknown'),
  'challengeMatch.unknown': say('refusal.challengeMatch.unknown'),
  'challengeMatch.notOver': say('refusal.challengeMatch.notOver'),
  'host.unknown': say('refusal.host.unknown'),
  'origin.refused': say('refusal.origin.refused'),
  'rate.limited': (p) => t('refusal.rate.limited', { seconds: n(p.retryAfterS) }),
  'lobby.path': say('refusal.lobby'),
  'lobby.route': say('refusal.lobby'),
  'lobby.playAgain': say('refusal.lobby'),
  'lobby.sessionMatch': say('refusal.lobby'),
  'lobby.noMatch': say('refusal.lobby'),
  'lobby.seat': say('refusal.lobby'),
  'lobby.facilitatorLeave': say('refusal.lobby'),
  internal: say('refusal.internal'),
} satisfies Record<RequestRefusalCode, (params: Params) => string>;

const isCode = (value: unknown): value is RequestRefusalCode =>
  typeof value === 'string' && Object.hasOwn(MESSAGES, value);

/** The refusal of an error body (`{error, code, field, ...}`), or null when it has no known code. */
export function parseRefusal(body: unknown): ServerRefusal | null {
  if (!isRecord(body) || !isCode(body.code)) return null;
  const field = typeof body.field === 'string' ? body.field : null;
  return { code: body.code, field, params: body };
}

/** The refusal in the reader's language. */
export function refusalText(refusal: ServerRefusal): string {
  return MESSAGES[refusal.code](refusal.params);
}
