/** The phase diagram's numbers as a table: bin, growth rate and its error, line-stop share. */
import type { SweepPoint } from '../../game/lab/experiments';
import { num, percent } from '../board/format';
import { t } from '../i18n';

export function PhaseTable({ points }: { readonly points: readonly SweepPoint[] }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-semibold text-blue-900">{t('debrief.phase.table')}</summary>
      <div className="mt-2 max-h-64 overflow-y-auto">
        <table className="w-full text-right text-sm tabular-nums">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-1">
                {t('debrief.phase.col.bin')}
              </th>
              <th scope="col" className="p-1">
                {t('debrief.phase.col.growth')}
              </th>
              <th scope="col" className="p-1">
                {t('debrief.phase.col.breach')}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.buffer} className="border-b border-stone-100">
                <th scope="row" className="p-1">
                  {num(p.buffer, 2)}
                </th>
                <td className="p-1">
                  {num(p.growthRate, 3)} ± {num(p.growthRateError, 3)}
                </td>
                <td className="p-1">{percent(p.breachRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
