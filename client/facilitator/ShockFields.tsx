/** The inputs of a shock: which workshop, and the hours, rounds, region or supplier its kind needs. */
import type { FacilitatorView } from '../../game/core/view';
import { Field, inputClass } from '../app/ui';
import { t } from '../i18n';
import { MAX_HOPS, type ShockDraft, supplierChoices } from './shock';

interface ShockFieldsProps {
  readonly view: FacilitatorView;
  readonly draft: ShockDraft;
  readonly onDraft: (draft: ShockDraft) => void;
}

export function ShockFields({ view, draft, onDraft }: ShockFieldsProps) {
  const set = (patch: Partial<ShockDraft>) => onDraft({ ...draft, ...patch });
  const options = (indices: readonly number[]) =>
    indices.map((i) => (
      <option key={i} value={i}>
        {view.workshops[i]?.name}
      </option>
    ));
  const all = view.workshops.map((_, i) => i);
  const suppliers = supplierChoices(view, draft.kind, draft.workshop);
  const number = (label: string, value: string, key: 'hours' | 'rounds' | 'extra', hint?: string) => (
    <Field label={label} hint={hint}>
      {(c) => (
        <input
          {...c}
          className={inputClass}
          inputMode="decimal"
          value={value}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <div className="@container">
      <div className="grid gap-x-3 @lg:grid-cols-2">
        <Field label={t(`shock.workshop.${draft.kind}` as const)}>
          {(c) => (
            <select
              {...c}
              className={inputClass}
              value={draft.workshop}
              onChange={(e) => set({ workshop: Number(e.target.value), supplier: -1 })}
            >
              {options(all)}
            </select>
          )}
        </Field>
        {draft.kind === 'delay' && number(t('shock.hours'), draft.hours, 'hours', t('shock.hours.hint'))}
        {draft.kind === 'storm' && (
          <>
            <Field label={t('shock.region')}>
              {(c) => (
                <select
                  {...c}
                  className={inputClass}
                  value={draft.hops}
                  onChange={(e) => set({ hops: Number(e.target.value) })}
                >
                  {Array.from({ length: MAX_HOPS + 1 }, (_, h) => (
                    <option key={h} value={h}>
                      {t(`shock.region.${h}` as 'shock.region.0')}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {number(t('shock.rounds'), draft.rounds, 'rounds')}
            {number(t('shock.extra'), draft.extra, 'extra', t('shock.extra.hint'))}
          </>
        )}
        {(draft.kind === 'cut' || draft.kind === 'open') && (
          <Field label={t(`shock.supplier.${draft.kind}` as const)}>
            {(c) => (
              <select
                {...c}
                className={inputClass}
                value={draft.supplier}
                onChange={(e) => set({ supplier: Number(e.target.value) })}
              >
                <option value={-1}>{t('shock.supplier.choose')}</option>
                {options(suppliers)}
              </select>
            )}
          </Field>
        )}
      </div>
    </div>
  );
}
