/** The map's facts as a table (for screen readers, and for a closer look): one row per workshop. */
import type { FacilitatorView } from '../../game/core/view';
import type { SessionPlayer } from '../../game/contract/api';
import { t } from '../i18n';
import { formatHours } from './colour';

interface WorkshopTableProps {
  readonly view: FacilitatorView;
  readonly players: readonly SessionPlayer[];
}

export function WorkshopTable({ view, players }: WorkshopTableProps) {
  const names = new Map(players.map((p) => [p.seat, p.name]));
  const nameOf = (i: number) => view.workshops[i]?.name ?? '';
  return (
    <details className="mt-3">
      <summary className="cursor-pointer font-semibold text-blue-900">{t('map.table.summary')}</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-1">
                {t('map.table.workshop')}
              </th>
              <th scope="col" className="p-1">
                {t('map.table.player')}
              </th>
              <th scope="col" className="p-1 text-right">
                {t('map.table.lateness')}
              </th>
              <th scope="col" className="p-1">
                {t('map.table.lineStop')}
              </th>
              <th scope="col" className="p-1">
                {t('map.table.suppliers')}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.workshops.map((w) => (
              <tr key={w.id} className="border-b border-stone-100">
                <th scope="row" className="p-1 font-normal">
                  {w.name}
                </th>
                <td className="p-1">
                  {w.seat === null
                    ? t('map.table.bot')
                    : (names.get(w.seat) ?? t('map.table.seat', { seat: w.seat })) +
                      (w.autopilot ? ` (${t('map.table.autopilot')})` : '')}
                </td>
                <td className="p-1 text-right tabular-nums">{formatHours(w.lateness)}</td>
                <td className="p-1">
                  {w.breached ? t('map.table.stoppedBy', { name: nameOf(w.binding) }) : t('map.table.no')}
                </td>
                <td className="p-1">{w.suppliers.map(nameOf).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
