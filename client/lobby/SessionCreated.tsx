/** After creating a session: how players join, and the way to the facilitator view. */
import type { CreatedSession } from '../../game/contract/api';
import { Link } from '../app/router';
import { useFocusOnMount } from '../app/useFocus';
import { buttonClass } from '../app/ui';
import { t } from '../i18n';
import { JoinInfo } from './JoinInfo';
import { joinLink } from './joinLink';

export function SessionCreated({ session, stored }: { readonly session: CreatedSession; readonly stored: boolean }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const link = joinLink(session.code, session.joinUrl, window.location.origin);
  return (
    <>
      <h1 className="text-3xl font-bold" tabIndex={-1} ref={heading}>
        {t('created.title')}
      </h1>
      <p className="mt-2">{t('created.intro')}</p>
      <div className="mt-6">
        <JoinInfo code={session.code} link={link} />
      </div>
      {!stored && (
        <p role="alert" className="mt-4 font-semibold text-amber-900">
          {t('created.notStored')}
        </p>
      )}
      <Link href={`/facilitate/${session.code}`} className={`${buttonClass('primary')} mt-6 w-full sm:w-auto`}>
        {t('created.open')}
      </Link>
    </>
  );
}
