/**
 * Online backup and restore of the bot's database.
 *
 * Backup uses SQLite's backup API (better-sqlite3 `db.backup()`), which copies a consistent
 * snapshot while the bot keeps reading and writing. The copy is written beside the target and
 * renamed into place, so an interrupted backup never leaves a half-written file under the
 * requested name, and it is switched to a single self-contained file (no -wal).
 *
 * Restore only installs a file that is a kajaani-bot database (SQLite, `meta.application`,
 * a schema version this build knows, `integrity_check` ok), only when no other process has the
 * database open (an exclusive lock proves it), and keeps the previous file beside it.
 */
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion } from './migrations.js';
import { createPrivateFile, PRIVATE_FILE_MODE, tightenModes } from './file-modes.js';

/** A backup or restore the operator must correct (wrong file, bot running...). */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** Row counts that tell an operator what a database file holds. */
export interface DatabaseCounts {
  outcomes: number;
  audit: number;
  roles: number;
  schemaVersion: number;
}

/** What `backupDatabase` wrote. */
export interface BackupResult {
  file: string;
  bytes: number;
  counts: DatabaseCounts;
}

/** What `restoreDatabase` installed, and where the previous database went (null when there was none). */
export interface RestoreResult {
  file: string;
  previous: string | null;
  counts: DatabaseCounts;
}

/** How long a backup waits for the bot's write lock between steps (the bot's own busy timeout). */
const BACKUP_BUSY_TIMEOUT_MS = 5000;

function counts(db: Database.Database): DatabaseCounts {
  const n = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  return { outcomes: n('outcomes'), audit: n('audit'), roles: n('roles'), schemaVersion: db.pragma('user_version', { simple: true }) as number };
}

/** Throws a BackupError unless `db` is a kajaani-bot database this build can use, with integrity ok. */
function checkKajaaniDatabase(db: Database.Database, label: string): void {
  let application: string | undefined;
  let version: number;
  let integrity: string[];
  try {
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
    application = hasMeta ? (db.prepare("SELECT value FROM meta WHERE key = 'application'").pluck().get() as string | undefined) : undefined;
    version = db.pragma('user_version', { simple: true }) as number;
    integrity = application === 'kajaani-bot' && version <= latestVersion ? (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check) : [];
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') throw new BackupError(`${label} is not an SQLite database.`, { cause: err });
    if (code.startsWith('SQLITE_')) throw new BackupError(`${label} cannot be read as a database (${(err as Error).message}).`, { cause: err });
    throw err;
  }
  if (application !== 'kajaani-bot') throw new BackupError(`${label} is an SQLite database, but not a kajaani-bot one (no meta application 'kajaani-bot').`);
  if (version > latestVersion) {
    throw new BackupError(`${label} was written by a newer kajaani-bot (schema version ${version}; this build knows up to ${latestVersion}). Upgrade the bot first.`);
  }
  if (integrity.length !== 1 || integrity[0] !== 'ok') throw new BackupError(`${label} failed SQLite's integrity check: ${integrity.slice(0, 5).join('; ')}`);
}

/** Throws a BackupError unless `file` exists and is a regular file. */
function mustBeFile(file: string, label: string): void {
  if (!existsSync(file)) throw new BackupError(`${label} does not exist: ${file}`);
  if (!statSync(file).isFile()) throw new BackupError(`${label} is not a file: ${file}`);
}

/** Opens a file that must already exist; "not a database" and "cannot open" become BackupErrors. */
function openExisting(file: string, label: string): Database.Database {
  mustBeFile(file, label);
  try {
    const db = new Database(file, { fileMustExist: true });
    db.pragma(`busy_timeout = ${BACKUP_BUSY_TIMEOUT_MS}`);
    return db;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new BackupError(`${label} is not an SQLite database: ${file}`, { cause: err });
    throw new BackupError(`Cannot open ${label.toLowerCase()} ${file}: ${(err as Error).message}`, { cause: err });
  }
}

