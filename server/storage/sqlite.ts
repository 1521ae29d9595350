/**
 * Embedded persistent storage for boardgame.io: a synchronous better-sqlite3 store in WAL mode.
 * Synchronous on purpose: async adapters race (a lobby join interleaved with a socket connect
 * erased credentials, docs/BOARDGAME-IO.md hole 6). Every write is one transaction, so a killed
 * process loses nothing that was acknowledged.
 *
 * Two defences live here (docs/BOARDGAME-IO.md): `fetch` never returns the raw initial state (the
 * sync message would send it, unfiltered, to every client): it returns the spectator's view of it
 * without plugin data; and the log returned to clients is trimmed to its last entries.
 *
 * The schema (every table, also the session and challenge ones) and its migrations are in
 * ./schema.ts, applied when the store opens.
 *
 * The latest state of each recently used match is also kept in memory and `fetch` returns that
 * object instead of parsing the row again. The reducer makes new states (G with immer) and only
 * ever mutates the move counters of ctx that the new state shares, so sharing is safe; G is
 * deep-frozen, so an accidental mutation of the game's state throws. A frozen G also spares
 * immer a walk over the whole tree: it freezes every unfrozen part of the base on each move,
 * which a freshly parsed state is. (ctx is not frozen: boardgame.io's ProcessMove increments
 * `ctx._activePlayersNumMoves` in place.)
 */
import Database from 'better-sqlite3';
import { Sync } from 'boardgame.io/internal';
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './schema';

export interface SqliteOptions {
  /** Folder of the database file (created when missing). */
  readonly dataDir: string;
  /** Replaces the initial state handed to clients (the spectator view, without plugins). */
  readonly sanitiseInitialState: (state: State) => State;
  /** Log entries returned by fetch (the full log stays in the database). */
  readonly logLimit?: number;
  /** Called after each metadata write has committed (the server drops sockets whose seat changed hands). */
  readonly onMetadata?: (matchID: string, metadata: Server.MatchData) => void;
}

type Row = { state: string; initial: string; metadata: string };

/** Matches whose latest state stays in memory (least recently used ones are dropped). */
const STATE_CACHE_SIZE = 500;

/** Freeze a value and everything in it; stops at parts that are frozen already (immer's output). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

/**
 * Match metadata as stored, its `players` table without a prototype: boardgame.io's Lobby and
 * socket handlers index it with a playerID from the request, and on a plain object "__proto__" or
 * "constructor" find Object.prototype (a join there polluted the whole process). The Lobby gate
 * refuses such ids first (server/lobbyGuard.ts); this makes a miss impossible underneath it.
 */
export function parseMetadata(text: string): Server.MatchData {
  const metadata = JSON.parse(text) as Server.MatchData;
  Object.setPrototypeOf(metadata.players, null);
  return metadata;
}

export class SqliteStorage extends Sync {
  readonly db: Database.Database;
  private readonly logLimit: number;
  private readonly statements;
  /** matchID -> latest state, in least-recently-used order (Map keeps insertion order). */
  private readonly states = new Map<string, State>();

