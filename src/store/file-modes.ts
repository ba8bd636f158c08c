/**
 * Owner-only files for the store (issue 11 item 13). The database holds who reported what and
 * the audit trail, so nobody but the bot's own user should read it: files 0600, and a data
 * folder the bot creates 0700. Modes are set explicitly (chmod after create), so no umask can
 * loosen them. SQLite gives a database's -wal, -shm and -journal the mode of the database file
 * itself (os_unix.c, findCreateFileMode / unixOpenSharedMemory), so a private database file
 * makes private companions.
 *
 * An existing file that group or others can read is tightened (owner bits kept): builds before
 * this one created 0644 files, and without tightening the fix would never reach an existing
 * installation. The bot's own user is the only intended reader; copies are made with
 * `kajaani-bot backup`. Folders the bot did not create keep their mode (they may be shared,
 * e.g. /var/lib); the files in them are protected by their own mode.
 */
import { chmodSync, closeSync, fchmodSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';

/** Read and write for the owner only. */
export const PRIVATE_FILE_MODE = 0o600;
/** Enter, list and create for the owner only. */
export const PRIVATE_FOLDER_MODE = 0o700;

/** Creates `dir` and any missing parents 0700; folders that already exist are left alone. */
export function makePrivateFolder(dir: string): void {
  const target = path.resolve(dir);
  const first = mkdirSync(target, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (first === undefined) return;
  // mkdir's mode is filtered by the umask: set it exactly on every folder made just now.
  for (let d = target; ; d = path.dirname(d)) {
    chmodSync(d, PRIVATE_FOLDER_MODE);
    if (d === first || path.dirname(d) === d) break;
  }
}

/** Creates `file` empty and 0600 unless it exists, so whatever opens it next inherits a private file. */
export function createPrivateFile(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx', PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw err;
  }
  try {
    fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    closeSync(fd);
  }
}

/** A file whose group/other permissions were removed, or could not be (`error`). */
export interface Tightened {
  file: string;
  /** The mode it had, e.g. 0o644. */
  from: number;
  error?: string;
}

/** Removes group and other permissions from those of `files` that exist and have any. */
export function tightenModes(files: readonly string[]): Tightened[] {
  const changed: Tightened[] = [];
  for (const file of files) {
    let mode: number;
    try {
      mode = statSync(file).mode & 0o777;
    } catch {
      continue; // Not there (no -wal yet): nothing to tighten.
    }
    if ((mode & 0o077) === 0) continue;
    try {
      chmodSync(file, mode & 0o700);
      changed.push({ file, from: mode });
    } catch (err) {
      changed.push({ file, from: mode, error: (err as Error).message });
    }
  }
  return changed;
}

/** The files SQLite keeps beside a database. */
export function withCompanions(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
}
