/**
 * Decisions and the pure predicates that validate them (rules D1-D7). The server's moves, the
 * bots and the player board's form all use these, so a decision the UI accepts is one the
 * server accepts.
 */
import { type Result, err, ok } from '../engine/result';
import { isRecord, shown } from './schema';
import { type Decision, FACILITATOR, type G } from './types';
import { neighbours } from './world';

const DECISION_KEYS = ['round', 'bins', 'kaizenFace', 'help', 'suppliers'];

/** The workshop a seat holds, or -1. */
export function workshopOfSeat(g: G, seat: string): number {
  return g.workshops.findIndex((w) => w.seat === seat);
}

/** Lowest bin allowed this round (council floor, D2), 0 otherwise. */
export function binFloor(g: G): number {
  return g.rule?.kind === 'floor' ? g.rule.bin : 0;
}

/** D1: a single bin value is a finite number from the floor to the scenario's maximum. */
export function canSetBin(g: G, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'a bin must be a number of hours';
  if (value < binFloor(g))
    return binFloor(g) > 0 ? `the council's floor is ${binFloor(g)} hours` : 'a bin cannot be negative';
  if (value > g.config.maxBin) return `a bin can cover at most ${g.config.maxBin} hours`;
  return null;
}

/** D3: kaizen: enough points, the mechanic on, a face that can still go down. */
export function canKaizen(g: G, workshop: number, face: unknown): string | null {
  const w = g.workshops[workshop]!;
  if (!g.config.mechanics.kaizen) return 'kaizen is not part of this scenario';
  if (w.trouble.kind !== 'die') return 'kaizen needs a trouble die';
  if (typeof face !== 'number' || !Number.isInteger(face) || face < 0 || face >= w.trouble.die.faces.length)
    return 'choose a face of your die';
  if (w.trouble.die.faces[face]! < 1) return 'that face is already 0';
  if (w.kaizenPoints < g.config.costs.kaizenCost)
    return `lowering a face costs ${g.config.costs.kaizenCost} improvement points`;
  return null;
}

/** D4: help: workers on, a free worker, enough coins, a direct neighbour. */
export function canHelp(g: G, workshop: number, target: unknown): string | null {
  const w = g.workshops[workshop]!;
  if (!g.config.mechanics.workers) return 'moving workers is not part of this scenario';
  if (typeof target !== 'number' || !Number.isInteger(target)) return 'choose a neighbouring workshop';
  if (!neighbours(g, workshop).includes(target)) return 'workers can only help a direct supplier or customer';
  if (w.workers < 1) return 'you have no worker to send';
  if (w.coins < g.config.costs.commute) return `sending a worker costs ${g.config.costs.commute} coins`;
  return null;
}

/** D5: supplier choice: for every slot, the current supplier or one of its alternatives. */
export function canChooseSuppliers(g: G, workshop: number, choice: unknown): string | null {
  const w = g.workshops[workshop]!;
  if (!Array.isArray(choice) || choice.length !== w.suppliers.length)
    return `choose one supplier for each of your ${w.suppliers.length} inputs`;
  for (const [slot, s] of choice.entries()) {
    const allowed = w.alternatives[slot]!.length > 0 ? w.alternatives[slot]! : [w.suppliers[slot]!];
    if (!allowed.includes(s as number)) return `input ${slot + 1}: that supplier is not on offer`;
    if (s !== w.suppliers[slot] && !g.config.mechanics.supplierChoice)
      return 'supplier choice is not part of this scenario';
  }
  if (new Set(choice).size !== choice.length) return 'two inputs cannot come from the same supplier';
  return null;
}

/**
 * D6: a whole commit: the right round, a seat that holds a workshop, not yet committed, only the
 * known fields, and every part valid. Returns the parsed decision or the first problem.
 */
export function canCommit(g: G, seat: string, round: unknown, decision: unknown): Result<Decision> {
  if (g.status !== 'playing')
    return err(g.status === 'council' ? 'the council is voting' : 'the game is not in a round');
  if (round !== g.round) return err(`this decision is for round ${shown(round)}, but round ${g.round} is being played`);
  if (seat === FACILITATOR) return err('the facilitator does not hold a workshop');
  const workshop = workshopOfSeat(g, seat);
  if (workshop < 0) return err('this seat holds no workshop');
  if (g.committed[seat]) return err('you have already committed this round');
  if (!isRecord(decision)) return err('a decision is an object with round and bins');
  const extra = Object.keys(decision).find((k) => !DECISION_KEYS.includes(k));
  if (extra !== undefined) return err(`unknown field "${extra}" in the decision`);
  if (decision.round !== round) return err('the decision is for another round');
  const w = g.workshops[workshop]!;
  const bins = decision.bins;
  if (!Array.isArray(bins) || bins.length !== w.suppliers.length)
    return err(`give one bin for each of your ${w.suppliers.length} inputs`);
  for (const [slot, b] of bins.entries()) {
    const e = canSetBin(g, b);
    if (e) return err(`input ${slot + 1}: ${e}`);
  }
  const kaizenFace = decision.kaizenFace ?? null;
  if (kaizenFace !== null) {
    const e = canKaizen(g, workshop, kaizenFace);
    if (e) return err(e);
  }
  const help = decision.help ?? null;
  if (help !== null) {
    const e = canHelp(g, workshop, help);
    if (e) return err(e);
  }
  const suppliers = decision.suppliers ?? null;
  if (suppliers !== null) {
    const e = canChooseSuppliers(g, workshop, suppliers);
    if (e) return err(e);
  }
  return ok({
    round: g.round,
    bins: [...(bins as number[])],
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
