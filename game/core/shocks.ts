/**
 * Facilitator shocks (rules F3, R8): what a shock may be and `canShock`, which parses an untrusted
 * shock into a `Shock` or refuses it with a `Refusal`. The server's `shock` move and the
 * facilitator's form (client/facilitator/shock.ts) ask the same function.
 */
import { type Result, err, ok } from '../engine/result';
import type { Refusal } from './refusals';
import { isRecord, ownValue, shown } from './schema';
import type { G, Shock } from './types';
import { cutPlan } from './world';

/** F3: the fields of each kind of shock. */
export const SHOCK_FIELDS: Readonly<Record<Shock['kind'], readonly string[]>> = {
  delay: ['kind', 'workshop', 'hours'],
  storm: ['kind', 'workshops', 'rounds', 'extra'],
  cut: ['kind', 'workshop', 'supplier'],
  open: ['kind', 'workshop', 'supplier'],
};

/** The largest delay (hours), storm (rounds) and storm's extra hours per roll. */
export const SHOCK_LIMITS = { delayHours: 100, stormRounds: 50, stormExtra: 20 } as const;

/** What canShock reads of the state: the facilitator's view has exactly these too. */
export interface ShockScope {
  readonly status: G['status'];
  readonly config: { readonly mechanics: G['config']['mechanics'] };
  readonly workshops: readonly {
    readonly suppliers: readonly number[];
    readonly alternatives: readonly (readonly number[])[];
  }[];
}

const positiveAtMost = (x: unknown, max: number): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x > 0 && x <= max;

/** F3: the shock, parsed (a fresh value, nothing shared with the argument), or why it is refused. */
export function canShock(g: ShockScope, shock: unknown): Result<Shock, Refusal> {
  const n = g.workshops.length;
  const isWorkshop = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < n;
  if (g.status !== 'playing' && g.status !== 'council') return err({ code: 'shock.notRunning' });
  if (!isRecord(shock)) return err({ code: 'shock.notObject' });
  const allowed = ownValue(SHOCK_FIELDS, shock.kind);
  if (!allowed) return err({ code: 'shock.kind' });
  if (Object.keys(shock).some((k) => !allowed.includes(k)))
    return err({ code: 'shock.fields', kind: shown(shock.kind), fields: allowed.join(', ') });
  if (shock.kind === 'delay') {
    const { workshop, hours } = shock;
    if (!isWorkshop(workshop)) return err({ code: 'shock.chooseWorkshop' });
    if (!positiveAtMost(hours, SHOCK_LIMITS.delayHours))
      return err({ code: 'shock.delayHours', max: SHOCK_LIMITS.delayHours });
    return ok({ kind: 'delay', workshop, hours });
  }
  if (shock.kind === 'storm') {
    const { workshops, rounds, extra } = shock;
    if (!Array.isArray(workshops) || workshops.length === 0 || !workshops.every(isWorkshop))
      return err({ code: 'shock.stormRegion' });
    if (typeof rounds !== 'number' || !Number.isInteger(rounds) || rounds < 1 || rounds > SHOCK_LIMITS.stormRounds)
      return err({ code: 'shock.stormRounds', max: SHOCK_LIMITS.stormRounds });
    if (!positiveAtMost(extra, SHOCK_LIMITS.stormExtra))
      return err({ code: 'shock.stormExtra', max: SHOCK_LIMITS.stormExtra });
    return ok({ kind: 'storm', workshops: [...workshops], rounds, extra });
  }
  const kind = shock.kind === 'cut' ? 'cut' : 'open';
  if (g.config.mechanics.spot) return err({ code: 'shock.spotLinks' });
  const { workshop, supplier } = shock;
  if (!isWorkshop(workshop) || !isWorkshop(supplier) || workshop === supplier)
    return err({ code: 'shock.twoWorkshops' });
  const w = g.workshops[workshop]!;
  const linked = w.suppliers.includes(supplier) || w.alternatives.some((a) => a.includes(supplier));
  if (kind === 'cut') {
    if (!linked) return err({ code: 'shock.noLink' });
    if (cutPlan(w, supplier).length === 0) return err({ code: 'shock.lastSupplier' });
  } else if (linked) return err({ code: 'shock.alreadyOpen' });
  return ok({ kind, workshop, supplier });
}
