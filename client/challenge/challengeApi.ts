/**
 * The challenge API (docs/API.md, "Challenges"): the list of challenges, starting one (solo or a
 * table), a scenario's leaderboard and one entry's replay. Answers are parsed here once, so the
 * pages can trust them; a parser returns null for a bad shape. Nothing here throws.
 */
import { type ApiResult, type FetchLike, requestJson } from '../app/api';
import { type CreatedSession, type JoinedSeat, parseCreated, parseJoined } from '../app/apiTypes';
import { isRecord } from '../../game/core/schema';
import { DEBRIEF_FORMAT, type DebriefData } from '../../game/debrief/types';
import type { NotCounted } from './challengeMatch';

export interface ChallengeSummary {
  readonly scenario: string;
  readonly title: string;
  /** The published seed: everyone playing this challenge faces the same dice. */
  readonly seed: string;
  readonly rounds: number;
  readonly workshops: number;
  /** The network's uniform critical buffer in hours (null when unknown). */
  readonly criticalBuffer: number | null;
  readonly best: { readonly score: number; readonly name: string } | null;
}

export interface LeaderboardEntry {
  readonly id: string;
  /** The humans who played it (one for a solo challenge). */
  readonly names: readonly string[];
  /** When the match ended (ISO 8601). */
  readonly date: string;
  /** Mean bin / critical buffer (lower is better); null when no round was played. */
  readonly score: number | null;
  readonly meanBin: number | null;
  readonly bounded: boolean;
  /** Counts on the leaderboard (bounded, on the seed, every round played, no shocks). */
  readonly valid: boolean;
  /** The server's English words for why the run does not count (null when it does). */
  readonly reason: string | null;
  /** The same reasons as data, put in the reader's words by why.ts (empty: none, or an old entry). */
  readonly why: readonly NotCounted[];
  /** Rounds played (null when the server does not say). */
  readonly rounds: number | null;
}

export interface Leaderboard {
  readonly scenario: string;
  readonly seed: string;
  /** Valid entries by score (best first), then the invalid ones. */
  readonly entries: readonly LeaderboardEntry[];
}

export interface ChallengeEntry {
  readonly entry: LeaderboardEntry & { readonly scenario: string; readonly seed: string };
  readonly debrief: DebriefData;
}

const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const bool = (v: unknown): v is boolean => typeof v === 'boolean';
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(str);

/** All or nothing: the parsed list, or null when one item is bad. */
function every<T>(v: unknown, parse: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(v)) return null;
  const list = v.map(parse);
  return list.every((x): x is T => x !== null) ? list : null;
}

/** `criticalBuffer` as hours, or as the scenario file's `{value, standardError}`. */
function hoursOrValue(v: unknown): number | null {
  if (num(v)) return v;
  return isRecord(v) && num(v.value) ? v.value : null;
}

function challenge(v: unknown): ChallengeSummary | null {
  if (!isRecord(v) || !str(v.scenario) || !str(v.title) || !str(v.seed) || !num(v.rounds) || !num(v.workshops))
    return null;
  const best =
    isRecord(v.best) && num(v.best.score) && str(v.best.name) ? { score: v.best.score, name: v.best.name } : null;
  return {
    scenario: v.scenario,
    title: v.title,
    seed: v.seed,
    rounds: v.rounds,
    workshops: v.workshops,
    criticalBuffer: hoursOrValue(v.criticalBuffer),
    best,
  };
}

export const parseChallenges = (v: unknown): ChallengeSummary[] | null => every(v, challenge);

const numOrNull = (v: unknown): v is number | null => v === null || num(v);

function entry(v: unknown): LeaderboardEntry | null {
  if (!isRecord(v) || !str(v.id) || !strings(v.names) || !str(v.date)) return null;
  if (!numOrNull(v.score) || !numOrNull(v.meanBin) || !bool(v.bounded) || !bool(v.valid)) return null;
  return {
    id: v.id,
    names: v.names,
    date: v.date,
    score: v.score,
    meanBin: v.meanBin,
    bounded: v.bounded,
    valid: v.valid,
    reason: str(v.reason) && v.reason !== '' ? v.reason : null,
    why: Array.isArray(v.why) ? v.why.map(notCounted).filter((r): r is NotCounted => r !== null) : [],
    rounds: num(v.rounds) ? v.rounds : null,
  };
}

