/** Worker thread of the lab pool: runs replica jobs and reports progress. */
import { parentPort } from 'node:worker_threads';
import '../../game/engine/wasm/index';
import { type ReplicaJob, runReplica } from '../../game/lab/replica';

export type ToWorker = { readonly id: number; readonly job: ReplicaJob };
export type FromWorker =
  | { readonly id: number; readonly type: 'progress'; readonly steps: number }
  | { readonly id: number; readonly type: 'result'; readonly result: ReturnType<typeof runReplica> }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

const port = parentPort;
if (!port) throw new Error('labWorker.ts must run in a worker thread');
port.on('message', ({ id, job }: ToWorker) => {
  try {
    const result = runReplica(job, (steps) => port.postMessage({ id, type: 'progress', steps } satisfies FromWorker));
    port.postMessage({ id, type: 'result', result } satisfies FromWorker);
  } catch (e) {
    port.postMessage({ id, type: 'error', message: (e as Error).message } satisfies FromWorker);
  }
});
