/** Who has committed this round: every human seat, its workshop, and its state in words and a symbol. */
import type { FacilitatorView } from '../../game/core/view';
import type { SessionPlayer } from '../../game/contract/api';
import { Card } from '../app/ui';
import { t } from '../i18n';
import { type SeatState, seatRows } from './selectors';

const MARK: Record<SeatState, { symbol: string; style: string }> = {
  committed: { symbol: '✓', style: 'bg-emerald-100 text-emerald-950 border-emerald-700' },
  voted: { symbol: '✓', style: 'bg-sky-100 text-sky-950 border-sky-700' },
  waiting: { symbol: '…', style: 'bg-white text-stone-900 border-stone-400' },
  absent: { symbol: '○', style: 'bg-stone-200 text-stone-700 border-stone-400 border-dashed' },
  present: { symbol: '•', style: 'bg-white text-stone-900 border-stone-400' },
};

interface RosterProps {
  readonly view: FacilitatorView;
  readonly players: readonly SessionPlayer[];
}

export function Roster({ view, players }: RosterProps) {
  if (view.workshops.length === 0) return null;
  const rows = seatRows(view, players);
  const done = rows.filter((r) => r.state === 'committed').length;
  const present = rows.filter((r) => r.state !== 'absent').length;
  return (
    <Card labelledBy="roster-title">
      <h2 id="roster-title" className="text-xl font-bold">
        {t('roster.title')}
      </h2>
      <p className="mt-1" aria-live="polite">
        {view.status === 'playing'
          ? t('roster.count', { done, present, waiting: view.waitingFor })
          : view.status === 'council'
            ? t('roster.council', { votes: view.council?.votes ?? 0, present })
            : t('roster.notPlaying', { present })}
      </p>
      {rows.length === 0 ? (
        <p className="mt-2 text-stone-700">{t('roster.none')}</p>
      ) : (
        <ul className="mt-2 grid gap-1">
          {rows.map((r) => (
            <li key={r.seat} className={`flex items-center gap-2 rounded border px-2 py-1 ${MARK[r.state].style}`}>
              <span aria-hidden="true" className="w-5 text-center font-black">
                {MARK[r.state].symbol}
              </span>
              <span className="min-w-0 flex-1 truncate">
                <span className="font-semibold">{r.player || t('roster.seat', { seat: r.seat })}</span>
                <span className="text-sm"> · {r.workshopName}</span>
              </span>
              <span className="text-sm">{t(`roster.state.${r.state}` as const)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
