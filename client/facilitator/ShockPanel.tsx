/**
 * Shocks (rule F3): choose a kind and its target, see where it can reach in the next rounds
 * (also ringed on the map), and send it once `canShock` accepts it.
 */
import type { Refusal } from '../../game/contract/refusals';
import type { Shock } from '../../game/core/types';
import type { FacilitatorView } from '../../game/core/view';
import { Button, Card } from '../app/ui';
import { t } from '../i18n';
import { ShockFields } from './ShockFields';
import { ShockPreview } from './ShockPreview';
import { ShockQueue } from './ShockQueue';
import { explain } from '../board/format';
import { SHOCK_KINDS, type ShockDraft } from './shock';

interface ShockPanelProps {
  readonly view: FacilitatorView;
  readonly draft: ShockDraft;
  readonly onDraft: (draft: ShockDraft) => void;
  readonly shock: Shock;
  /** Why the game would refuse the shock, or null. */
  readonly problem: Refusal | null;
  readonly reach: ReadonlyMap<number, number> | null;
  readonly onSend: () => void;
}

export function ShockPanel({ view, draft, onDraft, shock, problem, reach, onSend }: ShockPanelProps) {
  if (view.status !== 'playing' && view.status !== 'council') return null;
  const incomplete = (draft.kind === 'cut' || draft.kind === 'open') && draft.supplier < 0;
  const kinds = SHOCK_KINDS.filter((k) => !view.config.mechanics.spot || k === 'delay' || k === 'storm');
  return (
    <Card labelledBy="shock-title">
      <h2 id="shock-title" className="text-xl font-bold">
        {t('shock.title')}
      </h2>
      <p className="text-sm text-stone-700">{t('shock.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (problem === null) onSend();
        }}
      >
        <fieldset className="mt-3">
          <legend className="font-semibold">{t('shock.kind')}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {kinds.map((k) => (
              <label
                key={k}
                className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-md border px-3 ${draft.kind === k ? 'border-2 border-blue-800 bg-blue-50 font-semibold' : 'border-stone-400'}`}
              >
                <input
                  type="radio"
                  name="shock-kind"
                  value={k}
                  checked={draft.kind === k}
                  onChange={() => onDraft({ ...draft, kind: k, supplier: -1 })}
                />
                {t(`shock.kind.${k}` as const)}
              </label>
            ))}
          </div>
        </fieldset>
        <ShockFields view={view} draft={draft} onDraft={onDraft} />
        {reach && <ShockPreview view={view} reach={reach} kind={shock.kind} />}
        {problem !== null && (
          <p
            id="shock-problem"
            className={`mt-3 ${incomplete ? 'text-stone-700' : 'font-semibold text-red-800'}`}
            aria-live="polite"
          >
            {incomplete ? (
              t('shock.chooseSupplier')
            ) : (
              <>
                <span aria-hidden="true">⚠ </span>
                {t('shock.problem', { reason: explain(problem) })}
              </>
            )}
          </p>
        )}
        <Button
          type="submit"
          className="mt-3 w-full aria-disabled:cursor-not-allowed aria-disabled:opacity-60 sm:w-auto"
          aria-disabled={problem !== null}
          aria-describedby={problem !== null ? 'shock-problem' : undefined}
        >
          {t('shock.send', { kind: t(`shock.kind.${shock.kind}` as const) })}
        </Button>
      </form>
      <ShockQueue view={view} />
    </Card>
  );
}
