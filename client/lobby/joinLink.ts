/** The join link of a session: the server's absolute URL, else this origin's /join/CODE. Pure. */
export function joinLink(code: string, serverUrl: string, origin: string): string {
  return serverUrl !== '' ? serverUrl : `${origin}/join/${encodeURIComponent(code)}`;
}

/** A code spelled out for screen readers ("A B C 2 3 4"), so it is not read as a word. */
export const spelled = (code: string): string => [...code].join(' ');
