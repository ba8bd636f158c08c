/**
 * Prepared statements, cached per connection: preparing the same SQL again on every call costs
 * more than running it. Keyed by the SQL text; a closed connection's cache goes with it.
 */
import type Database from 'better-sqlite3';
import type { Store } from './store.js';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on the store's connection (prepared on first use). */
export function stmt(store: Store, sql: string): Database.Statement {
  let cache = caches.get(store.db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(store.db, cache);
  }
  let s = cache.get(sql);
  if (s === undefined) {
    s = store.db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
