/**
 * File modes (issue 11 item 13): the database, its -wal and -shm, backups and restored files
 * are private to the bot's user (0600), and a data folder the bot creates is 0700, whatever
 * the umask. An existing file that others can read is tightened; a private one is untouched.
 * Real files in temp folders, checked with stat.
 */
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createApp } from '../../src/main.js';
import { openStore } from '../../src/store/store.js';
import { backupDatabase, restoreDatabase } from '../../src/store/backup.js';
import { insertOutcome } from '../../src/store/outcomes.js';
import { fields } from '../helpers/store.js';
import { tempDir } from '../helpers/temp.js';
import { testEnv } from '../helpers/app.js';

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8).padStart(3, '0');
const originalUmask = process.umask();
afterEach(() => {
  process.umask(originalUmask);
});

/** Opens (creating) a store at `file`, writes one row, and leaves it open for the caller to stat. */
function storeWithARow(file: string) {
  const store = openStore(file);
  insertOutcome(store, fields({ title: 'Modes Oy' }), 'console:admin', '2025-01-01T00:00:00.000Z', true);
  return store;
}

describe('database file modes', () => {
  it.each(['022', '000'])('creates the database, its WAL and SHM 0600 and the folders it makes 0700 (umask %s)', (umask) => {
    process.umask(parseInt(umask, 8));
    const root = tempDir();
    const file = path.join(root, 'data', 'nested', 'bot.db');
    const store = storeWithARow(file);
    try {
      expect(modeOf(path.join(root, 'data'))).toBe('700');
      expect(modeOf(path.join(root, 'data', 'nested'))).toBe('700');
      expect(modeOf(file)).toBe('600');
      expect(modeOf(`${file}-wal`)).toBe('600');
      expect(modeOf(`${file}-shm`)).toBe('600');
    } finally {
      store.close();
    }
  });

  it('leaves the mode of a folder it did not create alone', () => {
    const root = tempDir();
    chmodSync(root, 0o750);
    openStore(path.join(root, 'bot.db')).close();
    expect(modeOf(root)).toBe('750');
  });

  it('tightens an existing database, WAL and SHM that others can read, and keeps a private one as it is', () => {
    const root = tempDir();
    const loose = path.join(root, 'loose.db');
    openStore(loose).close();
    chmodSync(loose, 0o644);
    // Leftovers of a crash under an older build: empty -wal/-shm are valid and reused.
    writeFileSync(`${loose}-wal`, '', { mode: 0o666 });
    writeFileSync(`${loose}-shm`, '', { mode: 0o666 });
    chmodSync(`${loose}-wal`, 0o666);
    chmodSync(`${loose}-shm`, 0o644);
    const store = storeWithARow(loose);
    try {
      expect([modeOf(loose), modeOf(`${loose}-wal`), modeOf(`${loose}-shm`)]).toEqual(['600', '600', '600']);
    } finally {
      store.close();
    }

    const strict = path.join(root, 'strict.db');
    openStore(strict).close();
    chmodSync(strict, 0o400 | 0o200);
    openStore(strict).close();
    expect(modeOf(strict)).toBe('600');
  });
});

describe('start-up', () => {
  it('says in the log which database file it made owner-only', () => {
    const db = path.join(tempDir(), 'bot.db');
    openStore(db).close();
    chmodSync(db, 0o640);
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) });
    createApp(testEnv(db), { log }).close();
    expect(modeOf(db)).toBe('600');
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, files: [{ file: db, from: '640' }] }));
  });
});

describe('backup and restore file modes', () => {
  it('writes a backup 0600 and installs a restored database 0600, even from a 0644 backup file', async () => {
    process.umask(0o000);
    const root = tempDir();
    mkdirSync(path.join(root, 'backups'));
    const db = path.join(root, 'bot.db');
    storeWithARow(db).close();
    const backup = path.join(root, 'backups', 'copy.db');
    await backupDatabase(db, backup);
    expect(modeOf(backup)).toBe('600');

    chmodSync(backup, 0o644);
    const r = restoreDatabase(db, backup, new Date('2026-11-27T10:00:00Z'));
    expect(modeOf(r.file)).toBe('600');
    expect(modeOf(r.previous!)).toBe('600');
  });
});
