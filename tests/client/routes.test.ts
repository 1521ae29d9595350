import { describe, expect, it } from 'vitest';
import { matchRoute, pathOf } from '../../client/app/routes';
import { CODE_ALPHABET, isCode, normaliseCode } from '../../game/contract/codes';

describe('routes (docs/API.md, "The browser")', () => {
  it('maps every documented path to its page', () => {
    expect(matchRoute('/')).toEqual({ page: 'home' });
    expect(matchRoute('/new')).toEqual({ page: 'new' });
    expect(matchRoute('/join/K7MPQ2')).toEqual({ page: 'join', code: 'K7MPQ2' });
    expect(matchRoute('/play/K7MPQ2/')).toEqual({ page: 'play', code: 'K7MPQ2' });
    expect(matchRoute('/facilitate/K7MPQ2')).toEqual({ page: 'facilitate', code: 'K7MPQ2' });
    expect(matchRoute('/debrief/K7MPQ2')).toEqual({ page: 'debrief', code: 'K7MPQ2' });
    expect(matchRoute('/lab')).toEqual({ page: 'lab' });
    expect(matchRoute('/challenge')).toEqual({ page: 'challenge' });
    expect(matchRoute('/leaderboard/two-inputs')).toEqual({ page: 'leaderboard', scenario: 'two-inputs' });
    expect(matchRoute('/replay/42')).toEqual({ page: 'replay', id: '42' });
  });

  it('upper-cases codes typed in lower case', () => {
    expect(matchRoute('/join/k7mpq2')).toEqual({ page: 'join', code: 'K7MPQ2' });
  });

  it('sends anything else to "not found"', () => {
    for (const path of ['/join', '/play/A/B', '/nope', '/new/x', '/join/%E0%A4%A', '/lab/x', '/leaderboard/a%20b'])
      expect(matchRoute(path)).toEqual({ page: 'notFound' });
  });

  it('turns a route back into its path', () => {
    for (const path of [
      '/',
      '/new',
      '/join/K7MPQ2',
      '/play/K7MPQ2',
      '/facilitate/K7MPQ2',
      '/debrief/K7MPQ2',
      '/lab',
      '/challenge',
      '/leaderboard/two-inputs',
      '/replay/42',
      '/dev/board',
    ])
      expect(pathOf(matchRoute(path))).toBe(path);
  });
});

describe('join codes', () => {
  it('accepts six characters of the alphabet, which has no 0/O or 1/I/L', () => {
    expect(isCode('K7MPQ2')).toBe(true);
    for (const c of '01OIL') expect(CODE_ALPHABET.includes(c)).toBe(false);
    expect(isCode('K7MPQ')).toBe(false);
    expect(isCode('K7MPQ0')).toBe(false);
  });

  it('forgives lower case, spaces and dashes', () => {
    expect(normaliseCode(' k7m-pq2 ')).toBe('K7MPQ2');
  });
});
