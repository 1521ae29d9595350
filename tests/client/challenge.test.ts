/**
 * Challenge mode's client helpers (client/challenge): the API client and its parsers, the start
 * forms' checks, the numbers as printed, and the game-over result of a challenge match computed
 * from real played histories (tests/client/fixtures' `playedG`). Rule IDs: docs/RULES.md (CH).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChallengeOver } from '../../client/challenge/ChallengeOver';
import { LeaderboardTable } from '../../client/challenge/LeaderboardTable';
import type { FetchLike } from '../../client/app/api';
import { createChallengeApi, parseChallenges, parseEntry, parseLeaderboard } from '../../client/challenge/challengeApi';
import { isChallenge } from '../../client/challenge/challengeMatch';
import { formatDate, formatScore } from '../../client/challenge/format';
import { checkChallengeName, checkPlayers } from '../../client/challenge/startForm';
import { judgeText, whyAll } from '../../client/challenge/why';
import { challengeSeed } from '../../game/debrief/score';
import { debriefData } from '../../game/debrief/data';
import { playedG } from './fixtures';

const SEED = challengeSeed('two-inputs');

function fakeFetch(status: number, body: unknown, calls: { url: string; init: RequestInit | undefined }[] = []) {
  const f: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return f;
}

const summary = {
  scenario: 'two-inputs',
  title: 'Two inputs',
  seed: SEED,
  rounds: 30,
  workshops: 12,
  criticalBuffer: 1.852,
  best: { score: 1.234, name: 'Ada' },
};

const entry = {
  id: '0123456789abcdef',
  names: ['Ada'],
  date: '2026-11-26T10:00:00.000Z',
  score: 1.35,
  meanBin: 2.5,
  bounded: true,
  judge: {
    growth: { rate: -0.121, standardError: 0.003, replicas: 32, steps: 4000 },
    level: { lateness: 1.25, reference: 1.5, bin: 1.887 },
  },
  valid: true,
  reason: null,
  why: [],
  rounds: 30,
};

/** A finished challenge G: "Two inputs" on its published seed, every workshop on autopilot. */
const challengeG = (rounds: number, autopilot = 'steady:2.5') =>
  playedG(rounds, { seed: { policy: 'fixed', value: SEED }, autopilot, rounds: 30 });

