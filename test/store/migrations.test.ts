import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, latestVersion } from '../../src/store/migrations.js';
import { openStore, StoreError } from '../../src/store/store.js';
import { insertOutcome, listOutcomes } from '../../src/store/outcomes.js';
import { goalCounts, goalStats } from '../../src/store/progress.js';
import { listFeedback, recordFeedback } from '../../src/store/feedback.js';
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

  it('counts the outcomes a version 3 database already holds when it adds the per-goal counts', () => {
    const v3File = tempDbPath();
    mkdirSync(path.dirname(v3File), { recursive: true });
    const v3 = new Database(v3File);
    for (const m of migrations.filter((x) => x.version <= 3)) v3.exec(m.sql);
    const add = v3.prepare(
      `INSERT INTO outcomes (goal_id, title, title_key, party_id, happened_on, reported_by, reported_at, updated_at, status, verified_by, verified_at, retracted_by, retracted_at, retract_reason)
       VALUES (?, ?, ?, 'KAMK', '2024-05-01', 'console:a', 'T', 'T', ?, ?, ?, ?, ?, ?)`,
    );
    add.run('companies', 'A', 'a', 'reported', null, null, null, null, null);
    add.run('companies', 'B', 'b', 'verified', 'console:x', 'T', null, null, null);
    add.run('companies', 'C', 'c', 'retracted', null, null, 'console:x', 'T', 'twice');
    add.run('technologies', 'D', 'd', 'reported', null, null, null, null, null);
    v3.pragma('user_version = 3');
    v3.close();

    const store = openStore(v3File);
    expect(goalCounts(store, 'companies')).toEqual({ goalId: 'companies', counted: 2, verified: 1 });
    expect(goalCounts(store, 'technologies')).toEqual({ goalId: 'technologies', counted: 1, verified: 0 });
    expect(insertOutcome(store, fields({ title: 'After the upgrade' }), 'console:a', '2024-05-02T10:00:00.000Z').ok).toBe(true);
    expect(goalCounts(store, 'companies').counted).toBe(3);
    expect(goalStats(store, 'companies').byParty).toEqual([{ partyId: 'KAMK', count: 3 }]);
    expect(goalStats(store, 'companies').byYear).toEqual([{ year: 2024, count: 3 }]);
    store.close();
  });

  it('adopts the feedback table earlier versions created on first use, keeping its votes', () => {
    // A file as version 3 left it, after a 👍 created the table outside the migrations.
    const v3File = tempDbPath();
    mkdirSync(path.dirname(v3File), { recursive: true });
    const v3 = new Database(v3File);
    for (const m of migrations.filter((x) => x.version <= 3)) v3.exec(m.sql);
    v3.pragma('user_version = 3');
    v3.exec(`CREATE TABLE IF NOT EXISTS feedback (
      id INTEGER PRIMARY KEY, answer_ref TEXT NOT NULL, user_id TEXT NOT NULL, vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
      question TEXT, answer TEXT, platform TEXT NOT NULL, at TEXT NOT NULL, UNIQUE (answer_ref, user_id))`);
    v3.exec("INSERT INTO feedback (answer_ref, user_id, vote, question, answer, platform, at) VALUES ('abc123', 'slack:U1', 'up', 'who?', 'KAMK', 'slack', '2025-01-01T00:00:00.000Z')");
    v3.close();

    const store = openStore(v3File);
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(listFeedback(store)).toEqual([{ id: 1, answerRef: 'abc123', user: 'slack:U1', vote: 'up', question: 'who?', answer: 'KAMK', platform: 'slack', at: '2025-01-01T00:00:00.000Z' }]);
    expect(String(store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'feedback'").pluck().get())).toMatch(/STRICT/);
    // A second vote by the same user on the same answer replaces the first.
    recordFeedback(store, { answerRef: 'abc123', user: 'slack:U1', vote: 'down', question: null, answer: null, platform: 'slack', at: '2025-01-02T00:00:00.000Z' });
    expect(listFeedback(store)).toMatchObject([{ vote: 'down', question: 'who?' }]);
    store.close();
  });

  it('makes the feedback table on a new database too', () => {
    const store = openStore(tempDbPath());
    recordFeedback(store, { answerRef: 'r1', user: 'discord:1', vote: 'up', question: 'q', answer: 'a', platform: 'discord', at: '2025-01-01T00:00:00.000Z' });
    expect(listFeedback(store)).toHaveLength(1);
    store.close();
  });

  it("lets the audit history hold imports from version 9 on, keeping every entry, its id counter and its append-only guard", () => {
    const v6File = tempDbPath();
    mkdirSync(path.dirname(v6File), { recursive: true });
    // A file as version 6 left it, with a report and a role grant in its history.
    const raw = new Database(v6File);
    for (const m of migrations.filter((x) => x.version <= 6)) raw.exec(m.sql);
    raw.pragma('user_version = 6');
    raw.prepare("INSERT INTO outcomes (goal_id, title, title_key, happened_on, reported_by, reported_at, updated_at) VALUES ('companies', 'A', 'a', '2024-01-01', 'console:a', 'T', 'T')").run();
    raw.prepare("INSERT INTO audit (at, actor, action, outcome_id) VALUES ('T', 'console:a', 'report', 1)").run();
    raw.prepare("INSERT INTO audit (at, actor, action, subject) VALUES ('T', 'console:a', 'grant', 'console:b')").run();
    expect(() => raw.prepare("INSERT INTO audit (at, actor, action) VALUES ('T', 'console:a', 'import')").run()).toThrow(/CHECK constraint/);
    // Ids up to 10 were handed out once (the counter is what AUTOINCREMENT never goes back on).
    raw.prepare("UPDATE sqlite_sequence SET seq = 10 WHERE name = 'audit'").run();
    const before = raw.prepare('SELECT * FROM audit ORDER BY id').all();
    raw.close();

    const store = openStore(v6File);
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(store.db.prepare('SELECT * FROM audit ORDER BY id').all()).toEqual(before);
    store.db.prepare("INSERT INTO audit (at, actor, action, outcome_id) VALUES ('T', 'console:a', 'import', 1)").run();
    expect(store.db.prepare('SELECT id, action FROM audit ORDER BY id').all()).toEqual([
      { id: 1, action: 'report' },
      { id: 2, action: 'grant' },
      { id: 11, action: 'import' },
    ]);
    expect(() => store.db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(() => store.db.prepare("UPDATE audit SET actor = 'x'").run()).toThrow(/append-only/);
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'audit' AND type = 'index' ORDER BY name").pluck().all()).toEqual([
      'audit_action_at',
      'audit_outcome',
      'audit_subject',
    ]);
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

describe('the audit index by subject (migration 11)', () => {
  it('holds only the rows with a subject, and the role-history look-up still uses it', () => {
    const store = openStore(tempDbPath());
    const sql = store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_subject'").pluck().get() as string;
    expect(sql).toMatch(/WHERE subject IS NOT NULL/);
    const plan = store.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM audit WHERE subject = ? AND action IN ('grant', 'revoke') ORDER BY id").all('slack:U1') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX audit_subject');
    store.close();
  });
});
