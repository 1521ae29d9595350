/**
 * Screen-reader announcements: a new round (or council, or the end) politely, a line stop
 * assertively. The text changes with every round, so each round is announced once.
 */
import { t } from '../i18n';
import type { SeatView } from '../../game/core/view';

export function roundAnnouncement(view: SeatView): string {
  if (view.status === 'over') return t('board.live.over');
  if (view.status === 'council') return t('board.live.council', { round: view.round });
  const autopilot = view.me.autopilot && view.myHistory.length > 0 ? ` ${t('board.live.autopilot')}` : '';
  return `${t('board.live.round', { round: view.round, total: view.config.rounds })}${autopilot}`;
}

export function Announcer({ view }: { view: SeatView }) {
  const stopped = view.me.breached && view.myHistory.length > 0;
  return (
    <div className="sr-only">
      <p aria-live="polite" aria-atomic="true">
        {roundAnnouncement(view)}
      </p>
      <p aria-live="assertive" aria-atomic="true">
        {stopped ? t('board.live.lineStop', { round: view.rounds.at(-1)?.round ?? view.myHistory.length }) : ''}
      </p>
    </div>
  );
}
