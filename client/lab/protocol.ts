/**
 * The lab worker's protocol: one job in, progress and one result (or an error) out, each tagged
 * with the job's id. Both sides parse what they receive (a message is data from another thread),
 * so a malformed message becomes an error the page shows, never a silent wrong number.
 */
import { isRecord } from '../../game/core/schema';
import type { ReplicaJob, ReplicaResult } from '../../game/lab/replica';

export type ToWorker = { readonly type: 'job'; readonly id: number; readonly job: ReplicaJob };

export type FromWorker =
  | { readonly type: 'progress'; readonly id: number; readonly steps: number }
  | { readonly type: 'result'; readonly id: number; readonly result: ReplicaResult }
  /** id -1: a message so malformed that its job id is unknown. */
  | { readonly type: 'error'; readonly id: number; readonly message: string };

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(error: string): Parsed<T> => ({ ok: false, error });

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);

/** The shape of a replica job; the model itself is checked by the lab (resolveModel) when it runs. */
export function parseJob(v: unknown): Parsed<ReplicaJob> {
  if (!isRecord(v)) return bad('job must be an object');
  const m = v.model;
  if (!isRecord(m) || !isRecord(m.topology) || typeof m.noise !== 'string' || typeof m.spread !== 'number')
    return bad('job.model must be {topology, noise, spread}');
  if (typeof v.seed !== 'string') return bad('job.seed must be a string');
  if (!isCount(v.replica)) return bad('job.replica must be a whole number');
  if (!isNumber(v.buffer)) return bad('job.buffer must be a number');
  if (!isCount(v.burnIn) || !isCount(v.steps) || v.steps < 1) return bad('job.burnIn and job.steps must be counts');
  if (!optional(v.linear, (x) => typeof x === 'boolean')) return bad('job.linear must be a boolean');
  if (!optional(v.keepSeries, (x) => typeof x === 'boolean')) return bad('job.keepSeries must be a boolean');
  if (!optional(v.backend, (x) => x === 'auto' || x === 'js')) return bad('job.backend must be auto or js');
  return good(v as unknown as ReplicaJob);
}

export function parseToWorker(v: unknown): Parsed<ToWorker> {
  if (!isRecord(v) || v.type !== 'job' || !isCount(v.id)) return bad('expected {type: "job", id, job}');
  const job = parseJob(v.job);
  return job.ok ? good({ type: 'job', id: v.id, job: job.value }) : bad(job.error);
}

export function parseResult(v: unknown): Parsed<ReplicaResult> {
  if (!isRecord(v)) return bad('result must be an object');
  if (!isCount(v.replica)) return bad('result.replica must be a whole number');
  for (const key of ['buffer', 'growthRate', 'breachRate', 'meanDelay'] as const)
    if (!isNumber(v[key])) return bad(`result.${key} must be a number`);
  if (v.backend !== 'js' && v.backend !== 'wasm') return bad('result.backend must be js or wasm');
  if (!optional(v.series, (x) => x instanceof Float64Array)) return bad('result.series must be a Float64Array');
  return good(v as unknown as ReplicaResult);
}

export function parseFromWorker(v: unknown): Parsed<FromWorker> {
  if (!isRecord(v) || !(isCount(v.id) || v.id === -1)) return bad('a worker message needs a type and a job id');
  const id = v.id;
  switch (v.type) {
    case 'progress':
      return isCount(v.steps) ? good({ type: 'progress', id, steps: v.steps }) : bad('progress.steps must be a count');
    case 'error':
      return typeof v.message === 'string' ? good({ type: 'error', id, message: v.message }) : bad('error.message');
    case 'result': {
      const result = parseResult(v.result);
      return result.ok ? good({ type: 'result', id, result: result.value }) : bad(result.error);
    }
    default:
      return bad(`unknown worker message type ${JSON.stringify(v.type)}`);
  }
}
