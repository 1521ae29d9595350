/**
 * S-DB: one module owns the SQLite schema (server/storage/schema.ts): numbered migrations applied
 * at open in one transaction, tracked with PRAGMA user_version.
 *  S-DB1 a fresh database reaches the latest version with every table and column;
 *  S-DB2 a database of the previous release (user_version 0, tables made by each module, with or
 *        without leaderboard.why, with rows) migrates with its rows intact, to the same schema;
 *  S-DB3 opening again applies nothing;
 *  S-DB4 a database of a newer release is refused and left untouched;
 *  S-DB5 a migration that fails leaves the database as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrate, schemaVersion } from '../../server/storage/schema';
import { SqliteStorage } from '../../server/storage/sqlite';
import { findSession } from '../../server/sessions';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const FILE = 'kanban-cascade.sqlite';
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kc-schema-'));
  dirs.push(dir);
  return dir;
};
const openStorage = (dataDir: string) => new SqliteStorage({ dataDir, sanitiseInitialState: (s) => s });

/** The tables as the previous release created them, each in its own module (user_version 0). */
function oldDdl(withWhy: boolean): string {
  return `
    CREATE TABLE IF NOT EXISTS matches (
      id TEXT PRIMARY KEY, game TEXT NOT NULL, state TEXT NOT NULL, initial TEXT NOT NULL,
      metadata TEXT NOT NULL, gameover INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS log (
      match_id TEXT NOT NULL REFERENCES matches(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
      entry TEXT NOT NULL, PRIMARY KEY (match_id, seq)
    );
    CREATE TABLE IF NOT EXISTS sessions (
      code TEXT PRIMARY KEY, match_id TEXT NOT NULL UNIQUE, players INTEGER NOT NULL, created_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS challenges (
      match_id TEXT PRIMARY KEY, code TEXT NOT NULL, scenario TEXT NOT NULL, seed TEXT NOT NULL,
      kind TEXT NOT NULL, recorded INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS leaderboard (
      id TEXT PRIMARY KEY, match_id TEXT NOT NULL UNIQUE, scenario TEXT NOT NULL, seed TEXT NOT NULL,
      names TEXT NOT NULL, created_at INTEGER NOT NULL, mean_bin REAL, critical_buffer REAL NOT NULL,
      score REAL, bounded INTEGER NOT NULL, valid INTEGER NOT NULL, reason TEXT,
      ${withWhy ? "why TEXT NOT NULL DEFAULT '[]'," : ''}
      rounds INTEGER NOT NULL, digest TEXT NOT NULL, debrief TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS leaderboard_rank ON leaderboard (scenario, valid, score);
  `;
}

const METADATA = JSON.stringify({ gameName: 'kanban-cascade', players: { 0: { id: 0 } }, createdAt: 1, updatedAt: 1 });

