/**
 * Asks for counterfactual replays and remembers their answers (one request per spec), with a
 * loading state; a newer request supersedes an older one still on its way.
 */
import { useCallback, useRef, useState } from 'react';
import type { CompactRound, CounterfactualSpec } from '../../game/debrief/counterfactual';
import { specKey } from './whatIf';

export type Replay =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly spec: CounterfactualSpec }
  | { readonly kind: 'done'; readonly spec: CounterfactualSpec; readonly rounds: readonly CompactRound[] }
  | { readonly kind: 'error'; readonly spec: CounterfactualSpec; readonly message: string };

export type CounterfactualFn = (spec: CounterfactualSpec) => Promise<CompactRound[]>;

export function useCounterfactual(fn: CounterfactualFn): [Replay, (spec: CounterfactualSpec) => void] {
  const [replay, setReplay] = useState<Replay>({ kind: 'idle' });
  const cache = useRef(new Map<string, CompactRound[]>());
  const latest = useRef('');
  const ask = useCallback(
    (spec: CounterfactualSpec) => {
      const key = specKey(spec);
      latest.current = key;
      const known = cache.current.get(key);
      if (known) {
        setReplay({ kind: 'done', spec, rounds: known });
        return;
      }
      setReplay({ kind: 'loading', spec });
      fn(spec).then(
        (rounds) => {
          cache.current.set(key, rounds);
          if (latest.current === key) setReplay({ kind: 'done', spec, rounds });
        },
        (e: unknown) => {
          if (latest.current === key)
            setReplay({ kind: 'error', spec, message: e instanceof Error ? e.message : String(e) });
        },
      );
    },
    [fn],
  );
  return [replay, ask];
}
