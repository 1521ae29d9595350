/**
 * The JSON of the HTTP API (docs/API.md) as the server sends it and the client reads it. The
 * server types each answer with these; the client's parsers (client/app/apiTypes.ts,
 * client/challenge/challengeApi.ts) read the network's `unknown` through `Unchecked<...>` of the
 * same types, so a field renamed on one side fails to compile on the other. Pure.
 */
import type { CompactRound, CounterfactualSpec } from '../debrief/counterfactual';
import type { JudgeNumbers, NotCounted } from '../debrief/score';
import type { Mechanics } from '../core/types';

/** A wire type before it is checked: every field present by name, of unknown value. */
export type Unchecked<T> = { readonly [K in keyof T]?: unknown };

/** GET /api/scenarios: one scenario. */
export interface ScenarioWire {
  readonly id: string;
  readonly title: string;
  readonly story: string;
  readonly learningGoal: string;
  readonly questions: readonly string[];
  readonly workshops: number;
  readonly rounds: number;
  /** The uniform critical buffer in hours. */
  readonly criticalBuffer: number;
  readonly mechanics: Mechanics;
  readonly trouble: string;
  /** The scenario has a "new road" that can be open from the start. */
  readonly hasNewRoad: boolean;
}

/** POST /api/sessions: the body. */
export interface CreateSessionBody {
  readonly scenario: string;
  readonly players: number;
  readonly rounds?: number;
  readonly roundSeconds?: number;
  readonly autopilot?: string;
  readonly newRoad?: boolean;
}

/** Every field of CreateSessionBody: the server refuses any other. */
export const CREATE_SESSION_FIELDS = [
  'scenario',
  'players',
  'rounds',
  'roundSeconds',
  'autopilot',
  'newRoad',
] as const satisfies readonly (keyof CreateSessionBody)[];
// A field added to CreateSessionBody but not to the list fails to compile here.
type MissingField = Exclude<keyof CreateSessionBody, (typeof CREATE_SESSION_FIELDS)[number]>;
const _everyCreateField: [MissingField] extends [never] ? true : MissingField = true;

/** POST /api/sessions (and a table challenge): the facilitator's seat and the links. */
export interface CreatedSession {
  readonly code: string;
  readonly matchID: string;
  readonly seat: string;
  readonly credentials: string;
  readonly joinUrl: string;
  readonly facilitatorUrl: string;
}

export interface SessionPlayer {
  readonly seat: string;
  readonly name: string;
  readonly connected: boolean;
}

/** GET /api/sessions/:code. */
export interface SessionWire {
  readonly code: string;
  readonly matchID: string;
  readonly scenario: { readonly id: string; readonly title: string; readonly learningGoal: string };
  readonly workshops: number;
  readonly rounds: number;
  readonly roundSeconds: number;
  /** The number of people the facilitator expects. */
  readonly expectedPlayers: number;
  readonly status: string;
  readonly round: number;
  readonly players: readonly SessionPlayer[];
}

/** POST /api/sessions/:code/join (and a solo challenge): the joiner's seat. */
export interface JoinedSeatWire {
  readonly code: string;
  readonly matchID: string;
  readonly seat: string;
  readonly credentials: string;
  /** id and name are null when the match has not started (the world is not built yet). */
  readonly workshop: { readonly index: number; readonly id: string | null; readonly name: string | null };
}

/** POST /api/sessions/:code/leave. */
export interface LeftSeat {
  readonly ok: true;
}

/** GET /api/challenges: one challenge. */
export interface ChallengeWire {
  readonly scenario: string;
  readonly title: string;
  /** The published seed: everyone playing this challenge faces the same dice. */
  readonly seed: string;
  readonly rounds: number;
  readonly workshops: number;
  /** The published map's uniform critical buffer in hours (the score's denominator). */
  readonly criticalBuffer: number;
  /** The best valid run (its score is null only for a run with no round, which is never valid). */
  readonly best: { readonly score: number | null; readonly name: string } | null;
}

/** One run on a leaderboard. */
export interface LeaderboardEntryWire {
  readonly id: string;
  /** The humans who played it (one for a solo challenge). */
  readonly names: readonly string[];
  /** When the entry was recorded (ISO 8601). */
  readonly date: string;
  /** Mean bin / critical buffer (lower is better); null when no round was played. */
  readonly score: number | null;
  readonly meanBin: number | null;
  /** The judge found the stock held (CH1: no growth, no later than uniform bins at B_c). */
  readonly bounded: boolean;
  /** The judge's numbers (CH1); null when the run was not judged or was judged before them. */
  readonly judge: JudgeNumbers | null;
  /** Counts on the leaderboard (held, on the seed, every round played, no shocks). */
  readonly valid: boolean;
  /** Why the entry does not count, in English (null when valid). */
  readonly reason: string | null;
  /** The same reasons as data, for clients to put in their own words (empty when valid). */
  readonly why: readonly NotCounted[];
  /** Rounds played (of the scenario's). */
  readonly rounds: number;
}

/** GET /api/challenges/:scenario/leaderboard. */
export interface LeaderboardWire {
  readonly scenario: string;
  readonly seed: string;
  /** Valid entries by score (best first), then the invalid ones. */
  readonly entries: readonly LeaderboardEntryWire[];
}

/** GET /api/challenges/matches/:matchID: the recorded run of a finished challenge match. */
export interface ChallengeRunWire {
  readonly entry: LeaderboardEntryWire & { readonly criticalBuffer: number };
}

/** GET /api/challenges/entries/:id: one run and its recorded debrief (game/debrief's DebriefData). */
export interface ChallengeEntryWire {
  readonly entry: LeaderboardEntryWire & { readonly scenario: string; readonly seed: string };
  readonly debrief: unknown;
}

/** The seat a debrief request proves: the seat number and its credentials. */
export interface SeatProof {
  readonly seat: string;
  readonly credentials: string;
}

/** POST /api/sessions/:code/counterfactual: the body. (/debrief's is a SeatProof; it answers DebriefData.) */
export interface CounterfactualBody extends SeatProof {
  readonly spec: CounterfactualSpec;
}

/** POST /api/sessions/:code/counterfactual: the replay asked for, round by round. */
export interface CounterfactualWire {
  readonly spec: CounterfactualSpec;
  readonly rounds: readonly CompactRound[];
}
