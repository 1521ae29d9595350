/** A session's public information (GET /api/sessions/:code), refreshed every `refreshMs` if set. */
import { useEffect, useState } from 'react';
import { api } from '../app/api';
import type { SessionInfo } from '../app/apiTypes';
import { failureText } from '../app/failure';
import type { Loadable } from './useScenarios';

export function useSession(code: string, refreshMs = 0): Loadable<SessionInfo> & { notFound?: boolean } {
  const [session, setSession] = useState<Loadable<SessionInfo> & { notFound?: boolean }>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    let timer = 0;
    const load = async () => {
      const r = await api.session(code);
      if (!live) return;
      if (r.ok) setSession({ state: 'ready', value: r.value });
      else
        // A failed refresh keeps what was shown; only the first load reports it.
        setSession((s) =>
          s.state === 'ready'
            ? s
            : {
                state: 'failed',
                message: failureText(r.failure),
                notFound: r.failure.kind === 'http' && r.failure.status === 404,
              },
        );
      if (refreshMs > 0) timer = window.setTimeout(() => void load(), refreshMs);
    };
    void load();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [code, refreshMs]);
  return session;
}
