/**
 * The whole map (view.map: council rounds, the facilitator's reveal, game over): every workshop on
 * a circle, with its lateness written in it, and its supply links. Links whose bin was breached
 * by the binding supplier are drawn thick and dashed (the cascade). The same map as a table
 * follows, for screen readers and for reading names.
 */
import { t } from '../i18n';
import type { MapView, SeatView } from '../../game/core/view';
import { hours, num } from './format';
import { latenessLevel, mapLayout } from './selectors';
import { Card, levelFill } from './ui';

const SIZE = 400;

function MapTable({ map, me }: { map: MapView; me: number }) {
  const name = (i: number) => map.workshops[i]?.name ?? String(i + 1);
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium">{t('board.map.asTable')}</summary>
      <div className="max-h-72 overflow-auto" tabIndex={0}>
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-100 text-xs">
            <tr>
              <th scope="col" className="px-2 py-1">
                {t('board.map.workshop')}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {t('board.map.lateness')}
              </th>
              <th scope="col" className="px-2 py-1">
                {t('board.map.suppliers')}
              </th>
              <th scope="col" className="px-2 py-1">
                {t('board.map.state')}
              </th>
            </tr>
          </thead>
          <tbody>
            {map.workshops.map((w) => (
              <tr key={w.index} className={w.index === me ? 'bg-[#e1eff9] font-semibold' : ''}>
                <th scope="row" className="px-2 py-1 font-medium">
                  {w.index + 1}. {w.name} {w.index === me ? t('board.map.you') : ''}
                </th>
                <td className="px-2 py-1 text-right tabular-nums">{hours(w.lateness)}</td>
                <td className="px-2 py-1">{w.suppliers.map(name).join(', ')}</td>
                <td className="px-2 py-1">
                  {[
                    w.breached ? t('board.map.lineStop', { name: name(w.binding) }) : '',
                    w.autopilot ? t('board.nb.autopilot') : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function NetworkMap({ view, map }: { view: SeatView; map: MapView }) {
  const points = mapLayout(map.workshops.length, SIZE);
  const me = view.me.index;
  return (
    <Card title={t('board.map.title')} id="map-title">
      <p className="text-sm text-stone-700">{t('board.map.intro')}</p>
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        className="mx-auto mt-2 w-full max-w-md"
        role="img"
        aria-label={t('board.map.svgLabel', { count: map.workshops.length })}
      >
        <defs>
          {(['#78716c', '#D55E00'] as const).map((fill, i) => (
            <marker
              key={fill}
              id={`map-arrow-${i}`}
              viewBox="0 0 10 10"
              refX={i ? 25 : 30}
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth={i ? 11 : 8}
              markerHeight={i ? 11 : 8}
              orient="auto"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill={fill} />
            </marker>
          ))}
        </defs>
        {map.workshops.flatMap((w) =>
          w.suppliers.map((s) => {
            const from = points[s]!;
            const to = points[w.index]!;
            const cascade = w.breached && w.binding === s;
            return (
              <line
                key={`${s}-${w.index}`}
                x1={from.x}
                y1={from.y}
                x2={to.x}
                y2={to.y}
                stroke={cascade ? '#D55E00' : '#a8a29e'}
                strokeWidth={cascade ? 3.5 : 1}
                strokeDasharray={cascade ? '7 4' : undefined}
                markerEnd={`url(#map-arrow-${cascade ? 1 : 0})`}
              />
            );
          }),
        )}
        {map.workshops.map((w) => {
          const p = points[w.index]!;
          const level = latenessLevel(w.lateness);
          return (
            <g key={w.index}>
              <title>{`${w.name}: ${hours(w.lateness)}`}</title>
              <circle
                cx={p.x}
                cy={p.y}
                r={15}
                fill={levelFill[level]}
                stroke={w.index === me ? '#000' : '#fff'}
                strokeWidth={w.index === me ? 4 : 1.5}
              />
              <text
                x={p.x}
                y={p.y + 4}
                textAnchor="middle"
                fontSize="11"
                fontWeight="700"
                fill={level === 'severe' || level === 'veryLate' ? '#fff' : '#1c1917'}
              >
                {num(w.lateness, 1)}
              </text>
              {w.index === me ? (
                <text x={p.x} y={p.y - 20} textAnchor="middle" fontSize="11" fontWeight="700">
                  {t('board.map.youShort')}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <p className="mt-1 text-xs text-stone-600">{t('board.map.legend')}</p>
      <MapTable map={map} me={me} />
    </Card>
  );
}
