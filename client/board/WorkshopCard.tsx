/** My workshop: name, lateness now, coins, kaizen points, workers, line stops, trouble die. */
import { t } from '../i18n';
import type { SeatView } from '../../game/core/view';
import { TroubleDie } from './Die';
import { coins, hours, num } from './format';
import { Card, LatenessBadge, Stat, Tag } from './ui';

export function WorkshopCard({ view }: { view: SeatView }) {
  const { me, config } = view;
  const last = view.myHistory.at(-1);
  return (
    <Card title={t('board.me.title', { name: me.name })} id="me-title">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-stone-700">{t('board.me.latenessNow')}</span>
        <LatenessBadge hours={me.lateness} />
        {me.autopilot && last ? <Tag>{t('board.me.autopilotLast')}</Tag> : null}
      </div>
      {last ? (
        <p className="mt-1 text-sm text-stone-700">
          {t('board.me.lastRound', {
            trouble: hours(last.trouble),
            rent: coins(last.rent),
            penalty: coins(last.penalty),
          })}
        </p>
      ) : (
        <p className="mt-1 text-sm text-stone-700">{t('board.me.firstRound')}</p>
      )}
      <dl className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label={t('board.me.coins')} value={num(me.coins, 1)} />
        <Stat label={t('board.me.lineStops')} value={me.lineStops} />
        <Stat
          label={t('board.me.workers')}
          value={me.workers}
          hint={config.mechanics.workers ? undefined : t('board.me.workersOff')}
        />
        <Stat
          label={t('board.me.kaizen')}
          value={me.kaizenPoints}
          hint={
            config.mechanics.kaizen
              ? t('board.me.kaizenCost', { cost: config.costs.kaizenCost })
              : t('board.me.kaizenOff')
          }
        />
      </dl>
      <div className="mt-3">
        <h3 className="text-sm font-semibold">{t('board.die.title')}</h3>
        <TroubleDie trouble={me.trouble} />
      </div>
      <p className="mt-2 text-xs text-stone-600">
        {t('board.me.penalty', { penalty: coins(config.costs.latePenalty) })}
      </p>
    </Card>
  );
}
