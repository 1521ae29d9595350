/** Plain aligned text tables for CLI output (numbers right-aligned). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const isNumber = (s: string) => /^[+-]?[\d.]+(e[+-]?\d+)?$/i.test(s);
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (isNumber(cell) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
