/** How to join a session: the code in big letters, the link and its QR code. */
import { qrUrl } from '../app/api';
import { t } from '../i18n';
import { CopyButton } from './CopyButton';
import { spelled } from './joinLink';

interface JoinInfoProps {
  readonly code: string;
  readonly link: string;
  /** Projector size: everything larger. */
  readonly large?: boolean;
}

export function JoinInfo({ code, link, large = false }: JoinInfoProps) {
  return (
    <div className="flex flex-col items-center gap-4 text-center sm:flex-row sm:items-start sm:text-left">
      <img
        src={qrUrl(code)}
        alt={t('created.qrAlt', { link })}
        className={`${large ? 'size-56 sm:size-72' : 'size-48'} rounded border border-stone-300 bg-white p-2`}
      />
      <div className="min-w-0">
        <p className="text-sm font-semibold tracking-wide text-stone-700 uppercase">{t('created.code')}</p>
        <p
          className={`${large ? 'text-6xl sm:text-8xl' : 'text-6xl'} font-mono font-bold tracking-[0.15em] text-blue-900`}
          aria-label={spelled(code)}
        >
          {code}
        </p>
        <p className="mt-3 text-sm font-semibold tracking-wide text-stone-700 uppercase">{t('created.link')}</p>
        <p className={`${large ? 'text-lg sm:text-2xl' : 'text-lg'} font-mono break-all`}>{link}</p>
        <div className="mt-2">
          <CopyButton text={link} label={t('created.copy')} />
        </div>
      </div>
    </div>
  );
}
