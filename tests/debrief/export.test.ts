/**
 * [DB3] Export: CSV with one row per round x workshop (RFC 4180, every column documented, numbers
 * exact, formula injection guarded) that parseCsv reads back value for value; JSON with sorted keys.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RoundRecord } from '../../game/core/types';
import { debriefData } from '../../game/debrief/data';
import { CSV_COLUMNS, parseCsv, toCsv, toJson } from '../../game/debrief/export';
import type { DebriefData } from '../../game/debrief/types';
import { unwrap } from '../../game/engine/result';
import { prng } from '../client/board/fixtures';
import { Table, makeG } from '../game/fixtures';
import { NASTY_NAMES, cascade, debriefOf, nastyNetwork } from './fixtures';

/** A finished session on the nasty network, every human named by a nasty name. */
function nastySession(rounds = 6, seed = 'export'): DebriefData {
  const n = NASTY_NAMES.length;
  const g = makeG({ network: nastyNetwork(n), humanSeats: n, rounds }, { seed });
  const t = new Table(g);
  while (g.status === 'playing') t.close();
  const names = Object.fromEntries(NASTY_NAMES.map((name, h) => [String(h + 1), name]));
  return debriefData(g, names);
}

/** What every column must read back as, straight from the data. */
function expectedRow(data: DebriefData, record: RoundRecord, i: number): Record<string, unknown> {
  const row = record.workshops[i]!;
  const w = data.workshops[i]!;
  const id = (j: number) => data.workshops[j]!.id;
  return {
    round: record.round,
    workshop: i,
    workshop_id: w.id,
    workshop_name: w.name,
    player: w.player ?? '',
    autopilot: row.autopilot ? 1 : 0,
    trouble: row.trouble,
    lateness: row.lateness,
    breached: row.breached ? 1 : 0,
    binding: row.binding,
    binding_id: row.binding >= 0 ? id(row.binding) : '',
    bins: row.bins,
    suppliers: row.suppliers,
    supplier_ids: row.suppliers.map(id).join(';'),
    incoming: row.incoming,
    rent: row.rent,
    penalty: row.penalty,
    help: row.help ?? '',
    kaizen: row.kaizen ?? '',
    round_mean_lateness: record.meanLateness,
    round_breach_rate: record.breachRate,
    round_mean_bin: record.meanBin,
    round_total_cost: record.totalCost,
  };
}

/** A parsed record converted back with the types of `expected` (numbers with Number, lists split). */
function typed(cells: Record<string, string>, expected: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(expected).map(([key, value]) => {
      const cell = cells[key]!;
      if (Array.isArray(value)) return [key, cell === '' ? [] : cell.split(';').map(Number)];
      if (typeof value === 'number') return [key, Number(cell)];
      return [key, cell];
    }),
  );
}

