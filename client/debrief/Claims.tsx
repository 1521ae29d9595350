/**
 * The claims the debrief lets the room point at, each linked to the panel that shows it (the
 * panels repeat their claim as a caption).
 */
import { type MessageKey, t } from '../i18n';

const CLAIMS: readonly { readonly key: MessageKey; readonly panel: string; readonly needsRounds: boolean }[] = [
  { key: 'debrief.claims.small', panel: 'trend', needsRounds: true },
  { key: 'debrief.claims.spread', panel: 'replay', needsRounds: true },
  { key: 'debrief.claims.local', panel: 'fragility', needsRounds: true },
  { key: 'debrief.claims.global', panel: 'blame', needsRounds: true },
  { key: 'debrief.claims.phase', panel: 'phase', needsRounds: false },
];

export function Claims({ played, counterfactual }: { readonly played: boolean; readonly counterfactual: boolean }) {
  const shown = CLAIMS.filter((c) => played || !c.needsRounds);
  return (
    <nav aria-labelledby="claims-title" className="rounded-lg border border-[#0072B2] bg-[#e1eff9] p-4 text-[#00324f]">
      <h2 id="claims-title" className="text-lg font-bold">
        {t('debrief.claims.title')}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {shown.map((c) => (
          <li key={c.key}>
            <a href={`#${c.panel}-title`} className="underline underline-offset-2">
              {t(c.key)}
            </a>
          </li>
        ))}
        {played && counterfactual && (
          <li>
            <a href="#whatif-title" className="underline underline-offset-2">
              {t('debrief.claims.whatIf')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
