/** A histogram on log-log axes (bins that double in width), a power-law guide, and its table. */
import type { HistogramBin } from '../../game/lab/experiments';
import { t } from '../i18n';
import { PLOT, histogramChart } from './charts';

interface LogHistogramProps {
  readonly id: string;
  readonly what: string;
  readonly bins: readonly HistogramBin[];
  readonly exponent: number;
  readonly guideLabel: string;
}

const short = (v: number) => (v >= 1000 || v < 0.01 ? v.toExponential(1) : String(Number(v.toPrecision(3))));

export function LogHistogram({ id, what, bins, exponent, guideLabel }: LogHistogramProps) {
  const m = histogramChart(bins, exponent);
  const { width, height, left, right, top, bottom } = PLOT;
  if (!m) return <p className="mt-2">{t('lab.avalanches.empty', { what })}</p>;
  const densities = m.bars.map((b) => b.bin.density);
  const summary = t('lab.avalanches.chart', {
    what,
    bins: m.bars.length,
    from: short(m.bars[0]!.bin.from),
    to: short(m.bars.at(-1)!.bin.to),
    low: short(Math.min(...densities)),
    high: short(Math.max(...densities)),
  });
  return (
    <figure className="mt-4" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="font-semibold">
        {what}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={summary}
        data-axes="log-log"
        className="mt-1 h-auto w-full"
      >
        <g fontSize={14} fill="#44403c">
          {m.yTicks.map((tick) => (
            <g key={tick.value}>
              <line x1={left} x2={width - right} y1={m.y(tick.value)} y2={m.y(tick.value)} stroke="#e7e5e4" />
              {tick.label && (
                <text x={left - 6} y={m.y(tick.value)} textAnchor="end" dominantBaseline="central">
                  {tick.label}
                </text>
              )}
            </g>
          ))}
          {m.xTicks.map((tick) => (
            <g key={tick.value}>
              <line x1={m.x(tick.value)} x2={m.x(tick.value)} y1={top} y2={bottom} stroke="#f5f5f4" />
              {tick.label && (
                <text x={m.x(tick.value)} y={bottom + 18} textAnchor="middle">
                  {tick.label}
                </text>
              )}
            </g>
          ))}
          <text x={left} y={top - 12} textAnchor="middle" fontSize={13}>
            {t('lab.axis.density')}
          </text>
        </g>
        <line x1={left} x2={width - right} y1={bottom} y2={bottom} stroke="#78716c" />
        <line x1={left} x2={left} y1={top} y2={bottom} stroke="#78716c" />
        {m.bars.map((b) => (
          <g key={b.bin.from}>
            <rect x={b.x} y={b.y} width={b.w} height={Math.max(0, b.h)} fill="#93c5fd" stroke="#1e3a8a" />
            <rect x={b.cx - 3.5} y={b.y - 3.5} width={7} height={7} fill="#1e3a8a" />
          </g>
        ))}
        {m.guide && <path d={m.guide} fill="none" stroke="#7c2d12" strokeWidth={2} strokeDasharray="6 4" />}
      </svg>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <li className="text-blue-900">
          <span aria-hidden="true" className="font-black">
            ▮■{' '}
          </span>
          {t('lab.avalanches.legend.bars')}
        </li>
        <li className="text-orange-900">
          <span aria-hidden="true" className="font-black">
            ╍╍{' '}
          </span>
          {guideLabel}
        </li>
      </ul>
      <details className="mt-1">
        <summary className="cursor-pointer font-semibold text-blue-900">{t('lab.avalanches.table', { what })}</summary>
        <table className="mt-2 w-full text-right text-sm tabular-nums">
          <thead>
            <tr className="border-b border-stone-300">
              {(['from', 'to', 'count', 'density'] as const).map((c) => (
                <th key={c} scope="col" className="p-1">
                  {t(`lab.avalanches.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bins.map((b) => (
              <tr key={b.from} className="border-b border-stone-100">
                <td className="p-1">{short(b.from)}</td>
                <td className="p-1">{short(b.to)}</td>
                <td className="p-1">{b.count}</td>
                <td className="p-1">{b.density.toExponential(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
