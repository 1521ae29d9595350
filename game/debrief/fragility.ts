/**
 * Cost and fragility per workshop over a whole history (the debrief's table): what each workshop
 * paid, how much stock it held, how often its line stopped, and how often its lateness went on
 * to stop a customer's line.
 */
import type { RoundRecord } from '../core/types';

export interface WorkshopCost {
  readonly workshop: number;
  /** Rent and lateness penalty summed over the rounds (commuting is not in the record). */
  readonly rent: number;
  readonly penalty: number;
  readonly cost: number;
  /** Mean over rounds of the mean bin of its inputs. */
  readonly meanBin: number;
  readonly meanLateness: number;
  /** Rounds with a line stop (breach). */
  readonly lineStops: number;
  /** lineStops / rounds. */
  readonly breachRate: number;
  /**
   * Share of rounds in which this workshop's lateness stopped a customer's line the round after
   * (it was the upstream link of a blame chain of length >= 2); out of the rounds that have a next one.
   */
  readonly spread: number;
}

const meanOf = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

export function costAndFragility(history: readonly RoundRecord[]): WorkshopCost[] {
  const n = history[0]?.workshops.length ?? 0;
  const rounds = history.length;
  // reached[i][t]: workshop i's lateness after round t broke some customer's bin in round t + 1.
  const reached = Array.from({ length: n }, () => new Set<number>());
  history.forEach((record, t) => {
    if (t === 0) return;
    for (const row of record.workshops) if (row.breached && row.binding >= 0) reached[row.binding]?.add(t - 1);
  });
  return Array.from({ length: n }, (_, i) => {
    const rows = history.map((h) => h.workshops[i]!);
    const rent = rows.reduce((s, r) => s + r.rent, 0);
    const penalty = rows.reduce((s, r) => s + r.penalty, 0);
    const lineStops = rows.filter((r) => r.breached).length;
    return {
      workshop: i,
      rent,
      penalty,
      cost: rent + penalty,
      meanBin: meanOf(rows.map((r) => meanOf(r.bins))),
      meanLateness: meanOf(rows.map((r) => r.lateness)),
      lineStops,
      breachRate: rounds === 0 ? 0 : lineStops / rounds,
      spread: rounds < 2 ? 0 : reached[i]!.size / (rounds - 1),
    };
  });
}
