/**
 * Decisions and the pure predicates that validate them (rules D1-D6). They read a `RuleScope`
 * (game/core/scope.ts), which the server's moves build from G, the autopilot from a workshop and
 * the player board from its view: one set of rules, so a decision the board accepts is one the
 * server accepts. A refusal is data (`Refusal`, game/core/refusals.ts).
 */
import { type Result, err, ok } from '../engine/result';
import { councilFloor } from './measures';
import type { Refusal } from './refusals';
import { isRecord, shown } from './schema';
import type { HeldScope, RuleScope } from './scope';
import type { Decision, G } from './types';

export { workshopOfSeat } from './scope';

const DECISION_KEYS = ['round', 'bins', 'kaizenFace', 'help', 'suppliers'];

/** Lowest bin allowed this round (council floor, D2), 0 otherwise. */
export function binFloor(g: Pick<G, 'rule'>): number {
  return councilFloor(g.rule);
}

/** D1-D2: a single bin value is a finite number from the floor to the scenario's maximum. */
export function canSetBin(s: Pick<RuleScope, 'rule' | 'config'>, value: unknown): Refusal | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'bin.notNumber' };
  const floor = councilFloor(s.rule);
  if (value < floor) return floor > 0 ? { code: 'bin.belowFloor', floor } : { code: 'bin.negative' };
  if (value > s.config.maxBin) return { code: 'bin.tooHigh', max: s.config.maxBin };
  return null;
}

/** D3: kaizen: enough points, the mechanic on, a face that can still go down. */
export function canKaizen(s: HeldScope, face: unknown): Refusal | null {
  const w = s.workshop;
  if (!s.config.mechanics.kaizen) return { code: 'kaizen.off' };
  if (w.trouble.kind !== 'die') return { code: 'kaizen.noDie' };
  if (typeof face !== 'number' || !Number.isInteger(face) || face < 0 || face >= w.trouble.die.faces.length)
    return { code: 'kaizen.face' };
  if (w.trouble.die.faces[face]! < 1) return { code: 'kaizen.faceAtZero' };
  if (w.kaizenPoints < s.config.costs.kaizenCost) return { code: 'kaizen.points', cost: s.config.costs.kaizenCost };
  return null;
}

/** D4: help: workers on, a free worker, enough coins, a direct neighbour. */
export function canHelp(s: HeldScope, target: unknown): Refusal | null {
  const w = s.workshop;
  if (!s.config.mechanics.workers) return { code: 'help.off' };
  if (typeof target !== 'number' || !Number.isInteger(target)) return { code: 'help.choose' };
  if (!w.neighbours.includes(target)) return { code: 'help.notNeighbour' };
  if (w.workers < 1) return { code: 'help.noWorker' };
  if (w.coins < s.config.costs.commute) return { code: 'help.coins', cost: s.config.costs.commute };
  return null;
}

/** The suppliers on offer for input `slot`: its alternatives, or only the current one (D5). */
export function supplierOptions(w: Pick<HeldScope['workshop'], 'suppliers' | 'alternatives'>, slot: number): number[] {
  const alternatives = w.alternatives[slot] ?? [];
  return alternatives.length > 0 ? [...alternatives] : [w.suppliers[slot]!];
}

/** D5: supplier choice: for every slot, the current supplier or one of its alternatives. */
export function canChooseSuppliers(s: HeldScope, choice: unknown): Refusal | null {
  const w = s.workshop;
  if (!Array.isArray(choice) || choice.length !== w.suppliers.length)
    return { code: 'suppliers.count', count: w.suppliers.length };
  for (const [slot, supplier] of choice.entries()) {
    if (!supplierOptions(w, slot).includes(supplier as number))
      return { code: 'suppliers.notOffered', input: slot + 1 };
    if (supplier !== w.suppliers[slot] && !s.config.mechanics.supplierChoice) return { code: 'suppliers.off' };
  }
  if (new Set(choice).size !== choice.length) return { code: 'suppliers.twice' };
  return null;
}

/** The first refusal of a field that is set (null or absent fields are not checked). */
const fieldRefusal = (value: unknown, check: (v: unknown) => Refusal | null): Refusal | null =>
  value === null ? null : check(value);

/**
 * D6: a whole commit: the right round, a seat that holds a workshop, not yet committed, only the
 * known fields, and every part valid. Returns the parsed decision or the first refusal.
 */
export function canCommit(s: RuleScope, round: unknown, decision: unknown): Result<Decision, Refusal> {
  if (s.status !== 'playing') return err({ code: s.status === 'council' ? 'commit.council' : 'commit.notPlaying' });
  if (round !== s.round) return err({ code: 'commit.wrongRound', round: shown(round), current: s.round });
  if (s.facilitator) return err({ code: 'commit.facilitator' });
  const w = s.workshop;
  if (w === null) return err({ code: 'commit.noWorkshop' });
  const held: HeldScope = { ...s, workshop: w };
  if (s.committed) return err({ code: 'commit.already' });
  if (!isRecord(decision)) return err({ code: 'commit.notObject' });
  const extra = Object.keys(decision).find((k) => !DECISION_KEYS.includes(k));
  if (extra !== undefined) return err({ code: 'commit.unknownField', field: extra });
  if (decision.round !== round) return err({ code: 'commit.otherRound' });
  const bins = decision.bins;
  if (!Array.isArray(bins) || bins.length !== w.suppliers.length)
    return err({ code: 'commit.binsCount', count: w.suppliers.length });
  const parsedBins: number[] = [];
  for (const b of bins) {
    const refusal = canSetBin(s, b);
    if (refusal) return err(refusal);
    parsedBins.push(b as number);
  }
  const kaizenFace = decision.kaizenFace ?? null;
  const help = decision.help ?? null;
  const suppliers = decision.suppliers ?? null;
  const refusal =
    fieldRefusal(kaizenFace, (f) => canKaizen(held, f)) ??
    fieldRefusal(help, (h) => canHelp(held, h)) ??
    fieldRefusal(suppliers, (c) => canChooseSuppliers(held, c));
  if (refusal) return err(refusal);
  return ok({
    round: s.round,
    bins: parsedBins,
    kaizenFace: kaizenFace as number | null,
    help: help as number | null,
    suppliers: suppliers === null ? null : [...(suppliers as number[])],
  });
}

/** The decision that keeps everything as it is (bins unchanged, nothing else). */
export function keepDecision(g: G, workshop: number): Decision {
  const w = g.workshops[workshop]!;
  return {
    round: g.round,
    bins: w.bins.map((b) => Math.max(b, binFloor(g))),
    kaizenFace: null,
    help: null,
    suppliers: null,
  };
}

/** Human seats that still owe a decision this round (present, holding a workshop, not committed). */
export function waitingSeats(g: G): string[] {
  return g.workshops
    .map((w) => w.seat)
    .filter((seat): seat is string => seat !== null && !g.absent.includes(seat) && !g.committed[seat]);
}
