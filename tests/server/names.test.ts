/**
 * S-NAME The name rule (server/names.ts) for session joins, Lobby joins and renames and the
 * leaderboard: 1 to 40 characters, no < or >, and no control or invisible character of any
 * kind: C0 and C1 controls (DEL U+007F, NEL U+0085 among them), bidi overrides and isolates,
 * zero-width spaces and joiners, the byte-order mark, line and paragraph separators, private-use
 * and lone surrogates. Over the real server too: a refused join seats nobody.
 */
import { describe, expect, it } from 'vitest';
import { NAME_MAX } from '../../game/contract/limits';
import { nameProblem } from '../../server/names';
import { type TestApp, api, createSession, withTestApp } from './helpers';

const HIDDEN = {
  NUL: '\u0000',
  TAB: '\u0009',
  DEL: '\u007f',
  NEL: '\u0085',
  'soft hyphen': '\u00ad',
  'Arabic letter mark': '\u061c',
  'zero-width space': '\u200b',
  'zero-width non-joiner': '\u200c',
  'zero-width joiner': '\u200d',
  'left-to-right mark': '\u200e',
  'right-to-left mark': '\u200f',
  'line separator': '\u2028',
  'paragraph separator': '\u2029',
  'right-to-left embedding': '\u202b',
  'right-to-left override': '\u202e',
  'word joiner': '\u2060',
  'first strong isolate': '\u2068',
  'pop directional isolate': '\u2069',
  'byte-order mark': '\ufeff',
  'private use': '\ue000',
  'lone surrogate': '\ud800',
  'tag character': '\u{e0041}',
};

describe('S-NAME the name rule', () => {
  it.each(Object.entries(HIDDEN))('refuses a name with a %s', (_, c) => {
    expect(nameProblem(`Ad${c}a`)).toMatch(/control or invisible characters/);
    expect(nameProblem(`${c}Ada`)).toMatch(/control or invisible characters/);
  });

  it('accepts names in any script, with accents and emoji', () => {
    for (const name of [
      'Ada',
      'Zoë',
      'José María',
      '李小龍',
      'Ελένη',
      'محمد',
      'Ada 🙂',
      'O’Brien',
      'x'.repeat(NAME_MAX),
    ])
      expect(nameProblem(name), name).toBeNull();
  });

  it('refuses empty, long, angle-bracketed and non-string names', () => {
    for (const name of ['', '   ', 'x'.repeat(NAME_MAX + 1), '<b>', 'a>b', 42, null, undefined, ['Ada']])
      expect(nameProblem(name), JSON.stringify(name)).not.toBeNull();
  });
});

describe('S-NAME over the server', () => {
  let app: TestApp;
  withTestApp((started) => (app = started));

  it('refuses a session join with a hidden character and seats nobody', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 2, roundSeconds: 0 });
    for (const c of [HIDDEN.DEL, HIDDEN.NEL, HIDDEN['right-to-left override'], HIDDEN['zero-width space']]) {
      const reply = await api<{ error: string }>(app, `/api/sessions/${s.code}/join`, {
        body: { name: `exe${c}.live` },
      });
      expect(reply.status).toBe(400);
      expect(reply.json.error).toMatch(/control or invisible characters/);
    }
    const session = await api<{ players: unknown[] }>(app, `/api/sessions/${s.code}`);
    expect(session.json.players).toEqual([]);
  });
});
