/**
 * boardgame.io wiring for the board pages (docs/API.md, "The browser"). `connect(code, role)` reads
 * the seat this browser holds; `useMatch(connection)` runs a boardgame.io client for it and
 * returns the view the server sends (`SeatView` or `FacilitatorView`) and typed moves. Moves run
 * only on the server and a refused move gets no answer: validate with game/core's predicates
 * first, and show a commit as pending until the view says so.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Game } from 'boardgame.io';
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { createGame, viewGame } from '../../game/core/game';
import { CLIENT_MOVES, type ClientMoveName, type GameMoves } from '../../game/contract/moves';
import type { G } from '../../game/core/types';
import type { View } from '../../game/core/view';
import { type CredentialStore, credentialStore } from './credentials';

export interface Connection {
  readonly code: string;
  readonly matchID: string;
  readonly playerID: string;
  readonly credentials: string;
  readonly name: string;
}

/** The seat this browser holds in session `code` for a role, or null (then send them to join). */
export function connect(
  code: string,
  role: 'player' | 'facilitator',
  store: CredentialStore = credentialStore,
): Connection | null {
  const seat = role === 'facilitator' ? store.facilitator(code) : store.seat(code);
  if (!seat || (role === 'player' && seat.seat === '0')) return null;
  return { code, matchID: seat.matchID, playerID: seat.seat, credentials: seat.credentials, name: seat.name };
}

type ViewOf<R extends View['role']> = Extract<View, { role: R }>;

export type MatchState<V extends View> =
  | { readonly phase: 'connecting' }
  /** The server sent a view of another role (e.g. stale credentials give a spectator's view). */
  | { readonly phase: 'wrongRole'; readonly view: View }
  | { readonly phase: 'ready'; readonly view: V; readonly isConnected: boolean; readonly moves: GameMoves };

type Multiplayer = NonNullable<Parameters<typeof Client<View>>[0]['multiplayer']>;
type GameClient = ReturnType<typeof Client<View>>;

export interface MatchOptions {
  /** Default: Socket.IO to this page's origin. The dev pages pass `Local()`. */
  readonly multiplayer?: Multiplayer;
  /** Default: `createGame()`; the dev pages pass one with setup defaults. */
  readonly game?: Game<G>;
  readonly numPlayers?: number;
}

const defaultGame = createGame();

/** Run a boardgame.io client for a connection; `role` is the view the page expects. */
export function useMatch<R extends View['role']>(
  connection: Connection | null,
  role: R,
  options: MatchOptions = {},
): MatchState<ViewOf<R>> {
  const [state, setState] = useState<{ view: View; isConnected: boolean } | null>(null);
  const client = useRef<GameClient | null>(null);
  const { matchID, playerID, credentials } = connection ?? {};
  const { multiplayer, game, numPlayers } = options;
  useEffect(() => {
    if (matchID === undefined) return;
    const c = Client<View>({
      game: viewGame(game ?? defaultGame),
      multiplayer: multiplayer ?? SocketIO({ server: window.location.origin }),
      matchID,
      playerID,
      credentials,
      numPlayers,
      debug: false,
    });
    client.current = c;
    const unsubscribe = c.subscribe((s) => setState(s ? { view: s.G, isConnected: s.isConnected } : null));
    c.start();
    return () => {
      unsubscribe();
      c.stop();
      client.current = null;
      // Until the next client has synced there is no live view: its buttons would send nothing.
      setState(null);
    };
  }, [matchID, playerID, credentials, multiplayer, game, numPlayers]);
  const moves = useMemo(() => {
    const send =
      (name: ClientMoveName) =>
      (...args: unknown[]) =>
        client.current?.moves[name]?.(...args);
    return Object.fromEntries(CLIENT_MOVES.map((n) => [n, send(n)])) as unknown as GameMoves;
  }, []);
  if (!state) return { phase: 'connecting' };
  if (state.view.role !== role) return { phase: 'wrongRole', view: state.view };
  return { phase: 'ready', view: state.view as ViewOf<R>, isConnected: state.isConnected, moves };
}
