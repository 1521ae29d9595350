/**
 * The one owner of the SQLite schema: an ordered list of numbered migrations, applied at open in
 * one transaction and tracked with `PRAGMA user_version` (docs/ARCHITECTURE.md "Storage").
 *
 * Version 0 is a database written before migrations were numbered: it may hold any of the tables
 * (each module created its own, lazily) with or without `leaderboard.why`, so migration 1 creates
 * only what is missing and migration 2 adds the column only when it is missing. From version 1 on,
 * a migration runs exactly once. A database whose version is above the latest known here was
 * written by a newer release: it is refused untouched rather than half understood.
 *
 * Route modules prepare statements against these tables; none of them holds DDL.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3, ... in order: the `user_version` a database has once this migration ran. */
  readonly version: number;
  readonly description: string;
  readonly up: (db: Database.Database) => void;
}

const hasColumn = (db: Database.Database, table: string, column: string): boolean =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'matches, log, sessions, challenges, leaderboard (as first created)',
    up: (db) =>
      db.exec(`
        CREATE TABLE IF NOT EXISTS matches (
          id TEXT PRIMARY KEY,
          game TEXT NOT NULL,
          state TEXT NOT NULL,
          initial TEXT NOT NULL,
          metadata TEXT NOT NULL,
          gameover INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS log (
          match_id TEXT NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          entry TEXT NOT NULL,
          PRIMARY KEY (match_id, seq)
        );
        CREATE TABLE IF NOT EXISTS sessions (
          code TEXT PRIMARY KEY,
          match_id TEXT NOT NULL UNIQUE,
          players INTEGER NOT NULL,
          created_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS challenges (
          match_id TEXT PRIMARY KEY,
          code TEXT NOT NULL,
          scenario TEXT NOT NULL,
          seed TEXT NOT NULL,
          kind TEXT NOT NULL,
          recorded INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS leaderboard (
          id TEXT PRIMARY KEY,
          match_id TEXT NOT NULL UNIQUE,
          scenario TEXT NOT NULL,
          seed TEXT NOT NULL,
          names TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          mean_bin REAL,
          critical_buffer REAL NOT NULL,
          score REAL,
          bounded INTEGER NOT NULL,
          valid INTEGER NOT NULL,
          reason TEXT,
          rounds INTEGER NOT NULL,
          digest TEXT NOT NULL,
          debrief TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS leaderboard_rank ON leaderboard (scenario, valid, score);
      `),
  },
  {
    version: 2,
    description: "leaderboard.why: a leaderboard entry's reasons as data (older entries: none)",
    up: (db) => {
      // A version-0 database may have the column already (its leaderboard was created with it).
      if (!hasColumn(db, 'leaderboard', 'why'))
        db.exec("ALTER TABLE leaderboard ADD COLUMN why TEXT NOT NULL DEFAULT '[]'");
    },
  },
  {
    version: 3,
    description:
      "leaderboard.judge: the challenge judge's numbers (growth rate, lateness against the reference) as JSON; " +
      'null for entries judged by the slope rule before',
    up: (db) => db.exec('ALTER TABLE leaderboard ADD COLUMN judge TEXT'),
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The schema version a database records (0: never migrated). */
export const schemaVersion = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Bring a database to the latest version: the migrations above its version, in order, in one
 * immediate transaction (all or nothing, and never two processes at once). Returns the versions
 * applied (none when it was current). Throws, changing nothing, for a newer database.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const latest = migrations.length;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${i + 1} is numbered ${m.version}: number them 1, 2, 3, ...`);
  });
  const run = db.transaction(() => {
    const from = schemaVersion(db);
    if (from > latest) {
      throw new Error(
        `the database has schema version ${from}, newer than this server's latest (${latest}): ` +
          'it was written by a newer release; run that release, or point DATA_DIR at another folder',
      );
    }
    const applied: number[] = [];
    for (const m of migrations.slice(from)) {
      m.up(db);
      applied.push(m.version);
    }
    if (applied.length > 0) db.pragma(`user_version = ${latest}`);
    return applied;
  });
  return run.immediate();
}
