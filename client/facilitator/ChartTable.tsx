/** The chart's numbers as a table, newest round first. */
import { t } from '../i18n';
import type { RoundPoint } from './chart';

export function ChartTable({ rounds }: { readonly rounds: readonly RoundPoint[] }) {
  if (rounds.length === 0) return null;
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-semibold text-blue-900">{t('chart.table.summary')}</summary>
      <div className="mt-2 max-h-64 overflow-y-auto">
        <table className="w-full text-right text-sm tabular-nums">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-1">
                {t('chart.table.round')}
              </th>
              <th scope="col" className="p-1">
                {t('chart.legend.lateness')}
              </th>
              <th scope="col" className="p-1">
                {t('chart.legend.bin')}
              </th>
              <th scope="col" className="p-1">
                {t('chart.legend.breach')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...rounds].reverse().map((r) => (
              <tr key={r.round} className="border-b border-stone-100">
                <th scope="row" className="p-1">
                  {r.round}
                </th>
                <td className="p-1">{r.meanLateness.toFixed(2)}</td>
                <td className="p-1">{r.meanBin.toFixed(2)}</td>
                <td className="p-1">{Math.round(r.breachRate * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
