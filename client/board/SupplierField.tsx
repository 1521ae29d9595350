/** Supplier choice (D5): for each input that offers alternatives, which supplier to source from. */
import { t } from '../i18n';
import type { SeatView } from '../../game/core/view';
import { explain, hours, workshopLabel } from './format';
import { supplierOptions } from '../../game/core/decisions';
import type { Refusal } from '../../game/contract/refusals';
import { knownWorkshops } from './selectors';
import { FieldError } from './ui';

interface Props {
  readonly view: SeatView;
  readonly value: readonly number[] | null;
  readonly problem: Refusal | null;
  readonly disabled: boolean;
  readonly onChange: (value: number[]) => void;
}

export function SupplierField({ view, value, problem, disabled, onChange }: Props) {
  const { me } = view;
  if (value === null || !me.alternatives.some((a) => a.length > 0)) return null;
  const names = knownWorkshops(view);
  const message = problem ? explain(problem) : null;
  const label = (j: number) => {
    const known = view.suppliers.find((s) => s.index === j) ?? view.customers.find((c) => c.index === j);
    // Suppliers on offer are named in the view (hand-made maps are public), even out of sight.
    const offered = view.offers.flat().find((o) => o.index === j);
    const name = names.has(j) || !offered ? workshopLabel(names, j) : offered.name;
    return known
      ? t('board.suppliers.optionSeen', { name, lateness: hours(known.lateness) })
      : t('board.suppliers.optionUnseen', { name });
  };
  return (
    <fieldset className="py-2" aria-describedby="suppliers-help suppliers-error">
      <legend className="text-sm font-medium">{t('board.suppliers.legend')}</legend>
      <p id="suppliers-help" className="text-xs text-stone-700">
        {t(view.config.mechanics.supplierChoice ? 'board.suppliers.help' : 'board.suppliers.off')}
      </p>
      {me.alternatives.map((alternatives, slot) =>
        alternatives.length === 0 ? null : (
          <div key={slot} className="mt-1 flex flex-wrap items-center gap-2">
            <label htmlFor={`supplier-${slot}`} className="text-sm">
              {t('board.suppliers.input', { input: slot + 1 })}
            </label>
            <select
              id={`supplier-${slot}`}
              className="h-11 min-w-48 rounded-md border-2 border-stone-500 bg-white px-2 text-sm"
              value={value[slot]}
              disabled={disabled || !view.config.mechanics.supplierChoice}
              aria-invalid={message !== null}
              aria-describedby="suppliers-help suppliers-error"
              onChange={(e) => onChange(value.map((s, i) => (i === slot ? Number(e.target.value) : s)))}
            >
              {supplierOptions(view.me, slot).map((j) => (
                <option key={j} value={j}>
                  {j === me.suppliers[slot] ? `${label(j)} ${t('board.suppliers.current')}` : label(j)}
                </option>
              ))}
            </select>
          </div>
        ),
      )}
      <FieldError id="suppliers-error" message={message} />
    </fieldset>
  );
}
