/**
 * Shocks from the facilitator's form (rule F3): the form's draft becomes a `Shock`, checked with
 * the game's own `canShock` (game/core/shocks.ts) before it is sent (a refused move gets no
 * answer); its refusal is worded by the board's `explain`. Pure.
 */
import type { Refusal } from '../../game/contract/refusals';
import { type ShockScope, canShock } from '../../game/core/shocks';
import type { Shock } from '../../game/core/types';
import type { FacilitatorView } from '../../game/core/view';
import { t } from '../i18n';
import { regionAround } from './network';

export const SHOCK_KINDS = ['delay', 'storm', 'cut', 'open'] as const;
export type ShockKind = (typeof SHOCK_KINDS)[number];

/** How many rounds ahead the preview follows a shock downstream. */
export const PREVIEW_ROUNDS = 3;
/** Storm regions: the centre and its neighbours up to this many links away. */
export const MAX_HOPS = 2;

export interface ShockDraft {
  readonly kind: ShockKind;
  /** The delayed workshop, the storm's centre, or the customer end of a link. */
  readonly workshop: number;
  /** The supplier end of a link (cut, open). */
  readonly supplier: number;
  readonly hours: string;
  readonly rounds: string;
  readonly extra: string;
  readonly hops: number;
}

export const initialDraft: ShockDraft = {
  kind: 'delay',
  workshop: 0,
  supplier: -1,
  hours: '4',
  rounds: '3',
  extra: '1',
  hops: 1,
};

/** The facilitator's view as the parts of the state that `canShock` reads. */
export function viewAsState(view: FacilitatorView): ShockScope {
  return { config: view.config, status: view.status, workshops: view.workshops };
}

const number = (typed: string): number => (/^\s*\d+(\.\d+)?\s*$/.test(typed) ? Number(typed) : NaN);

/** The shock a draft describes (numbers as typed; `canShock` judges them). */
export function draftShock(draft: ShockDraft, view: FacilitatorView): Shock {
  switch (draft.kind) {
    case 'delay':
      return { kind: 'delay', workshop: draft.workshop, hours: number(draft.hours) };
    case 'storm':
      return {
        kind: 'storm',
        workshops: regionAround(view.workshops, draft.workshop, draft.hops),
        rounds: number(draft.rounds),
        extra: number(draft.extra),
      };
    case 'cut':
    case 'open':
      return { kind: draft.kind, workshop: draft.workshop, supplier: draft.supplier };
  }
}

/** Null when the server will take the shock, else why not (the game's own refusal). */
export function checkShock(view: FacilitatorView, shock: Shock): Refusal | null {
  const parsed = canShock(viewAsState(view), shock);
  return parsed.ok ? null : parsed.error;
}

/** Where a shock's lateness starts: the delayed workshop, the storm's region, the link's customer. */
export function shockOrigins(shock: Shock): number[] {
  return shock.kind === 'storm' ? [...shock.workshops] : [shock.workshop];
}

/** The suppliers a draft may name: a link to cut exists (or is on offer); a link to open does not. */
export function supplierChoices(view: FacilitatorView, kind: ShockKind, workshop: number): number[] {
  const w = view.workshops[workshop];
  if (!w) return [];
  const linked = new Set([...w.suppliers, ...w.alternatives.flat()]);
  if (kind === 'cut') return [...linked].sort((a, b) => a - b);
  return view.workshops.map((_, i) => i).filter((i) => i !== workshop && !linked.has(i));
}

/** A shock in words, for the list of pending shocks. */
export function describeShock(shock: Shock, name: (index: number) => string): string {
  switch (shock.kind) {
    case 'delay':
      return t('shock.describe.delay', { name: name(shock.workshop), hours: shock.hours });
    case 'storm':
      return t('shock.describe.storm', {
        count: shock.workshops.length,
        names: shock.workshops.map(name).join(', '),
        rounds: shock.rounds,
        extra: shock.extra,
      });
    case 'cut':
      return t('shock.describe.cut', { supplier: name(shock.supplier), name: name(shock.workshop) });
    case 'open':
      return t('shock.describe.open', { supplier: name(shock.supplier), name: name(shock.workshop) });
  }
}
