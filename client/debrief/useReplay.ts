/**
 * The replay's scrubber as React state: the reducer of replay.ts, with a timer that steps one
 * round per beat while playing. The timer only changes the round shown (no animation), so it
 * also runs when the user prefers reduced motion; the drawing has no transitions either way.
 */
import { useEffect, useReducer } from 'react';
import { type ScrubAction, type Scrubber, initialScrubber, scrub } from './replay';

/** Milliseconds per round while playing. */
export const BEAT_MS = 900;

export function useReplay(rounds: readonly { readonly round: number }[]): [Scrubber, (action: ScrubAction) => void] {
  const [state, dispatch] = useReducer(scrub, rounds, initialScrubber);
  useEffect(() => {
    if (!state.playing) return;
    const id = window.setInterval(() => dispatch({ kind: 'tick' }), BEAT_MS);
    return () => window.clearInterval(id);
  }, [state.playing]);
  return [state, dispatch];
}
