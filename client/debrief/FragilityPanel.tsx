/**
 * (5) Cost against fragility per workshop: a scatter (humans as labelled squares, bots as open
 * circles with their number) and the same numbers as a table. Whoever saved on stock paid little
 * rent, but their line stops spread to their customers.
 */
import { useId, useMemo, useState } from 'react';
import type { RoundRecord } from '../../game/core/types';
import { costAndFragility } from '../../game/debrief/fragility';
import type { DebriefWorkshop } from '../../game/debrief/types';
import { percent } from '../board/format';
import { inputClass } from '../app/ui';
import { t } from '../i18n';
import { FragilityTable } from './FragilityTable';
import { FRAGILITY_MEASURES, type FragilityMeasure, SCATTER, scatterModel } from './fragility';
import { Panel } from './Panel';

interface FragilityPanelProps {
  readonly history: readonly RoundRecord[];
  readonly workshops: readonly DebriefWorkshop[];
}

export function FragilityPanel({ history, workshops }: FragilityPanelProps) {
  const id = useId();
  const [measure, setMeasure] = useState<FragilityMeasure>('spread');
  const costs = useMemo(() => costAndFragility(history), [history]);
  const m = scatterModel(costs, workshops, measure);
  const { width, height, left, right, top, bottom } = SCATTER;
  return (
    <Panel id="fragility" title={t('debrief.fragility.title')} claim={t('debrief.claim.local')}>
      <label htmlFor={id} className="mt-3 block font-semibold">
        {t('debrief.fragility.measure')}
      </label>
      <select
        id={id}
        className={`${inputClass} mt-1`}
        value={measure}
        onChange={(e) => setMeasure(FRAGILITY_MEASURES.find((x) => x === e.target.value) ?? 'spread')}
      >
        {FRAGILITY_MEASURES.map((x) => (
          <option key={x} value={x}>
            {t(`debrief.fragility.${x}`)}
          </option>
        ))}
      </select>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('debrief.fragility.summary', { n: costs.length })}
        className="mt-2 h-auto w-full"
      >
        <g fontSize={15} fill="#44403c">
          {m.yTicks.map((v) => (
            <g key={v}>
              <line x1={left} x2={width - right} y1={m.yOf(v)} y2={m.yOf(v)} stroke="#e7e5e4" />
              <text x={left - 6} y={m.yOf(v)} textAnchor="end" dominantBaseline="central">
                {v}
              </text>
            </g>
          ))}
          {m.xTicks.map((v) => (
            <text key={v} x={m.xOf(v)} y={bottom + 20} textAnchor="middle">
              {percent(v)}
            </text>
          ))}
          <text x={(left + width - right) / 2} y={height - 4} textAnchor="middle" fontSize={14}>
            {t(`debrief.fragility.${measure}`)}
          </text>
          <text
            x={14}
            y={(top + bottom) / 2}
            textAnchor="middle"
            fontSize={14}
            transform={`rotate(-90 14 ${(top + bottom) / 2})`}
          >
            {t('debrief.fragility.cost')}
          </text>
        </g>
        <line x1={left} x2={left} y1={top} y2={bottom} stroke="#78716c" />
        <line x1={left} x2={width - right} y1={bottom} y2={bottom} stroke="#78716c" />
        {m.points.map((p) =>
          p.human ? (
            <g key={p.workshop}>
              <rect x={p.x - 7} y={p.y - 7} width={14} height={14} fill="#D55E00" stroke="#1c1917" strokeWidth={1.5} />
              <text
                x={p.x + (p.x > width * 0.7 ? -10 : 10)}
                y={p.y - 8}
                textAnchor={p.x > width * 0.7 ? 'end' : 'start'}
                fontSize={15}
                fontWeight={700}
                fill="#1c1917"
              >
                {p.label}
              </text>
            </g>
          ) : (
            <g key={p.workshop}>
              <circle cx={p.x} cy={p.y} r={6} fill="#ffffff" stroke="#44403c" strokeWidth={2} />
              <text x={p.x + 8} y={p.y + 14} fontSize={12} fill="#57534e">
                {p.label}
              </text>
            </g>
          ),
        )}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <li>
          <span aria-hidden="true" className="font-black text-[#D55E00]">
            ■{' '}
          </span>
          {t('debrief.fragility.human')}
        </li>
        <li>
          <span aria-hidden="true" className="font-black">
            ○{' '}
          </span>
          {t('debrief.fragility.bot')}
        </li>
      </ul>
      <FragilityTable costs={costs} workshops={workshops} />
    </Panel>
  );
}
