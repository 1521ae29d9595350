/**
 * The seat this browser holds in a session (docs/API.md, "The browser"): `localStorage` under
 * `kc:seat:<code>` as `{matchID, seat, credentials, name}`, never a cookie, so a reload or a
 * dropped phone returns to the same seat. The facilitator's seat is also kept under
 * `kc:facilitator:<code>`, so that joining as a player from the facilitator's own browser (to try
 * the board) does not lose the controls.
 */
import { isRecord } from '../../game/core/schema';

export interface SeatCredentials {
  readonly matchID: string;
  readonly seat: string;
  readonly credentials: string;
  readonly name: string;
}

/** The part of the Web Storage API the store uses (a fake one in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const FACILITATOR_SEAT = '0';
export const seatKey = (code: string): string => `kc:seat:${code.toUpperCase()}`;
export const facilitatorKey = (code: string): string => `kc:facilitator:${code.toUpperCase()}`;

/** Parse a stored value; anything malformed counts as no seat. */
export function parseSeatCredentials(raw: string | null): SeatCredentials | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const { matchID, seat, credentials, name } = value;
  if (typeof matchID !== 'string' || matchID === '') return null;
  if (typeof seat !== 'string' || !/^\d+$/.test(seat)) return null;
  if (typeof credentials !== 'string' || credentials === '') return null;
  return { matchID, seat, credentials, name: typeof name === 'string' ? name : '' };
}

export interface CredentialStore {
  /** The seat stored for this session (player or facilitator), or null. */
  seat(code: string): SeatCredentials | null;
  /** The facilitator's seat for this session, or null. */
  facilitator(code: string): SeatCredentials | null;
  /** Remember a seat; false when the browser refuses to store it (private mode, quota). */
  save(code: string, seat: SeatCredentials): boolean;
  /** Forget the player seat of this session (after leaving). */
  forget(code: string): void;
}

/**
 * A store over `storage`. Values are mirrored in memory, so a browser that refuses storage still
 * keeps the seat until the page is closed (`save` then answers false, for a warning).
 */
export function createCredentialStore(storage: KeyValueStorage | null): CredentialStore {
  const memory = new Map<string, string>();
  const read = (key: string): SeatCredentials | null => {
    let stored: string | null = null;
    try {
      stored = storage?.getItem(key) ?? null;
    } catch {
      stored = null;
    }
    return parseSeatCredentials(stored ?? memory.get(key) ?? null);
  };
  const write = (key: string, value: SeatCredentials): boolean => {
    memory.set(key, JSON.stringify(value));
    if (!storage) return false;
    try {
      storage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  };
  return {
    seat: (code) => read(seatKey(code)),
    facilitator(code) {
      const own = read(facilitatorKey(code));
      if (own) return own;
      const seat = read(seatKey(code));
      return seat?.seat === FACILITATOR_SEAT ? seat : null;
    },
    save(code, seat) {
      const saved = write(seatKey(code), seat);
      return seat.seat === FACILITATOR_SEAT ? write(facilitatorKey(code), seat) && saved : saved;
    },
    forget(code) {
      memory.delete(seatKey(code));
      try {
        storage?.removeItem(seatKey(code));
      } catch {
        // Nothing stored, nothing to forget.
      }
    },
  };
}

function browserStorage(): KeyValueStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The browser's store (localStorage; none when storage is blocked). */
export const credentialStore: CredentialStore = createCredentialStore(browserStorage());
