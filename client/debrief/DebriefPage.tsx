/**
 * /debrief/:code: the debrief of a session for this browser's seat. The facilitator's seat (any
 * time after the start) takes precedence over a player's (once the game is over). The page asks
 * the server for the DebriefData and shows it in the DebriefView; counterfactuals go to the
 * server too, which holds the dice. A refusal gets a message that says what to do.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CompactRound, CounterfactualSpec } from '../../game/debrief/counterfactual';
import type { DebriefData } from '../../game/debrief/types';
import type { ApiFailure } from '../app/api';
import { credentialStore } from '../app/credentials';
import { failureText } from '../app/failure';
import { Layout } from '../app/Layout';
import { Link } from '../app/router';
import { Button } from '../app/ui';
import { t } from '../i18n';
import { debriefApi } from './api';
import { DebriefView } from './DebriefView';
import { refusal } from './refusal';

type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly data: DebriefData }
  | { readonly kind: 'failed'; readonly failure: ApiFailure };

export default function DebriefPage({ code }: { readonly code: string }) {
  const seat = credentialStore.facilitator(code) ?? credentialStore.seat(code);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const seatId = seat?.seat;
  const secret = seat?.credentials;
  useEffect(() => {
    if (seatId === undefined || secret === undefined) return;
    let live = true;
    setLoad({ kind: 'loading' });
    void debriefApi.debrief(code, { seat: seatId, credentials: secret }).then((result) => {
      if (live)
        setLoad(result.ok ? { kind: 'ready', data: result.value } : { kind: 'failed', failure: result.failure });
    });
    return () => {
      live = false;
    };
  }, [code, seatId, secret, attempt]);
  const workshops = load.kind === 'ready' ? load.data.workshops.length : 0;
  const counterfactual = useCallback(
    async (spec: CounterfactualSpec): Promise<CompactRound[]> => {
      if (seatId === undefined || secret === undefined) throw new Error(t('debrief.noSeat.title'));
      const result = await debriefApi.counterfactual(code, { seat: seatId, credentials: secret }, spec, workshops);
      if (!result.ok) throw new Error(failureText(result.failure));
      return result.value;
    },
    [code, seatId, secret, workshops],
  );
  const title = t('debrief.title', { code });
  if (!seat) {
    return (
      <Layout title={title}>
        <div role="alert">
          <h1 className="text-2xl font-bold">{t('debrief.noSeat.title')}</h1>
          <p className="mt-2">{t('debrief.noSeat.text', { code })}</p>
          <Link href={`/join/${encodeURIComponent(code)}`} className="mt-4 inline-block text-blue-800 underline">
            {t('debrief.noSeat.join')}
          </Link>
        </div>
      </Layout>
    );
  }
  if (load.kind === 'loading') {
    return (
      <Layout title={title}>
        <p role="status" className="text-lg">
          {t('debrief.loading')}
        </p>
      </Layout>
    );
  }
  if (load.kind === 'failed') {
    const message = refusal(load.failure);
    return (
      <Layout title={title}>
        <div role="alert">
          <h1 className="text-2xl font-bold">{message.title}</h1>
          <p className="mt-2">{message.text}</p>
          {load.failure.kind === 'http' && <p className="mt-2 text-sm text-stone-700">{failureText(load.failure)}</p>}
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button onClick={() => setAttempt((a) => a + 1)}>{t('app.retry')}</Button>
          <Link
            href={seat.seat === '0' ? `/facilitate/${encodeURIComponent(code)}` : `/play/${encodeURIComponent(code)}`}
            className="inline-flex min-h-11 items-center text-blue-800 underline"
          >
            {seat.seat === '0' ? t('debrief.back.facilitator') : t('debrief.back.board')}
          </Link>
        </div>
      </Layout>
    );
  }
  return (
    <Layout title={title} wide>
      <DebriefView data={load.data} counterfactual={counterfactual} fileStem={code} />
    </Layout>
  );
}
