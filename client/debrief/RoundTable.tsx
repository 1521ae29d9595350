/** The replayed round as a table: every workshop's lateness, line stop and who stopped it (the map in words). */
import type { RoundRecord } from '../../game/core/types';
import { num } from '../board/format';
import { t } from '../i18n';

export function RoundTable({ record, names }: { readonly record: RoundRecord; readonly names: readonly string[] }) {
  const name = (i: number) => names[i] ?? String(i + 1);
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-semibold text-blue-900">
        {t('debrief.replay.table', { round: record.round })}
      </summary>
      <div className="mt-2 max-h-72 overflow-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-1">
                {t('debrief.col.workshop')}
              </th>
              <th scope="col" className="p-1 text-right">
                {t('debrief.col.lateness')}
              </th>
              <th scope="col" className="p-1 text-right">
                {t('debrief.col.trouble')}
              </th>
              <th scope="col" className="p-1">
                {t('debrief.col.lineStop')}
              </th>
            </tr>
          </thead>
          <tbody>
            {record.workshops.map((w, i) => (
              <tr key={i} className="border-b border-stone-100">
                <th scope="row" className="p-1 font-normal">
                  {name(i)}
                  {w.autopilot ? ` (${t('debrief.autopilot')})` : ''}
                </th>
                <td className="p-1 text-right tabular-nums">{num(w.lateness, 2)}</td>
                <td className="p-1 text-right tabular-nums">{num(w.trouble, 2)}</td>
                <td className="p-1">
                  {w.breached
                    ? w.binding >= 0
                      ? t('debrief.stoppedBy', { name: name(w.binding) })
                      : t('debrief.yes')
                    : t('debrief.no')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
