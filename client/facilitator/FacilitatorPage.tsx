/** /facilitate/:code: the facilitator's seat of this browser, connected to the match. */
import { connect, useMatch } from '../app/connect';
import { Layout } from '../app/Layout';
import { Link } from '../app/router';
import { t } from '../i18n';
import { useSession } from '../lobby/useSession';
import { FacilitatorBoard } from './FacilitatorBoard';

/** Names of the players refresh this often (they join and leave during the game). */
const ROSTER_REFRESH_MS = 5000;

function Connected({ code }: { readonly code: string }) {
  const connection = connect(code, 'facilitator');
  const match = useMatch(connection, 'facilitator');
  const session = useSession(code, ROSTER_REFRESH_MS);
  const players = session.state === 'ready' ? session.value.players : [];
  const expected = session.state === 'ready' ? session.value.expectedPlayers : null;
  if (!connection) {
    return (
      <div role="alert">
        <h1 className="text-2xl font-bold">{t('facilitator.noSeat.title')}</h1>
        <p className="mt-2">{t('facilitator.noSeat.text', { code })}</p>
        <Link href="/new" className="mt-4 inline-block text-blue-800 underline">
          {t('facilitator.noSeat.new')}
        </Link>
      </div>
    );
  }
  if (match.phase === 'connecting') {
    return (
      <p role="status" className="text-lg">
        {t('facilitator.connecting')}
      </p>
    );
  }
  if (match.phase === 'wrongRole') {
    return (
      <p role="alert" className="font-semibold text-red-800">
        {t('facilitator.wrongRole')}
      </p>
    );
  }
  return (
    <FacilitatorBoard
      code={code}
      view={match.view}
      moves={match.moves}
      isConnected={match.isConnected}
      players={players}
      expected={expected}
    />
  );
}

export default function FacilitatorPage({ code }: { readonly code: string }) {
  return (
    <Layout title={t('facilitator.title', { code })} wide>
      <Connected code={code} />
    </Layout>
  );
}
