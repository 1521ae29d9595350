/**
 * The player board: a boardgame.io React board. `G` is the view of game/core/view.ts: a
 * `SeatView` for a seat holding a workshop, a `SpectatorView` before the game starts (or for a
 * seat without a workshop). The board holds no game rules of its own: it shows the view, checks
 * the form with the game's predicates (selectors.ts) and sends `commit(round, decision)` and
 * `vote(round, proposal)`.
 *
 * Mount it with boardgame.io's React Client (see dev.tsx):
 *   Client({ game: viewGame(createGame()), board: PlayerBoard, multiplayer, debug: false })
 * An optional `debriefHref` prop (passed through the Client) links the game-over summary to the
 * debrief.
 */
import type { ReactNode } from 'react';
import type { SeatView, View } from '../../game/core/view';
import { Andon } from './Andon';
import { Announcer } from './Announcer';
import { BeforeStart } from './BeforeStart';
import { BinGauges } from './BinGauges';
import { CouncilVote, type VoteMove } from './CouncilVote';
import { type CommitMove, DecisionPanel } from './DecisionPanel';
import { GameOver } from './GameOver';
import { History } from './History';
import { Neighbours } from './Neighbours';
import { NetworkMap } from './NetworkMap';
import { StatusBar } from './StatusBar';
import { WorkshopCard } from './WorkshopCard';

/** The moves the board sends (boardgame.io's `moves` fits, as do typed wrappers). */
export interface BoardMoves {
  readonly commit?: CommitMove;
  readonly vote?: VoteMove;
}

/**
 * What the board reads of boardgame.io's BoardProps<View> (so the React Client can mount it as
 * is), and an optional link to the debrief.
 */
export interface PlayerBoardProps {
  readonly G: View;
  readonly moves: BoardMoves;
  readonly isConnected: boolean;
  readonly playerID?: string | null;
  /** boardgame.io's match id: a challenge's game-over screen loads the server's verdict with it. */
  readonly matchID?: string;
  readonly debriefHref?: string;
}

function Columns({ left, right, below }: { left: ReactNode; right: ReactNode; below: ReactNode }) {
  return (
    <main className="mx-auto grid max-w-6xl grid-cols-1 gap-3 p-3 sm:p-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,27rem)] lg:items-start">
      <div className="grid min-w-0 grid-cols-1 content-start gap-3">{left}</div>
      <div className="grid min-w-0 grid-cols-1 content-start gap-3 lg:sticky lg:top-16">{right}</div>
      <div className="grid min-w-0 grid-cols-1 content-start gap-3 lg:col-span-2">{below}</div>
    </main>
  );
}

interface SeatProps {
  readonly view: SeatView;
  readonly commit: CommitMove | undefined;
  readonly vote: VoteMove | undefined;
  readonly debriefHref: string | undefined;
  readonly matchID: string | undefined;
}

function SeatBoard({ view, commit, vote, debriefHref, matchID }: SeatProps) {
  const map = view.map ? <NetworkMap view={view} map={view.map} /> : null;
  if (view.status === 'over') {
    return (
      <Columns
        left={
          <>
            <GameOver view={view} debriefHref={debriefHref} matchID={matchID} />
            {map}
          </>
        }
        right={<History view={view} />}
        below={<WorkshopCard view={view} />}
      />
    );
  }
  if (view.status === 'council') {
    return (
      <Columns
        left={map}
        right={
          <>
            <CouncilVote key={view.council?.round ?? 0} view={view} vote={vote} />
            <Andon view={view} />
          </>
        }
        below={
          <>
            <WorkshopCard view={view} />
            <Neighbours view={view} />
            <History view={view} />
          </>
        }
      />
    );
  }
  return (
    <Columns
      left={
        <>
          <Andon view={view} />
          <WorkshopCard view={view} />
          <BinGauges view={view} />
          <Neighbours view={view} />
          {map}
        </>
      }
      right={<DecisionPanel key={`${view.round}:${view.me.index}:${view.status}`} view={view} commit={commit} />}
      below={<History view={view} />}
    />
  );
}

export function PlayerBoard({ G: view, moves, isConnected, debriefHref, matchID }: PlayerBoardProps) {
  if (view.role !== 'player') {
    return (
      <div className="min-h-dvh bg-stone-50 text-stone-900">
        {view.role === 'spectator' ? <StatusBar view={view} isConnected={isConnected} /> : null}
        <BeforeStart view={view} />
      </div>
    );
  }
  return (
    <div className="min-h-dvh bg-stone-50 text-stone-900">
      <StatusBar view={view} isConnected={isConnected} />
      <Announcer view={view} />
      <SeatBoard view={view} commit={moves.commit} vote={moves.vote} debriefHref={debriefHref} matchID={matchID} />
    </div>
  );
}
