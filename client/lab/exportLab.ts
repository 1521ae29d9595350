/**
 * Lab results as files: JSON (everything, including the request that reproduces it) and CSV (one
 * table per experiment: replicas' estimates, sweep points, or avalanches). Pure, except
 * `download`, which hands a Blob to the browser.
 */
import { formatNoise } from '../../game/engine/noise';
import type { LabResult } from './results';

export const LAB_FORMAT = 'kanban-cascade-lab/1';

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const CSV_HEADERS = {
  critical: ['replica', 'critical_buffer_estimate'],
  sweep: ['buffer', 'growth_rate', 'growth_rate_error', 'breach_rate', 'mean_delay'],
  avalanches: ['replica', 'start', 'duration', 'size'],
} as const;

export function labCsv(result: LabResult): string {
  switch (result.experiment) {
    case 'critical':
      return toCsv(
        CSV_HEADERS.critical,
        result.summary.replicaEstimates.map((v, replica) => [replica, v]),
      );
    case 'sweep':
      return toCsv(
        CSV_HEADERS.sweep,
        result.points.map((p) => [p.buffer, p.growthRate, p.growthRateError, p.breachRate, p.meanDelay]),
      );
    case 'avalanches':
      return toCsv(
        CSV_HEADERS.avalanches,
        result.summary.avalanches.map((a) => [a.replica, a.start, a.duration, a.size]),
      );
  }
}

/** The result as JSON: the request (model, run length, range or bin), the backend and the summary. */
export function labJson(result: LabResult): string {
  const { request } = result;
  const head = {
    format: LAB_FORMAT,
    experiment: result.experiment,
    scenario: request.scenario,
    model: request.model,
    noise: formatNoise(request.noise),
    network: { n: request.n, k: request.k },
    run: request.run,
    backend: result.backend,
    seconds: result.seconds,
  };
  switch (result.experiment) {
    case 'critical':
      return JSON.stringify({ ...head, ...result.summary, theory: result.theory }, finite, 2);
    case 'sweep':
      return JSON.stringify(
        { ...head, sweep: request.sweep, criticalEstimate: result.criticalEstimate, points: result.points },
        finite,
        2,
      );
    case 'avalanches':
      return JSON.stringify({ ...head, ...result.summary }, finite, 2);
  }
}

/** Infinity (a minimising g of bounded trouble) has no JSON form: write null. */
const finite = (_key: string, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value);

export function fileName(result: LabResult, extension: 'json' | 'csv'): string {
  const { scenario, model } = result.request;
  const topology = model.topology;
  const what = scenario ?? (topology.kind === 'custom' ? 'custom' : `${topology.kind}-k${topology.k}-n${topology.n}`);
  return `lab-${result.experiment}-${what}.${extension}`;
}

/** Save text as a file through a Blob URL. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
