/**
 * The rule scope: the few facts the decision and vote predicates read (game/core/decisions.ts,
 * council.ts). The server builds it from G for a seat (`seatScope`), the autopilot for a workshop
 * (`workshopScope`), the player board from the seat's view (client/board/selectors.ts
 * `viewScope`); all of them then ask the same predicates, so they agree by construction.
 */
import { FACILITATOR, type G, type PublicConfig, type Status, type Workshop } from './types';
import { neighbours } from './world';

/** What the rules know about the workshop a seat holds. */
export interface WorkshopFacts {
  readonly suppliers: readonly number[];
  readonly alternatives: readonly (readonly number[])[];
  readonly trouble: Workshop['trouble'];
  readonly kaizenPoints: number;
  readonly workers: number;
  readonly coins: number;
  /** Its direct suppliers and customers (D4). */
  readonly neighbours: readonly number[];
}

export interface RuleScope {
  readonly status: Status;
  readonly round: number;
  readonly rule: G['rule'];
  readonly config: Pick<PublicConfig, 'maxBin' | 'mechanics' | 'costs'>;
  /** The seat is the facilitator's (who holds no workshop). */
  readonly facilitator: boolean;
  /** The seat's workshop, or null when it holds none. */
  readonly workshop: WorkshopFacts | null;
  /** The seat has committed this round. */
  readonly committed: boolean;
  /** The council sitting now (the round it precedes), or null. */
  readonly council: { readonly round: number } | null;
  /** The seat has voted in the sitting council. */
  readonly voted: boolean;
  /** Input slots of the whole network (the largest budget is maxBin for each, C2). */
  readonly slots: number;
}

/** A scope whose seat holds a workshop: what the per-field predicates (D1-D5) read. */
export type HeldScope = RuleScope & { readonly workshop: WorkshopFacts };

/** The workshop a seat holds, or -1. */
export function workshopOfSeat(g: G, seat: string): number {
  return g.workshops.findIndex((w) => w.seat === seat);
}

function facts(g: G, i: number): WorkshopFacts {
  const w = g.workshops[i]!;
  return {
    suppliers: w.suppliers,
    alternatives: w.alternatives,
    trouble: w.trouble,
    kaizenPoints: w.kaizenPoints,
    workers: w.workers,
    coins: w.coins,
    neighbours: neighbours(g, i),
  };
}

function common(g: G): Omit<RuleScope, 'facilitator' | 'workshop' | 'committed' | 'voted'> {
  return {
    status: g.status,
    round: g.round,
    rule: g.rule,
    config: g.config,
    council: g.council ? { round: g.council.round } : null,
    slots: g.workshops.reduce((s, w) => s + w.suppliers.length, 0),
  };
}

/** The scope of a seat in G (the server's moves). */
export function seatScope(g: G, seat: string): RuleScope {
  const i = seat === FACILITATOR ? -1 : workshopOfSeat(g, seat);
  return {
    ...common(g),
    facilitator: seat === FACILITATOR,
    workshop: i < 0 ? null : facts(g, i),
    committed: Boolean(g.committed[seat]),
    voted: g.council?.votes[seat] !== undefined,
  };
}

/** The scope of workshop i as if a seat held it and had not committed (the autopilot, B0). */
export function workshopScope(g: G, i: number): HeldScope {
  return { ...common(g), facilitator: false, workshop: facts(g, i), committed: false, voted: false };
}
