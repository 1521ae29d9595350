/**
 * Export of a debrief (rule DB3): CSV with one row per (round, workshop), and JSON.
 *
 * CSV is RFC 4180: fields separated by commas, records by CRLF, a field holding a comma, a quote,
 * CR or LF is quoted with its quotes doubled. Numbers are written in JavaScript's shortest exact
 * form (`String(x)`), so `Number(cell)` gives back the same double bit for bit. Lists (bins per
 * input, ...) are `;`-joined inside one field. Every column is documented in CSV_COLUMNS and
 * docs/DEBRIEF.md.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, TAB or CR as a
 * formula. Text cells (names and ids, which players and facilitators type) that start with one of
 * these, or with an apostrophe, get a leading apostrophe (`'`): the spreadsheet shows the text
 * instead of running it. `parseCsv` removes exactly that apostrophe again, so every value comes
 * back unchanged. Number cells come from the game, never from a person, and are not prefixed.
 */
import { type Result, err, ok } from '../engine/result';
import type { RoundRecord, WorkshopRound } from '../core/types';
import type { DebriefData, DebriefWorkshop } from './types';

interface Cell {
  readonly data: DebriefData;
  readonly record: RoundRecord;
  readonly row: WorkshopRound;
  readonly workshop: DebriefWorkshop | undefined;
  readonly index: number;
}

interface Column {
  readonly name: string;
  readonly description: string;
  /** Text cells may hold what a person typed: they get the formula-injection guard. */
  readonly text?: boolean;
  readonly value: (cell: Cell) => string | number | boolean | null | readonly number[];
}

const idOf = (data: DebriefData, index: number): string => data.workshops[index]?.id ?? '';

const COLUMNS: readonly Column[] = [
  { name: 'round', description: 'Round number (1-based).', value: (c) => c.record.round },
  { name: 'workshop', description: 'Workshop index (0-based; the numbers other columns use).', value: (c) => c.index },
  { name: 'workshop_id', description: 'Workshop id.', text: true, value: (c) => c.workshop?.id ?? '' },
  { name: 'workshop_name', description: 'Workshop name.', text: true, value: (c) => c.workshop?.name ?? '' },
  {
    name: 'player',
    description: "Name of the human who held the workshop at the end; empty for a bot's workshop.",
    text: true,
    value: (c) => c.workshop?.player ?? '',
  },
  {
    name: 'autopilot',
    description: '1 when the autopilot (bot policy) took this decision, 0 when a human committed it.',
    value: (c) => c.row.autopilot,
  },
  {
    name: 'trouble',
    description: 'Own trouble rolled this round (hours), with storms, congestion, delay shocks and help.',
    value: (c) => c.row.trouble,
  },
  { name: 'lateness', description: 'Lateness of the output after this round (hours).', value: (c) => c.row.lateness },
  {
    name: 'breached',
    description: '1 when a bin ran dry (line stop): the binding supplier was later than its bin covered.',
    value: (c) => c.row.breached,
  },
  {
    name: 'binding',
    description: 'Index of the binding supplier (largest incoming lateness minus bin; first on ties); -1: none.',
    value: (c) => c.row.binding,
  },
  {
    name: 'binding_id',
    description: 'Id of the binding supplier; empty when none.',
    text: true,
    value: (c) => (c.row.binding >= 0 ? idOf(c.data, c.row.binding) : ''),
  },
  { name: 'bins', description: 'Bin per input slot (hours of cover in effect), ";"-joined.', value: (c) => c.row.bins },
  {
    name: 'suppliers',
    description: 'Supplier index per input slot, ";"-joined (same order as bins).',
    value: (c) => c.row.suppliers,
  },
  {
    name: 'supplier_ids',
    description: 'Supplier id per input slot, ";"-joined (same order as bins).',
    text: true,
    value: (c) => c.row.suppliers.map((s) => idOf(c.data, s)).join(';'),
  },
  {
    name: 'incoming',
    description: 'Each supplier\'s lateness coming in (its lateness after the round before), per slot, ";"-joined.',
    value: (c) => c.row.incoming,
  },
  { name: 'rent', description: 'Rent paid on the bins this round (coins).', value: (c) => c.row.rent },
  { name: 'penalty', description: 'Lateness penalty paid this round (coins).', value: (c) => c.row.penalty },
  {
    name: 'help',
    description: 'Index of the workshop a worker was sent to this round; empty: none.',
    value: (c) => c.row.help,
  },
  {
    name: 'kaizen',
    description: 'Index of the die face kaizen lowered by one hour this round; empty: none.',
    value: (c) => c.row.kaizen,
  },
  {
    name: 'round_mean_lateness',
    description: 'Mean lateness over all workshops after this round (hours).',
    value: (c) => c.record.meanLateness,
  },
  {
    name: 'round_breach_rate',
    description: 'Share of workshops whose line stopped this round.',
    value: (c) => c.record.breachRate,
  },
  {
    name: 'round_mean_bin',
    description: 'Mean bin over every input slot of every workshop this round (hours).',
    value: (c) => c.record.meanBin,
  },
  {
    name: 'round_total_cost',
    description: 'Rent, lateness penalties and commuting of all workshops this round (coins).',
    value: (c) => c.record.totalCost,
  },
];

