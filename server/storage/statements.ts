/** Statements a route module prepares on a store's tables (storage/schema.ts), once per store. */
import type { SqliteStorage } from './sqlite';

/** `prepare` run once per store; later calls answer the same statements. */
export function perStore<T>(prepare: (storage: SqliteStorage) => T): (storage: SqliteStorage) => T {
  const prepared = new WeakMap<SqliteStorage, T>();
  return (storage) => {
    let statements = prepared.get(storage);
    if (!statements) prepared.set(storage, (statements = prepare(storage)));
    return statements;
  };
}
