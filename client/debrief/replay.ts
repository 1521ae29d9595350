/**
 * The replay's state and what the map shows at one round. A frame is the network after one
 * round (the real game's RoundRecord or a counterfactual's compact round); the scrubber is a
 * small reducer (seek, step, play, pause, tick) so that the page and the tests share it. Pure.
 */
import type { RoundRecord } from '../../game/core/types';
import { type Link, linksOf } from '../facilitator/network';

/** The network after one round, as the map draws it. */
export interface MapFrame {
  readonly round: number;
  readonly lateness: readonly number[];
  readonly breached: readonly boolean[];
  /** Binding supplier of each workshop (-1: none). */
  readonly binding: readonly number[];
  /** Who ran on autopilot (null: not recorded, e.g. a counterfactual). */
  readonly autopilot: readonly boolean[] | null;
}

/** The part of a counterfactual's compact round the map needs (game/debrief CompactRound). */
export interface CompactFrameSource {
  readonly round: number;
  readonly lateness: readonly number[];
  readonly breached: readonly (0 | 1 | boolean)[];
  readonly binding: readonly number[];
}

export function frameOf(record: RoundRecord): MapFrame {
  return {
    round: record.round,
    lateness: record.workshops.map((w) => w.lateness),
    breached: record.workshops.map((w) => w.breached),
    binding: record.workshops.map((w) => w.binding),
    autopilot: record.workshops.map((w) => w.autopilot),
  };
}

export function compactFrame(round: CompactFrameSource): MapFrame {
  return {
    round: round.round,
    lateness: round.lateness,
    breached: round.breached.map((b) => b === 1 || b === true),
    binding: round.binding,
    autopilot: null,
  };
}

/** The frame of `round` in a list of frames (null when that round is not in it). */
export const frameAt = <F extends { readonly round: number }>(frames: readonly F[], round: number): F | null =>
  frames.find((f) => f.round === round) ?? null;

/** The cascade at a frame: for every breached bin, an arrow from its binding supplier. */
export function frameArrows(frame: MapFrame | null): Link[] {
  if (!frame) return [];
  return frame.breached.flatMap((breached, customer) => {
    const supplier = frame.binding[customer] ?? -1;
    return breached && supplier >= 0 && supplier !== customer ? [{ supplier, customer }] : [];
  });
}

/** The links as they stood in a round (suppliers can change between rounds). */
export const linksAt = (record: RoundRecord | null): Link[] => (record ? linksOf(record.workshops) : []);

// ---------------------------------------------------------------------------------------------
// The scrubber

export interface Scrubber {
  readonly first: number;
  readonly last: number;
  /** The round shown. */
  readonly round: number;
  readonly playing: boolean;
}

export type ScrubAction =
  | { readonly kind: 'seek'; readonly round: number }
  | { readonly kind: 'step'; readonly by: number }
  | { readonly kind: 'play' }
  | { readonly kind: 'pause' }
  /** One beat of the play timer: the next round, stopping at the last. */
  | { readonly kind: 'tick' };

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** The replay of rounds `first`..`last`, showing the last (the end of the game) at first. */
export function initialScrubber(rounds: readonly { readonly round: number }[]): Scrubber {
  const first = rounds[0]?.round ?? 0;
  const last = rounds.at(-1)?.round ?? 0;
  return { first, last, round: last, playing: false };
}

export function scrub(state: Scrubber, action: ScrubAction): Scrubber {
  const { first, last } = state;
  switch (action.kind) {
    case 'seek':
      return Number.isFinite(action.round) ? { ...state, round: clamp(Math.round(action.round), first, last) } : state;
    case 'step':
      return { ...state, round: clamp(state.round + action.by, first, last), playing: false };
    case 'play':
      if (first === last) return state;
      // Playing from the end starts again from the first round.
      return { ...state, round: state.round >= last ? first : state.round, playing: true };
    case 'pause':
      return { ...state, playing: false };
    case 'tick': {
      if (!state.playing) return state;
      const round = Math.min(state.round + 1, last);
      return { ...state, round, playing: round < last };
    }
  }
}