/** One reason of the server's `why`, or null when it is not one this client knows. */
function notCounted(v: unknown): NotCounted | null {
  if (!isRecord(v)) return null;
  switch (v.kind) {
    case 'seed':
      return str(v.seed) ? { kind: 'seed', seed: v.seed } : null;
    case 'noRounds':
      return { kind: 'noRounds' };
    case 'endedEarly':
      return num(v.played) && num(v.rounds) ? { kind: 'endedEarly', played: v.played, rounds: v.rounds } : null;
    case 'shocks':
      return Array.isArray(v.rounds) && v.rounds.every(num) ? { kind: 'shocks', rounds: v.rounds } : null;
    case 'unbounded':
      return num(v.slope) && num(v.threshold) && num(v.from) && num(v.to)
        ? { kind: 'unbounded', slope: v.slope, threshold: v.threshold, from: v.from, to: v.to }
        : null;
    default:
      return null;
  }
}

export function parseLeaderboard(v: unknown): Leaderboard | null {
  if (!isRecord(v) || !str(v.scenario) || !str(v.seed)) return null;
  const entries = every(v.entries, entry);
  return entries && { scenario: v.scenario, seed: v.seed, entries };
}

/**
 * The debrief of a recorded match. Its own format tag is checked and the parts a replay reads
 * first (config, workshops, history) must be there; the rest is the server's own DebriefData.
 */
export function parseDebrief(v: unknown): DebriefData | null {
  if (!isRecord(v) || v.format !== DEBRIEF_FORMAT || !isRecord(v.config) || !isRecord(v.scenario)) return null;
  if (!Array.isArray(v.workshops) || !Array.isArray(v.history)) return null;
  return v as unknown as DebriefData;
}

export function parseEntry(v: unknown): ChallengeEntry | null {
  if (!isRecord(v) || !isRecord(v.entry)) return null;
  const e = entry(v.entry);
  const debrief = parseDebrief(v.debrief);
  if (!e || !debrief) return null;
  const scenario = str(v.entry.scenario) ? v.entry.scenario : debrief.config.scenarioId;
  const seed = str(v.entry.seed) ? v.entry.seed : (debrief.config.publicSeed ?? '');
  return { entry: { ...e, scenario, seed }, debrief };
}

export interface ChallengeApi {
  list(): Promise<ApiResult<ChallengeSummary[]>>;
  /** One human and bots; the server starts the match at once. */
  solo(scenario: string, name: string): Promise<ApiResult<JoinedSeat>>;
  /** A table: like creating a session (the facilitator's seat). */
  table(scenario: string, players: number): Promise<ApiResult<CreatedSession>>;
  leaderboard(scenario: string): Promise<ApiResult<Leaderboard>>;
  entry(id: string): Promise<ApiResult<ChallengeEntry>>;
}

export function createChallengeApi(fetchFn: FetchLike, base = ''): ChallengeApi {
  const at = (path: string) => `${base}/api/challenges${path}`;
  return {
    list: () => requestJson(fetchFn, at(''), parseChallenges),
    solo: (scenario, name) => requestJson(fetchFn, at(''), parseJoined, { scenario, name }),
    table: (scenario, players) => requestJson(fetchFn, at(''), parseCreated, { scenario, players }),
    leaderboard: (scenario) =>
      requestJson(fetchFn, at(`/${encodeURIComponent(scenario)}/leaderboard`), parseLeaderboard),
    entry: (id) => requestJson(fetchFn, at(`/entries/${encodeURIComponent(id)}`), parseEntry),
  };
}

/** The client of the page's own origin. */
export const challengeApi: ChallengeApi = createChallengeApi((url, init) => fetch(url, init));
