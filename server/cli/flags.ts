/**
 * A small, strict command-line flag parser: `--name value` or `--name=value`, boolean flags
 * without a value. Every problem is one line that names the flag and what it accepts.
 */

export type FlagKind = 'string' | 'int' | 'number' | 'boolean';

export interface FlagSpec {
  readonly kind: FlagKind;
  /** What the flag accepts, shown in error messages and --help. */
  readonly accepts: string;
  readonly min?: number;
  readonly max?: number;
  /** Allowed values for string flags. */
  readonly choices?: readonly string[];
}

export type FlagValues = Record<string, string | number | boolean | undefined>;

export class UsageError extends Error {}

export function parseFlags(
  argv: readonly string[],
  specs: Readonly<Record<string, FlagSpec>>,
  allowed: readonly string[],
): FlagValues {
  const values: FlagValues = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"; flags start with --`);
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const spec = specs[name];
    if (!spec || !allowed.includes(name)) {
      throw new UsageError(`unknown flag --${name}; accepted here: ${allowed.map((f) => `--${f}`).join(', ')}`);
    }
    if (name in values) throw new UsageError(`--${name} is given twice`);
    if (spec.kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      values[name] = true;
      continue;
    }
    let raw: string | undefined;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else {
      raw = argv[i + 1];
      if (raw === undefined || raw.startsWith('--')) throw new UsageError(`--${name} needs a value: ${spec.accepts}`);
      i++;
    }
    values[name] = convert(name, raw, spec);
  }
  return values;
}

function convert(name: string, raw: string, spec: FlagSpec): string | number {
  const fail = () => new UsageError(`--${name} "${raw}" is not valid; accepted: ${spec.accepts}`);
  if (spec.kind === 'string') {
    if (raw.trim() === '') throw fail();
    if (spec.choices && !spec.choices.includes(raw)) throw fail();
    return raw;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim())) throw fail();
  const value = Number(raw);
  if (!Number.isFinite(value)) throw fail();
  if (spec.kind === 'int' && !Number.isInteger(value)) throw fail();
  if (spec.min !== undefined && value < spec.min) throw fail();
  if (spec.max !== undefined && value > spec.max) throw fail();
  return value;
}
