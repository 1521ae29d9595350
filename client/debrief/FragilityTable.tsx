/** Cost and fragility per workshop as a table (the scatter in numbers), costliest first. */
import type { WorkshopCost } from '../../game/debrief/fragility';
import type { DebriefWorkshop } from '../../game/debrief/types';
import { num, percent } from '../board/format';
import { t } from '../i18n';

const COLUMNS = ['meanBin', 'rent', 'penalty', 'cost', 'lineStops', 'spread'] as const;

export function FragilityTable({
  costs,
  workshops,
}: {
  readonly costs: readonly WorkshopCost[];
  readonly workshops: readonly DebriefWorkshop[];
}) {
  const rows = [...costs].sort((a, b) => b.cost - a.cost || a.workshop - b.workshop);
  const cell = (c: WorkshopCost, col: (typeof COLUMNS)[number]) =>
    col === 'spread' ? percent(c.spread) : num(c[col], col === 'lineStops' ? 0 : 1);
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-semibold text-blue-900">{t('debrief.fragility.table')}</summary>
      <div className="mt-2 max-h-72 overflow-auto">
        <table className="w-full text-right text-sm tabular-nums">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-1 text-left">
                {t('debrief.col.workshop')}
              </th>
              {COLUMNS.map((col) => (
                <th key={col} scope="col" className="p-1">
                  {t(`debrief.fragility.col.${col}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => {
              const w = workshops[c.workshop];
              return (
                <tr key={c.workshop} className="border-b border-stone-100">
                  <th scope="row" className="p-1 text-left font-normal">
                    {w?.name ?? String(c.workshop + 1)}{' '}
                    <span className="text-xs text-stone-600">
                      {w?.player ? `(${w.player})` : `(${t('debrief.fragility.botShort')})`}
                    </span>
                  </th>
                  {COLUMNS.map((col) => (
                    <td key={col} className="p-1">
                      {cell(c, col)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
