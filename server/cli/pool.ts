/**
 * Runs lab replica jobs on all cores with worker threads (tsx registered inside each worker), or
 * in-process when one thread is asked for or the work is small. Results come back in job order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import '../../game/engine/wasm/index';
import { type ReplicaJob, type ReplicaResult, runReplica } from '../../game/lab/replica';
import type { FromWorker, ToWorker } from './labWorker';

export interface PoolOptions {
  /**
   * Worker threads, at most the number of jobs. 1 runs in-process. Without it: all cores, or
   * in-process when the work is small.
   */
  readonly threads?: number;
  /** Called with the fraction of all steps done. */
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Below this many firm-updates in all (about half a second on one core with the WebAssembly
 * kernel), starting workers (~0.2 s each, tsx included) costs more than it saves.
 */
const IN_PROCESS_WORK = 3e7;

export const defaultThreads = (): number => availableParallelism();

function jobWork(job: ReplicaJob, firms: number): number {
  return (job.burnIn + job.steps) * firms;
}

export async function runJobs(
  jobs: readonly ReplicaJob[],
  firms: number,
  options: PoolOptions = {},
): Promise<ReplicaResult[]> {
  const totalSteps = jobs.reduce((sum, job) => sum + job.burnIn + job.steps, 0);
  const done = new Array<number>(jobs.length).fill(0);
  let doneSum = 0;
  const report = (index: number, steps: number) => {
    doneSum += steps - done[index]!;
    done[index] = steps;
    options.onProgress?.(doneSum / totalSteps);
  };
  const work = jobs.reduce((sum, job) => sum + jobWork(job, firms), 0);
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), jobs.length));
  if (threads === 1 || (options.threads === undefined && work < IN_PROCESS_WORK)) {
    return jobs.map((job, index) => runReplica(job, (steps) => report(index, steps)));
  }
  const results = new Array<ReplicaResult | undefined>(jobs.length);
  let next = 0;
  const target = new URL('./labWorker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  const workers = Array.from({ length: threads }, () => new Worker(bootstrap, { eval: true }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= jobs.length) return resolve();
              const id = next++;
              worker.postMessage({ id, job: jobs[id]! } satisfies ToWorker);
            };
            worker.on('message', (message: FromWorker) => {
              if (message.type === 'progress') report(message.id, message.steps);
              else if (message.type === 'error') reject(new Error(message.message));
              else {
                results[message.id] = message.result;
                feed();
              }
            });
            worker.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.map((r, i) => {
    if (!r) throw new Error(`lab job ${i} returned no result`);
    return r;
  });
}