export const CSV_COLUMNS: readonly { readonly name: string; readonly description: string }[] = COLUMNS.map(
  ({ name, description }) => ({ name, description }),
);

/** Shortest text that parses back to the same double (`-0` kept). */
export const formatNumber = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', "'"]);

/** The formula-injection guard for a text cell (see the file comment). */
export const guardText = (text: string): string => (TRIGGERS.has(text.charAt(0)) ? `'${text}` : text);

function format(value: ReturnType<Column['value']>, text: boolean): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return text ? guardText(value) : value;
  return value.map(formatNumber).join(';');
}

/** RFC 4180 quoting: only when the field holds a comma, a quote, CR or LF. */
const quote = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

/** One row per round x workshop, rounds in order, workshops by index; a header row first. */
export function toCsv(data: DebriefData): string {
  const lines = [COLUMNS.map((c) => c.name).join(',')];
  for (const record of data.history)
    record.workshops.forEach((row, index) => {
      const cell: Cell = { data, record, row, workshop: data.workshops[index], index };
      lines.push(COLUMNS.map((c) => quote(format(c.value(cell), c.text === true))).join(','));
    });
  return `${lines.join('\r\n')}\r\n`;
}

/** Undo `guardText`: a leading apostrophe before a trigger character (or another apostrophe). */
const unguard = (cell: string): string => (cell.startsWith("'") && TRIGGERS.has(cell.charAt(1)) ? cell.slice(1) : cell);

/**
 * Parse RFC 4180 text (CRLF or LF line ends, a UTF-8 byte order mark allowed) into records keyed
 * by the header row, removing the formula guard. A malformed file gets a message naming the line.
 */
export function parseCsv(text: string): Result<Record<string, string>[]> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let atFieldStart = true;
  const endField = () => {
    row.push(field);
    field = '';
    atFieldStart = true;
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          const next = text[i + 1];
          if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
            return err(`CSV line ${line}: a quoted field must end at a comma or the end of the line`);
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (!atFieldStart) return err(`CSV line ${line}: a quote inside an unquoted field`);
      quoted = true;
      atFieldStart = false;
    } else if (ch === ',') endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
      line++;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (quoted) return err(`CSV line ${line}: a quoted field is never closed`);
  if (!atFieldStart || row.length > 0) {
    endField();
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return err('CSV is empty: it needs a header row');
  const names = header.map(unguard);
  const dup = names.find((name, k) => names.indexOf(name) !== k);
  if (dup !== undefined) return err(`CSV header names column "${dup}" twice`);
  const records: Record<string, string>[] = [];
  for (const [k, cells] of body.entries()) {
    if (cells.length !== names.length)
      return err(`CSV record ${k + 1} has ${cells.length} fields; the header has ${names.length}`);
    // fromEntries defines own properties: a column named "__proto__" cannot reach the prototype.
    records.push(Object.fromEntries(names.map((name, c) => [name, unguard(cells[c]!)])));
  }
  return ok(records);
}

/** Sorted keys at every level: the same value always gives the same text. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return Object.fromEntries(keys.map((key) => [key, sortKeys(record[key])]));
}

/** The DebriefData as JSON, keys sorted at every level (stable text for the same data). */
export function toJson(data: DebriefData): string {
  return JSON.stringify(sortKeys(data), null, 2);
}
