/**
 * Who the console is (issue 11 item 12), through the built CLI: the console speaks only for
 * `console:` users. `--user anna` means `console:anna`; a Slack or Discord id (or any other
 * prefix) is a usage error, exit 2, before anything runs or is stored.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../reliability/cli-child.js';
import { testEnv } from '../../helpers/app.js';
import { tempDbPath } from '../../helpers/temp.js';

const env = testEnv(tempDbPath(), 'slack:U0ADMIN,discord:1001,console:admin');
const json = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { ok: boolean; reply: string });

describe('console identity', () => {
  it('refuses a Slack, Discord or unknown platform id with a usage error (exit 2) and acts on nothing', async () => {
    const runs = await Promise.all([
      runCli(['console', '--json', '--user', 'slack:U0ADMIN'], env, '/grant console:mallory admin\n'),
      runCli(['console', '--json', '--user', 'discord:1001'], env, '/grant console:mallory admin\n'),
      runCli(['console', '--json', '--user', 'matrix:@m:example.org'], env, '/grant console:mallory admin\n'),
      runCli(['ask', '--json', '--user', 'slack:U0ADMIN', 'Who are the parties?'], env),
      runCli(['start', '--user', 'Slack:U0ADMIN'], env, '/grant console:mallory admin\n'),
    ]);
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/--user .*console:/);
    }
    const [roles] = json((await runCli(['console', '--json', '--user', 'console:admin'], env, '/roles\n')).stdout);
    expect(roles!.ok).toBe(true);
    expect(roles!.reply).not.toContain('mallory');
  });

  it('refuses an empty or malformed console id', async () => {
    const runs = await Promise.all(
      ['', 'console:', ' ', 'anna bell', 'anna\u202e'].map((user) => runCli(['console', '--json', '--user', user], env, '/help\n')),
    );
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
    }
  });

  it('treats a bare name as a console user: --user anna is console:anna, and can hold a role', async () => {
    const [grant] = json((await runCli(['console', '--json', '--user', 'admin'], env, '/grant console:anna reporter\n')).stdout);
    expect(grant!.ok, grant!.reply).toBe(true);
    const anna = await runCli(['console', '--json', '--user', 'anna'], env, '/report companies "Anna Identity Oy" party=KAMK date=2025-01-02\n');
    expect(anna.code, anna.stderr).toBe(0);
    const [report] = json(anna.stdout);
    expect(report!.ok, report!.reply).toBe(true);
    const [history] = json((await runCli(['console', '--json', '--user', 'console:admin'], env, '/history 1\n')).stdout);
    expect(history!.reply).toContain('console:anna');
  });
});
