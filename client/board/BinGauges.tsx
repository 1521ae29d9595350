/**
 * My bins drawn as baskets: one bar per input, the stock (hours of cover) filled in, a dashed
 * mark where last round's incoming lateness reached and a solid mark for the lateness coming in
 * now. Every mark is also said in words.
 */
import { t } from '../i18n';
import type { SeatView } from '../../game/core/view';
import { hours, workshopLabel } from './format';
import { type InputCover, inputCovers, knownWorkshops } from './selectors';
import { Card, Tag } from './ui';

const pct = (value: number, scale: number) => `${Math.min(100, (Math.max(0, value) / scale) * 100)}%`;

function Basket({ cover, scale, name }: { cover: InputCover; scale: number; name: string }) {
  const short = cover.supplierNow !== null ? cover.supplierNow - cover.bin : null;
  return (
    <li className="py-2">
      <div className="flex flex-wrap items-baseline justify-between gap-1">
        <span className="text-sm font-medium">{t('board.bins.input', { input: cover.slot + 1, name })}</span>
        <span className="text-sm tabular-nums">{t('board.bins.binNow', { bin: hours(cover.bin) })}</span>
      </div>
      <div className="relative mt-1 h-7 rounded border-2 border-stone-600 bg-stone-100" aria-hidden="true">
        <div
          className="h-full rounded-sm bg-[repeating-linear-gradient(135deg,#0072B2_0_6px,#3d8fc7_6px_12px)]"
          style={{ width: pct(cover.bin, scale) }}
        />
        {cover.lastIncoming !== null ? (
          <div
            className="absolute -top-1 -bottom-1 w-0 border-l-2 border-dashed border-stone-900"
            style={{ left: pct(cover.lastIncoming, scale) }}
          />
        ) : null}
        {cover.supplierNow !== null ? (
          <div
            className="absolute -bottom-2 -ml-1.5 text-xs leading-none text-[#D55E00]"
            style={{ left: pct(cover.supplierNow, scale) }}
          >
            ▲
          </div>
        ) : null}
      </div>
      <div className="mt-0.5 flex justify-between text-[10px] text-stone-500" aria-hidden="true">
        <span>{hours(0)}</span>
        <span>{hours(Math.round(scale * 10) / 10)}</span>
      </div>
      <p className="text-xs text-stone-700">
        {cover.lastIncoming !== null && cover.lastBin !== null
          ? t(
              cover.ranDry
                ? 'board.bins.lastDry'
                : cover.lastIncoming < 0.005
                  ? 'board.bins.lastOnTime'
                  : 'board.bins.lastOk',
              {
                incoming: hours(cover.lastIncoming),
                bin: hours(cover.lastBin),
              },
            )
          : t('board.bins.noHistory')}{' '}
        {cover.ranDry ? <Tag tone="alert">{t('board.bins.ranDry')}</Tag> : null}
      </p>
      {short !== null ? (
        <p className="text-xs text-stone-700">
          {short > 0
            ? t('board.bins.nowShort', { now: hours(cover.supplierNow!), short: hours(short) })
            : cover.supplierNow! < 0.005
              ? t('board.bins.nowOnTime')
              : t('board.bins.nowCovered', { now: hours(cover.supplierNow!) })}
        </p>
      ) : null}
    </li>
  );
}

export function BinGauges({ view }: { view: SeatView }) {
  const covers = inputCovers(view);
  const names = knownWorkshops(view);
  // One scale for every input (so bins compare), with room beyond the bins for what comes in.
  const scale =
    Math.max(
      2 * view.config.startingBin,
      ...covers.flatMap((c) => [c.bin, c.lastIncoming ?? 0, c.supplierNow ?? 0, c.recentMax ?? 0]),
    ) * 1.1;
  return (
    <Card title={t('board.bins.title')} id="bins-title">
      <p className="text-xs text-stone-600">
        <span aria-hidden="true">▨ </span>
        {t('board.bins.legendStock')} <span aria-hidden="true">┆ </span>
        {t('board.bins.legendLast')}{' '}
        <span aria-hidden="true" className="text-[#D55E00]">
          ▲{' '}
        </span>
        {t('board.bins.legendNow')}
      </p>
      <ul className="divide-y divide-stone-200">
        {covers.map((cover) => (
          <Basket key={cover.slot} cover={cover} scale={scale} name={workshopLabel(names, cover.supplier)} />
        ))}
      </ul>
      <p className="mt-1 text-xs text-stone-600">{t('board.bins.r1')}</p>
    </Card>
  );
}
