/**
 * One panel of the debrief: a card with its heading and, where the panel backs one of the
 * letter's claims (small bins expose problems; below B_c crises spread to the whole network;
 * local fixes can make the whole worse; a global view is needed), that claim as a caption.
 */
import type { ReactNode } from 'react';
import { Card } from '../app/ui';
import { t } from '../i18n';

interface PanelProps {
  readonly id: string;
  readonly title: string;
  /** The claim this panel lets you point at. */
  readonly claim?: string;
  readonly children: ReactNode;
  readonly className?: string;
}

export function Panel({ id, title, claim, children, className = '' }: PanelProps) {
  return (
    <Card labelledBy={`${id}-title`} className={`min-w-0 ${className}`}>
      <h2 id={`${id}-title`} className="text-xl font-bold">
        {title}
      </h2>
      {claim && (
        <p className="mt-1 border-l-4 border-[#0072B2] pl-2 text-sm text-stone-800 italic">
          <span className="font-semibold not-italic">{t('debrief.claim')} </span>
          {claim}
        </p>
      )}
      {children}
    </Card>
  );
}
