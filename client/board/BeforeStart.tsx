/**
 * Before the facilitator starts (a spectator's view: no workshop yet), or a seat that holds no
 * workshop: the public configuration and what will happen.
 */
import { t } from '../i18n';
import type { FacilitatorView, SpectatorView } from '../../game/core/view';
import { coins, hours } from './format';
import { Card } from './ui';

export function BeforeStart({ view }: { view: SpectatorView | FacilitatorView }) {
  const { config } = view;
  const waiting = view.status === 'setup';
  const on = (['kaizen', 'workers', 'supplierChoice', 'council'] as const).filter((m) => config.mechanics[m]);
  return (
    <main className="mx-auto max-w-2xl p-3 sm:p-6">
      <Card title={config.title} id="start-title">
        <p className="text-base font-medium" role="status">
          {waiting
            ? t('board.start.waiting')
            : view.role === 'facilitator'
              ? t('board.start.facilitator')
              : t('board.start.noWorkshop')}
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
          <li>{t('board.start.rounds', { rounds: config.rounds })}</li>
          <li>
            {config.roundSeconds > 0
              ? t('board.start.timer', { seconds: config.roundSeconds })
              : t('board.start.noTimer')}
          </li>
          <li>{t('board.start.workshops', { workshops: config.workshops })}</li>
          <li>
            {t('board.start.costs', {
              rent: coins(config.costs.rent),
              penalty: coins(config.costs.latePenalty),
              start: coins(config.costs.startingCoins),
            })}
          </li>
          <li>{t('board.start.bins', { bin: hours(config.startingBin), max: hours(config.maxBin) })}</li>
          {on.map((m) => (
            <li key={m}>{t(`board.start.mechanic.${m}`)}</li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-stone-700">{t('board.start.r1')}</p>
      </Card>
    </main>
  );
}
