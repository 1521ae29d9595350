/** The run's progress bar (steps done of all replicas), its status line and Cancel. */
import { Button } from '../app/ui';
import { t } from '../i18n';
import type { RunState } from './useLabRunner';

export function percentOf(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
}

function statusText(state: RunState): string {
  switch (state.phase) {
    case 'idle':
      return '';
    case 'running':
      return t('lab.status.running', { jobs: state.jobs });
    case 'done':
      return t('lab.status.done', { seconds: state.seconds.toFixed(1) });
    case 'cancelled':
      return t('lab.status.cancelled');
    case 'failed':
      return t('lab.status.failed', { message: state.message });
  }
}

export function RunProgress({ state, onCancel }: { readonly state: RunState; readonly onCancel: () => void }) {
  if (state.phase === 'idle') return null;
  const percent = percentOf(state.done, state.total);
  const text = t('lab.progress.text', {
    done: state.done.toLocaleString('en'),
    total: state.total.toLocaleString('en'),
    percent,
  });
  return (
    <div className="mt-4">
      <div className="flex flex-wrap items-center gap-3">
        <div
          role="progressbar"
          aria-label={t('lab.progress')}
          aria-valuemin={0}
          aria-valuemax={state.total}
          aria-valuenow={state.done}
          aria-valuetext={text}
          className="h-4 min-w-40 flex-1 overflow-hidden rounded border border-stone-500 bg-stone-100"
        >
          <div
            className={`h-full motion-safe:transition-[width] motion-safe:duration-200 ${state.phase === 'failed' ? 'bg-red-800' : 'bg-blue-800'}`}
            style={{ width: `${percent}%` }}
          />
        </div>
        {state.phase === 'running' && (
          <Button variant="danger" onClick={onCancel}>
            {t('lab.cancel')}
          </Button>
        )}
      </div>
      <p className="mt-1 text-sm text-stone-700 tabular-nums">{text}</p>
      <p
        role={state.phase === 'failed' ? 'alert' : 'status'}
        className={`mt-1 ${state.phase === 'failed' ? 'font-semibold text-red-800' : ''}`}
      >
        {state.phase === 'failed' && <span aria-hidden="true">⚠ </span>}
        {statusText(state)}
      </p>
    </div>
  );
}
