/** What to tell the user about a failed API call, and which form field it concerns. */
import { t } from '../i18n';
import type { ApiFailure } from './api';

export function failureText(failure: ApiFailure): string {
  switch (failure.kind) {
    case 'network':
      return t('api.network');
    case 'format':
      return t('api.format');
    case 'http':
      return failure.message;
  }
}

/**
 * The form field an API error names (the server's messages name the bad field, e.g. "players
 * must be from 1 to 12"), or null for a form-level error. The longest matching name wins, so
 * `roundSeconds` beats `rounds`.
 */
export function fieldOf<F extends string>(failure: ApiFailure, fields: readonly F[]): F | null {
  if (failure.kind !== 'http') return null;
  const words = failure.message.toLowerCase();
  const hits = fields.filter((f) => new RegExp(`\\b${f.toLowerCase()}\\b`).test(words));
  return hits.sort((a, b) => b.length - a.length)[0] ?? null;
}
