/** Tells screen readers when the game moves on: a new round, a pause, the council, the end. */
import type { FacilitatorView } from '../../game/core/view';
import { t } from '../i18n';
import { phaseOf } from './selectors';

export function announcement(view: Pick<FacilitatorView, 'status' | 'paused' | 'round' | 'config'>): string {
  const total = view.config.rounds;
  switch (phaseOf(view)) {
    case 'setup':
      return t('facilitator.announce.setup');
    case 'playing':
      return t('facilitator.announce.round', { round: view.round, total });
    case 'paused':
      return t('facilitator.announce.paused', { round: view.round, total });
    case 'council':
      return t('facilitator.announce.council', { round: view.round });
    case 'over':
      return t('facilitator.announce.over');
  }
}

export function Announcer({ view }: { readonly view: FacilitatorView }) {
  return (
    <p className="sr-only" aria-live="polite" aria-atomic="true">
      {announcement(view)}
    </p>
  );
}
