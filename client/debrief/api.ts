/**
 * The debrief API (docs/API.md "Debrief"): a session's DebriefData and its counterfactual replays,
 * asked with the seat's credentials. The answers are checked here (the parts the page reads), so
 * the panels can trust them; a failure is an ApiFailure, as everywhere in the client.
 */
import type { CounterfactualBody, CounterfactualWire, SeatProof, Unchecked } from '../../game/contract/api';
import { isRecord } from '../../game/core/schema';
import type { CompactRound, CounterfactualSpec } from '../../game/debrief/counterfactual';
import { DEBRIEF_FORMAT, type DebriefData } from '../../game/debrief/types';
import { type ApiResult, type FetchLike, requestJson } from '../app/api';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numbers = (v: unknown, length: number): boolean =>
  Array.isArray(v) && v.length === length && v.every((x) => isNumber(x) || x === null);
const numberList = (v: unknown): boolean => Array.isArray(v) && v.every(isNumber);

function goodRow(row: unknown): boolean {
  if (!isRecord(row)) return false;
  const { lateness, trouble, binding, breached, bins, suppliers, incoming, rent, penalty, autopilot } = row;
  return (
    [lateness, trouble, binding, rent, penalty].every(isNumber) &&
    typeof breached === 'boolean' &&
    typeof autopilot === 'boolean' &&
    numberList(bins) &&
    numberList(suppliers) &&
    numberList(incoming)
  );
}

function goodRecord(record: unknown, n: number): boolean {
  if (!isRecord(record)) return false;
  const { round, workshops, meanLateness, breachRate, meanBin, totalCost } = record;
  return (
    [round, meanLateness, breachRate, meanBin, totalCost].every(isNumber) &&
    Array.isArray(workshops) &&
    workshops.length === n &&
    workshops.every(goodRow)
  );
}

/** A DebriefData, or null when the answer lacks a part the page reads. */
export function parseDebrief(v: unknown): DebriefData | null {
  if (!isRecord(v) || v.format !== DEBRIEF_FORMAT) return null;
  const { config, scenario, workshops, history, lab, criticalBuffer, status } = v;
  if (!isRecord(config) || !isNumber(config.rounds) || !isNumber(config.maxBin) || !isNumber(config.startingBin))
    return null;
  if (typeof config.scenarioId !== 'string' || typeof status !== 'string') return null;
  if (!isRecord(scenario) || typeof scenario.title !== 'string' || typeof scenario.learningGoal !== 'string')
    return null;
  if (!Array.isArray(scenario.questions) || !scenario.questions.every((q) => typeof q === 'string')) return null;
  if (!Array.isArray(workshops)) return null;
  const n = workshops.length;
  const goodWorkshop = (w: unknown, i: number) =>
    isRecord(w) && w.index === i && typeof w.name === 'string' && (w.player === null || typeof w.player === 'string');
  if (!workshops.every(goodWorkshop)) return null;
  if (!Array.isArray(history) || !history.every((r) => goodRecord(r, n))) return null;
  if (!isRecord(lab) || !isRecord(lab.topology) || typeof lab.noise !== 'string' || !isNumber(lab.spread)) return null;
  if (criticalBuffer !== null && !(isRecord(criticalBuffer) && isNumber(criticalBuffer.value))) return null;
  return v as unknown as DebriefData;
}

/** The rounds of a counterfactual answer `{spec, rounds}`, or null. */
export function parseCounterfactual(raw: unknown, workshops: number): CompactRound[] | null {
  const v = raw as Unchecked<CounterfactualWire>;
  if (!isRecord(raw) || !Array.isArray(v.rounds)) return null;
  const good = v.rounds.every(
    (r: unknown) =>
      isRecord(r) &&
      [r.round, r.meanLateness, r.breachRate, r.meanBin].every(isNumber) &&
      numbers(r.lateness, workshops) &&
      numbers(r.breached, workshops) &&
      numbers(r.binding, workshops),
  );
  return good ? (v.rounds as CompactRound[]) : null;
}

export interface DebriefApi {
  debrief(code: string, seat: SeatProof): Promise<ApiResult<DebriefData>>;
  counterfactual(
    code: string,
    seat: SeatProof,
    spec: CounterfactualSpec,
    workshops: number,
  ): Promise<ApiResult<CompactRound[]>>;
}

export function createDebriefApi(fetchFn: FetchLike, base = ''): DebriefApi {
  const at = (code: string, what: string) => `${base}/api/sessions/${encodeURIComponent(code)}/${what}`;
  const who = (seat: SeatProof): SeatProof => ({ seat: seat.seat, credentials: seat.credentials });
  return {
    debrief: (code, seat) => requestJson(fetchFn, at(code, 'debrief'), parseDebrief, who(seat)),
    counterfactual: (code, seat, spec, workshops) =>
      requestJson(fetchFn, at(code, 'counterfactual'), (v) => parseCounterfactual(v, workshops), {
        ...who(seat),
        spec,
      } satisfies CounterfactualBody),
  };
}

export const debriefApi: DebriefApi = createDebriefApi((url, init) => fetch(url, init));
