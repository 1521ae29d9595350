/**
 * What the lab worker does with one message, apart from the worker global (so tests can drive it
 * in-process): parse the job, run the replica with throttled progress, answer a result or an error.
 */
import { isRecord } from '../../game/core/schema';
import { runReplica } from '../../game/lab/replica';
import { type FromWorker, parseToWorker } from './protocol';

/** Progress messages at most this often per job (the last step always arrives with the result). */
export const PROGRESS_INTERVAL_MS = 80;

export function handleToWorker(
  data: unknown,
  post: (message: FromWorker) => void,
  now: () => number = () => performance.now(),
): void {
  const parsed = parseToWorker(data);
  if (!parsed.ok) {
    const id =
      isRecord(data) && typeof data.id === 'number' && Number.isInteger(data.id) && data.id >= 0 ? data.id : -1;
    post({ type: 'error', id, message: `bad job message: ${parsed.error}` });
    return;
  }
  const { id, job } = parsed.value;
  let last = now();
  try {
    const result = runReplica(job, (steps) => {
      const time = now();
      if (time - last < PROGRESS_INTERVAL_MS) return;
      last = time;
      post({ type: 'progress', id, steps });
    });
    post({ type: 'result', id, result });
  } catch (e) {
    post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  }
}
