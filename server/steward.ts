/**
 * The steward: the server's own hand on running matches. It plays the facilitator's seat from
 * inside the server (through boardgame.io's Master, the match's queue and the transport's
 * pub/sub, so every client gets the update as if a browser had made the move):
 *  - the round clock: publishes each round's deadline and closes the round when it passes,
 *    whether or not a browser is open; a pause stops it (rule F9, R0);
 *  - presence: a seat whose player is not connected (after a grace period) is marked absent and
 *    runs on autopilot; a returning player is marked present again (F7).
 */
import type { Game, LogEntry, Server, State } from 'boardgame.io';
import { Master } from 'boardgame.io/master';
import { FACILITATOR, type G } from '../game/core/types';
import type { Logger } from './log';
import type { MoveArgs, MoveName } from '../game/contract/moves';
import type { SqliteStorage } from './storage/sqlite';

export interface StewardDeps {
  readonly game: Game<G>;
  readonly storage: SqliteStorage;
  /** boardgame.io's Auth instance (app.context.auth). */
  readonly auth: unknown;
  /** Broadcast a payload to every client of a match (the transport's pub/sub). */
  readonly broadcast: (matchID: string, payload: unknown) => void;
  /** The transport's per-match queue, so the steward never races a player's move. */
  readonly queue: (matchID: string) => { add<T>(task: () => Promise<T>): Promise<T> };
  readonly log: Logger;
  readonly now?: () => number;
  /** A player counts as gone after this long disconnected (phones drop briefly). */
  readonly graceMs?: number;
  readonly tickMs?: number;
}

export class Steward {
  private timer: NodeJS.Timeout | null = null;
  private readonly disconnectedSince = new Map<string, number>();
  private readonly busy = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly deps: StewardDeps) {
    this.now = deps.now ?? Date.now;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.deps.tickMs ?? 250);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Make a move as the facilitator, from the server. Resolves once stored and broadcast. */
  async move<M extends MoveName>(matchID: string, type: M, args: MoveArgs[M]): Promise<void> {
    const { storage, game, auth, broadcast, queue } = this.deps;
    const transport = { send: () => {}, sendAll: (payload: unknown) => broadcast(matchID, payload) };
    const master = new Master(game, storage, transport, auth as never);
    await queue(matchID).add(async () => {
      const { state, metadata } = storage.fetch(matchID, { state: true, metadata: true });
      if (!state || !metadata) return;
      const credentials = metadata.players[0]?.credentials;
      const action = { type: 'MAKE_MOVE', payload: { type, args, playerID: FACILITATOR, credentials } };
      await master.onUpdate(action as never, state._stateID, matchID, FACILITATOR);
    });
  }

  /** One pass over every running match. */
  async tick(): Promise<void> {
    for (const matchID of this.deps.storage.listMatches({ where: { isGameover: false } })) {
      if (this.busy.has(matchID)) continue;
      this.busy.add(matchID);
      try {
        await this.tend(matchID);
      } catch (e) {
        this.deps.log('steward-error', { matchID, message: (e as Error).message });
      } finally {
        this.busy.delete(matchID);
      }
    }
  }

  private async tend(matchID: string): Promise<void> {
    const { state, metadata } = this.deps.storage.fetch(matchID, { state: true, metadata: true }) as {
      state?: State<G>;
      metadata?: Server.MatchData;
    };
    if (!state || !metadata || state.ctx.gameover !== undefined) return;
    const g = state.G;
    if (g.status !== 'playing' && g.status !== 'council') return;
    await this.presence(matchID, g, metadata);
    await this.clock(matchID, g);
  }

  private async presence(matchID: string, g: G, metadata: Server.MatchData): Promise<void> {
    const now = this.now();
    const grace = this.deps.graceMs ?? 5000;
    const gone: string[] = [];
    const back: string[] = [];
    for (const w of g.workshops) {
      if (w.seat === null) continue;
      const player = metadata.players[Number(w.seat)];
      const key = `${matchID}:${w.seat}`;
      const connected = Boolean(player?.isConnected);
      if (connected) this.disconnectedSince.delete(key);
      else if (!this.disconnectedSince.has(key)) this.disconnectedSince.set(key, now);
      const absent = g.absent.includes(w.seat);
      if (connected && absent) back.push(w.seat);
      // A seat nobody ever joined is absent at once; a dropped player after the grace period.
      const since = this.disconnectedSince.get(key) ?? now;
      if (!connected && !absent && (player?.name === undefined || now - since >= grace)) gone.push(w.seat);
    }
    if (back.length) {
      await this.move(matchID, 'setPresence', [back, true]);
      this.deps.log('presence', { matchID, back: back.length });
    }
    if (gone.length) {
      await this.move(matchID, 'setPresence', [gone, false]);
      this.deps.log('presence', { matchID, gone: gone.length });
    }
  }

  private async clock(matchID: string, g: G): Promise<void> {
    const seconds = g.config.roundSeconds;
    if (seconds <= 0) return;
    const now = this.now();
    const clock = g.clock;
    if (!clock || clock.round !== g.round) {
      await this.move(
        matchID,
        'clock',
        g.paused ? [g.round, null, seconds * 1000] : [g.round, now + seconds * 1000, null],
      );
      return;
    }
    if (g.paused && clock.deadline !== null) {
      await this.move(matchID, 'clock', [g.round, null, Math.max(0, clock.deadline - now)]);
      return;
    }
    if (!g.paused && clock.deadline === null) {
      await this.move(matchID, 'clock', [g.round, now + (clock.remainingMs ?? seconds * 1000), null]);
      return;
    }
    if (!g.paused && clock.deadline !== null && now >= clock.deadline) {
      this.deps.log('round-timeout', { matchID, round: g.round });
      await this.move(matchID, 'closeRound', [g.round]);
    }
  }
}

export type { LogEntry };
