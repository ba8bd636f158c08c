/**
 * Two real `kajaani-bot remind run` processes (the built dist/cli-remind.js) on one database,
 * racing over the same month against slow fakes, remind each reporter exactly once between
 * them; a third run afterwards sends nothing.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { grantRole } from '../../src/store/roles.js';
import { listClaims } from '../../src/store/claims.js';
import type { ReminderReport } from '../../src/delivery/reminders.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { FakeDiscord, snowflake } from '../fakes/discord/fake-discord.js';
import { monthOf } from '../../src/core/reminders/period.js';
import { testEnv } from '../helpers/app.js';
import { tempDbPath, tempDir } from '../helpers/temp.js';

const root = path.resolve(import.meta.dirname, '..', '..');
/** This month: `remind run` refuses a future one, so the period follows the real clock. */
const PERIOD = monthOf(new Date(), 'Europe/Helsinki').label;
let slack: FakeSlack;
let discord: FakeDiscord;

beforeAll(async () => {
  slack = await FakeSlack.start();
  // Slow answers keep one process inside its claim while the other one tries the same user.
  slack.delayMs = 100;
  discord = await FakeDiscord.start();
});
afterAll(async () => {
  await slack.stop();
  await discord.close();
});

function runProcess(env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'cli-remind.js'), 'run', '--period', PERIOD, '--json'], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('two bot processes on one database', () => {
  it('remind each reporter once between them', async () => {
    const dbPath = tempDbPath();
    const store = openStore(dbPath);
    const slackUsers = ['UA1', 'UA2', 'UA3', 'UA4', 'UA5', 'UA6'];
    const discordUsers = [snowflake(), snowflake(), snowflake()];
    const users = [...slackUsers.map((u) => `slack:${u}`), ...discordUsers.map((u) => `discord:${u}`)];
    for (const u of users) grantRole(store, u, 'reporter', 'console:admin', '2026-11-01T00:00:00.000Z');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      ...testEnv(dbPath),
      BOT_KNOWLEDGE_DIR: path.join(root, 'knowledge'),
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'discord-test-token',
      DISCORD_API_URL: discord.apiUrl,
    };
    const cwd = tempDir();
    const [a, b] = await Promise.all([runProcess(env, cwd), runProcess(env, cwd)]);
    expect(a.err).toBe('');
    expect(b.err).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    const reports = [JSON.parse(a.out) as ReminderReport, JSON.parse(b.out) as ReminderReport];
    for (const user of users) {
      const statuses = reports.map((r) => r.results.find((x) => x.user === user)!.status);
      expect(statuses.filter((s) => s === 'sent'), user).toHaveLength(1);
      expect(statuses.filter((s) => s !== 'sent').every((s) => s === 'in-progress' || s === 'reminded'), `${user}: ${statuses.join(', ')}`).toBe(true);
    }
    // Both processes did send: the work was shared, not done by one while the other waited.
    expect(reports.every((r) => r.results.some((x) => x.status === 'sent'))).toBe(true);
    const slackDms = slack.callsOf('chat.postMessage').map((c) => c.args.channel).sort();
    expect(slackDms).toEqual(slackUsers.map((u) => `D${u}`).sort());
    const discordDms = discord.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
    expect(discordDms).toHaveLength(discordUsers.length);
    expect(listClaims(store, 'reminder', PERIOD).map((c) => c.status)).toEqual(users.map(() => 'done'));

    const third = await runProcess(env, cwd);
    expect((JSON.parse(third.out) as ReminderReport).results.every((r) => r.status === 'reminded')).toBe(true);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(slackUsers.length);
    store.close();
  });
});
