/**
 * A tiny History API router: `useRoute()` follows the address bar, `navigate()` changes it, and
 * `<Link>` is an ordinary anchor that navigates without a reload.
 */
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';
import { type Route, matchRoute } from './routes';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
  // Screen readers and keyboards start at the new page's content, not on a link that is gone.
  window.requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: true }));
}

const pathname = () => window.location.pathname;

export function useRoute(): Route {
  return matchRoute(useSyncExternalStore(subscribe, pathname));
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { readonly href: string };

export function Link({ href, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    const plain = e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
    if (e.defaultPrevented || !plain || rest.target === '_blank') return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
