/**
 * [A3] The contract between client and server (game/contract/): both sides hold the same rule,
 * so the client refuses what the server refuses and routes what the server serves.
 */
import { describe, expect, it } from 'vitest';
import { checkChallengeName } from '../../client/challenge/startForm';
import { matchRoute } from '../../client/app/routes';
import { checkName } from '../../client/lobby/NameForm';
import { CODE_ALPHABET, CODE_LENGTH, CODE_PATTERN, isCode } from '../../game/contract/codes';
import { NAME_MAX } from '../../game/contract/limits';
import { nameFault } from '../../game/contract/names';
import { PAGES_WITH_CODE, SERVED_PAGES, SPA_PATH, sessionPath } from '../../game/contract/routes';
import { nameProblem } from '../../server/names';

const NAMES = [
  'Ada',
  ' Ada Lovelace ',
  'Zoë Ñúñez',
  '李雷',
  'x'.repeat(NAME_MAX),
  'x'.repeat(NAME_MAX + 1),
  '',
  '   ',
  '<b>',
  'a>b',
  'Ada\u202Eecalevol', // right-to-left override
  'A\u200Bda', // zero-width space
  'Ada\u0000', // NUL
  'Ada\u0085', // NEL
  '\uFEFFAda', // byte-order mark
  'Ada\uE000', // private use
];

describe('[A3] the name rule is one rule on both sides', () => {
  it.each(NAMES)('the join and challenge forms accept %j exactly when the server does', (name) => {
    const tidy = name.trim().replace(/\s+/g, ' ');
    const serverAccepts = nameProblem(tidy) === null;
    expect(checkName(name).ok).toBe(serverAccepts);
    expect(checkChallengeName(name).ok).toBe(serverAccepts);
  });

  it('words the character fault in the client own message, not the server English', () => {
    const checked = checkName('<b>Ada</b>');
    expect(checked).toEqual({ ok: false, error: expect.stringMatching(/< or >/) });
    expect(checked.ok ? '' : checked.error).not.toBe(nameProblem('<b>Ada</b>'));
  });

  it('names each fault as data', () => {
    expect([
      nameFault(3),
      nameFault('  '),
      nameFault('x'.repeat(NAME_MAX + 1)),
      nameFault('<'),
      nameFault('Ada'),
    ]).toEqual(['missing', 'empty', 'long', 'characters', null]);
  });
});

describe('[A3] join codes', () => {
  it('are CODE_LENGTH characters of the alphabet', () => {
    expect(CODE_PATTERN.test('K7MPQ2')).toBe(true);
    expect(isCode(CODE_ALPHABET.slice(0, CODE_LENGTH))).toBe(true);
    for (const code of ['K7MPQ', 'K7MPQ22', 'K7MPQ0', 'k7mpq2']) expect(isCode(code)).toBe(false);
  });
});

describe('[A3] routes', () => {
  it('the server serves the app for every page the client routes but its dev pages', () => {
    for (const page of SERVED_PAGES) {
      const path = (PAGES_WITH_CODE as readonly string[]).includes(page)
        ? sessionPath(page as (typeof PAGES_WITH_CODE)[number], 'K7MPQ2')
        : page === 'leaderboard' || page === 'replay'
          ? `/${page}/ring-road`
          : `/${page}`;
      expect(SPA_PATH.test(path), path).toBe(true);
      expect(matchRoute(path).page, path).toBe(page);
    }
    expect(SPA_PATH.test('/')).toBe(true);
    expect(SPA_PATH.test('/dev/board')).toBe(false);
    expect(SPA_PATH.test('/api/sessions')).toBe(false);
  });
});
