/**
 * The counterfactual replays the debrief offers (game/debrief/counterfactual.ts runs them on the
 * server, on the same dice): every workshop on autopilot; every bin at 1.25 B_c; the table's bins
 * with one workshop's raised. This file turns the form's choices into a spec. Pure.
 */
import { hundredths } from '../../game/core/measures';
import type { CounterfactualSpec } from '../../game/debrief/counterfactual';

export const WHAT_IF_KINDS = ['bots', 'uniform', 'raise'] as const;
export type WhatIfKind = (typeof WHAT_IF_KINDS)[number];

/** The uniform bin of the "uniform" replay, relative to the critical buffer. */
export const UNIFORM_FACTOR = 1.25;

/** 1.25 B_c in hundredths of an hour, within the scenario's largest bin; null without B_c. */
export function uniformBin(criticalBuffer: number | null, maxBin: number): number | null {
  if (criticalBuffer === null || !Number.isFinite(criticalBuffer) || criticalBuffer < 0) return null;
  return Math.min(maxBin, hundredths(UNIFORM_FACTOR * criticalBuffer));
}

/** A suggested bin for the raised workshop: 1.25 B_c, else one hour over what it held, within the maximum. */
export function raiseSuggestion(criticalBuffer: number | null, held: number, maxBin: number): number {
  return uniformBin(criticalBuffer, maxBin) ?? Math.min(maxBin, hundredths(held + 1));
}

export interface WhatIfChoice {
  readonly kind: WhatIfKind;
  readonly workshop: number;
  /** The raised bin as typed. */
  readonly bin: string;
}

export type SpecResult =
  | { readonly ok: true; readonly spec: CounterfactualSpec }
  | { readonly ok: false; readonly problem: 'noBc' | 'bin' | 'workshop' };

export function specOf(
  choice: WhatIfChoice,
  criticalBuffer: number | null,
  maxBin: number,
  workshops: number,
): SpecResult {
  switch (choice.kind) {
    case 'bots':
      return { ok: true, spec: { kind: 'bots' } };
    case 'uniform': {
      const bin = uniformBin(criticalBuffer, maxBin);
      return bin === null ? { ok: false, problem: 'noBc' } : { ok: true, spec: { kind: 'uniform', bin } };
    }
    case 'raise': {
      if (!Number.isInteger(choice.workshop) || choice.workshop < 0 || choice.workshop >= workshops)
        return { ok: false, problem: 'workshop' };
      const text = choice.bin.trim().replace(',', '.');
      const bin = text === '' ? NaN : Number(text);
      if (!Number.isFinite(bin) || bin < 0 || bin > maxBin) return { ok: false, problem: 'bin' };
      return { ok: true, spec: { kind: 'raise', workshop: choice.workshop, bin } };
    }
  }
}

/** A cache key of a spec (the same replay is asked for once). */
export const specKey = (spec: CounterfactualSpec): string =>
  spec.kind === 'raise'
    ? `raise:${spec.workshop}:${spec.bin}`
    : spec.kind === 'uniform'
      ? `uniform:${spec.bin}`
      : spec.kind;
