/**
 * A move is pending from the click until the view changes (boardgame.io answers a refused move
 * with silence, so after `timeoutMs` the button is offered again).
 */
import { useEffect, useState } from 'react';

export function usePending(stateKey: string, timeoutMs = 4000): [boolean, () => void] {
  const [sentAt, setSentAt] = useState<string | null>(null);
  useEffect(() => {
    if (sentAt === null) return;
    const id = window.setTimeout(() => setSentAt(null), timeoutMs);
    return () => window.clearTimeout(id);
  }, [sentAt, timeoutMs]);
  return [sentAt === stateKey, () => setSentAt(stateKey)];
}
