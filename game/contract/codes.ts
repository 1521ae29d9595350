/** Join codes (docs/API.md): CODE_LENGTH characters from an alphabet without 0/O and 1/I/L. Pure. */

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** What a person typed, as a code: upper case, spaces and dashes dropped. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function isCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}
