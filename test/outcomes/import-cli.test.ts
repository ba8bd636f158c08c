/**
 * `kajaani-bot import` through the real built CLI (dist/cli.js, built by the test setup) on
 * real database files: every option, the exit codes, the --json object, Excel's semicolon
 * CSV with a BOM and CRLF, non-admins refused, audit entries, and a round trip.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/main.js';
import { allOutcomes, type Outcome } from '../../src/store/outcomes.js';
import { testEnv } from '../helpers/app.js';
import { tempDir } from '../helpers/temp.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const dir = tempDir('kajaani-import-cli-');

/** A fresh database path in the test's folder. */
let dbs = 0;
const newDb = () => path.join(dir, `db-${++dbs}`, 'bot.db');

/** Writes a file into the test folder and returns its path. */
function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Runs `kajaani-bot import …` against `db` (admins: console:admin), in the test folder. */
function run(db: string, args: string[]) {
  const res = spawnSync(process.execPath, [cli, 'import', ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: dir, ...testEnv(db, 'console:admin') },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

/** The outcomes and import audit entries in a database file. */
function contents(db: string): { outcomes: Pick<Outcome, 'title' | 'status' | 'reportedBy'>[]; audit: { actor: string; action: string; file: string; line: number }[] } {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const outcomes = d.prepare('SELECT title, status, reported_by AS reportedBy FROM outcomes ORDER BY id').all() as Pick<Outcome, 'title' | 'status' | 'reportedBy'>[];
    const audit = d
      .prepare("SELECT actor, action, json_extract(after, '$.importedFrom.file') AS file, json_extract(after, '$.importedFrom.line') AS line FROM audit ORDER BY id")
      .all() as { actor: string; action: string; file: string; line: number }[];
    return { outcomes, audit };
  } finally {
    d.close();
  }
}

/** What Excel in a Finnish locale writes for "CSV UTF-8": BOM, semicolons, CRLF, quotes where needed. */
const EXCEL = `\uFEFFgoalId;title;partyId;happenedOn;status;businessId;description\r\ncompanies;Kainuu Data Oy;KAMK;2024-03-01;verified;0112038-9;\r\ncompanies;"Renforsi; Cooling ""Oy""";Kajaani;2024-09-15;;;"two\r\nlines"\r\ntechnologies;Reunalaskenta-alusta;CSC;2025-01-31;;;\r\n`;

describe('kajaani-bot import: usage', () => {
  const db = newDb();

  it('prints its usage for --help and -h, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = run(db, [flag]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Usage:\n  kajaani-bot import <file\.csv\|file\.json> \[--dry-run\] \[--skip-invalid\] \[--allow-duplicates\] \[--user <name>\] \[--json\]\n/);
      expect(r.out).toContain('Exit codes: 0 stored');
      expect(r.out).toMatch(/Exit codes: 0/);
    }
  });

  it.each([
    ['no file', [], /Give the file to import/],
    ['two files', ['a.csv', 'b.csv'], /Give exactly one file/],
    ['an unknown option', ['a.csv', '--force'], /Unknown option '--force'/],
    ['a platform user', ['a.csv', '--user', 'slack:U1'], /not a console user/],
    ['a file that does not exist', ['missing.csv'], /Cannot read missing\.csv: there is no such file/],
    ['a folder', ['.'], /it is a folder/],
  ])('exits 2 with the usage for %s', (_what, args, message) => {
    const r = run(db, args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Usage:\n  kajaani-bot import <file.csv|file.json>');
    expect(r.out).toBe('');
  });

  it('with --json, a usage error is one JSON object too', () => {
    const r = run(db, ['missing.csv', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ ok: false, stored: 0, skipped: 0, problems: [{ line: null, field: null, message: 'Cannot read missing.csv: there is no such file.' }], error: 'usage' });
  });
});