describe('[DB3] CSV export', () => {
  it('[DB3] has one documented column per field and one row per round x workshop', () => {
    const data = debriefOf(cascade());
    const csv = toCsv(data);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.map((c) => c.name).join(','));
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 3 * 3 + 1);
    expect(new Set(CSV_COLUMNS.map((c) => c.name)).size).toBe(CSV_COLUMNS.length);
    for (const c of CSV_COLUMNS) expect(c.description.length, c.name).toBeGreaterThan(10);
    // Every column is documented in docs/DEBRIEF.md.
    const doc = readFileSync(new URL('../../docs/DEBRIEF.md', import.meta.url), 'utf8');
    for (const c of CSV_COLUMNS) expect(doc, c.name).toContain(`| \`${c.name}\``);
    expect(lines[5]).toBe(
      '2,1,w1,Workshop 1,,1,0.25,2.25,1,0,w0,1;1,2;0,w2;w0,0;3,1,2.25,,,1.0833333333333333,0.3333333333333333,1,5.25',
    );
  });

  it('[DB3] parseCsv gives back every value of a session with names full of commas, quotes, newlines, formulas and unicode', () => {
    const data = nastySession();
    const parsed = unwrap(parseCsv(toCsv(data)));
    expect(parsed).toHaveLength(data.history.length * data.workshops.length);
    let k = 0;
    for (const record of data.history)
      for (let i = 0; i < record.workshops.length; i++) {
        const expected = expectedRow(data, record, i);
        const cells = parsed[k++]!;
        expect(Object.keys(cells)).toEqual(CSV_COLUMNS.map((c) => c.name));
        expect(typed(cells, expected)).toEqual(expected);
      }
    // Numbers come back bit for bit (shortest exact form): compare with Object.is.
    const first = parsed[0]!;
    expect(Object.is(Number(first.trouble), data.history[0]!.workshops[0]!.trouble)).toBe(true);
  });

  it('[DB3] guards text cells against formula injection with a leading apostrophe (numbers untouched)', () => {
    const data = nastySession(2);
    const csv = toCsv(data);
    expect(csv).toContain(',"\'=HYPERLINK(""http://x"",""y"")",');
    expect(csv).toContain(",'+1,");
    expect(csv).toContain(",'-2,");
    expect(csv).toContain(",'@SUM(A1),");
    expect(csv).toContain(",''quoted,");
    expect(csv).toContain(",'-w0,");
    // No raw field starts with a trigger except numbers (binding -1 is a number from the game).
    const fields = csv
      .split(/\r\n/)
      .slice(1)
      .flatMap((line) => line.split(','))
      .filter((f) => /^[=+@\t]/.test(f) || (/^-/.test(f) && !/^-?\d/.test(f)));
    expect(fields).toEqual([]);
  });

  it('[DB3] quotes exactly the fields that need it and doubles their quotes (RFC 4180)', () => {
    const csv = toCsv(nastySession(1));
    expect(csv).toContain('"Rolling mill, Ltd."');
    expect(csv).toContain('"Pump ""maker"""');
    expect(csv).toContain('"Line one\nline two"');
    expect(csv).toContain('"CR\r\nLF"');
    expect(csv).toContain(',工场 🏭 é,');
    expect(csv).toContain(',  spaces  ,');
  });

  it('[DB3] round-trips random names (fuzz)', () => {
    const rand = prng(5);
    const alphabet = [',', '"', '\n', '\r', '\r\n', '=', '-', '+', '@', "'", '\t', ' ', 'a', 'Z', 'é', '🏭', ';', '1'];
    const base = debriefOf(cascade());
    for (let trial = 0; trial < 300; trial++) {
      const word = () =>
        Array.from({ length: 1 + Math.floor(rand() * 8) }, () => alphabet[Math.floor(rand() * alphabet.length)]!).join(
          '',
        );
      const workshops = base.workshops.map((w) => ({ ...w, name: word(), player: rand() < 0.3 ? null : word() }));
      const data = { ...base, workshops };
      const parsed = unwrap(parseCsv(toCsv(data)));
      parsed.forEach((cells, k) => {
        const i = k % workshops.length;
        expect(cells.workshop_name).toBe(workshops[i]!.name);
        expect(cells.player).toBe(workshops[i]!.player ?? '');
      });
    }
  });

  it('[DB3] parseCsv accepts LF line ends, a byte order mark and a last line without a line end', () => {
    expect(unwrap(parseCsv('\uFEFFa,b\n1,"x\ny"\n2,3'))).toEqual([
      { a: '1', b: 'x\ny' },
      { a: '2', b: '3' },
    ]);
    expect(unwrap(parseCsv('a,b\r\n'))).toEqual([]);
    expect(unwrap(parseCsv('a\r\n""\r\n'))).toEqual([{ a: '' }]);
  });

  it('[DB3] parseCsv refuses malformed text with a message naming the line', () => {
    const bad: [string, RegExp][] = [
      ['', /empty/],
      ['a,b\r\n"x,1\r\n', /never closed/],
      ['a,b\r\nx"y,1\r\n', /line 2: a quote inside an unquoted field/],
      ['a,b\r\n"x"y,1\r\n', /line 2: a quoted field must end/],
      ['a,b\r\n1\r\n', /record 1 has 1 fields; the header has 2/],
      ['a,a\r\n1,2\r\n', /"a" twice/],
    ];
    for (const [text, message] of bad) {
      const result = parseCsv(text);
      expect(result.ok, JSON.stringify(text)).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
  });

  it('[DB3] a column named __proto__ is an own field, never the prototype', () => {
    const [record] = unwrap(parseCsv('__proto__,b\r\nx,1\r\n'));
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.hasOwn(record!, '__proto__')).toBe(true);
  });
});

describe('[DB3] JSON export', () => {
  it('[DB3] is the DebriefData with sorted keys: parses back equal, the same text for any key order', () => {
    const data = nastySession(3);
    const text = toJson(data);
    expect(JSON.parse(text)).toEqual(data);
    const reverse = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverse)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverse(v)]),
            )
          : value;
    const reordered = reverse(data) as DebriefData;
    expect(Object.keys(reordered)).not.toEqual(Object.keys(data));
    expect(toJson(reordered)).toBe(text);
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).toEqual([...keys].sort());
    expect(text.indexOf('"config"')).toBeLessThan(text.indexOf('"format"'));
  });
});
