/** My suppliers and customers: public state only (I2), and which supplier was binding last round. */
import { t } from '../i18n';
import type { PublicWorkshop, SeatView } from '../../game/core/view';
import { workshopLabel } from './format';
import { bindingLast, knownWorkshops } from './selectors';
import { Card, LatenessBadge, Tag } from './ui';

function Row({ w, binding }: { w: PublicWorkshop; binding: ReturnType<typeof bindingLast> }) {
  const isBinding = binding?.supplier === w.index;
  return (
    <li className="flex flex-wrap items-center gap-2 py-1.5">
      <span className="min-w-28 font-medium">{w.name}</span>
      <LatenessBadge hours={w.lateness} />
      {w.breached ? (
        <Tag tone="alert">
          <span aria-hidden="true">⚠ </span>
          {t('board.nb.lineStop')}
        </Tag>
      ) : null}
      {w.autopilot ? (
        <Tag>
          <span aria-hidden="true">⚙ </span>
          {t('board.nb.autopilot')}
        </Tag>
      ) : null}
      {isBinding ? (
        <Tag tone={binding.breached ? 'alert' : 'info'}>
          <span aria-hidden="true">➜ </span>
          {binding.breached ? t('board.nb.bindingBreached') : t('board.nb.binding')}
        </Tag>
      ) : null}
    </li>
  );
}

export function Neighbours({ view }: { view: SeatView }) {
  const binding = bindingLast(view);
  return (
    <Card title={t('board.nb.title')} id="nb-title">
      {binding ? (
        <p className="mb-2 text-sm">
          {t(binding.breached ? 'board.nb.bindingSentenceBreached' : 'board.nb.bindingSentence', {
            name: workshopLabel(knownWorkshops(view), binding.supplier),
          })}
        </p>
      ) : null}
      <h3 className="text-sm font-semibold text-stone-700">{t('board.nb.suppliers')}</h3>
      <ul className="divide-y divide-stone-200">
        {view.suppliers.map((w) => (
          <Row key={w.index} w={w} binding={binding} />
        ))}
      </ul>
      <h3 className="mt-2 text-sm font-semibold text-stone-700">{t('board.nb.customers')}</h3>
      {view.customers.length > 0 ? (
        <ul className="divide-y divide-stone-200">
          {view.customers.map((w) => (
            <Row key={w.index} w={w} binding={null} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-600">{t('board.nb.noCustomers')}</p>
      )}
      <p className="mt-2 text-xs text-stone-600">{t('board.nb.privacy')}</p>
    </Card>
  );
}
