/**
 * Small building blocks of the board. Lateness is always shown as a number, a word and a shape,
 * never by colour alone (the palette is Okabe-Ito, safe for colour-blind players).
 */
import type { ReactNode } from 'react';
import { t } from '../i18n';
import { hours } from './format';
import { type LatenessLevel, latenessLevel } from './selectors';

export function Card({
  title,
  id,
  children,
  className = '',
}: {
  title: string;
  id: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`rounded-lg border border-stone-300 bg-white p-3 shadow-sm sm:p-4 ${className}`}
    >
      <h2 id={id} className="text-base font-semibold text-stone-900">
        {title}
      </h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <div className="rounded-md bg-stone-100 px-2 py-1.5">
      <dt className="text-xs text-stone-600">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-stone-900">{value}</dd>
      {hint ? <dd className="text-xs text-stone-600">{hint}</dd> : null}
    </div>
  );
}

const LEVEL_STYLE: Record<LatenessLevel, { shape: string; className: string }> = {
  onTime: { shape: '●', className: 'bg-[#cfe6f5] text-[#004a75] border-[#0072B2]' },
  late: { shape: '▲', className: 'bg-[#fbe8b8] text-[#6b4a00] border-[#E69F00]' },
  veryLate: { shape: '◆', className: 'bg-[#f6c9a8] text-[#7a2e00] border-[#D55E00]' },
  severe: { shape: '■', className: 'bg-[#7a2e00] text-white border-[#3d1700]' },
};

/** "▲ 1.5 h late": shape, number and word together. */
export function LatenessBadge({ hours: h }: { hours: number }) {
  const level = latenessLevel(h);
  const style = LEVEL_STYLE[level];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-sm font-medium tabular-nums ${style.className}`}
    >
      <span aria-hidden="true">{style.shape}</span>
      <span>{level === 'onTime' ? t('board.level.onTime') : t('board.level.lateBy', { hours: hours(h) })}</span>
      {level === 'severe' ? <span className="sr-only">{t('board.level.severe')}</span> : null}
    </span>
  );
}

export const levelFill: Record<LatenessLevel, string> = {
  onTime: '#56B4E9',
  late: '#E69F00',
  veryLate: '#D55E00',
  severe: '#7a2e00',
};

/** A small pill: "autopilot", "line stop", "binding last round". */
export function Tag({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'alert' | 'info' }) {
  const tones = {
    neutral: 'border-stone-400 bg-stone-100 text-stone-800',
    alert: 'border-[#D55E00] bg-[#fde4d3] text-[#7a2e00]',
    info: 'border-[#0072B2] bg-[#e1eff9] text-[#004a75]',
  };
  return (
    <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>
  );
}

/** The error next to a field, referenced by the field's aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  return (
    <p id={id} className={message ? 'mt-1 text-sm font-medium text-[#9a3a00]' : 'sr-only'} aria-live="polite">
      {message ? (
        <>
          <span aria-hidden="true">✖ </span>
          {message}
        </>
      ) : null}
    </p>
  );
}
