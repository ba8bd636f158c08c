/**
 * `kajaani-bot backup` / `restore`: an online copy with the SQLite backup API (also while
 * another process writes), and a restore that refuses anything but a kajaani-bot database,
 * refuses while the database is open elsewhere, and keeps the previous file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackupCli, runRestoreCli } from '../../src/cli-backup.js';
import { latestVersion } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/store.js';
import { insertOutcome } from '../../src/store/outcomes.js';
import { fields } from '../helpers/store.js';
import { tempDir } from '../helpers/temp.js';
import { testEnv } from '../helpers/app.js';
import { runNode, spawnConsole, uniqueReport } from './cli-child.js';

/** Runs a CLI function with captured output. */
async function cli(fn: typeof runBackupCli, argv: string[], dbPath: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await fn(argv, { env: testEnv(dbPath), stdout, stderr, now: () => new Date('2026-11-27T10:00:00.000Z') });
  return { code, out, err };
}

/** Outcome titles and audit actions in a file, to compare databases. */
function contents(file: string): { outcomes: string[]; audit: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      outcomes: db.prepare('SELECT id || \':\' || title FROM outcomes ORDER BY id').pluck().all() as string[],
      audit: db.prepare("SELECT id || ':' || action || ':' || coalesce(outcome_id, subject) FROM audit ORDER BY id").pluck().all() as string[],
    };
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** A database with `n` outcomes (each audited), closed. */
function seeded(dir: string, name: string, n: number): string {
  const file = path.join(dir, name);
  const store = openStore(file);
  for (let i = 0; i < n; i++) insertOutcome(store, fields({ title: `${name} ${i} Oy`, titleKey: `${name} ${i} oy` }), 'console:admin', '2025-01-01T00:00:00.000Z');
  store.close();
  return file;
}

describe('kajaani-bot backup', () => {
  const dir = tempDir();

  it('copies the database and prints the path and the counts', async () => {
    const db = seeded(dir, 'a.db', 7);
    const target = path.join(dir, 'a-backup.sqlite');
    const r = await cli(runBackupCli, [target], db);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(target);
    expect(r.out).toMatch(/7 outcomes, 7 audit entries, 0 role grants/);
    expect(contents(target)).toEqual(contents(db));
    expect(integrity(target)).toBe('ok');
    // One self-contained file: nothing left beside it.
    expect(readdirSync(dir).filter((f) => f.startsWith('a-backup'))).toEqual(['a-backup.sqlite']);
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const db = seeded(dir, 'b.db', 2);
    const target = path.join(dir, 'b-backup.sqlite');
    writeFileSync(target, 'precious');
    const refused = await cli(runBackupCli, [target], db);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already exists.*--force/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    const forced = await cli(runBackupCli, [target, '--force'], db);
    expect(forced.code).toBe(0);
    expect(contents(target)).toEqual(contents(db));
  });

  it('explains usage mistakes and a missing database, never with a stack trace', async () => {
    const db = path.join(dir, 'missing.db');
    const none = await cli(runBackupCli, [], db);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^Usage:\n  kajaani-bot backup <file>/);
    const missing = await cli(runBackupCli, [path.join(dir, 'x.sqlite')], db);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/does not exist/);
    const folder = await cli(runBackupCli, [path.join(dir, 'no', 'such', 'folder', 'x.sqlite')], seeded(dir, 'c.db', 1));
    expect(folder.code).toBe(1);
    expect(folder.err).toMatch(/backup.*failed.*folder/i);
    for (const r of [none, missing, folder]) expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('takes a consistent backup while another process keeps writing reports', async () => {
    const db = path.join(dir, 'live.db');
    const writer = spawnConsole(db);
    try {
      for (let i = 0; i < 150; i++) writer.send(uniqueReport('live', i));
      await writer.waitForLines(20);
      const ackedBefore = writer.acks.length;
      const target = path.join(dir, 'live-backup.sqlite');
      const r = await cli(runBackupCli, [target], db);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(integrity(target)).toBe('ok');
      const c = contents(target);
      await writer.waitForLines(150, 60_000);
      // Everything acknowledged before the backup started is in it, and it is a prefix of
      // what the writer stored (acknowledgements may still be in the pipe when the copy is made).
      expect(c.outcomes.length).toBeGreaterThanOrEqual(ackedBefore);
      expect(c.outcomes.length).toBeLessThan(150);
      expect(c.outcomes.map((o) => Number(o.split(':')[0]))).toEqual(writer.acks.slice(0, c.outcomes.length));
      // Every outcome with its audit row and no audit row without its outcome: a transaction boundary.
      expect(c.audit.map((a) => Number(a.split(':')[2]))).toEqual(c.outcomes.map((o) => Number(o.split(':')[0])));
    } finally {
      writer.child.stdin.end();
      await writer.exited;
    }
    expect(writer.acks).toHaveLength(150);
  });

  it('runs as a real process through dist/cli-backup.js', async () => {
    const db = seeded(dir, 'd.db', 3);
    const target = path.join(dir, 'd-backup.sqlite');
    const r = await runNode(['--input-type=module', '-e', "const m = await import('./dist/cli-backup.js'); process.exitCode = await m.runBackupCli(process.argv.slice(1));", target], testEnv(db));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Backup written: .*d-backup\.sqlite.*3 outcomes/);
  });
});

