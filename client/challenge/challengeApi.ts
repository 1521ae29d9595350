/**
 * The challenge API (docs/API.md, "Challenges"): the list of challenges, starting one (solo or a
 * table), a scenario's leaderboard and one entry's replay. Answers are parsed here once, so the
 * pages can trust them; a parser returns null for a bad shape. Nothing here throws.
 */
import { type ApiResult, type FetchLike, requestJson } from '../app/api';
import { type JoinedSeat, parseCreated, parseJoined } from '../app/apiTypes';
import type {
  ChallengeEntryWire,
  ChallengeRunWire,
  ChallengeWire,
  CreatedSession,
  LeaderboardEntryWire,
  LeaderboardWire,
  Unchecked,
} from '../../game/contract/api';
import { isRecord } from '../../game/core/schema';
import { DEBRIEF_FORMAT, type DebriefData } from '../../game/debrief/types';
import type { JudgeNumbers } from '../../game/debrief/score';
import type { NotCounted } from './challengeMatch';

/** A challenge as the client reads it (the buffer may be unknown; a best run always has a score). */
export type ChallengeSummary = Omit<ChallengeWire, 'criticalBuffer' | 'best'> & {
  /** The network's uniform critical buffer in hours (null when unknown). */
  readonly criticalBuffer: number | null;
  readonly best: { readonly score: number; readonly name: string } | null;
};

/**
 * A leaderboard entry as the client reads it: `reason` is null when empty, `why` keeps only the
 * reasons this client knows (empty for an old entry), `rounds` is null when the server does not say.
 */
export type LeaderboardEntry = Omit<LeaderboardEntryWire, 'rounds'> & {
  readonly rounds: number | null;
};

export type Leaderboard = Omit<LeaderboardWire, 'entries'> & {
  readonly entries: readonly LeaderboardEntry[];
};

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

function challenge(raw: unknown): ChallengeSummary | null {
  const v = raw as Unchecked<ChallengeWire>;
  if (!isRecord(raw) || !str(v.scenario) || !str(v.title) || !str(v.seed) || !num(v.rounds) || !num(v.workshops))
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

function entry(raw: unknown): LeaderboardEntry | null {
  const v = raw as Unchecked<LeaderboardEntryWire>;
  if (!isRecord(raw) || !str(v.id) || !strings(v.names) || !str(v.date)) return null;
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
    judge: judgeNumbers(v.judge),
    rounds: num(v.rounds) ? v.rounds : null,
  };
}

/** The judge's numbers, or null (not judged, judged before they were recorded, or a bad shape). */
function judgeNumbers(v: unknown): JudgeNumbers | null {
  if (!isRecord(v) || !isRecord(v.growth) || !isRecord(v.level)) return null;
  const g = v.growth as Unchecked<JudgeNumbers['growth']>;
  const l = v.level as Unchecked<JudgeNumbers['level']>;
  if (!num(g.rate) || !num(g.standardError) || !num(g.replicas) || !num(g.steps)) return null;
  if (!num(l.lateness) || !num(l.reference) || !num(l.bin)) return null;
  return {
    growth: { rate: g.rate, standardError: g.standardError, replicas: g.replicas, steps: g.steps },
    level: { lateness: l.lateness, reference: l.reference, bin: l.bin },
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
    case 'growth':
      return num(v.rate) && num(v.standardError)
        ? { kind: 'growth', rate: v.rate, standardError: v.standardError }
        : null;
    case 'lateness':
      return num(v.lateness) && num(v.reference) && num(v.bin)
        ? { kind: 'lateness', lateness: v.lateness, reference: v.reference, bin: v.bin }
        : null;
    case 'unbounded':
      return num(v.slope) && num(v.threshold) && num(v.from) && num(v.to)
        ? { kind: 'unbounded', slope: v.slope, threshold: v.threshold, from: v.from, to: v.to }
        : null;
    default:
      return null;
  }
}

export function parseLeaderboard(raw: unknown): Leaderboard | null {
  const v = raw as Unchecked<LeaderboardWire>;
  if (!isRecord(raw) || !str(v.scenario) || !str(v.seed)) return null;
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

export function parseEntry(raw: unknown): ChallengeEntry | null {
  const v = raw as Unchecked<ChallengeEntryWire>;
  if (!isRecord(raw) || !isRecord(v.entry)) return null;
  const e = entry(v.entry);
  const debrief = parseDebrief(v.debrief);
  if (!e || !debrief) return null;
  const w = v.entry as Unchecked<ChallengeEntryWire['entry']>;
  const scenario = str(w.scenario) ? w.scenario : debrief.config.scenarioId;
  const seed = str(w.seed) ? w.seed : (debrief.config.publicSeed ?? '');
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
  /** The recorded run of a finished challenge match (the game-over screen's verdict). */
  run(matchID: string): Promise<ApiResult<ChallengeRun>>;
}

/** A finished challenge match as the server judged it, with the B_c its score is divided by. */
export type ChallengeRun = LeaderboardEntry & { readonly criticalBuffer: number };

export function parseRun(raw: unknown): ChallengeRun | null {
  const v = raw as Unchecked<ChallengeRunWire>;
  if (!isRecord(raw) || !isRecord(v.entry)) return null;
  const e = entry(v.entry);
  const cb = (v.entry as Unchecked<ChallengeRunWire['entry']>).criticalBuffer;
  return e && num(cb) ? { ...e, criticalBuffer: cb } : null;
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
    run: (matchID) => requestJson(fetchFn, at(`/matches/${encodeURIComponent(matchID)}`), parseRun),
  };
}

/** The client of the page's own origin. */
export const challengeApi: ChallengeApi = createChallengeApi((url, init) => fetch(url, init));
