/**
 * boardgame.io writes its errors (a refused move, a stale state id, an unknown match) with
 * `console.error('ERROR:', message)` from inside its bundle, with no logger to inject. While a
 * server runs, those lines go to the server's structured log instead, as `library-error` events
 * cut to 300 characters: an attacker's refused packets cannot flood stderr, and a silent logger
 * (the tests) really is silent. Anything else written to console.error passes through.
 */
import type { Logger } from './log';

const MESSAGE_MAX = 300;
const sinks = new Set<Logger>();
let original: typeof console.error | null = null;

/** Route boardgame.io's error lines to `log` until the returned function is called. */
export function routeLibraryErrors(log: Logger): () => void {
  if (original === null) {
    const passThrough = console.error.bind(console);
    original = passThrough;
    console.error = (...args: unknown[]) => {
      if (args[0] === 'ERROR:' && args.length === 2 && typeof args[1] === 'string' && sinks.size > 0) {
        for (const sink of sinks) sink('library-error', { message: args[1].slice(0, MESSAGE_MAX) });
        return;
      }
      passThrough(...args);
    };
  }
  sinks.add(log);
  return () => {
    sinks.delete(log);
  };
}
