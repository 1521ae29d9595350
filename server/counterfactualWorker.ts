/** Worker thread of the debrief API: replays counterfactuals off the server's event loop (debrief.ts). */
import { parentPort } from 'node:worker_threads';
import type { G } from '../game/core/types';
import {
  type CompactRound,
  type CounterfactualSpec,
  compactHistory,
  counterfactual,
} from '../game/debrief/counterfactual';

export type ToWorker = { readonly id: number; readonly g: G; readonly spec: CounterfactualSpec };
export type FromWorker =
  | { readonly id: number; readonly type: 'result'; readonly rounds: CompactRound[] }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

const port = parentPort;
if (!port) throw new Error('counterfactualWorker.ts must run in a worker thread');
port.on('message', ({ id, g, spec }: ToWorker) => {
  try {
    port.postMessage({ id, type: 'result', rounds: compactHistory(counterfactual(g, spec)) } satisfies FromWorker);
  } catch (e) {
    port.postMessage({ id, type: 'error', message: (e as Error).message } satisfies FromWorker);
  }
});
