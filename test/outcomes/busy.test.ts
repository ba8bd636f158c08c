import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeTestBot } from '../helpers/app.js';
import { listOutcomes } from '../../src/store/outcomes.js';

describe('a database locked by another process', () => {
  it('answers a report with "try again" in the user\'s language, not a crash, and stores nothing', async () => {
    const t = makeTestBot();
    // Shorten the wait so the test is quick; the real timeout is 5 s.
    t.app.services.store.db.pragma('busy_timeout = 100');
    const other = new Database(t.dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const en = await t.say('console:admin', '/report companies "Locked Oy"');
      expect(en.ok).toBe(false);
      expect(en.text).toMatch(/busy.*Nothing was changed.*try again/);
      const fi = await t.say('console:admin', '/report companies "Locked Oy"', { locale: 'fi' });
      expect(fi.text).toMatch(/varattu.*yritä hetken päästä uudelleen/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(listOutcomes(t.app.services.store)).toHaveLength(0);
    expect((await t.say('console:admin', '/report companies "Locked Oy"')).ok).toBe(true);
  });
});
