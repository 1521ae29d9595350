/** What to tell the user about a failed API call, and which form field it concerns. */
import { t } from '../i18n';
import type { ApiFailure } from './api';
import { refusalText } from './refusals';

/** The failure in the reader's language (a refusal by its code; the server's text only when it sent no code). */
export function failureText(failure: ApiFailure): string {
  switch (failure.kind) {
    case 'network':
      return t('api.network');
    case 'format':
      return t('api.format');
    case 'http':
      return failure.refusal ? refusalText(failure.refusal) : failure.message;
  }
}

/** The form field a refusal names (its `field`, when the form has it), or null for a form-level error. */
export function fieldOf<F extends string>(failure: ApiFailure, fields: readonly F[]): F | null {
  const field = failure.kind === 'http' ? failure.refusal?.field : undefined;
  return fields.find((f) => f === field) ?? null;
}
