/** Runs one lab request at a time in the worker pool: its progress, its end, Cancel. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReplicaJob } from '../../game/lab/replica';
import type { LabRequest } from './form';
import { type LabResult, summarise } from './results';
import { type LabRun, isCancelled, runLabJobs } from './runJobs';

export type RunState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly done: number; readonly total: number; readonly jobs: number }
  | { readonly phase: 'done'; readonly done: number; readonly total: number; readonly seconds: number }
  | { readonly phase: 'cancelled'; readonly done: number; readonly total: number }
  | { readonly phase: 'failed'; readonly done: number; readonly total: number; readonly message: string };

export function useLabRunner(onResult: (result: LabResult) => void) {
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const current = useRef<LabRun | null>(null);
  const resultRef = useRef(onResult);
  useEffect(() => {
    resultRef.current = onResult;
  }, [onResult]);
  useEffect(() => () => current.current?.cancel(), []);

  const start = useCallback((request: LabRequest, jobs: readonly ReplicaJob[]) => {
    current.current?.cancel();
    const began = performance.now();
    let done = 0;
    let total = 0;
    setState({ phase: 'running', done, total, jobs: jobs.length });
    const run = runLabJobs(jobs, (d, tot) => {
      done = d;
      total = tot;
      setState((s) => (s.phase === 'running' ? { ...s, done: d, total: tot } : s));
    });
    current.current = run;
    run.results.then(
      (results) => {
        if (current.current !== run) return;
        current.current = null;
        const seconds = (performance.now() - began) / 1000;
        try {
          resultRef.current(summarise(request, results, seconds));
          setState({ phase: 'done', done: total, total, seconds });
        } catch (e) {
          setState({ phase: 'failed', done, total, message: e instanceof Error ? e.message : String(e) });
        }
      },
      (e: unknown) => {
        if (current.current !== run) return;
        current.current = null;
        if (isCancelled(e)) setState({ phase: 'cancelled', done, total });
        else setState({ phase: 'failed', done, total, message: e instanceof Error ? e.message : String(e) });
      },
    );
  }, []);

  const cancel = useCallback(() => current.current?.cancel(), []);

  return { state, start, cancel };
}
