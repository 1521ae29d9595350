/** Load one API answer when `key` changes, with a retry; a late answer for an old key is dropped. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../app/api';
import { failureText } from '../app/failure';
import type { Loadable } from '../lobby/useScenarios';

export type LoadState<T> = Loadable<T> & { readonly notFound?: boolean };

export function useLoad<T>(load: () => Promise<ApiResult<T>>, key: string): { value: LoadState<T>; retry: () => void } {
  const [value, setValue] = useState<LoadState<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // `load` is a fresh closure every render; `key` says what it loads, so the loading effect
  // reads the latest closure from a ref rather than re-running for every new one.
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    let live = true;
    setValue({ state: 'loading' });
    void latest.current().then((r) => {
      if (!live) return;
      setValue(
        r.ok
          ? { state: 'ready', value: r.value }
          : {
              state: 'failed',
              message: failureText(r.failure),
              notFound: r.failure.kind === 'http' && r.failure.status === 404,
            },
      );
    });
    return () => {
      live = false;
    };
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { value, retry };
}
