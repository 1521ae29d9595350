/** Shocks waiting for the next resolution, and storms still blowing. */
import type { FacilitatorView } from '../../game/core/view';
import { t } from '../i18n';
import { describeShock } from './shock';

export function ShockQueue({ view }: { readonly view: FacilitatorView }) {
  const name = (i: number) => view.workshops[i]?.name ?? '?';
  const storms = view.storms.filter((s) => s.until >= view.round);
  if (view.pendingShocks.length === 0 && storms.length === 0) return null;
  return (
    <div className="mt-4 text-sm">
      {view.pendingShocks.length > 0 && (
        <>
          <h3 className="font-semibold">{t('shock.pending')}</h3>
          <ul className="list-disc pl-5">
            {view.pendingShocks.map((s, i) => (
              <li key={i}>{describeShock(s, name)}</li>
            ))}
          </ul>
        </>
      )}
      {storms.length > 0 && (
        <>
          <h3 className="mt-2 font-semibold">{t('shock.storms')}</h3>
          <ul className="list-disc pl-5">
            {storms.map((s, i) => (
              <li key={i}>
                {t('shock.stormActive', { names: s.workshops.map(name).join(', '), extra: s.extra, until: s.until })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
