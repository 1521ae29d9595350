/** The map's key: lateness bands (colour and range) and the shapes for line stop, autopilot, cascade. */
import type { ReactNode } from 'react';
import { t } from '../i18n';
import { type Band, bandFill, bandRange } from './colour';

const BANDS: readonly Band[] = [0, 1, 2, 3, 4, 5];

function rangeText(band: Band): string {
  const [from, to] = bandRange(band);
  return to === null ? t('map.legend.over', { from }) : t('map.legend.range', { from, to });
}

const Swatch = ({ children }: { readonly children: ReactNode }) => (
  <svg viewBox="0 0 32 20" className="h-5 w-8 shrink-0" aria-hidden="true">
    {children}
  </svg>
);

export function MapLegend() {
  return (
    <div className="mt-3 text-sm">
      <p className="font-semibold">{t('map.legend.lateness')}</p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {BANDS.map((b) => (
          <li key={b} className="flex items-center gap-1">
            <Swatch>
              <circle cx={16} cy={10} r={8} fill={bandFill(b)} stroke="#1c1917" strokeWidth={1.5} />
            </Swatch>
            {rangeText(b)}
          </li>
        ))}
      </ul>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        <li className="flex items-center gap-1">
          <Swatch>
            <circle cx={16} cy={10} r={7} fill="#ffffff" stroke="#1c1917" strokeWidth={4} />
          </Swatch>
          {t('map.legend.lineStop')}
        </li>
        <li className="flex items-center gap-1">
          <Swatch>
            <circle cx={16} cy={10} r={8} fill="#ffffff" stroke="#1c1917" strokeWidth={1.5} strokeDasharray="4 3" />
          </Swatch>
          {t('map.legend.autopilot')}
        </li>
        <li className="flex items-center gap-1">
          <Swatch>
            <path d="M2,10 L24,10" stroke="#1c1917" strokeWidth={4} />
            <path d="M22,4 L31,10 L22,16 z" fill="#1c1917" />
          </Swatch>
          {t('map.legend.cascade')}
        </li>
        <li className="flex items-center gap-1">
          <Swatch>
            <path d="M2,10 L30,10" stroke="#a8a29e" strokeWidth={2} />
          </Swatch>
          {t('map.legend.link')}
        </li>
      </ul>
    </div>
  );
}
