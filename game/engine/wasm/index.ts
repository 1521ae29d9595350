/**
 * Importing this module registers the WebAssembly runner with `createRunner` (backend 'auto'),
 * when WebAssembly is available. Unsupported specs fall back to the JavaScript runner.
 */
import { registerRunnerBackend } from '../runner';
import { wasmAvailable, wasmRunnerFactory } from './wasmRunner';

export { WasmRunner, wasmAvailable, wasmRunnerFactory } from './wasmRunner';

let registered = false;

/** Register the backend (idempotent); returns whether WebAssembly is available. */
export function registerWasmBackend(): boolean {
  if (!wasmAvailable()) return false;
  if (!registered) {
    registerRunnerBackend(wasmRunnerFactory);
    registered = true;
  }
  return true;
}

registerWasmBackend();
