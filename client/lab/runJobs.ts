/**
 * Run lab replica jobs in module Web Workers (a small pool, one job per worker at a time), with
 * progress in steps and the results in job order. `cancel()` terminates the workers and rejects
 * the results with a LabCancelled error; a job's error, a worker that fails to load and a
 * malformed message all reject with a message (and stop the other workers).
 */
import type { ReplicaJob, ReplicaResult } from '../../game/lab/replica';
import { type FromWorker, type ToWorker, parseFromWorker } from './protocol';

export interface LabRun {
  readonly results: Promise<ReplicaResult[]>;
  cancel(): void;
}

/** The part of a Worker the pool uses (tests pass an in-process one). */
export interface LabWorker {
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
  onmessageerror: ((event: unknown) => void) | null;
  postMessage(message: ToWorker): void;
  terminate(): void;
}

export interface LabRunOptions {
  /** Workers to start (at most one per job). Default: the browser's cores, from 1 to 4. */
  readonly workers?: number;
  readonly createWorker?: () => LabWorker;
}

export class LabCancelled extends Error {
  constructor() {
    super('the lab run was cancelled');
    this.name = 'LabCancelled';
  }
}

export const isCancelled = (e: unknown): e is LabCancelled => e instanceof LabCancelled;

const MAX_WORKERS = 4;

export function defaultWorkers(): number {
  const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
  return Math.max(1, Math.min(MAX_WORKERS, cores));
}

function createModuleWorker(): LabWorker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'lab' }) as unknown as LabWorker;
}

const stepsOf = (job: ReplicaJob) => job.burnIn + job.steps;

/**
 * Run replica jobs in a Web Worker (module worker, Vite `new Worker(new URL(...), {type:'module'})`).
 * `onProgress(0, total)` is called before this returns, then with the steps done so far.
 */
export function runLabJobs(
  jobs: readonly ReplicaJob[],
  onProgress: (done: number, total: number) => void,
  options: LabRunOptions = {},
): LabRun {
  const total = jobs.reduce((sum, job) => sum + stepsOf(job), 0);
  const done = new Array<number>(jobs.length).fill(0);
  const results = new Array<ReplicaResult | undefined>(jobs.length);
  const workers: LabWorker[] = [];
  let doneSum = 0;
  let next = 0;
  let finished = 0;
  let settled = false;
  let resolve!: (value: ReplicaResult[]) => void;
  let reject!: (reason: Error) => void;
  const promise = new Promise<ReplicaResult[]>((res, rej) => {
    resolve = res;
    reject = rej;
  });

  const stop = () => {
    settled = true;
    for (const worker of workers) worker.terminate();
  };
  const fail = (error: Error) => {
    if (settled) return;
    stop();
    reject(error);
  };
  const progress = (id: number, steps: number) => {
    const job = jobs[id];
    if (!job) return;
    const clamped = Math.min(steps, stepsOf(job));
    doneSum += clamped - done[id]!;
    done[id] = clamped;
    onProgress(doneSum, total);
  };
  const feed = (worker: LabWorker) => {
    if (next >= jobs.length) return;
    const id = next++;
    worker.postMessage({ type: 'job', id, job: jobs[id]! });
  };
  const receive = (worker: LabWorker, data: unknown) => {
    if (settled) return;
    const parsed = parseFromWorker(data);
    if (!parsed.ok) return fail(new Error(`the lab worker sent a bad message: ${parsed.error}`));
    const message: FromWorker = parsed.value;
    if (message.id < 0 || message.id >= jobs.length) {
      return fail(new Error(message.type === 'error' ? message.message : `the lab worker named no job ${message.id}`));
    }
    switch (message.type) {
      case 'progress':
        return progress(message.id, message.steps);
      case 'error':
        return fail(new Error(`replica ${jobs[message.id]!.replica}: ${message.message}`));
      case 'result':
        if (results[message.id]) return fail(new Error(`the lab worker answered job ${message.id} twice`));
        results[message.id] = message.result;
        progress(message.id, stepsOf(jobs[message.id]!));
        finished++;
        if (finished === jobs.length) {
          stop();
          resolve(results as ReplicaResult[]);
        } else feed(worker);
    }
  };

  onProgress(0, total);
  if (jobs.length === 0) {
    settled = true;
    resolve([]);
  } else {
    const count = Math.max(1, Math.min(options.workers ?? defaultWorkers(), jobs.length));
    try {
      for (let w = 0; w < count; w++) {
        const worker = (options.createWorker ?? createModuleWorker)();
        workers.push(worker);
        worker.onmessage = (event) => receive(worker, event.data);
        worker.onerror = (event) =>
          fail(new Error(`the lab worker failed${event.message ? `: ${event.message}` : ' to load or crashed'}`));
        worker.onmessageerror = () => fail(new Error('a message from the lab worker could not be read'));
      }
      for (const worker of workers) feed(worker);
    } catch (e) {
      fail(new Error(`the lab worker could not start: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  return {
    results: promise,
    cancel: () => {
      if (settled) return;
      stop();
      reject(new LabCancelled());
    },
  };
}
