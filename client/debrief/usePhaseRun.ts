/**
 * Runs the phase diagram's sweep in the lab's Web Workers (client/lab/runJobs.ts) and keeps its
 * progress and result as React state; a new run or leaving the page cancels the one before. Each
 * run has a number: answers of a run that is no longer the latest are ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type SweepPoint, summariseSweep } from '../../game/lab/experiments';
import type { ReplicaJob } from '../../game/lab/replica';
import { type LabRun, isCancelled, runLabJobs } from '../lab/runJobs';

export type PhaseRun =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly points: readonly SweepPoint[] }
  | { readonly kind: 'error'; readonly message: string };

export function usePhaseRun(): { run: PhaseRun; start: (jobs: readonly ReplicaJob[]) => void; cancel: () => void } {
  const [run, setRun] = useState<PhaseRun>({ kind: 'idle' });
  const latest = useRef(0);
  const lab = useRef<LabRun | null>(null);
  const stop = useCallback(() => {
    latest.current++;
    lab.current?.cancel();
    lab.current = null;
  }, []);
  const cancel = useCallback(() => {
    stop();
    setRun({ kind: 'idle' });
  }, [stop]);
  const start = useCallback(
    (jobs: readonly ReplicaJob[]) => {
      stop();
      const id = latest.current;
      const mine = () => latest.current === id;
      setRun({ kind: 'running', done: 0, total: 1 });
      // runLabJobs reports its first progress (0 of total) before it returns.
      const running = runLabJobs(jobs, (done, total) => {
        if (mine()) setRun({ kind: 'running', done, total });
      });
      lab.current = running;
      running.results.then(
        (results) => {
          if (!mine()) return;
          lab.current = null;
          setRun({ kind: 'done', points: summariseSweep(results) });
        },
        (e: unknown) => {
          if (!mine() || isCancelled(e)) return;
          lab.current = null;
          setRun({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
        },
      );
    },
    [stop],
  );
  useEffect(() => stop, [stop]);
  return { run, start, cancel };
}