  constructor(private readonly options: SqliteOptions) {
    super();
    mkdirSync(options.dataDir, { recursive: true });
    this.db = new Database(join(options.dataDir, 'kanban-cascade.sqlite'));
    try {
      // First of all: a database from a newer release is refused before anything writes to it.
      migrate(this.db);
    } catch (e) {
      this.db.close();
      throw e;
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.logLimit = options.logLimit ?? 50;
    this.statements = {
      insert: this.db.prepare(
        'INSERT INTO matches (id, game, state, initial, metadata, gameover, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)',
      ),
      setState: this.db.prepare('UPDATE matches SET state = ?, gameover = ?, updated_at = ? WHERE id = ?'),
      setMetadata: this.db.prepare('UPDATE matches SET metadata = ?, gameover = ?, updated_at = ? WHERE id = ?'),
      get: this.db.prepare<[string], Row>('SELECT state, initial, metadata FROM matches WHERE id = ?'),
      nextSeq: this.db.prepare<[string], { next: number }>(
        'SELECT COALESCE(MAX(seq), -1) + 1 AS next FROM log WHERE match_id = ?',
      ),
      appendLog: this.db.prepare('INSERT INTO log (match_id, seq, entry) VALUES (?, ?, ?)'),
      tailLog: this.db.prepare<[string, number], { entry: string }>(
        'SELECT entry FROM (SELECT seq, entry FROM log WHERE match_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq',
      ),
      wipe: this.db.prepare('DELETE FROM matches WHERE id = ?'),
    };
  }

  override connect(): void {}

  override createMatch(matchID: string, opts: StorageAPI.CreateMatchOpts): void {
    const now = Date.now();
    const state = JSON.stringify(opts.initialState);
    this.statements.insert.run(matchID, opts.metadata.gameName, state, state, JSON.stringify(opts.metadata), now, now);
    this.states.delete(matchID);
  }

  private remember(matchID: string, state: State): State {
    this.states.delete(matchID);
    deepFreeze(state.G);
    this.states.set(matchID, state);
    if (this.states.size > STATE_CACHE_SIZE) this.states.delete(this.states.keys().next().value!);
    return state;
  }

  /** The latest state: from memory, else parsed from the database (and remembered). */
  private latest(matchID: string, row: Row | undefined): State | undefined {
    const cached = this.states.get(matchID);
    if (cached) return this.remember(matchID, cached);
    return row ? this.remember(matchID, JSON.parse(row.state) as State) : undefined;
  }

  setState(matchID: string, state: State, deltalog?: LogEntry[]): void {
    const write = this.db.transaction(() => {
      this.statements.setState.run(
        JSON.stringify(state),
        state.ctx.gameover === undefined ? 0 : 1,
        Date.now(),
        matchID,
      );
      if (deltalog && deltalog.length > 0) {
        let seq = this.statements.nextSeq.get(matchID)!.next;
        for (const entry of deltalog) this.statements.appendLog.run(matchID, seq++, JSON.stringify(entry));
      }
    });
    write();
    // Only once the transaction committed: memory never runs ahead of the database.
    this.remember(matchID, state);
  }

  setMetadata(matchID: string, metadata: Server.MatchData): void {
    this.statements.setMetadata.run(
      JSON.stringify(metadata),
      metadata.gameover === undefined ? 0 : 1,
      Date.now(),
      matchID,
    );
    this.options.onMetadata?.(matchID, metadata);
  }

  fetch<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): StorageAPI.FetchResult<O> {
    const row = this.statements.get.get(matchID);
    const result: Partial<StorageAPI.FetchFields> = {};
    if (!row) return result as StorageAPI.FetchResult<O>;
    if (opts.state) result.state = this.latest(matchID, row);
    if (opts.metadata) result.metadata = parseMetadata(row.metadata);
    if (opts.initialState) result.initialState = this.options.sanitiseInitialState(JSON.parse(row.initial) as State);
    if (opts.log)
      result.log = this.statements.tailLog.all(matchID, this.logLimit).map((r) => JSON.parse(r.entry) as LogEntry);
    return result as StorageAPI.FetchResult<O>;
  }

  /** Mark every player of every running match as disconnected (at start-up). */
  resetConnections(): void {
    for (const matchID of this.listMatches({ where: { isGameover: false } })) {
      const { metadata } = this.fetch(matchID, { metadata: true });
      if (!metadata) continue;
      const players = Object.values(metadata.players);
      if (!players.some((p) => p.isConnected)) continue;
      for (const p of players) if (p.isConnected) p.isConnected = false;
      this.setMetadata(matchID, metadata);
    }
  }

  /** The raw state, its G deep-frozen (server-side use only: the steward, the debrief, tests). Never mutate it. */
  rawState(matchID: string): State | undefined {
    if (this.states.has(matchID)) return this.latest(matchID, undefined);
    return this.latest(matchID, this.statements.get.get(matchID));
  }

  wipe(matchID: string): void {
    this.statements.wipe.run(matchID);
    this.states.delete(matchID);
  }

  override listMatches(opts?: StorageAPI.ListMatchesOpts): string[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (opts?.gameName) {
      where.push('game = ?');
      args.push(opts.gameName);
    }
    if (opts?.where?.isGameover !== undefined) {
      where.push('gameover = ?');
      args.push(opts.where.isGameover ? 1 : 0);
    }
    if (opts?.where?.updatedBefore !== undefined) {
      where.push('updated_at < ?');
      args.push(opts.where.updatedBefore);
    }
    if (opts?.where?.updatedAfter !== undefined) {
      where.push('updated_at > ?');
      args.push(opts.where.updatedAfter);
    }
    const sql = `SELECT id FROM matches${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at`;
    return (this.db.prepare(sql).all(...args) as { id: string }[]).map((r) => r.id);
  }

  close(): void {
    this.db.close();
  }
}
