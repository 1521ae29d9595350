/**
 * What each seat may see (rules I1-I5). `playerView` is boardgame.io's hook; `seatView` is also
 * what a bot policy receives for its workshop, so bots see exactly what a human there would.
 */
import { waitingSeats, workshopOfSeat } from './decisions';
import {
  FACILITATOR,
  type G,
  type PublicConfig,
  type RoundRecord,
  type Status,
  type Workshop,
  type WorkshopRound,
} from './types';
import { neighbours } from './world';

/** A neighbour's public state (I2): name, lateness, line stop, autopilot. */
export interface PublicWorkshop {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly lateness: number;
  readonly breached: boolean;
  readonly autopilot: boolean;
}

/** The whole map: everyone's public state and links (council rounds, reveal, game over). */
export interface MapView {
  readonly workshops: readonly (PublicWorkshop & { readonly suppliers: readonly number[]; readonly binding: number })[];
}

interface Common {
  readonly config: PublicConfig;
  readonly status: Status;
  readonly round: number;
  readonly paused: boolean;
  readonly clock: G['clock'];
  /** Human seats that still owe a decision this round (count only). */
  readonly waitingFor: number;
  readonly rule: G['rule'];
  readonly council: { readonly round: number; readonly votes: number } | null;
  /** Network-wide aggregates per resolved round, public to the whole room. */
  readonly rounds: readonly {
    readonly round: number;
    readonly meanLateness: number;
    readonly breachRate: number;
    readonly meanBin: number;
  }[];
}

export interface SeatView extends Common {
  readonly role: 'player';
  readonly seat: string;
  /** My workshop, in full (I1). */
  readonly me: Workshop & { readonly index: number };
  readonly suppliers: readonly PublicWorkshop[];
  readonly customers: readonly PublicWorkshop[];
  /** My workshop's own rows of every resolved round. */
  readonly myHistory: readonly WorkshopRound[];
  readonly committed: boolean;
  /** During a council: has this seat voted? */
  readonly voted: boolean;
  /** Per input slot, the suppliers on offer (names are public: only hand-made maps have choices). */
  readonly offers: readonly (readonly { readonly index: number; readonly id: string; readonly name: string }[])[];
  readonly map: MapView | null;
  readonly history: readonly RoundRecord[] | null;
}

export interface FacilitatorView extends Common {
  readonly role: 'facilitator';
  readonly workshops: readonly Workshop[];
  readonly committedSeats: readonly string[];
  readonly absent: readonly string[];
  readonly storms: G['storms'];
  readonly pendingShocks: G['pendingShocks'];
  readonly councilVotes: G['council'];
  readonly revealed: boolean;
  readonly councilCalled: boolean;
  /** The latest resolved round in full (the projector's cascade arrows). */
  readonly lastRound: RoundRecord | null;
  readonly history: readonly RoundRecord[] | null;
}

export interface SpectatorView extends Common {
  readonly role: 'spectator';
  readonly map: MapView | null;
  readonly history: readonly RoundRecord[] | null;
}

export type View = SeatView | FacilitatorView | SpectatorView;

export function publicWorkshop(g: G, index: number): PublicWorkshop {
  const w = g.workshops[index]!;
  return { index, id: w.id, name: w.name, lateness: w.lateness, breached: w.breached, autopilot: w.autopilot };
}

function mapView(g: G): MapView {
  return {
    workshops: g.workshops.map((w, i) => ({
      ...publicWorkshop(g, i),
      suppliers: [...w.suppliers],
      binding: w.binding,
    })),
  };
}

/**
 * The part every view shares, computed once per state: boardgame.io filters one state for every
 * client of the match in turn, and states are immutable on the server (never cached for a draft:
 * bots read views of the state being resolved, which changes between calls).
 */
const commonOf = new WeakMap<G, Common>();

function common(g: G): Common {
  const frozen = Object.isFrozen(g);
  const cached = frozen ? commonOf.get(g) : undefined;
  if (cached) return cached;
  const value = computeCommon(g);
  if (frozen) commonOf.set(g, value);
  return value;
}

function computeCommon(g: G): Common {
  return {
    config: g.config,
    status: g.status,
    round: g.round,
    paused: g.paused,
    clock: g.clock,
    waitingFor: g.status === 'playing' ? waitingSeats(g).length : 0,
    rule: g.rule,
    council: g.council ? { round: g.council.round, votes: Object.keys(g.council.votes).length } : null,
    rounds: g.history.map((h) => ({
      round: h.round,
      meanLateness: h.meanLateness,
      breachRate: h.breachRate,
      meanBin: h.meanBin,
    })),
  };
}

/** A deep copy of a workshop (the view must not share arrays with the state a bot may be resolving). */
function copyWorkshop(w: Workshop): Workshop {
  const trouble: Workshop['trouble'] =
    w.trouble.kind === 'die'
      ? { kind: 'die', die: { faces: [...w.trouble.die.faces], explodes: [...w.trouble.die.explodes] } }
      : { kind: 'exp', mean: w.trouble.mean };
  return {
    ...w,
    suppliers: [...w.suppliers],
    alternatives: w.alternatives.map((a) => [...a]),
    bins: [...w.bins],
    trouble,
  };
}

/** The view of the seat holding workshop `index` (also a bot's input). */
export function workshopView(g: G, index: number, seat: string): SeatView {
  const w = g.workshops[index]!;
  const over = g.status === 'over';
  const mapOpen = over || g.revealed || g.status === 'council';
  const customers = neighbours(g, index).filter((j) => g.workshops[j]!.suppliers.includes(index));
  return {
    ...common(g),
    role: 'player',
    seat,
    me: { ...copyWorkshop(w), index },
    suppliers: [...new Set(w.suppliers)].map((j) => publicWorkshop(g, j)),
    customers: customers.map((j) => publicWorkshop(g, j)),
    myHistory: g.history.map((h) => h.workshops[index]!),
    committed: Boolean(g.committed[seat]),
    voted: g.council?.votes[seat] !== undefined,
    offers: w.alternatives.map((slot) =>
      slot.map((j) => ({ index: j, id: g.workshops[j]!.id, name: g.workshops[j]!.name })),
    ),
    map: mapOpen ? mapView(g) : null,
    history: over ? g.history : null,
  };
}

export function playerView({ G: g, playerID }: { G: G; playerID: string | null | undefined }): View {
  const over = g.status === 'over';
  if (playerID === FACILITATOR) {
    return {
      ...common(g),
      role: 'facilitator',
      workshops: g.workshops,
      committedSeats: Object.keys(g.committed),
      absent: g.absent,
      storms: g.storms,
      pendingShocks: g.pendingShocks,
      councilVotes: g.council,
      revealed: g.revealed,
      councilCalled: g.councilCalled,
      lastRound: g.history.at(-1) ?? null,
      history: over ? g.history : null,
    };
  }
  const index = playerID === null || playerID === undefined ? -1 : workshopOfSeat(g, playerID);
  if (index >= 0) return workshopView(g, index, playerID!);
  return {
    ...common(g),
    role: 'spectator',
    map: over || g.revealed || g.status === 'council' ? mapView(g) : null,
    history: over ? g.history : null,
  };
}
