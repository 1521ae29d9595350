/**
 * The session API client (docs/API.md). Every call answers an `ApiResult`: the parsed value, or
 * a failure the screen can show next to the right field: the server's refusal (its `code` and
 * `field`, game/contract/requestRefusals.ts) with its status, a network failure, or an answer of
 * the wrong shape. Nothing here throws.
 */
import type { CreateSessionBody, CreatedSession } from '../../game/contract/api';
import {
  type JoinedSeat,
  type ScenarioSummary,
  type SessionInfo,
  parseCreated,
  parseJoined,
  parseScenarios,
  parseSession,
} from './apiTypes';
import { isRecord } from '../../game/core/schema';
import { type ServerRefusal, parseRefusal } from './refusals';

export type ApiFailure =
  | {
      readonly kind: 'http';
      readonly status: number;
      /** The server's English (shown only when the answer carries no refusal code). */
      readonly message: string;
      /** The refusal, when the answer carries a known code. */
      readonly refusal?: ServerRefusal;
    }
  | { readonly kind: 'network' }
  | { readonly kind: 'format' };

export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ApiFailure };

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface Api {
  scenarios(): Promise<ApiResult<ScenarioSummary[]>>;
  createSession(body: CreateSessionBody): Promise<ApiResult<CreatedSession>>;
  session(code: string): Promise<ApiResult<SessionInfo>>;
  join(code: string, name: string): Promise<ApiResult<JoinedSeat>>;
  leave(code: string, seat: string, credentials: string): Promise<ApiResult<true>>;
}

const fail = <T>(failure: ApiFailure): ApiResult<T> => ({ ok: false, failure });

/** The message of an error body (`{"error": "..."}`), else a generic one with the status. */
export function errorMessage(body: unknown, status: number): string {
  return isRecord(body) && typeof body.error === 'string' && body.error !== '' ? body.error : `HTTP ${status}`;
}

/**
 * One JSON request: GET without a body, POST with one. The parsed answer, or the failure (the
 * server's refusal with its status, a network failure, or a body `parse` rejects).
 */
export async function requestJson<T>(
  fetchFn: FetchLike,
  url: string,
  parse: (body: unknown) => T | null,
  body?: unknown,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return fail({ kind: 'network' });
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (!response.ok) {
    const refusal = parseRefusal(json);
    const message = errorMessage(json, response.status);
    return fail({ kind: 'http', status: response.status, message, ...(refusal ? { refusal } : {}) });
  }
  const value = parse(json);
  return value === null ? fail({ kind: 'format' }) : { ok: true, value };
}

export function createApi(fetchFn: FetchLike, base = ''): Api {
  const call = <T>(path: string, parse: (body: unknown) => T | null, body?: unknown): Promise<ApiResult<T>> =>
    requestJson(fetchFn, `${base}${path}`, parse, body);
  const at = (code: string) => `/api/sessions/${encodeURIComponent(code)}`;
  return {
    scenarios: () => call('/api/scenarios', parseScenarios),
    createSession: (body) => call('/api/sessions', parseCreated, body),
    session: (code) => call(at(code), parseSession),
    join: (code, name) => call(`${at(code)}/join`, parseJoined, { name }),
    leave: (code, seat, credentials) =>
      call(`${at(code)}/leave`, (b) => (isRecord(b) && b.ok === true ? true : null), { seat, credentials }),
  };
}

/** The address of a session's QR code (an SVG of the join link). */
export const qrUrl = (code: string): string => `/api/sessions/${encodeURIComponent(code)}/qr.svg`;

/** The client of the page's own origin. */
export const api: Api = createApi((url, init) => fetch(url, init));
