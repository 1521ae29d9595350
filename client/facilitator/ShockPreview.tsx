/** Where a shock can reach, in words: the workshops downstream, round by round. */
import type { Shock } from '../../game/core/types';
import type { FacilitatorView } from '../../game/core/view';
import { t } from '../i18n';
import { PREVIEW_ROUNDS } from './shock';

/** Workshops by rounds-away (0..rounds), names sorted by index. Pure. */
export function reachByRound(reach: ReadonlyMap<number, number>, rounds: number): number[][] {
  const byRound: number[][] = Array.from({ length: rounds + 1 }, () => []);
  [...reach.entries()].sort((a, b) => a[0] - b[0]).forEach(([w, r]) => byRound[r]?.push(w));
  return byRound;
}

interface ShockPreviewProps {
  readonly view: FacilitatorView;
  readonly reach: ReadonlyMap<number, number>;
  /** Delays and storms strike their workshops; cuts and openings change a workshop's inputs. */
  readonly kind: Shock['kind'];
}

export function ShockPreview({ view, reach, kind }: ShockPreviewProps) {
  const byRound = reachByRound(reach, PREVIEW_ROUNDS);
  const names = (ws: readonly number[]) => ws.map((w) => view.workshops[w]?.name ?? '').join(', ');
  const total = reach.size;
  return (
    <div className="mt-3 rounded-md border-2 border-blue-700 bg-blue-50 p-3 text-sm" aria-live="polite">
      <p className="font-semibold">
        {t('shock.preview.title', { n: total, total: view.workshops.length, rounds: PREVIEW_ROUNDS })}
      </p>
      <ul className="mt-1 space-y-1">
        <li>
          {t(kind === 'cut' || kind === 'open' ? 'shock.preview.changes' : 'shock.preview.start', {
            names: names(byRound[0] ?? []),
          })}
        </li>
        {byRound.slice(1).map((ws, i) => (
          <li key={i}>
            {ws.length === 0
              ? t('shock.preview.noneIn', { round: i + 1 })
              : t('shock.preview.in', { round: i + 1, names: names(ws) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
