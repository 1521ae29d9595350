/** What the debrief page says when the server refuses or cannot be reached, by kind and status. */
import type { ApiFailure } from '../app/api';
import { failureText } from '../app/failure';
import { t } from '../i18n';

export interface Refusal {
  readonly title: string;
  readonly text: string;
}

export function refusal(failure: ApiFailure, facilitator: boolean): Refusal {
  if (failure.kind !== 'http') return { title: t('debrief.failed.title'), text: failureText(failure) };
  switch (failure.status) {
    case 403:
      return facilitator
        ? { title: t('debrief.notStarted.title'), text: t('debrief.notStarted.text') }
        : { title: t('debrief.notOver.title'), text: t('debrief.notOver.text') };
    case 401:
      return { title: t('debrief.unauthorised.title'), text: t('debrief.unauthorised.text') };
    case 404:
    case 410:
      return { title: t('debrief.missing.title'), text: t('debrief.missing.text') };
    default:
      return { title: t('debrief.failed.title'), text: t('debrief.failed.text', { status: failure.status }) };
  }
}
