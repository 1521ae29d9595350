/** What the facilitator's screen shows, selected from the view. Pure. */
import type { FacilitatorView } from '../../game/core/view';
import type { SessionPlayer } from '../../game/contract/api';
import { NAMES_UP_TO } from './layout';

/** `present` outside a round (before the start, in a council, after the end). */
export type SeatState = 'committed' | 'voted' | 'waiting' | 'absent' | 'present';

export interface SeatRow {
  readonly seat: string;
  /** The workshop the seat holds (-1 before the start). */
  readonly workshop: number;
  readonly workshopName: string;
  /** The player's name from the session API ('' when unknown). */
  readonly player: string;
  readonly state: SeatState;
}

/**
 * The people at the table: every seat a player has joined (names from the session API), with its
 * workshop and, from the game's own view (so the rows agree with `waitingFor`), whether it has
 * committed, is still deciding or is away. Every workshop is a seat on the server and seats
 * nobody holds are absent; without the session's list (dev), the present seats are shown.
 */
export function seatRows(view: FacilitatorView, players: readonly SessionPlayer[]): SeatRow[] {
  const committed = new Set(view.committedSeats);
  const absent = new Set(view.absent);
  const workshopOf = (seat: string) => view.workshops.findIndex((w) => w.seat === seat);
  const seats =
    players.length > 0
      ? players.map((p) => ({ seat: p.seat, player: p.name }))
      : view.workshops
          .filter((w) => w.seat !== null && !absent.has(w.seat))
          .map((w) => ({ seat: w.seat!, player: '' }));
  return seats
    .map(({ seat, player }) => {
      const workshop = workshopOf(seat);
      const away = absent.has(seat);
      const playing = view.status === 'playing';
      const voted = view.status === 'council' && view.councilVotes?.votes[seat] !== undefined;
      const state: SeatState =
        playing && committed.has(seat)
          ? 'committed'
          : voted
            ? 'voted'
            : away
              ? 'absent'
              : playing
                ? 'waiting'
                : 'present';
      return { seat, workshop, workshopName: view.workshops[workshop]?.name ?? '', player, state };
    })
    .sort((a, b) => Number(a.seat) - Number(b.seat));
}

export interface Headline {
  /** Mean lateness of the workshops now (after the last round), hours. */
  readonly meanLateness: number;
  /** Share of workshops whose line stopped in the last round (null before the first). */
  readonly breachRate: number | null;
  /** Mean bin of the last round (null before the first), hours. */
  readonly meanBin: number | null;
  readonly criticalBuffer: number | null;
  readonly lineStops: number;
}

export function headline(view: FacilitatorView): Headline {
  const n = view.workshops.length;
  const last = view.rounds.at(-1) ?? null;
  return {
    meanLateness: n === 0 ? 0 : view.workshops.reduce((s, w) => s + w.lateness, 0) / n,
    breachRate: last?.breachRate ?? null,
    meanBin: last?.meanBin ?? null,
    criticalBuffer: view.config.criticalBuffer,
    lineStops: view.workshops.filter((w) => w.breached).length,
  };
}

/** A short name for a workshop on the map: its name on small maps, else (or when `names` is false) its number. */
export function mapLabel(name: string, index: number, n: number, names = n <= NAMES_UP_TO): string {
  if (!names) return String(index + 1);
  return name.length > 16 ? `${name.slice(0, 15)}…` : name;
}

/** What the room should hear when the game moves on: a key of the announcement and its round. */
export type Phase = 'setup' | 'playing' | 'paused' | 'council' | 'over';

export function phaseOf(view: Pick<FacilitatorView, 'status' | 'paused'>): Phase {
  if (view.status === 'playing' && view.paused) return 'paused';
  return view.status;
}
