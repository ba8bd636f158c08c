/**
 * The SQLite store (better-sqlite3 v12). The only place with SQL. Opens (and creates) the
 * database file with its folder, sets the pragmas and applies pending migrations.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion, migrations } from './migrations.js';
import { titleKey } from '../core/outcomes/normalise.js';
import { createPrivateFile, makePrivateFolder, tightenModes, withCompanions, type Tightened } from './file-modes.js';

/** A start-up problem with the database file that the operator must fix. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/**
 * The database stayed locked by another process (the bot beside a console session) for longer
 * than the busy timeout. Nothing was written; the user can simply try again.
 */
export class StoreBusyError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The database is busy (locked by another process). Nothing was changed; try again.', options);
    this.name = 'StoreBusyError';
  }
}

/** True for SQLite's "locked by someone else" errors (SQLITE_BUSY and its extended codes). */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Runs `fn` in an IMMEDIATE transaction (the write lock is taken first, so a read-then-write
 * never fails half way with a stale snapshot). A lock held elsewhere beyond the busy timeout
 * becomes a `StoreBusyError`; the transaction is rolled back, so nothing is half-written.
 */
export function writeTransaction<T>(store: Store, fn: () => T): T {
  try {
    return store.db.transaction(fn).immediate();
  } catch (err) {
    if (isBusyError(err)) throw new StoreBusyError({ cause: err });
    throw err;
  }
}

/** Default wait for another process's write lock. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface OpenStoreOptions {
  /** How long to wait for another process's lock before giving up (tests shorten it). */
  busyTimeoutMs?: number;
  /** Told about database files whose group/other permissions were removed (for a log line). */
  onTightened?: (files: Tightened[]) => void;
}

export interface Store {
  readonly db: Database.Database;
  readonly file: string;
  close(): void;
}

/** Applies the pragmas every connection needs. */
function configure(db: Database.Database, busyTimeoutMs: number): void {
  // WAL: readers never block the writer, and a crash never leaves a half-written page.
  db.pragma('journal_mode = WAL');
  // FULL syncs the WAL on every commit: an acknowledged report survives power loss, at the
  // cost of one fsync per write (reports are rare, so durability wins over throughput).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process (a console session beside the bot) may hold the write lock briefly;
  // wait up to 5 s (DEFAULT_BUSY_TIMEOUT_MS) for it rather than failing at once. Writes are
  // single short transactions, so 5 s is only exceeded when something is really stuck.
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
}

/** Brings the schema up to date in one transaction; refuses a database from a newer build. */
export function migrate(db: Database.Database): { from: number; to: number } {
  const tooNew = (v: number) =>
    new StoreError(
      `The database was written by a newer kajaani-bot (schema version ${v}; this build knows up to ${latestVersion}). Upgrade the bot or point BOT_DB_PATH at another file.`,
    );
  const seen = db.pragma('user_version', { simple: true }) as number;
  if (seen > latestVersion) throw tooNew(seen);
  if (seen === latestVersion) return { from: seen, to: seen };
  // Migrations that recompute a derived column call the code that derives it.
  db.function('kajaani_title_key', { deterministic: true }, (title: unknown) => titleKey(String(title)));
  const apply = db.transaction(() => {
    // Read the version again under the write lock: another process starting at the same
    // moment may have migrated while we waited, and must not be migrated twice.
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from > latestVersion) throw tooNew(from);
    for (const m of migrations.filter((x) => x.version > from).sort((a, b) => a.version - b.version)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    return from;
  });
  // IMMEDIATE takes the write lock before reading, so two processes starting together migrate once.
  const from = apply.immediate();
  return { from, to: latestVersion };
}

/**
 * Opens the store at `file`, creating it and its folder on first use. The file and its -wal,
 * -shm are owner-only (0600) and a folder it creates is 0700; see file-modes.ts.
 */
export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  let db: Database.Database;
  try {
    const onDisk = file !== ':memory:' && file !== '';
    const tightened: Tightened[] = [];
    if (onDisk) {
      makePrivateFolder(path.dirname(path.resolve(file)));
      createPrivateFile(file);
      tightened.push(...tightenModes(withCompanions(file)));
    }
    db = new Database(file);
    configure(db, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
    migrate(db);
    if (onDisk) tightened.push(...tightenModes(withCompanions(file)));
    if (tightened.length > 0) options.onTightened?.(tightened);
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
