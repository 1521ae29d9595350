/** What the bins being decided cost: rent per round now (R6), and what they replace. */
import { t } from '../i18n';
import type { SeatView } from '../../game/core/view';
import { coins, num } from './format';
import { rentPerRound, rentRate } from './selectors';

export function CostSummary({ view, bins, valid }: { view: SeatView; bins: readonly number[]; valid: boolean }) {
  const rate = rentRate(view);
  const now = rentPerRound(view, view.me.bins);
  const chosen = rentPerRound(view, bins);
  const growth = view.config.costs.rentGrowth;
  const delta = chosen - now;
  return (
    <div className="rounded-md border border-stone-300 bg-stone-50 p-2 text-sm" aria-live="polite" aria-atomic="true">
      {valid ? (
        <p>
          <strong className="tabular-nums">{t('board.cost.rent', { rent: coins(chosen) })}</strong>{' '}
          {t('board.cost.rate', {
            rate: num(rate, 2),
            total: num(
              bins.reduce((a, b) => a + b, 0),
              2,
            ),
          })}
        </p>
      ) : (
        <p>{t('board.cost.invalid')}</p>
      )}
      <p className="text-xs text-stone-700">
        {t('board.cost.current', { rent: coins(now) })}{' '}
        {valid && Math.abs(delta) >= 0.005
          ? t(delta > 0 ? 'board.cost.more' : 'board.cost.less', { delta: coins(Math.abs(delta)) })
          : null}
      </p>
      {growth > 0 ? (
        <p className="text-xs text-stone-700">
          {t('board.cost.growth', { growth: num(growth, 2), next: num(rentRate(view, view.round + 1), 2) })}
        </p>
      ) : null}
    </div>
  );
}