/** Makes a rename durable: fsyncs the folder that holds the entry. */
function syncFolder(file: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path.dirname(file), 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems cannot fsync a folder; the rename itself has still happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function removeQuietly(...files: string[]): void {
  for (const f of files) rmSync(f, { force: true });
}

/**
 * Copies the database at `dbPath` to `target` with the SQLite backup API, safe while the bot
 * runs. Refuses an existing target unless `force`, and the database itself as target.
 */
export async function backupDatabase(dbPath: string, target: string, options: { force?: boolean } = {}): Promise<BackupResult> {
  const source = path.resolve(dbPath);
  const dest = path.resolve(target);
  if (dest === source || dest.startsWith(`${source}-`)) throw new BackupError(`The backup file must not be the database itself (${source}).`);
  if (existsSync(dest) && !options.force) throw new BackupError(`${dest} already exists. Choose another file name, or add --force to overwrite it.`);
  if (existsSync(dest) && !statSync(dest).isFile()) throw new BackupError(`${dest} exists and is not a file.`);
  const db = openExisting(source, 'The database');
  const partial = `${dest}.partial-${process.pid}`;
  try {
    checkKajaaniDatabase(db, `The database ${source}`);
    removeQuietly(partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`);
    // Owner-only from the first byte: SQLite writes the copy into this file and keeps its mode.
    createPrivateFile(partial);
    try {
      // All pages in one step: one consistent snapshot under one read lock. With WAL the bot's
      // writers are not blocked, and no concurrent write can make the copy restart.
      await db.backup(partial, { progress: () => 0x7fffffff });
    } catch (err) {
      throw new BackupError(`The backup to ${dest} failed: ${(err as Error).message}. Check the folder exists, is writable and has free space.`, { cause: err });
    }
  } finally {
    db.close();
  }
  let result: BackupResult;
  try {
    const copy = new Database(partial, { fileMustExist: true });
    try {
      // One self-contained file: no -wal beside it, nothing lost if only the file is copied on.
      copy.pragma('journal_mode = DELETE');
      checkKajaaniDatabase(copy, 'The backup');
      result = { file: dest, bytes: 0, counts: counts(copy) };
    } finally {
      copy.close();
    }
    const fd = openSync(partial, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, dest);
    syncFolder(dest);
  } catch (err) {
    removeQuietly(partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`);
    if (err instanceof BackupError) throw err;
    throw new BackupError(`The backup to ${dest} could not be completed: ${(err as Error).message}`, { cause: err });
  }
  return { ...result, bytes: statSync(dest).size };
}

/** `2026-11-27T18-51-30-123Z`: a timestamp that sorts and is a valid file name everywhere. */
function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Replaces the database at `dbPath` with the backup `from`, keeping the previous database as
 * `<db>.before-restore-<timestamp>`. Refuses a file that is not a kajaani-bot database, and
 * refuses while any other process has the database open.
 */
export function restoreDatabase(dbPath: string, from: string, now: Date = new Date()): RestoreResult {
  const live = path.resolve(dbPath);
  const backup = path.resolve(from);
  if (backup === live) throw new BackupError(`The file to restore is the database itself (${live}).`);
  // Validate a private copy, then install that very copy: the file checked is the file used.
  const staged = `${live}.restore-${process.pid}`;
  mustBeFile(backup, 'The file to restore');
  removeQuietly(staged, `${staged}-wal`, `${staged}-shm`, `${staged}-journal`);
  try {
    copyFileSync(backup, staged);
    // copyFile gives the copy the backup file's mode; the installed database is owner-only.
    chmodSync(staged, PRIVATE_FILE_MODE);
    const copy = new Database(staged, { fileMustExist: true });
    try {
      checkKajaaniDatabase(copy, backup);
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const fd = openSync(staged, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }

    let previous: string | null = null;
    if (existsSync(live)) {
      previous = `${live}.before-restore-${stamp(now)}`;
      const current = new Database(live, { fileMustExist: true });
      try {
        // Any other connection, even an idle bot, blocks an exclusive lock: never restore under a running bot.
        current.pragma('busy_timeout = 0');
        current.pragma('locking_mode = EXCLUSIVE');
        try {
          current.exec('BEGIN EXCLUSIVE');
          current.prepare('SELECT COUNT(*) FROM sqlite_master').get();
          current.exec('COMMIT');
        } catch (err) {
          const code = (err as { code?: string }).code ?? '';
          if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
            throw new BackupError(`The database ${live} is in use by another process (is the bot running?). Stop it, then restore again. Nothing was changed.`, { cause: err });
          }
          throw err;
        }
        // Still holding the lock: fold the WAL into the file and leave WAL mode, so the file
        // set aside is complete on its own and closing this connection touches no -wal name.
        current.pragma('journal_mode = DELETE');
        renameSync(live, previous);
        tightenModes([previous]);
        removeQuietly(`${live}-wal`, `${live}-shm`, `${live}-journal`);
        renameSync(staged, live);
        syncFolder(live);
      } finally {
        current.close();
      }
    } else {
      renameSync(staged, live);
      syncFolder(live);
    }
    const installed = new Database(live, { fileMustExist: true, readonly: true });
    try {
      return { file: live, previous, counts: counts(installed) };
    } finally {
      installed.close();
    }
  } finally {
    removeQuietly(staged, `${staged}-wal`, `${staged}-shm`, `${staged}-journal`);
  }
}
