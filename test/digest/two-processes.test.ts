/**
 * A rolling restart: two real `kajaani-bot digest run` processes (the built dist/cli-digest.js)
 * on one database file, racing for the same week, post once per channel between them.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { listPosts, upsertSubscription } from '../../src/store/digest.js';
import type { DeliveryReport } from '../../src/delivery/deliver.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { testEnv } from '../helpers/app.js';
import { tempDbPath, tempDir } from '../helpers/temp.js';
import { FakeSlackFiles } from './fakes/fake-slack-files.js';
import { seedStore } from './seed.js';

const root = path.resolve(import.meta.dirname, '..', '..');
let slack: FakeSlackFiles;
let discord: FakeDiscord;

beforeAll(async () => {
  slack = await FakeSlackFiles.start();
  // Slow answers keep the first process inside its claim while the second one tries.
  slack.delayMs = 150;
  discord = await FakeDiscord.start();
});
afterAll(async () => {
  await slack.close();
  await discord.close();
});

function runProcess(env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'cli-digest.js'), 'run', '--period', '2026-W48', '--json'], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('two bot processes on one database', () => {
  it('post the week once per channel between them', async () => {
    const dbPath = tempDbPath();
    const store = openStore(dbPath);
    seedStore(store);
    upsertSubscription(store, { channel: `discord:${discord.channelId}`, platform: 'discord', conversation: `discord:${discord.guildId}:${discord.channelId}`, lang: 'en', subscribedBy: 'discord:1', subscribedAt: '2026-11-01T00:00:00.000Z' });
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      ...testEnv(dbPath),
      BOT_KNOWLEDGE_DIR: path.join(root, 'knowledge'),
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'discord-test-token',
      DISCORD_API_URL: discord.apiUrl,
      DIGEST_SLACK_CHANNELS: 'C0DIGEST',
    };
    const cwd = tempDir();
    const [a, b] = await Promise.all([runProcess(env, cwd), runProcess(env, cwd)]);
    expect(a.err).toBe('');
    expect(b.err).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    const reports = [JSON.parse(a.out) as DeliveryReport, JSON.parse(b.out) as DeliveryReport];
    for (const channel of ['slack:C0DIGEST', `discord:${discord.channelId}`]) {
      const statuses = reports.map((r) => r.results.find((x) => x.channel === channel)!.status).sort();
      expect(statuses.filter((s) => s === 'posted')).toHaveLength(1);
      expect(statuses.filter((s) => s !== 'posted').every((s) => s === 'in-progress' || s === 'already-posted')).toBe(true);
    }
    expect(slack.of('chat.postMessage')).toHaveLength(1);
    expect(slack.of('files.completeUploadExternal')).toHaveLength(1);
    expect(discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${discord.channelId}/messages`)).toHaveLength(1);
    expect(listPosts(store, '2026-W48').map((p) => p.status)).toEqual(['done', 'done']);
    store.close();
  });
});