/** An old database with a row in every table; returns its folder. */
function oldDatabase(withWhy: boolean): string {
  const dir = newDir();
  const db = new Database(join(dir, FILE));
  db.pragma('journal_mode = WAL');
  db.exec(oldDdl(withWhy));
  db.prepare('INSERT INTO matches VALUES (?, ?, ?, ?, ?, 1, 1, 2)').run(
    'm1',
    'kanban-cascade',
    '{"G":{}}',
    '{}',
    METADATA,
  );
  db.prepare('INSERT INTO log VALUES (?, ?, ?)').run('m1', 0, '{"action":1}');
  db.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?)').run('K7M2QX', 'm1', 3, 5);
  db.prepare('INSERT INTO challenges VALUES (?, ?, ?, ?, ?, 1, 6)').run('m1', 'K7M2QX', 'ring-road', 's', 'table');
  const entry: Record<string, unknown> = {
    id: 'e1',
    match_id: 'm1',
    scenario: 'ring-road',
    seed: 's',
    names: '["A"]',
    created_at: 7,
    mean_bin: 2.5,
    critical_buffer: 3,
    score: 0.8,
    bounded: 1,
    valid: 1,
    reason: null,
    rounds: 12,
    digest: 'd',
    debrief: '{}',
    ...(withWhy ? { why: '[{"kind":"noRounds"}]' } : {}),
  };
  const columns = Object.keys(entry);
  db.prepare(`INSERT INTO leaderboard (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(
    entry,
  );
  expect(schemaVersion(db)).toBe(0);
  db.close();
  return dir;
}

/** Every table's columns (name, type, not null, default, key), by name: the schema to compare. */
function schemaOf(db: Database.Database) {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((t) => t.name);
  const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
  return {
    tables: Object.fromEntries(
      tables.map((t) => [
        t,
        (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[])
          .map(({ name, type, notnull, dflt_value, pk }: Record<string, unknown>) => ({
            name,
            type,
            notnull,
            dflt_value,
            pk,
          }))
          .sort((a, b) => String(a.name).localeCompare(String(b.name))),
      ]),
    ),
    indexes,
  };
}

function freshSchema() {
  const storage = openStorage(newDir());
  const schema = schemaOf(storage.db);
  storage.close();
  return schema;
}

describe('the SQLite schema and its migrations (S-DB)', () => {
  it('S-DB1 a fresh database reaches the latest version with every table and column', () => {
    const storage = openStorage(newDir());
    expect(schemaVersion(storage.db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    const { tables } = schemaOf(storage.db);
    expect(Object.keys(tables)).toEqual(['challenges', 'leaderboard', 'log', 'matches', 'sessions']);
    expect(tables.leaderboard!.map((c) => c.name)).toContain('why');
    expect(tables.leaderboard!.find((c) => c.name === 'why')).toMatchObject({ notnull: 1, dflt_value: "'[]'" });
    expect(tables.leaderboard!.find((c) => c.name === 'judge')).toMatchObject({ type: 'TEXT', notnull: 0 });
    expect(tables.sessions!.map((c) => c.name).sort()).toEqual(['code', 'created_at', 'match_id', 'players']);
    storage.close();
  });

  it.each([
    ['without', false],
    ['with', true],
  ])('S-DB2 a database of the previous release %s leaderboard.why migrates with its rows intact', (_, withWhy) => {
    const dir = oldDatabase(withWhy);
    const storage = openStorage(dir);
    const db = storage.db;
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(schemaOf(db)).toEqual(freshSchema());
    expect(storage.fetch('m1', { metadata: true, state: true, log: true })).toMatchObject({
      state: { G: {} },
      metadata: { gameName: 'kanban-cascade' },
      log: [{ action: 1 }],
    });
    expect(findSession(storage, 'K7M2QX')).toEqual({ code: 'K7M2QX', match_id: 'm1', players: 3 });
    expect(db.prepare('SELECT recorded, kind FROM challenges').all()).toEqual([{ recorded: 1, kind: 'table' }]);
    // Migration 3: old entries keep their verdict and have no judge numbers (judged by the slope rule).
    expect(db.prepare('SELECT id, score, rounds, why, judge FROM leaderboard').all()).toEqual([
      { id: 'e1', score: 0.8, rounds: 12, why: withWhy ? '[{"kind":"noRounds"}]' : '[]', judge: null },
    ]);
    storage.close();
  });

  it('S-DB3 opening a current database again applies nothing and changes nothing', () => {
    const dir = newDir();
    openStorage(dir).close();
    const db = new Database(join(dir, FILE));
    const before = schemaOf(db);
    expect(migrate(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(schemaOf(db)).toEqual(before);
    db.close();
    const again = openStorage(dir);
    expect(schemaOf(again.db)).toEqual(before);
    again.close();
  });

  it('S-DB4 a database of a newer release is refused with a clear error and left untouched', () => {
    const dir = newDir();
    const db = new Database(join(dir, FILE));
    db.exec('CREATE TABLE future (x INTEGER)');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openStorage(dir)).toThrow(
      new RegExp(`schema version ${SCHEMA_VERSION + 1}, newer than this server's latest \\(${SCHEMA_VERSION}\\)`),
    );
    const after = new Database(join(dir, FILE));
    expect(schemaVersion(after)).toBe(SCHEMA_VERSION + 1);
    expect(Object.keys(schemaOf(after).tables)).toEqual(['future']);
    after.close();
  });

  it('S-DB5 a migration that fails leaves the database as it was (one transaction)', () => {
    const db = new Database(':memory:');
    const failing = [
      MIGRATIONS[0]!,
      {
        version: 2,
        description: 'fails',
        up: () => {
          throw new Error('disk on fire');
        },
      },
    ];
    expect(() => migrate(db, failing)).toThrow('disk on fire');
    expect(schemaVersion(db)).toBe(0);
    expect(Object.keys(schemaOf(db).tables)).toEqual([]);
    db.close();
  });
});