describe('the challenge API client', () => {
  it('parses the list of challenges, a critical buffer given as the scenario object, and no best yet', () => {
    expect(parseChallenges([summary])).toEqual([summary]);
    const other = { ...summary, criticalBuffer: { value: 2.2, standardError: 0.01 }, best: null };
    expect(parseChallenges([other])).toEqual([{ ...other, criticalBuffer: 2.2 }]);
    expect(parseChallenges([{ ...summary, seed: 7 }])).toBeNull();
    expect(parseChallenges({ not: 'a list' })).toBeNull();
  });

  it('parses a leaderboard, with a run that has no score (no round played) and its reason', () => {
    const empty = { ...entry, id: 'fedcba9876543210', score: null, meanBin: null, valid: false, reason: 'r' };
    const board = { scenario: 'two-inputs', seed: SEED, entries: [entry, empty] };
    expect(parseLeaderboard(board)).toEqual(board);
    expect(parseLeaderboard({ ...board, entries: [{ ...entry, score: 'low' }] })).toBeNull();
    expect(parseLeaderboard({ ...board, entries: [{ ...entry, bounded: 1 }] })).toBeNull();
    // An entry judged before the judge's numbers were recorded (or with a bad shape) has none.
    const old = { ...entry, judge: undefined };
    expect(parseLeaderboard({ ...board, entries: [old] })!.entries[0]!.judge).toBeNull();
    const bad = { ...entry, judge: { growth: { rate: 'x' }, level: entry.judge.level } };
    expect(parseLeaderboard({ ...board, entries: [bad] })!.entries[0]!.judge).toBeNull();
  });

  it("[CH1][CH5] puts the judge's numbers in words: the growth test and the lateness test", () => {
    expect(judgeText(entry.judge)).toEqual([
      'Your network with every input at its average bin, run for 4000 rounds 32 times: lateness changes by ' +
        '-0.121 h ± 0.003 h per round. Above zero by more than twice the ± means the network is over its cliff.',
      'Your network was late 1.25 h on average; even bins at the critical buffer (1.89 h) would have been late ' +
        '1.5 h on the same dice. More than that means stock saved was paid for in lateness.',
    ]);
  });

  it("[CH3] puts the server's reasons (data) in the reader's words, skipping kinds it does not know", () => {
    const why = [
      { kind: 'endedEarly', played: 2, rounds: 30 },
      { kind: 'growth', rate: 0.0731, standardError: 0.0025 },
      { kind: 'lateness', lateness: 2.5, reference: 2.25, bin: 1.887 },
      { kind: 'unbounded', slope: 0.267, threshold: 0.1852, from: 8, to: 30 },
      { kind: 'from-a-newer-server' },
    ];
    const late = { ...entry, valid: false, reason: 'English from the server', why };
    const parsed = parseLeaderboard({ scenario: 'two-inputs', seed: SEED, entries: [late] })!;
    expect(parsed.entries[0]!.why).toEqual(why.slice(0, 4));
    expect(whyAll(parsed.entries[0]!.why)).toBe(
      'The game ended after 2 of 30 rounds. ' +
        'With your average bins the network is over its cliff: lateness grows by +0.073 h ± 0.003 h per round, ' +
        'more than twice the ± above zero. ' +
        'Your network was later on average (2.5 h) than even bins at the critical buffer 1.89 h on the same dice ' +
        '(2.25 h): stock saved was paid for in lateness. ' +
        'Judged by the old rule: lateness kept growing by 0.27 h per round over rounds 8-30, more than the 0.19 h ' +
        'per round it allowed.',
    );
    expect(whyAll([])).toBeNull();
  });

  it('parses an entry with its debrief and refuses a debrief of another format', () => {
    const g = challengeG(3);
    const debrief = debriefData(g, { '1': 'Ada' });
    const body = JSON.parse(JSON.stringify({ entry: { ...entry, scenario: 'two-inputs', seed: SEED }, debrief }));
    const parsed = parseEntry(body);
    expect(parsed?.entry).toEqual({ ...entry, scenario: 'two-inputs', seed: SEED });
    expect(parsed?.debrief.history).toHaveLength(3);
    expect(parseEntry({ ...body, debrief: { ...body.debrief, format: 'kanban-cascade-debrief/0' } })).toBeNull();
    expect(parseEntry({ entry: body.entry })).toBeNull();
  });

  it('posts {scenario, name} for a solo challenge and {scenario, players} for a table', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const seat = {
      code: 'K7MPQ2',
      matchID: 'm',
      seat: '5',
      credentials: 'c',
      workshop: { index: 4, id: 'w', name: 'W' },
    };
    const solo = await createChallengeApi(fakeFetch(201, seat, calls), 'http://x').solo('two-inputs', 'Ada');
    expect(solo).toEqual({ ok: true, value: seat });
    expect(calls[0]!.url).toBe('http://x/api/challenges');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ scenario: 'two-inputs', name: 'Ada' });
    const created = { code: 'K7MPQ2', matchID: 'm', seat: '0', credentials: 'c', joinUrl: '', facilitatorUrl: '' };
    await createChallengeApi(fakeFetch(201, created, calls)).table('two-inputs', 3);
    expect(JSON.parse(String(calls[1]!.init?.body))).toEqual({ scenario: 'two-inputs', players: 3 });
  });

  it('asks for a leaderboard and an entry at their addresses and reports a missing one by its status', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const api = createChallengeApi(fakeFetch(404, { error: 'no leaderboard entry has the id x' }, calls));
    expect(await api.entry('0123456789abcdef')).toEqual({
      ok: false,
      failure: { kind: 'http', status: 404, message: 'no leaderboard entry has the id x' },
    });
    await api.leaderboard('two-inputs');
    await api.run('match-1');
    expect(calls.map((c) => c.url)).toEqual([
      '/api/challenges/entries/0123456789abcdef',
      '/api/challenges/two-inputs/leaderboard',
      '/api/challenges/matches/match-1',
    ]);
  });

  it("[CH5] parses a match's verdict with the B_c its score is divided by", async () => {
    const run = { entry: { ...entry, criticalBuffer: 1.887 } };
    expect(await createChallengeApi(fakeFetch(200, run)).run('m')).toEqual({ ok: true, value: run.entry });
    expect(await createChallengeApi(fakeFetch(200, { entry })).run('m')).toMatchObject({ ok: false });
  });
});

