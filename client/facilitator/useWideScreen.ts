/** True on screens at least `minWidth` pixels wide (names fit beside the map there). */
import { useSyncExternalStore } from 'react';

export function useWideScreen(minWidth = 640): boolean {
  const query = `(min-width: ${minWidth}px)`;
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