describe('kajaani-bot import: Excel CSV, options and exit codes', () => {
  const excel = file('Tulokset 2024.csv', EXCEL);

  it('--dry-run checks a semicolon CSV with BOM and CRLF, exit 0, and stores nothing', () => {
    const db = newDb();
    const r = run(db, [excel, '--dry-run', '--user', 'admin']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('Tulokset 2024.csv: 3 rows (CSV, semicolon-separated).\nDry run: all 3 rows are valid. Nothing was stored.\n');
    expect(contents(db).outcomes).toEqual([]);
  });

  it('stores it as the admin, one audit entry per row naming the file and the line, exit 0; --json prints one object', () => {
    const db = newDb();
    const r = run(db, [excel, '--user', 'console:admin', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ ok: true, stored: 3, skipped: 0, problems: [], dryRun: false, file: 'Tulokset 2024.csv', format: 'csv', rows: 3, valid: 3, notes: [] });
    const c = contents(db);
    expect(c.outcomes).toEqual([
      { title: 'Kainuu Data Oy', status: 'verified', reportedBy: 'console:admin' },
      { title: 'Renforsi; Cooling "Oy"', status: 'reported', reportedBy: 'console:admin' },
      { title: 'Reunalaskenta-alusta', status: 'reported', reportedBy: 'console:admin' },
    ]);
    expect(c.audit).toEqual([
      { actor: 'console:admin', action: 'import', file: 'Tulokset 2024.csv', line: 2 },
      { actor: 'console:admin', action: 'import', file: 'Tulokset 2024.csv', line: 3 },
      { actor: 'console:admin', action: 'import', file: 'Tulokset 2024.csv', line: 5 },
    ]);

    // The same file again: every row duplicates a stored outcome, exit 1, nothing more stored…
    const again = run(db, [excel, '--user', 'admin']);
    expect(again.code).toBe(1);
    expect(again.out).toContain('line 2, businessId: same Business ID as #1 "Kainuu Data Oy", already stored');
    expect(again.out).toContain('line 5, title: same goal and title as #3 "Reunalaskenta-alusta", already stored');
    expect(again.out).toMatch(/Nothing was stored: fix the problems above\.\n$/);
    expect(contents(db).outcomes).toHaveLength(3);
    // …unless --allow-duplicates.
    const allowed = run(db, [excel, '--user', 'admin', '--allow-duplicates']);
    expect(allowed.code).toBe(0);
    expect(allowed.out).toMatch(/Stored 3 outcomes from Tulokset 2024\.csv\.\n$/);
    expect(contents(db).outcomes).toHaveLength(6);
  });

  it('refuses a user who is not an admin, exit 1, and stores nothing', () => {
    const db = newDb();
    const r = run(db, [excel, '--user', 'riikka']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/kajaani-bot import refused: console:riikka is not an admin\. .*BOT_ADMINS.*Nothing was stored\./);
    expect(r.out).toBe('');
    const j = run(db, [excel, '--user', 'riikka', '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out)).toMatchObject({ ok: false, stored: 0, skipped: 0, refused: 'forbidden', problems: [{ line: null, field: null, message: expect.stringMatching(/not an admin/) }] });
    expect(contents(db).outcomes).toEqual([]);
  });

  it('reports invalid rows by line and field, exit 1, nothing stored; --skip-invalid stores the rest, exit 0', () => {
    const db = newDb();
    const bad = file('bad.csv', 'goalId,title,happenedOn,link\ncompanies,Good Oy,2024-01-01,\ncompanies,Bad Oy,2026-13-01,\ncompanies,Link Oy,2024-01-01,www.example.fi\n');
    const r = run(db, [bad, '--user', 'admin']);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      [
        'bad.csv: 3 rows (CSV, comma-separated).',
        '  line 3, happenedOn: "2026-13-01" is not a real date. Write it like 2024-05-31 or 31.5.2024, or today or yesterday.',
        '  line 4, link: "www.example.fi" is not an http(s) address. Give a link starting with https://',
        'Nothing was stored: fix the problems above (or store the 1 valid rows with --skip-invalid).',
        '',
      ].join('\n'),
    );
    expect(contents(db).outcomes).toEqual([]);
    const j = run(db, [bad, '--user', 'admin', '--json', '--dry-run', '--skip-invalid']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out)).toMatchObject({
      ok: true,
      dryRun: true,
      stored: 0,
      skipped: 2,
      valid: 1,
      problems: [
        { line: 3, field: 'happenedOn', message: '"2026-13-01" is not a real date. Write it like 2024-05-31 or 31.5.2024, or today or yesterday.' },
        { line: 4, field: 'link', message: '"www.example.fi" is not an http(s) address. Give a link starting with https://' },
      ],
    });
    expect(contents(db).outcomes).toEqual([]);
    const skipped = run(db, [bad, '--user', 'admin', '--skip-invalid']);
    expect(skipped.code).toBe(0);
    expect(skipped.out).toMatch(/Stored 1 outcome from bad\.csv; 2 rows with problems were skipped\.\n$/);
    expect(contents(db).outcomes.map((o) => o.title)).toEqual(['Good Oy']);
  });

  it('refuses a file that is not UTF-8 as a whole, exit 1', () => {
    const db = newDb();
    const latin1 = file('latin1.csv', Buffer.from('goalId;title;happenedOn\r\ncompanies;K\xe4mi Oy;2024-01-01\r\n', 'latin1'));
    const r = run(db, [latin1, '--user', 'admin', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, stored: 0, problems: [{ line: 2, field: null, message: expect.stringMatching(/not UTF-8/) }] });
  });
});

describe('kajaani-bot import: round trip through the built CLI', () => {
  it('export → import into an empty database → export gives the same file', async () => {
    const env = testEnv(newDb(), 'console:admin');
    mkdirSync(path.dirname(env.BOT_DB_PATH!), { recursive: true });
    const source = createApp(env);
    try {
      for (const text of ['/report companies "Acme Oy" party=KAMK date=2024-01-01 business-id=0112038-9 note="a, b; \\"c\\""', '/report technologies "=1+1 tech" date=2024-02-02', '/verify 1', '/retract 2 reason="not a technology"']) {
        expect((await source.bot.handle({ platform: 'console', user: 'console:admin', text })).ok, text).toBe(true);
      }
      const csv = (await source.bot.handle({ platform: 'console', user: 'console:admin', text: '/export csv' })).files[0]!.data;
      const exportFile = file('export.csv', csv);
      const db = newDb();
      const r = run(db, [exportFile, '--user', 'admin']);
      expect(r.code).toBe(0);
      const target = createApp(testEnv(db, 'console:admin'));
      try {
        const again = (await target.bot.handle({ platform: 'console', user: 'console:admin', text: '/export csv' })).files[0]!.data;
        expect(again.toString('utf8')).toBe(csv.toString('utf8'));
        expect(allOutcomes(target.services.store).map((o) => o.status)).toEqual(['verified', 'retracted']);
      } finally {
        target.close();
      }
    } finally {
      source.close();
    }
  });
});
