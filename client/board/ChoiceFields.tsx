/**
 * The optional parts of a decision, shown only when the scenario switches them on: kaizen (lower
 * one face of my die, D3) and sending a worker to a neighbour (D4). Choices that the rules refuse
 * are disabled, with the reason said next to the group.
 */
import { t } from '../i18n';
import type { SeatView } from '../../game/core/view';
import { coins, explain, num, workshopLabel } from './format';
import { canHelp, canKaizen } from '../../game/core/decisions';
import type { Refusal } from '../../game/contract/refusals';
import { knownWorkshops, neighbourIndices, viewScope } from './selectors';
import { FieldError } from './ui';

interface FieldProps {
  readonly view: SeatView;
  readonly value: number | null;
  readonly problem: Refusal | null;
  readonly disabled: boolean;
  readonly onChange: (value: number | null) => void;
}

const option =
  'flex min-h-11 items-center gap-2 rounded-md border border-stone-300 px-2 py-1 has-[:checked]:border-[#0072B2] has-[:checked]:bg-[#e1eff9]';

export function KaizenField({ view, value, problem, disabled, onChange }: FieldProps) {
  const { me, config } = view;
  if (!config.mechanics.kaizen || me.trouble.kind !== 'die') return null;
  const die = me.trouble.die;
  const message = problem ? explain(problem) : null;
  const canAfford = me.kaizenPoints >= config.costs.kaizenCost;
  return (
    <fieldset className="py-2" aria-describedby="kaizen-help kaizen-error">
      <legend className="text-sm font-medium">{t('board.kaizen.legend')}</legend>
      <p id="kaizen-help" className="text-xs text-stone-700">
        {t(canAfford ? 'board.kaizen.help' : 'board.kaizen.short', {
          cost: config.costs.kaizenCost,
          points: me.kaizenPoints,
        })}
      </p>
      <div className="mt-1 grid grid-cols-2 gap-1.5 sm:grid-cols-3">
        <label className={option}>
          <input
            type="radio"
            name="kaizen"
            checked={value === null}
            disabled={disabled}
            onChange={() => onChange(null)}
          />
          <span className="text-sm">{t('board.kaizen.none')}</span>
        </label>
        {die.faces.map((face, i) =>
          face < 1 ? null : (
            <label key={i} className={`${option} has-[:disabled]:opacity-50`}>
              <input
                type="radio"
                name="kaizen"
                checked={value === i}
                disabled={disabled || canKaizen(viewScope(view), i) !== null}
                onChange={() => onChange(i)}
              />
              <span className="text-sm">
                {t(die.explodes[i] ? 'board.kaizen.faceExploding' : 'board.kaizen.face', {
                  n: i + 1,
                  from: num(face, 2),
                  to: num(Math.max(0, face - 1), 2),
                })}
              </span>
            </label>
          ),
        )}
      </div>
      <FieldError id="kaizen-error" message={message} />
    </fieldset>
  );
}

export function HelpField({ view, value, problem, disabled, onChange }: FieldProps) {
  const { me, config } = view;
  if (!config.mechanics.workers) return null;
  const names = knownWorkshops(view);
  const suppliers = new Set(me.suppliers);
  const message = problem ? explain(problem) : null;
  return (
    <fieldset className="py-2" aria-describedby="help-help help-error">
      <legend className="text-sm font-medium">{t('board.help.legend')}</legend>
      <p id="help-help" className="text-xs text-stone-700">
        {t('board.help.help', { cost: coins(config.costs.commute), workers: me.workers })}
      </p>
      <div className="mt-1 grid gap-1.5 sm:grid-cols-2">
        <label className={option}>
          <input
            type="radio"
            name="help"
            checked={value === null}
            disabled={disabled}
            onChange={() => onChange(null)}
          />
          <span className="text-sm">{t('board.help.none')}</span>
        </label>
        {neighbourIndices(view).map((j) => (
          <label key={j} className={`${option} has-[:disabled]:opacity-50`}>
            <input
              type="radio"
              name="help"
              checked={value === j}
              disabled={disabled || canHelp(viewScope(view), j) !== null}
              onChange={() => onChange(j)}
            />
            <span className="text-sm">
              {t(suppliers.has(j) ? 'board.help.toSupplier' : 'board.help.toCustomer', {
                name: workshopLabel(names, j),
              })}
            </span>
          </label>
        ))}
      </div>
      <FieldError id="help-error" message={message} />
    </fieldset>
  );
}
