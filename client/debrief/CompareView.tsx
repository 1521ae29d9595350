/**
 * A counterfactual beside the real game: mean lateness over rounds of both on one scale, and the
 * two maps at the round the replay shows, side by side (stacked on phones).
 */
import type { RoundRecord } from '../../game/core/types';
import type { CompactRound } from '../../game/debrief/counterfactual';
import { num } from '../board/format';
import { CHART } from '../facilitator/chart';
import { t } from '../i18n';
import { Axes } from '../facilitator/LatenessPlot';
import { RoundMarker } from './Axes';
import { compareModel, meanOver } from './charts';
import { DebriefMap } from './DebriefMap';
import { compactFrame, frameAt, frameOf, linksAt } from './replay';

const OTHER_INK = '#D55E00';

interface CompareViewProps {
  readonly history: readonly RoundRecord[];
  readonly rounds: readonly CompactRound[];
  readonly title: string;
  readonly names: readonly string[];
  readonly totalRounds: number;
  readonly criticalBuffer: number | null;
  readonly shown: number;
}

export function CompareView({ history, rounds, title, names, totalRounds, criticalBuffer, shown }: CompareViewProps) {
  const m = compareModel(history, rounds, totalRounds, criticalBuffer, shown);
  const { width } = CHART;
  const real = frameAt(history, shown);
  const other = frameAt(rounds, shown);
  const summary = t('debrief.compare.summary', {
    real: num(meanOver(history), 2),
    other: num(meanOver(rounds), 2),
    title,
  });
  const mapLabel = (which: string, lateness: number) =>
    t('debrief.compare.map', { which, round: shown, lateness: num(lateness, 2) });
  return (
    <div className="mt-4" data-testid="compare">
      <h3 className="text-lg font-semibold">{t('debrief.compare.heading', { title })}</h3>
      <p className="mt-1">{summary}</p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <div className="min-w-0 sm:col-span-2 lg:col-span-1">
          <svg
            viewBox={`0 0 ${width} ${CHART.lateBottom + 30}`}
            role="img"
            aria-label={summary}
            className="mt-2 h-auto w-full"
          >
            <Axes m={m.chart} xLabelY={CHART.lateBottom + 20} />
            <path d={m.real} fill="none" stroke="#1c1917" strokeWidth={3} />
            <path d={m.other} fill="none" stroke={OTHER_INK} strokeWidth={3} strokeDasharray="10 5" />
            {rounds.map((r) => (
              <path
                key={r.round}
                d={`M${m.chart.xOf(r.round)},${m.chart.yOf(r.meanLateness) - 5} l5,9 l-10,0 z`}
                fill={OTHER_INK}
              />
            ))}
            <RoundMarker x={m.markerX} bottom={CHART.lateBottom} />
          </svg>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <li>
              <span aria-hidden="true" className="font-black">
                ━━{' '}
              </span>
              {t('debrief.compare.real')}
            </li>
            <li className="text-[#9a3c00]">
              <span aria-hidden="true" className="font-black">
                ╍▲╍{' '}
              </span>
              {title}
            </li>
            <li className="text-orange-900">
              <span aria-hidden="true" className="font-black">
                ┈┈{' '}
              </span>
              {t('chart.legend.critical')}
            </li>
          </ul>
        </div>
        {[
          { key: 'real', heading: t('debrief.compare.real'), frame: real ? frameOf(real) : null },
          { key: 'other', heading: title, frame: other ? compactFrame(other) : null },
        ].map(({ key, heading, frame }) => (
          <figure key={key} className="min-w-0 rounded-md border border-stone-200 p-2">
            <figcaption className="text-sm font-semibold">
              {heading}: {t('debrief.compare.at', { round: shown })}
            </figcaption>
            {frame ? (
              <DebriefMap
                frame={frame}
                links={linksAt(real)}
                names={names}
                label={mapLabel(
                  heading,
                  frame.lateness.reduce((s, v) => s + v, 0) / Math.max(1, frame.lateness.length),
                )}
                small
                idPrefix={`compare-${key}`}
              />
            ) : (
              <p className="text-sm">{t('debrief.compare.noRound', { round: shown })}</p>
            )}
          </figure>
        ))}
      </div>
    </div>
  );
}