describe('kajaani-bot restore', () => {
  const dir = tempDir();
  let live: string;
  let backup: string;

  beforeAll(async () => {
    backup = path.join(dir, 'good-backup.sqlite');
    const source = seeded(dir, 'source.db', 5);
    expect((await cli(runBackupCli, [backup], source)).code).toBe(0);
    live = seeded(dir, 'live.db', 2);
  });

  const bad = (name: string, make: (file: string) => void) => {
    const file = path.join(dir, name);
    make(file);
    return file;
  };

  it.each([
    ['a text file', () => bad('notes.txt', (f) => writeFileSync(f, 'hello, this is not a database\n'.repeat(200))), /not an SQLite database/],
    ['an empty file', () => bad('empty.sqlite', (f) => writeFileSync(f, '')), /not a kajaani-bot one/],
    ['another application\'s SQLite file', () => bad('other.sqlite', (f) => { const d = new Database(f); d.exec("CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('application', 'other-app')"); d.close(); }), /not a kajaani-bot one/],
    ['an SQLite file without a meta table', () => bad('plain.sqlite', (f) => { const d = new Database(f); d.exec('CREATE TABLE outcomes (id INTEGER)'); d.close(); }), /not a kajaani-bot one/],
    ['a database from a newer kajaani-bot', () => bad('newer.sqlite', (f) => { const s = openStore(f); s.db.pragma(`user_version = ${latestVersion + 1}`); s.close(); }), /newer kajaani-bot/],
    ['a damaged database', () => bad('damaged.sqlite', (f) => { const s = seeded(dir, 'to-damage.db', 50); const bytes = readFileSync(s); bytes.fill(0x55, 4096 * 2, 4096 * 3); writeFileSync(f, bytes); }), /integrity|cannot be read|not an SQLite/],
    ['a missing file', () => path.join(dir, 'nope.sqlite'), /does not exist/],
  ])('refuses %s and leaves the database as it was', async (_what, make, message) => {
    const file = make();
    const before = contents(live);
    const r = await cli(runRestoreCli, [file], live);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(contents(live)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.includes('before-restore') || f.includes('.restore-'))).toEqual([]);
  });

  it('refuses while another process has the database open (a running bot), changing nothing', async () => {
    const bot = spawnConsole(live);
    try {
      bot.send('/progress');
      await bot.waitForLines(1);
      const before = contents(live);
      const r = await cli(runRestoreCli, [backup], live);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/in use by another process.*Nothing was changed/);
      expect(contents(live)).toEqual(before);
    } finally {
      bot.child.stdin.end();
      await bot.exited;
    }
  });

  it('replaces the database, keeps the previous one as <db>.before-restore-<timestamp>, and the bot then uses it', async () => {
    const previous = contents(live);
    const r = await cli(runRestoreCli, [backup], live);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const kept = `${live}.before-restore-2026-11-27T10-00-00-000Z`;
    expect(r.out).toContain(kept);
    expect(r.out).toMatch(/5 outcomes/);
    expect(existsSync(kept)).toBe(true);
    expect(contents(kept)).toEqual(previous);
    expect(contents(live)).toEqual(contents(backup));
    const bot = spawnConsole(live);
    try {
      bot.send('/outcomes');
      bot.send(uniqueReport('after-restore', 1));
      await bot.waitForLines(2);
      expect(bot.lines[0]!.reply).toMatch(/source\.db 4 Oy/);
      expect(bot.lines[1]!.ok).toBe(true);
    } finally {
      bot.child.stdin.end();
      await bot.exited;
    }
    expect(integrity(live)).toBe('ok');
  });

  afterAll(() => {
    // Nothing staged is left behind.
    expect(readdirSync(dir).filter((f) => f.includes('.restore-') || f.includes('.partial-'))).toEqual([]);
  });
});
