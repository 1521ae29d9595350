/** The page frame: a skip link, the app's name (home link) and the page's main landmark. */
import { type ReactNode, useEffect } from 'react';
import { t } from '../i18n';
import { Link } from './router';

interface LayoutProps {
  readonly title: string;
  /** Wide pages (the projector view) use the whole screen. */
  readonly wide?: boolean;
  readonly children: ReactNode;
}

export function Layout({ title, wide = false, children }: LayoutProps) {
  useEffect(() => {
    document.title = `${title} · ${t('app.title')}`;
  }, [title]);
  const width = wide ? 'max-w-none' : 'max-w-2xl';
  return (
    <>
      <a
        href="#main"
        className="sr-only rounded bg-white p-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
      >
        {t('app.skip')}
      </a>
      <header className="border-b border-stone-300 bg-white">
        <div className={`mx-auto flex items-center gap-4 px-4 py-2 ${width}`}>
          <Link href="/" className="font-bold text-blue-900 underline-offset-4 hover:underline">
            {t('app.title')}
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className={`mx-auto px-4 pt-4 pb-12 ${width}`}>
        {children}
      </main>
    </>
  );
}
