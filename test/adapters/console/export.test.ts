/**
 * Issue 12 item 1, through the built CLI: `/export` in the console writes the file to the
 * current folder (never over an existing one) and says where, `--json` adds `file`; and
 * `kajaani-bot export` gives the same file on stdout or into a new file, with the same admin
 * check as in chat.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPlace, helsinkiToday } from '../../helpers/cli.js';
import { saveNewFile } from '../../../src/adapters/console/files.js';
import { tempDir } from '../../helpers/temp.js';

const place = cliPlace('console:anna');

beforeAll(async () => {
  const out = await place.chat('anna', ['/report companies "Export One Oy" party=KAMK date=2024-05-01', '/report technologies "Export Two" date=2024-06-01']);
  expect(out.map((o) => o.ok)).toEqual([true, true]);
});

describe('/export in the console', () => {
  it('writes the file to the current folder, numbered instead of overwriting, and --json names it', async () => {
    const day = helsinkiToday();
    const out = await place.chat('console:anna', ['/export csv', '/export csv', '/export json']);
    const names = [`kajaani-outcomes-${day}.csv`, `kajaani-outcomes-${day}-1.csv`, `kajaani-outcomes-${day}.json`].map((n) => path.join(place.cwd, n));
    expect(out.map((o) => o.file)).toEqual(names);
    for (const [i, o] of out.entries()) {
      expect(o.ok).toBe(true);
      expect(o.reply).toContain(`Saved to ${names[i]}`);
      expect(existsSync(names[i]!)).toBe(true);
      // Owner-only, like the database the outcomes come from.
      expect(statSync(names[i]!).mode & 0o777).toBe(0o600);
    }
    const csv = readFileSync(names[0]!, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^\ufeff?id,goalId,title/);
    expect(csv).toContain('Export One Oy');
    expect(readFileSync(names[1]!, 'utf8')).toBe(csv);
    expect(JSON.parse(readFileSync(names[2]!, 'utf8'))).toHaveLength(2);
  });

  it('saves nothing for a user who is not an admin', async () => {
    const [r] = await place.chat('bob', ['/export csv']);
    expect(r!.ok).toBe(false);
    expect(r!.file).toBeUndefined();
    expect(r!.reply).toMatch(/admin role/);
  });

  it('never overwrites: a taken name gets the next number', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'x.csv'), 'mine');
    writeFileSync(path.join(dir, 'x-1.csv'), 'mine too');
    expect(saveNewFile(dir, 'x.csv', Buffer.from('new'))).toBe(path.join(dir, 'x-2.csv'));
    expect(readFileSync(path.join(dir, 'x.csv'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(dir, 'x-2.csv'), 'utf8')).toBe('new');
    // A name from the core can never pick another folder.
    expect(saveNewFile(dir, '../../escape.csv', Buffer.from('y'))).toBe(path.join(dir, 'escape.csv'));
  });
});

describe('kajaani-bot export', () => {
  it('prints the CSV on stdout by default, JSON with --format json', async () => {
    const csv = await place.run(['export', '--user', 'anna']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^\ufeff?id,goalId,title/);
    expect(csv.stdout).toContain('Export Two');
    const json = await place.run(['export', '--format', 'json', '--user', 'console:anna']);
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as { title: string }[]).map((o) => o.title)).toEqual(['Export One Oy', 'Export Two']);
  });

  it('writes --out as a new file, refuses an existing one unless --force', async () => {
    const first = await place.run(['export', '--out', 'all.csv', '--user', 'anna']);
    expect(first.code, first.stderr).toBe(0);
    const file = path.join(place.cwd, 'all.csv');
    expect(first.stdout).toContain(`Written to ${file}`);
    expect(readFileSync(file, 'utf8')).toContain('Export One Oy');
    writeFileSync(file, 'keep me');
    const again = await place.run(['export', '--out', 'all.csv', '--user', 'anna']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    const forced = await place.run(['export', '--out', 'all.csv', '--force', '--format', 'json', '--user', 'anna']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(2);
  });

  it('applies the admin check of the chat command: a console user without the role gets nothing', async () => {
    const r = await place.run(['export', '--out', 'bob.csv', '--user', 'bob']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not allowed to export outcomes: it needs the admin role/);
    expect(existsSync(path.join(place.cwd, 'bob.csv'))).toBe(false);
  });

  it('refuses a platform id, an unknown format or option with the usage (exit 2)', async () => {
    for (const args of [['--user', 'slack:U1'], ['--format', 'xml'], ['--colour']]) {
      const r = await place.run(['export', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('kajaani-bot export [--format csv|json]');
    }
  });
});
