/** My own history: a sparkline of my lateness against the table's mean, and a table per round. */
import { t } from '../i18n';
import type { SeatView } from '../../game/core/view';
import { coins, num } from './format';
import { historyRows, sparkline } from './selectors';
import { Card } from './ui';

const W = 300;
const H = 60;

function Sparkline({ mine, table }: { mine: number[]; table: number[] }) {
  const top = Math.max(1, ...mine, ...table);
  return (
    <figure>
      <svg
        viewBox={`-2 -2 ${W + 4} ${H + 4}`}
        preserveAspectRatio="none"
        className="h-16 w-full"
        role="img"
        aria-label={t('board.history.spark', { last: num(mine.at(-1) ?? 0, 1), max: num(Math.max(0, ...mine), 1) })}
      >
        <line x1={0} y1={H} x2={W} y2={H} stroke="#a8a29e" strokeWidth={1} vectorEffect="non-scaling-stroke" />
        <polyline
          points={sparkline(table, W, H, top)}
          fill="none"
          stroke="#E69F00"
          strokeWidth={2}
          strokeDasharray="5 4"
          vectorEffect="non-scaling-stroke"
        />
        <polyline
          points={sparkline(mine, W, H, top)}
          fill="none"
          stroke="#0072B2"
          strokeWidth={2.5}
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 text-xs text-stone-700">
        <span>
          <span aria-hidden="true" className="text-[#0072B2]">
            ━{' '}
          </span>
          {t('board.history.mine')}
        </span>
        <span>
          <span aria-hidden="true" className="text-[#E69F00]">
            ┅{' '}
          </span>
          {t('board.history.table')}
        </span>
        <span>{t('board.history.top', { top: num(top, 1) })}</span>
      </figcaption>
    </figure>
  );
}

export function History({ view }: { view: SeatView }) {
  const rows = historyRows(view);
  if (rows.length === 0) {
    return (
      <Card title={t('board.history.title')} id="history-title">
        <p className="text-sm text-stone-700">{t('board.history.empty')}</p>
      </Card>
    );
  }
  const newestFirst = [...rows].reverse();
  return (
    <Card title={t('board.history.title')} id="history-title">
      <Sparkline mine={rows.map((r) => r.lateness)} table={rows.map((r) => r.networkMean ?? 0)} />
      <div
        className="mt-2 max-h-72 overflow-auto rounded border border-stone-200"
        tabIndex={0}
        aria-labelledby="history-title"
      >
        <table className="w-full text-right text-sm whitespace-nowrap tabular-nums">
          <caption className="sr-only">{t('board.history.caption')}</caption>
          <thead className="sticky top-0 bg-stone-100 text-xs text-stone-700">
            <tr>
              <th scope="col" className="px-2 py-1 text-left">
                {t('board.history.round')}
              </th>
              <th scope="col" className="px-2 py-1">
                {t('board.history.lateness')}
              </th>
              <th scope="col" className="px-2 py-1">
                {t('board.history.bins')}
              </th>
              <th scope="col" className="px-2 py-1">
                {t('board.history.trouble')}
              </th>
              <th scope="col" className="px-2 py-1 text-center">
                {t('board.history.stop')}
              </th>
              <th scope="col" className="px-2 py-1">
                {t('board.history.cost')}
              </th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((r) => (
              <tr key={r.round} className={r.breached ? 'bg-[#fde4d3]' : 'odd:bg-white even:bg-stone-50'}>
                <th scope="row" className="px-2 py-1 text-left font-medium">
                  {r.round}
                  {r.autopilot ? (
                    <span className="ml-1 text-xs font-normal text-stone-600">{t('board.history.auto')}</span>
                  ) : null}
                </th>
                <td className="px-2 py-1">{num(r.lateness, 1)}</td>
                <td className="px-2 py-1">{r.bins.map((b) => num(b, 2)).join(' / ')}</td>
                <td className="px-2 py-1">{num(r.trouble, 1)}</td>
                <td className="px-2 py-1 text-center">
                  {r.breached ? t('board.history.stopYes') : t('board.history.stopNo')}
                </td>
                <td className="px-2 py-1">{coins(r.cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
