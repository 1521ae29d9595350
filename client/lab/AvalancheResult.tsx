/** Avalanches at one bin: the counts, and durations and sizes as log-log histograms. */
import { t } from '../i18n';
import { LogHistogram } from './LogHistogram';
import type { LabResult } from './results';
import { ResultFrame } from './ResultFrame';

type AvalancheLabResult = Extract<LabResult, { experiment: 'avalanches' }>;

/** Exponents of the critical laws near B_c (docs/MODEL.md; authors' data, K = 5, N about 10^4). */
export const DURATION_EXPONENT = 1.5;
export const SIZE_EXPONENT = 1.32;

export function AvalancheResult({ result }: { readonly result: AvalancheLabResult }) {
  const s = result.summary;
  const bin = result.request.bin ?? s.buffer;
  return (
    <ResultFrame result={result} title={t('lab.avalanches.title', { bin })}>
      {s.count === 0 ? (
        <p className="mt-3">{t('lab.avalanches.none', { bin })}</p>
      ) : (
        <>
          <p className="mt-3">
            {t('lab.avalanches.facts', {
              count: s.count.toLocaleString('en'),
              censored: s.censored,
              meanDuration: s.meanDuration.toFixed(1),
              maxDuration: s.maxDuration.toLocaleString('en'),
              meanSize: s.meanSize.toFixed(2),
              maxSize: s.maxSize.toFixed(1),
              percent: (s.fractionOfTime * 100).toFixed(1),
            })}
          </p>
          <p className="mt-2 text-sm text-stone-700">{t('lab.avalanches.axes')}</p>
          <div>
            <LogHistogram
              id="lab-durations"
              what={t('lab.avalanches.durations')}
              bins={s.durationHistogram}
              exponent={DURATION_EXPONENT}
              guideLabel={t('lab.avalanches.legend.guideDuration')}
            />
            <LogHistogram
              id="lab-sizes"
              what={t('lab.avalanches.sizes')}
              bins={s.sizeHistogram}
              exponent={SIZE_EXPONENT}
              guideLabel={t('lab.avalanches.legend.guideSize')}
            />
          </div>
        </>
      )}
    </ResultFrame>
  );
}
