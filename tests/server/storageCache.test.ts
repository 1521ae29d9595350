/**
 * P4: SqliteStorage keeps each match's latest state in memory (server/storage/sqlite.ts): fetch
 * gives back the stored object with G deep-frozen, the database always has the same state, and a
 * fresh storage on the same file (a restart) reads it back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { State } from 'boardgame.io';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../server/storage/sqlite';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(dir?: string) {
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), 'kc-cache-'));
  if (!dir) dirs.push(dataDir);
  return { dataDir, storage: new SqliteStorage({ dataDir, sanitiseInitialState: (s) => s }) };
}

const state = (round: number): State =>
  ({ G: { round, workshops: [{ bins: [1, 2] }] }, ctx: { turn: round }, plugins: {}, _stateID: round }) as never;
const metadata = { gameName: 'kanban-cascade', players: {}, createdAt: 0, updatedAt: 0 } as never;

describe('SqliteStorage state cache (P4)', () => {
  it('P4 fetch returns the latest stored state with G deep-frozen', () => {
    const { storage } = open();
    storage.createMatch('m', { initialState: state(0), metadata });
    const s1 = state(1);
    storage.setState('m', s1);
    const fetched = storage.fetch('m', { state: true }).state;
    expect(fetched).toBe(s1);
    expect(Object.isFrozen(fetched.G)).toBe(true);
    const bins = (fetched.G as { workshops: { bins: number[] }[] }).workshops[0]!.bins;
    expect(() => bins.push(3)).toThrow(TypeError);
    storage.close();
  });

  it('P4 the database holds what memory holds: a restart reads the same state', () => {
    const { dataDir, storage } = open();
    storage.createMatch('m', { initialState: state(0), metadata });
    storage.setState('m', state(5));
    storage.close();
    const again = open(dataDir).storage;
    expect(again.fetch('m', { state: true }).state).toEqual(state(5));
    expect(Object.isFrozen(again.rawState('m')!.G)).toBe(true);
    again.close();
  });

  it('P4 a new match or a wiped one never serves an old cached state', () => {
    const { storage } = open();
    storage.createMatch('m', { initialState: state(0), metadata });
    storage.setState('m', state(3));
    storage.wipe('m');
    expect(storage.fetch('m', { state: true }).state).toBeUndefined();
    storage.createMatch('m', { initialState: state(0), metadata });
    expect(storage.fetch('m', { state: true }).state).toEqual(state(0));
    storage.close();
  });

  it('P4 more matches than the cache holds still read correctly (least recently used dropped)', () => {
    const { storage } = open();
    for (let i = 0; i < 510; i++) {
      storage.createMatch(`m${i}`, { initialState: state(0), metadata });
      storage.setState(`m${i}`, state(i));
    }
    for (const i of [0, 9, 255, 509]) expect(storage.fetch(`m${i}`, { state: true }).state).toEqual(state(i));
    storage.close();
  });
});
