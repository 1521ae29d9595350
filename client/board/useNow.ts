/** The wall clock, re-read every `everyMs` while `active` (the round timer, a pending commit). */
import { useEffect, useState } from 'react';

export function useNow(active: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const tickNow = () => setNow(Date.now());
    tickNow();
    const id = setInterval(tickNow, everyMs);
    return () => clearInterval(id);
  }, [active, everyMs]);
  return now;
}