describe('starting a challenge', () => {
  it('tidies a name and refuses an empty or long one', () => {
    expect(checkChallengeName('  Ada   Lovelace ')).toEqual({ ok: true, value: 'Ada Lovelace' });
    expect(checkChallengeName('   ').ok).toBe(false);
    expect(checkChallengeName('x'.repeat(41)).ok).toBe(false);
  });

  it('takes 1 to the number of workshops as the players of a table', () => {
    expect(checkPlayers(' 3 ', 12)).toEqual({ ok: true, value: 3 });
    for (const bad of ['0', '13', '2.5', 'three', '']) expect(checkPlayers(bad, 12).ok).toBe(false);
  });
});

describe('challenge numbers as printed', () => {
  it('[CH5] prints a score with exactly three decimals', () => {
    expect(formatScore(1.3498)).toBe('1.350');
    expect(formatScore(0.97)).toBe('0.970');
  });

  it('prints a date in the current language and an unreadable one as it came', () => {
    expect(formatDate('2026-11-26T10:00:00.000Z')).toMatch(/2026/);
    expect(formatDate('yesterday')).toBe('yesterday');
  });
});

describe("the judge's verdict on screen", () => {
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it("[CH1][CH3] the leaderboard shows the judge's numbers in words; an old entry its verdict alone", () => {
    const old = { ...entry, id: 'fedcba9876543210', judge: null };
    const html = text(
      renderToStaticMarkup(createElement(LeaderboardTable, { entries: [entry, old], caption: 'c', ranked: true })),
    );
    expect(html).toContain('lateness changes by -0.121 h ± 0.003 h per round');
    expect(html).toContain('even bins at the critical buffer (1.89 h) would have been late 1.5 h on the same dice');
    expect(html).toContain('yes lateness does not grow');
    expect(html).toContain('Stock held');
  });

  it('[CH5] the game-over block asks the server for the verdict of a challenge match, and nothing else', () => {
    const config = challengeG(3).config;
    const html = renderToStaticMarkup(createElement(ChallengeOver, { config, matchID: 'm1' }));
    expect(text(html)).toContain('The judge is checking your run…');
    expect(renderToStaticMarkup(createElement(ChallengeOver, { config, matchID: undefined }))).toBe('');
    const session = playedG(3, { rounds: 30 }).config;
    expect(renderToStaticMarkup(createElement(ChallengeOver, { config: session, matchID: 'm1' }))).toBe('');
  });
});

describe('the game-over result of a challenge match', () => {
  it('[CH2][CH5] recognises a challenge by its fixed, published challenge seed', () => {
    expect(isChallenge({ seedPolicy: 'fixed', publicSeed: SEED })).toBe(true);
    expect(isChallenge({ seedPolicy: 'fixed', publicSeed: 'my-workshop-seed' })).toBe(false);
    expect(isChallenge({ seedPolicy: 'random', publicSeed: null })).toBe(false);
    const session = playedG(30, { rounds: 30 });
    expect(isChallenge(session.config)).toBe(false);
    expect(isChallenge(challengeG(3).config)).toBe(true);
  });
});
