/**
 * The SQLite store (better-sqlite3 v12). The only place with SQL. Opens (and creates) the
 * database file with its folder, sets the pragmas and applies pending migrations.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion, migrations } from './migrations.js';

/** A start-up problem with the database file that the operator must fix. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export interface Store {
  readonly db: Database.Database;
  readonly file: string;
  close(): void;
}

/** Applies the pragmas every connection needs. */
function configure(db: Database.Database): void {
  // WAL: readers never block the writer, and a crash never leaves a half-written page.
  db.pragma('journal_mode = WAL');
  // FULL syncs the WAL on every commit: an acknowledged report survives power loss, at the
  // cost of one fsync per write (reports are rare, so durability wins over throughput).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process (a console session beside the bot) may hold the write lock briefly;
  // wait up to 5 s for it rather than failing at once.
  db.pragma('busy_timeout = 5000');
}

/** Brings the schema up to date in one transaction; refuses a database from a newer build. */
export function migrate(db: Database.Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latestVersion) {
    throw new StoreError(
      `The database was written by a newer kajaani-bot (schema version ${from}; this build knows up to ${latestVersion}). Upgrade the bot or point BOT_DB_PATH at another file.`,
    );
  }
  if (from === latestVersion) return { from, to: from };
  const apply = db.transaction(() => {
    for (const m of migrations.filter((x) => x.version > from).sort((a, b) => a.version - b.version)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  // IMMEDIATE takes the write lock first, so two processes starting together migrate once.
  apply.immediate();
  return { from, to: latestVersion };
}

/** Opens the store at `file`, creating it and its folder on first use. */
export function openStore(file: string): Store {
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file);
    configure(db);
    migrate(db);
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw new StoreError(`Cannot open the database at ${file}: ${(err as Error).message}. Check BOT_DB_PATH, the folder's permissions and free disk space.`, { cause: err });
  }
  return {
    db,
    file,
    close: () => db.close(),
  };
}
