/**
 * DEV ONLY (loaded only when `import.meta.env.DEV`, never in a production build): the
 * facilitator view on a Local() match in the browser, without a server. Every workshop is a bot
 * unless `?humans=H`; `?scenario=ID` picks a scenario, `?n=N&k=K` a generated fixed network.
 * Close rounds with the facilitator's own controls.
 */
import { Suspense, lazy, useMemo } from 'react';
import { Local } from 'boardgame.io/multiplayer';
import { createGame } from '../../../game/core/game';
import type { SetupData } from '../../../game/core/setup';
import { FacilitatorBoard } from '../../facilitator/FacilitatorBoard';
import { type Connection, useMatch } from '../connect';
import { Layout } from '../Layout';

function setupFromQuery(search: string): SetupData {
  const q = new URLSearchParams(search);
  const humans = Number(q.get('humans') ?? '3');
  const n = q.get('n');
  return {
    scenario: q.get('scenario') ?? 'two-inputs',
    humanSeats: humans,
    roundSeconds: Number(q.get('seconds') ?? '0'),
    ...(n ? { network: { kind: 'fixed', n: Number(n), k: Number(q.get('k') ?? '2') } } : {}),
  };
}

const DevBoard = lazy(() => import('../../board/dev').then((m) => ({ default: m.DevBoard })));

const CONNECTION: Connection = { code: 'DEV123', matchID: 'dev', playerID: '0', credentials: '', name: 'dev' };

function DevFacilitator() {
  const setup = useMemo(() => setupFromQuery(window.location.search), []);
  const game = useMemo(() => createGame(setup), [setup]);
  const multiplayer = useMemo(() => Local(), []);
  const match = useMatch(CONNECTION, 'facilitator', { game, multiplayer, numPlayers: setup.humanSeats + 1 });
  return (
    <Layout title="Dev: facilitator" wide>
      {match.phase === 'ready' ? (
        <FacilitatorBoard
          code="DEV123"
          view={match.view}
          moves={match.moves}
          isConnected
          players={[]}
          expected={null}
        />
      ) : (
        <p>{match.phase}</p>
      )}
    </Layout>
  );
}

export default function DevPage({ name }: { readonly name: string }) {
  if (name === 'facilitator') return <DevFacilitator />;
  if (name === 'board')
    return (
      <Suspense fallback={<p>…</p>}>
        <DevBoard />
      </Suspense>
    );
  return <p className="p-4">Dev pages: /dev/facilitator?scenario=two-inputs&humans=3&n=60, /dev/board</p>;
}
