/** Per-user settings (migration 8): the /lang choice, kept across a reopen, cleared back to none. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/store.js';
import { setUserLanguage, userLanguage } from '../../src/store/user-settings.js';
import { tempDbPath } from '../helpers/temp.js';

describe('user settings', () => {
  it('keep a language per user across a reopen, and clear it', () => {
    const file = tempDbPath();
    const store = openStore(file);
    expect(userLanguage(store, 'slack:U1')).toBeNull();
    setUserLanguage(store, 'slack:U1', 'fi', '2026-12-02T08:00:00.000Z');
    setUserLanguage(store, 'discord:2', 'en', '2026-12-02T08:00:00.000Z');
    store.close();
    const again = openStore(file);
    expect(userLanguage(again, 'slack:U1')).toBe('fi');
    expect(userLanguage(again, 'discord:2')).toBe('en');
    setUserLanguage(again, 'slack:U1', null, '2026-12-02T09:00:00.000Z');
    expect(userLanguage(again, 'slack:U1')).toBeNull();
    // Only the languages the bot speaks.
    expect(() => setUserLanguage(again, 'slack:U1', 'sv' as 'fi', 'T')).toThrow(/CHECK/);
    again.close();
  });

  it('arrive in a database a version 6 bot wrote, with its data kept', () => {
    const file = tempDbPath();
    mkdirSync(path.dirname(file), { recursive: true });
    const v6 = new Database(file);
    for (const m of migrations.filter((x) => x.version <= 6)) v6.exec(m.sql);
    v6.prepare("INSERT INTO roles (user_id, role, granted_by, granted_at) VALUES ('slack:U1', 'reporter', 'console:a', 'T')").run();
    v6.pragma('user_version = 6');
    v6.close();
    const store = openStore(file);
    expect(userLanguage(store, 'slack:U1')).toBeNull();
    setUserLanguage(store, 'slack:U1', 'fi', 'T');
    expect(userLanguage(store, 'slack:U1')).toBe('fi');
    expect(store.db.prepare('SELECT count(*) AS n FROM roles').get()).toEqual({ n: 1 });
    store.close();
  });
});
