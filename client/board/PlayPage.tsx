/**
 * /play/:code: the seat this browser holds in the session, connected to the match (client/app's
 * `connect` and `useMatch`), shown on the player board. Before the start the server sends a
 * spectator's view (the seat has no workshop yet): the board shows what is coming.
 */
import { useEffect } from 'react';
import { connect, useMatch } from '../app/connect';
import { Layout } from '../app/Layout';
import { Link } from '../app/router';
import { t } from '../i18n';
import { PlayerBoard } from './PlayerBoard';

export default function PlayPage({ code }: { readonly code: string }) {
  const connection = connect(code, 'player');
  const match = useMatch(connection, 'player');
  useEffect(() => {
    document.title = `${t('board.play.title', { code })} · ${t('app.title')}`;
  }, [code]);
  if (!connection) {
    return (
      <Layout title={t('board.play.title', { code })}>
        <div role="alert">
          <h1 className="text-2xl font-bold">{t('board.play.noSeat')}</h1>
          <p className="mt-2">{t('board.play.noSeatText', { code })}</p>
          <Link href={`/join/${encodeURIComponent(code)}`} className="mt-4 inline-block text-blue-800 underline">
            {t('board.play.join')}
          </Link>
        </div>
      </Layout>
    );
  }
  if (match.phase === 'connecting') {
    return (
      <p role="status" className="p-6 text-lg">
        {t('board.play.connecting')}
      </p>
    );
  }
  const ready = match.phase === 'ready';
  return (
    <PlayerBoard
      G={match.view}
      moves={ready ? match.moves : {}}
      isConnected={ready ? match.isConnected : true}
      playerID={connection.playerID}
      matchID={connection.matchID}
      debriefHref={`/debrief/${encodeURIComponent(code)}`}
    />
  );
}
