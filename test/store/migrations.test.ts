import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, latestVersion } from '../../src/store/migrations.js';
import { openStore, StoreError } from '../../src/store/store.js';
import { insertOutcome, listOutcomes } from '../../src/store/outcomes.js';
import { fields } from '../helpers/store.js';
import { tempDbPath } from '../helpers/temp.js';

describe('opening the store', () => {
  it('creates the file and its folder, in WAL mode with durable settings', () => {
    const file = tempDbPath();
    const store = openStore(file);
    expect(existsSync(file)).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    store.close();
  });

  it('migrates a file written by version 1 and keeps its data', () => {
    // A file exactly as version 1 left it: only migration 1 applied, with its data.
    const v1File = tempDbPath();
    mkdirSync(path.dirname(v1File), { recursive: true });
    const v1 = new Database(v1File);
    v1.exec(migrations.find((m) => m.version === 1)!.sql);
    v1.exec("INSERT INTO meta (key, value) VALUES ('note', 'from v1')");
    v1.pragma('user_version = 1');
    v1.close();

    const store = openStore(v1File);
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(store.db.prepare("SELECT value FROM meta WHERE key = 'note'").get()).toEqual({ value: 'from v1' });
    expect(insertOutcome(store, fields(), 'console:a', '2024-05-02T10:00:00.000Z').ok).toBe(true);
    store.close();
  });

  it('refuses a database written by a newer version with a clear message', () => {
    const file = tempDbPath();
    openStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    expect(() => openStore(file)).toThrow(StoreError);
    expect(() => openStore(file)).toThrow(/newer kajaani-bot.*Upgrade the bot or point BOT_DB_PATH/);
  });

  it('keeps everything across a reopen', () => {
    const file = tempDbPath();
    const a = openStore(file);
    insertOutcome(a, fields({ title: 'Survivor Oy' }), 'console:a', '2024-05-02T10:00:00.000Z');
    a.close();
    const b = openStore(file);
    expect(listOutcomes(b).map((o) => o.title)).toEqual(['Survivor Oy']);
    b.close();
  });
});
