/** What the debrief page says when the server refuses (by the refusal's code) or cannot be reached. */
import type { ApiFailure } from '../app/api';
import { failureText } from '../app/failure';
import { t } from '../i18n';

export interface Refusal {
  readonly title: string;
  readonly text: string;
}

export function refusal(failure: ApiFailure): Refusal {
  if (failure.kind !== 'http') return { title: t('debrief.failed.title'), text: failureText(failure) };
  switch (failure.refusal?.code) {
    case 'debrief.notStarted':
      return { title: t('debrief.notStarted.title'), text: t('debrief.notStarted.text') };
    case 'debrief.notOver':
      return { title: t('debrief.notOver.title'), text: t('debrief.notOver.text') };
    case 'seat.credentials':
    case 'seat.malformed':
      return { title: t('debrief.unauthorised.title'), text: t('debrief.unauthorised.text') };
    case 'session.unknown':
    case 'session.gone':
    case 'code.malformed':
      return { title: t('debrief.missing.title'), text: t('debrief.missing.text') };
    default:
      return { title: t('debrief.failed.title'), text: t('debrief.failed.text', { status: failure.status }) };
  }
}
