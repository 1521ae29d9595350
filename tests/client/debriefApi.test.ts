/**
 * The debrief page's side of the API (client/debrief/api.ts, refusal.ts): what it sends, how it
 * checks the answers, and what it tells the user when the server refuses.
 */
import { describe, expect, it } from 'vitest';
import { compactHistory } from '../../game/debrief/counterfactual';
import { createDebriefApi, parseCounterfactual, parseDebrief } from '../../client/debrief/api';
import type { RequestRefusalCode } from '../../game/contract/requestRefusals';
import { refusal } from '../../client/debrief/refusal';
import { t } from '../../client/i18n';
import { cascade, debriefOf } from '../debrief/fixtures';
import { columnDescription } from '../../client/debrief/ExportPanel';
import { en } from '../../client/i18n/en';
import { CSV_COLUMNS } from '../../game/debrief/export';

const seat = { seat: '2', credentials: 'secret-2' };
const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fetch that records what it was asked and answers `answer`. */
function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  return {
    calls,
    fetch: async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return answer();
    },
  };
}

describe('parsing the debrief', () => {
  const data = debriefOf(cascade());
  const clone = () => JSON.parse(JSON.stringify(data)) as Record<string, unknown>;

  it('accepts the server’s DebriefData as it comes over the wire', () => {
    expect(parseDebrief(JSON.parse(JSON.stringify(data)))).toEqual(data);
    expect(parseDebrief({ ...clone(), history: [] })).not.toBeNull();
  });

  it('rejects another format, a round with the wrong number of workshops, and missing parts', () => {
    expect(parseDebrief({ ...clone(), format: 'kanban-cascade-debrief/0' })).toBeNull();
    const short = clone();
    (short.history as { workshops: unknown[] }[])[1]!.workshops.pop();
    expect(parseDebrief(short)).toBeNull();
    const badRow = clone();
    (badRow.history as { workshops: Record<string, unknown>[] }[])[0]!.workshops[0]!.lateness = 'late';
    expect(parseDebrief(badRow)).toBeNull();
    for (const key of ['config', 'scenario', 'workshops', 'history', 'lab'])
      expect(parseDebrief({ ...clone(), [key]: undefined })).toBeNull();
    expect(parseDebrief({ ...clone(), criticalBuffer: { value: 'x' } })).toBeNull();
    expect(parseDebrief(null)).toBeNull();
  });

  it('checks a counterfactual’s rounds against the number of workshops', () => {
    const rounds = compactHistory(cascade());
    expect(parseCounterfactual({ spec: { kind: 'bots' }, rounds }, 3)).toEqual(rounds);
    expect(parseCounterfactual({ spec: { kind: 'bots' }, rounds }, 4)).toBeNull();
    expect(parseCounterfactual({ rounds: [{ ...rounds[0], meanLateness: null }] }, 3)).toBeNull();
    expect(parseCounterfactual({ spec: { kind: 'bots' } }, 3)).toBeNull();
  });
});

describe('the debrief requests', () => {
  it('posts the seat and its credentials to the session’s debrief', async () => {
    const data = debriefOf(cascade());
    const f = fakeFetch(() => reply(200, data));
    const result = await createDebriefApi(f.fetch).debrief('K7MPQ2', seat);
    expect(result).toEqual({ ok: true, value: data });
    expect(f.calls[0]!.url).toBe('/api/sessions/K7MPQ2/debrief');
    expect(f.calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(f.calls[0]!.init?.body))).toEqual(seat);
  });

  it('posts a counterfactual spec with the seat', async () => {
    const rounds = compactHistory(cascade());
    const f = fakeFetch(() => reply(200, { spec: { kind: 'uniform', bin: 2.5 }, rounds }));
    const result = await createDebriefApi(f.fetch).counterfactual('K7MPQ2', seat, { kind: 'uniform', bin: 2.5 }, 3);
    expect(result).toEqual({ ok: true, value: rounds });
    expect(f.calls[0]!.url).toBe('/api/sessions/K7MPQ2/counterfactual');
    expect(JSON.parse(String(f.calls[0]!.init?.body))).toEqual({ ...seat, spec: { kind: 'uniform', bin: 2.5 } });
  });

  it('answers the server’s refusal, a network failure and a bad answer as failures', async () => {
    const refused = await createDebriefApi(fakeFetch(() => reply(403, { error: 'not over' })).fetch).debrief('A', seat);
    expect(refused).toEqual({ ok: false, failure: { kind: 'http', status: 403, message: 'not over' } });
    const offline = await createDebriefApi(
      fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetch,
    ).debrief('A', seat);
    expect(offline).toEqual({ ok: false, failure: { kind: 'network' } });
    const odd = await createDebriefApi(fakeFetch(() => reply(200, { hello: 1 })).fetch).debrief('A', seat);
    expect(odd).toEqual({ ok: false, failure: { kind: 'format' } });
  });
});

describe('what the page says when it cannot show the debrief', () => {
  // By the refusal's code only: the status and the English are the same nonsense for every case.
  const http = (code: RequestRefusalCode) =>
    ({ kind: 'http', status: 418, message: 'x', refusal: { code, field: null, params: {} } }) as const;

  it('tells a player to wait for the end, and a facilitator to start the game', () => {
    expect(refusal(http('debrief.notOver')).title).toBe(t('debrief.notOver.title'));
    expect(refusal(http('debrief.notStarted')).title).toBe(t('debrief.notStarted.title'));
  });

  it('names wrong credentials, a missing session and other errors apart', () => {
    expect(refusal(http('seat.credentials')).title).toBe(t('debrief.unauthorised.title'));
    expect(refusal(http('session.unknown')).title).toBe(t('debrief.missing.title'));
    expect(refusal(http('session.gone')).title).toBe(t('debrief.missing.title'));
    expect(refusal({ kind: 'http', status: 500, message: 'x' }).text).toBe(t('debrief.failed.text', { status: 500 }));
    expect(refusal({ kind: 'network' }).text).toBe(t('api.network'));
  });
});

describe('the export panel (DB3)', () => {
  it('DB3 every CSV column has its description in the translation layer, in the same words as the file', () => {
    for (const column of CSV_COLUMNS) {
      const key = `debrief.csv.${column.name}`;
      expect(key in en, key).toBe(true);
      expect(columnDescription(column)).toBe(column.description);
    }
    const extra = Object.keys(en).filter(
      (k) => k.startsWith('debrief.csv.') && !CSV_COLUMNS.some((c) => `debrief.csv.${c.name}` === k),
    );
    expect(extra).toEqual([]);
  });
});
