/**
 * The lab's module Web Worker: replica jobs run here, off the page's thread. Importing the
 * WebAssembly backend registers it (a worker may compile the module synchronously); the runner
 * falls back to JavaScript where WebAssembly is missing, and each result says which one ran.
 */
import '../../game/engine/wasm/index';
import type { FromWorker } from './protocol';
import { handleToWorker } from './workerCore';

/** The part of the dedicated worker global this file uses (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => handleToWorker(event.data, (message) => scope.postMessage(message));
