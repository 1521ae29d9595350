/** The scenarios from GET /api/scenarios, with a retry. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../app/api';
import type { ScenarioSummary } from '../app/apiTypes';
import { failureText } from '../app/failure';

export type Loadable<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'ready'; readonly value: T };

export function useScenarios(): { scenarios: Loadable<ScenarioSummary[]>; retry: () => void } {
  const [scenarios, setScenarios] = useState<Loadable<ScenarioSummary[]>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void api.scenarios().then((r) => {
      if (!live) return;
      setScenarios(r.ok ? { state: 'ready', value: r.value } : { state: 'failed', message: failureText(r.failure) });
    });
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setScenarios({ state: 'loading' });
    setAttempt((a) => a + 1);
  }, []);
  return { scenarios, retry };
}
