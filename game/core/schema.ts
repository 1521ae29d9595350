/**
 * Tiny validation helpers for plain JSON data: each returns an error message naming the path,
 * or null. Used by the scenario and setupData parsers (no dependency needed).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `table[key]` only when `key` is the table's own entry: a plain lookup by an untrusted string
 * also finds what every object inherits ("constructor", "toString", "__proto__"...).
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * An untrusted value for a message: strings (cut to `max`), numbers, booleans and null as such,
 * anything else by its kind. Never `String(value)`: an object from JSON with its own `toString`
 * (`{"toString": 1}`) makes that throw.
 */
export function shown(value: unknown, max = 40): string {
  if (typeof value === 'string') return value.slice(0, max);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  return Array.isArray(value) ? 'a list' : `a${typeof value === 'object' ? 'n object' : ` ${typeof value}`}`;
}

export function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], path: string): string | null {
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  return extra === undefined ? null : `${path}: unknown field "${extra}" (allowed: ${allowed.join(', ')})`;
}

export function checkNumber(value: unknown, path: string, min: number, max: number, integer = false): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${path} must be a number`;
  if (integer && !Number.isInteger(value)) return `${path} must be a whole number`;
  if (value < min || value > max) return `${path} must be from ${min} to ${max}, got ${value}`;
  return null;
}

export function checkString(value: unknown, path: string, maxLength: number, pattern?: RegExp): string | null {
  if (typeof value !== 'string' || value.trim() === '') return `${path} must be a non-empty string`;
  if (value.length > maxLength) return `${path} must be at most ${maxLength} characters`;
  if (pattern && !pattern.test(value)) return `${path} has a bad format ("${value.slice(0, 40)}")`;
  return null;
}

export function firstError(...errors: (string | null)[]): string | null {
  return errors.find((e) => e !== null) ?? null;
}
