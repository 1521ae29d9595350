/**
 * The shapes of the session API's answers (docs/API.md) and their parsers: data from the network
 * is checked here once, so the screens can trust it. A parser returns null for a bad shape.
 */
import type {
  CreatedSession,
  JoinedSeatWire,
  ScenarioWire,
  SessionPlayer,
  SessionWire,
  Unchecked,
} from '../../game/contract/api';
import { isRecord } from '../../game/core/schema';

/** A scenario as the client reads it: the wire's, with a buffer that may be unknown and the mechanics as a list. */
export type ScenarioSummary = Omit<ScenarioWire, 'criticalBuffer' | 'mechanics'> & {
  /** The uniform critical buffer in hours (null when unknown). */
  readonly criticalBuffer: number | null;
  readonly mechanics: readonly string[];
};

/** A session as the client reads it (the facilitator's expectation may be unknown). */
export type SessionInfo = Omit<SessionWire, 'expectedPlayers' | 'status' | 'round'> & {
  /** The number of people the facilitator expects (null when the server does not say). */
  readonly expectedPlayers: number | null;
};

/** A joined seat as the client reads it (the workshop's id and name are '' before the world is built). */
export type JoinedSeat = Omit<JoinedSeatWire, 'workshop'> & {
  readonly workshop: { readonly index: number; readonly id: string; readonly name: string };
};

const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(str);

/** `criticalBuffer` as a number of hours, or as the scenario file's `{value, standardError}`. */
function criticalBuffer(v: unknown): number | null {
  if (num(v)) return v;
  return isRecord(v) && num(v.value) ? v.value : null;
}

/** `mechanics` as a list of names, or as the scenario's `{kaizen: true, ...}` record. */
function mechanics(v: unknown): string[] {
  if (strings(v)) return v;
  return isRecord(v) ? Object.keys(v).filter((k) => v[k] === true) : [];
}

function scenario(raw: unknown): ScenarioSummary | null {
  const v = raw as Unchecked<ScenarioWire>;
  if (!isRecord(raw) || !str(v.id) || !str(v.title) || !num(v.workshops) || !num(v.rounds)) return null;
  return {
    id: v.id,
    title: v.title,
    story: str(v.story) ? v.story : '',
    learningGoal: str(v.learningGoal) ? v.learningGoal : '',
    questions: strings(v.questions) ? v.questions : [],
    workshops: v.workshops,
    rounds: v.rounds,
    criticalBuffer: criticalBuffer(v.criticalBuffer),
    mechanics: mechanics(v.mechanics),
    trouble: str(v.trouble) ? v.trouble : '',
    hasNewRoad: v.hasNewRoad === true,
  };
}

export function parseScenarios(v: unknown): ScenarioSummary[] | null {
  if (!Array.isArray(v)) return null;
  const list = v.map(scenario);
  return list.every((s): s is ScenarioSummary => s !== null) ? list : null;
}

export function parseCreated(raw: unknown): CreatedSession | null {
  const v = raw as Unchecked<CreatedSession>;
  if (!isRecord(raw) || !str(v.code) || !str(v.matchID) || !str(v.credentials)) return null;
  return {
    code: v.code,
    matchID: v.matchID,
    seat: str(v.seat) ? v.seat : '0',
    credentials: v.credentials,
    joinUrl: str(v.joinUrl) ? v.joinUrl : '',
    facilitatorUrl: str(v.facilitatorUrl) ? v.facilitatorUrl : '',
  };
}

function player(raw: unknown): SessionPlayer | null {
  const v = raw as Unchecked<SessionPlayer>;
  if (!isRecord(raw) || !str(v.seat)) return null;
  return { seat: v.seat, name: str(v.name) ? v.name : '', connected: v.connected === true };
}

export function parseSession(raw: unknown): SessionInfo | null {
  const v = raw as Unchecked<SessionWire>;
  if (!isRecord(raw) || !str(v.code) || !str(v.matchID) || !isRecord(v.scenario)) return null;
  const s = v.scenario as Unchecked<SessionWire['scenario']>;
  const players = Array.isArray(v.players) ? v.players.map(player) : [];
  if (!str(s.id) || !str(s.title) || !num(v.workshops)) return null;
  return {
    code: v.code,
    matchID: v.matchID,
    scenario: { id: s.id, title: s.title, learningGoal: str(s.learningGoal) ? s.learningGoal : '' },
    workshops: v.workshops,
    rounds: num(v.rounds) ? v.rounds : 0,
    roundSeconds: num(v.roundSeconds) ? v.roundSeconds : 0,
    expectedPlayers: num(v.expectedPlayers) ? v.expectedPlayers : null,
    players: players.filter((p): p is SessionPlayer => p !== null),
  };
}

export function parseJoined(raw: unknown): JoinedSeat | null {
  const v = raw as Unchecked<JoinedSeatWire>;
  if (!isRecord(raw) || !str(v.code) || !str(v.matchID) || !str(v.seat) || !str(v.credentials)) return null;
  const w = v.workshop as Unchecked<JoinedSeatWire['workshop']>;
  if (!isRecord(w) || !num(w.index)) return null;
  return {
    code: v.code,
    matchID: v.matchID,
    seat: v.seat,
    credentials: v.credentials,
    workshop: { index: w.index, id: str(w.id) ? w.id : '', name: str(w.name) ? w.name : '' },
  };
}
