/**
 * Lateness as colour bands for the map. A sequential palette (ColorBrewer YlOrRd, readable with
 * the common colour-vision deficiencies because lightness falls monotonically), always paired
 * with the number of hours written on the node, so colour is never the only cue. Pure.
 */

/** Upper bounds of the bands in hours; the last band is open. */
export const BAND_LIMITS = [0.5, 1, 2, 4, 8] as const;

export const BAND_FILLS = ['#ffffcc', '#fed976', '#feb24c', '#fd8d3c', '#e31a1c', '#800026'] as const;

export type Band = 0 | 1 | 2 | 3 | 4 | 5;

export function latenessBand(hours: number): Band {
  const index = BAND_LIMITS.findIndex((limit) => hours < limit);
  return (index < 0 ? BAND_LIMITS.length : index) as Band;
}

export const bandFill = (band: Band): string => BAND_FILLS[band];

/** Text colour with enough contrast on the band's fill. */
export const bandInk = (band: Band): string => (band >= 4 ? '#ffffff' : '#1c1917');

/** The band's range for the legend: [from, to] hours, `to` null for the open band. */
export function bandRange(band: Band): readonly [number, number | null] {
  const limits: readonly number[] = BAND_LIMITS;
  return [band === 0 ? 0 : limits[band - 1]!, limits[band] ?? null];
}

/** Hours for a node label: one decimal below 10, whole hours above. */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return '–';
  return hours < 10 ? hours.toFixed(1) : String(Math.round(hours));
}
