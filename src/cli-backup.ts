/**
 * `kajaani-bot backup <file> [--force]` and `kajaani-bot restore <file>`: the command line over
 * src/store/backup.ts. Both use BOT_DB_PATH (environment or `.env`), print one short result on
 * stdout, and explain any refusal on stderr with exit code 1 (2 for usage mistakes).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { ConfigError, loadConfig } from './config.js';
import { BackupError, backupDatabase, restoreDatabase, type DatabaseCounts } from './store/backup.js';
import { usageText } from './cli-usage.js';

/** Where the CLI reads its settings and writes its output (tests pass their own). */
export interface BackupCliIo {
  env?: NodeJS.ProcessEnv;
  stdout?: Writable;
  stderr?: Writable;
  now?: () => Date;
}

const BACKUP_USAGE = usageText('backup');
const RESTORE_USAGE = usageText('restore');

function describeCounts(c: DatabaseCounts): string {
  return `${c.outcomes} outcomes, ${c.audit} audit entries, ${c.roles} role grants (schema version ${c.schemaVersion})`;
}

/** Parses argv; a usage mistake becomes exit code 2 with the usage line. */
function parse(argv: string[], usage: string, withForce: boolean, err: Writable): { file: string; force: boolean } | null {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: withForce ? { force: { type: 'boolean', default: false } } : {}, allowPositionals: true, strict: true });
    // No file at all: the usage says what to give (a message of its own would only repeat it).
    if (positionals.length === 0 || (positionals.length === 1 && positionals[0]!.trim() === '')) throw new Error('');
    if (positionals.length !== 1) throw new Error('Give exactly one file.');
    return { file: positionals[0]!, force: Boolean((values as { force?: boolean }).force) };
  } catch (e) {
    const message = (e as Error).message;
    err.write(`${message ? `${message}\n` : ''}${usage}\n`);
    return null;
  }
}

/** Resolves BOT_DB_PATH, or explains the configuration problem. */
function databasePath(env: NodeJS.ProcessEnv, err: Writable): string | null {
  try {
    return path.resolve(loadConfig(env).BOT_DB_PATH);
  } catch (e) {
    if (e instanceof ConfigError) {
      err.write(`kajaani-bot cannot read its configuration.\n${e.message}\n`);
      return null;
    }
    throw e;
  }
}

/** Runs one backup/restore action, turning refusals into a message and exit code 1. */
async function guarded(err: Writable, what: string, action: () => Promise<void> | void): Promise<number> {
  try {
    await action();
    return 0;
  } catch (e) {
    if (e instanceof BackupError) {
      err.write(`kajaani-bot ${what} refused: ${e.message}\n`);
      return 1;
    }
    err.write(`kajaani-bot ${what} failed: ${(e as Error).message}\n`);
    return 1;
  }
}

/** `kajaani-bot backup <file> [--force]`. Returns the exit code. */
export async function runBackupCli(argv: string[], io: BackupCliIo = {}): Promise<number> {
  const out = io.stdout ?? process.stdout;
  const err = io.stderr ?? process.stderr;
  const args = parse(argv, BACKUP_USAGE, true, err);
  if (!args) return 2;
  const db = databasePath(io.env ?? process.env, err);
  if (!db) return 1;
  return guarded(err, 'backup', async () => {
    const r = await backupDatabase(db, args.file, { force: args.force });
    out.write(`Backup written: ${r.file} (${r.bytes} bytes): ${describeCounts(r.counts)}.\n`);
  });
}

/** `kajaani-bot restore <file>`. Returns the exit code. */
export async function runRestoreCli(argv: string[], io: BackupCliIo = {}): Promise<number> {
  const out = io.stdout ?? process.stdout;
  const err = io.stderr ?? process.stderr;
  const args = parse(argv, RESTORE_USAGE, false, err);
  if (!args) return 2;
  const db = databasePath(io.env ?? process.env, err);
  if (!db) return 1;
  return guarded(err, 'restore', () => {
    const r = restoreDatabase(db, args.file, io.now?.());
    out.write(`Restored ${path.resolve(args.file)} into ${r.file}: ${describeCounts(r.counts)}.\n`);
    out.write(r.previous ? `The previous database is kept as ${r.previous}.\n` : 'There was no previous database.\n');
  });
}
