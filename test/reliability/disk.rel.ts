/**
 * Disk trouble, through the real bot (dist/cli.js): a database location that cannot be
 * written and a full disk give one clear message (stderr, exit code 1) or a clear reply, never
 * a stack trace; a database locked by another process is waited for within the busy timeout
 * and then answered with "try again". Tests run as root in CI, where chmod stops nothing, so
 * the read-only cases use paths that fail for root too (a regular file as the folder, /proc,
 * a read-only bind mount when mounting is allowed); chmod is used only when not root.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { makeTestBot } from '../helpers/app.js';
import { tempDir } from '../helpers/temp.js';
import { testEnv } from '../helpers/app.js';
import { replyProblems } from './checks.js';
import { ROOT, runCli, spawnConsole } from './cli-child.js';

const isRoot = process.getuid?.() === 0;

/** Mounts with `mount` when this process may (root with CAP_SYS_ADMIN); false otherwise. */
function tryMount(args: string[]): boolean {
  if (!isRoot) return false;
  try {
    execFileSync('mount', args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
/** Unmounts `folder` (before the temp folder holding it is removed). */
function unmount(folder: string): void {
  try {
    execFileSync('umount', [folder], { stdio: 'ignore' });
  } catch {
    // Already gone.
  }
}

/** The start-up failure contract: exit code 1, a message naming the database, no stack trace. */
async function expectCleanStartupFailure(dbPath: string) {
  const r = await runCli(['console', '--json', '--user', 'console:admin'], testEnv(dbPath), '/progress\n');
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^kajaani-bot cannot start\.\nCannot open the database at .+\. Check BOT_DB_PATH/);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  return r.stderr;
}

describe('a database location that cannot be written', () => {
  const dir = tempDir();

  it('whose folder is a regular file: a clear start-up error (fails for root too)', async () => {
    writeFileSync(path.join(dir, 'file.txt'), 'not a folder');
    const err = await expectCleanStartupFailure(path.join(dir, 'file.txt', 'db.sqlite'));
    // mkdir's own words (EEXIST for the file in the way), with the path: enough to act on.
    expect(err).toMatch(/(EEXIST|ENOTDIR).*file\.txt/);
  });

  it.runIf(existsSync('/proc/self'))('under /proc: a clear start-up error (fails for root too)', async () => {
    await expectCleanStartupFailure('/proc/self/kajaani-bot.db');
  });

  it.runIf(!isRoot)('in a folder without write permission (chmod 0555; not as root, where chmod stops nothing)', async () => {
    const ro = path.join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    try {
      await expectCleanStartupFailure(path.join(ro, 'db.sqlite'));
    } finally {
      chmodSync(ro, 0o755);
    }
  });

  it('on a read-only file system, with the database already there: a clear start-up error', async (ctx) => {
    const ro = path.join(dir, 'ro-mount');
    mkdirSync(ro);
    const dbPath = path.join(ro, 'bot.db');
    openStore(dbPath).close();
    if (!tryMount(['--bind', ro, ro])) return ctx.skip();
    onTestFinished(() => unmount(ro));
    if (!tryMount(['-o', 'remount,ro,bind', ro])) return ctx.skip();
    await expectCleanStartupFailure(dbPath);
  });
});

/** Fills the file system holding `folder` until it reports ENOSPC. */
function fillDisk(folder: string): string {
  const filler = path.join(folder, 'filler.bin');
  const chunk = Buffer.alloc(4096, 1);
  for (;;) {
    try {
      appendFileSync(filler, chunk);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC') return filler;
      throw err;
    }
  }
}

describe('a full disk', () => {
  it('in process (max_page_count): a report that does not fit is answered clearly, nothing is half-written, and it goes through once there is room', async () => {
    const t = makeTestBot();
    const db = t.app.services.store.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    // No more pages than the file has now: the next page the database needs cannot be had.
    db.pragma(`max_page_count = ${pages}`);
    let refused: { text: string; i: number } | null = null;
    for (let i = 0; i < 200 && !refused; i++) {
      const text = `/report companies "Full Disk ${i} Oy" note="${'n'.repeat(1900)}"`;
      const r = await t.say('console:admin', text);
      expect(replyProblems(text, r).filter((p) => !p.startsWith('internal error'))).toEqual([]);
      if (!r.ok) refused = { text, i };
    }
    expect(refused).not.toBeNull();
    const ids = db.prepare('SELECT id FROM outcomes ORDER BY id').pluck().all();
    expect(db.prepare("SELECT outcome_id FROM audit WHERE action = 'report' ORDER BY outcome_id").pluck().all()).toEqual(ids);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.pragma('max_page_count = 1073741823');
    expect((await t.say('console:admin', refused!.text)).ok).toBe(true);
  });

  describe('on a small tmpfs (root with mount rights only)', () => {
    const base = tempDir();
    const disk = path.join(base, 'disk');
    mkdirSync(disk);
    const canMount = tryMount(['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
    // Registered after tempDir's clean-up, so it runs before it (after-hooks run last-in, first-out).
    if (canMount) afterAll(() => unmount(disk));

    it.runIf(canMount)('a new database on a full disk: a clear start-up error', async () => {
      const full = path.join(disk, 'full');
      mkdirSync(full);
      const filler = fillDisk(full);
      try {
        const err = await expectCleanStartupFailure(path.join(full, 'bot.db'));
        expect(err).toMatch(/disk is full|disk I\/O|unable to open/);
      } finally {
        execFileSync('rm', ['-rf', full]);
      }
      expect(existsSync(filler)).toBe(false);
    });

    it.runIf(canMount)('a running bot whose disk fills up answers reports clearly, keeps answering, and stores again once there is room', async () => {
      const dbPath = path.join(disk, 'running', 'bot.db');
      const bot = spawnConsole(dbPath);
      try {
        bot.send('/report companies "Before Full Oy"');
        await bot.waitForLines(1);
        expect(bot.lines[0]!.ok).toBe(true);
        const filler = fillDisk(path.dirname(dbPath));
        for (let i = 0; i < 20; i++) bot.send(`/report companies "While Full ${i} Oy" note="${'n'.repeat(1900)}"`);
        bot.send('/progress');
        await bot.waitForLines(22);
        const refused = bot.lines.slice(1, 21).filter((l) => !l.ok);
        expect(refused.length).toBeGreaterThan(0);
        for (const l of refused) {
          expect(l.reply).toMatch(/^Sorry, something went wrong on my side\. Reference: [0-9a-f]{8}\.$/);
          expect(l.reply).not.toMatch(/SQLITE|Error|\n\s+at /);
        }
        expect(bot.lines[21]!.ok).toBe(true);
        execFileSync('rm', ['-f', filler]);
        bot.send('/report companies "After Room Oy"');
        await bot.waitForLines(23);
        expect(bot.lines[22]!.ok).toBe(true);
      } finally {
        bot.child.stdin.end();
        await bot.exited;
      }
      const store = openStore(dbPath);
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const ids = store.db.prepare('SELECT id FROM outcomes ORDER BY id').pluck().all();
        expect(store.db.prepare("SELECT outcome_id FROM audit WHERE action = 'report' ORDER BY outcome_id").pluck().all()).toEqual(ids);
        expect(ids.length).toBe(bot.acks.length);
      } finally {
        store.close();
      }
    });
  });
});

/** A child that takes the write lock (BEGIN IMMEDIATE), prints "locked", holds it `ms`, then lets go. */
function lockFor(dbPath: string, ms: number): { locked: Promise<void>; released: Promise<void> } {
  const script = `
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
    db.exec('ROLLBACK');
    db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, dbPath, String(ms)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const locked = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const released = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return { locked, released };
}

describe('a database locked by another process (real bot, real 5 s busy timeout)', () => {
  // test/store/concurrency.test.ts covers the store API with a short timeout and
  // test/outcomes/busy.test.ts the in-process reply; this drives the built CLI end to end.
  const dir = tempDir();
  const dbPath = path.join(dir, 'bot.db');

  it('a lock released within the busy timeout is waited for, and the report is stored', async () => {
    const bot = spawnConsole(dbPath);
    try {
      bot.send('/progress');
      await bot.waitForLines(1);
      const lock = lockFor(dbPath, 1500);
      await lock.locked;
      const start = Date.now();
      bot.send('/report companies "Waited For Oy"');
      await bot.waitForLines(2);
      const waited = Date.now() - start;
      expect(bot.lines[1]!.ok).toBe(true);
      expect(waited).toBeGreaterThan(800);
      await lock.released;
    } finally {
      bot.child.stdin.end();
      await bot.exited;
    }
  });

  it('a lock held beyond the busy timeout is answered with "try again", stores nothing, and the retry succeeds', async () => {
    const bot = spawnConsole(dbPath);
    try {
      bot.send('/progress');
      await bot.waitForLines(1);
      const lock = lockFor(dbPath, 8000);
      await lock.locked;
      const start = Date.now();
      bot.send('/report companies "Too Long Locked Oy"');
      await bot.waitForLines(2, 20_000);
      const waited = Date.now() - start;
      const busy = bot.lines[1]!;
      expect(busy.ok).toBe(false);
      expect(busy.error).toBe('busy');
      expect(busy.reply).toMatch(/busy.*Nothing was changed.*try again/);
      // It waited out the whole busy timeout (5 s) before giving up, not less.
      expect(waited).toBeGreaterThanOrEqual(4500);
      await lock.released;
      bot.send('/report companies "Too Long Locked Oy"');
      await bot.waitForLines(3);
      expect(bot.lines[2]!.ok).toBe(true);
    } finally {
      bot.child.stdin.end();
      await bot.exited;
    }
    const store = openStore(dbPath);
    try {
      expect(store.db.prepare("SELECT COUNT(*) FROM outcomes WHERE title = 'Too Long Locked Oy'").pluck().get()).toBe(1);
    } finally {
      store.close();
    }
  });
});
