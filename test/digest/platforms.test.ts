/**
 * The digest on real platform clients against local fakes on 127.0.0.1: Slack's external
 * upload flow and a Discord attachment, `kajaani-bot digest run` twice posting once, the
 * chart upload retried without a second message, and no mass mention getting through.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { getPost, upsertSubscription } from '../../src/store/digest.js';
import { digestCli } from '../../src/cli-digest.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { testEnv } from '../helpers/app.js';
import { tempDbPath } from '../helpers/temp.js';
import { FakeSlackFiles } from './fakes/fake-slack-files.js';
import { seedStore } from './seed.js';

let slack: FakeSlackFiles;
let discord: FakeDiscord;

beforeAll(async () => {
  slack = await FakeSlackFiles.start();
  discord = await FakeDiscord.start();
});
afterAll(async () => {
  await slack.close();
  await discord.close();
});

function capture(): { stream: Writable; text: () => string } {
  let out = '';
  return { stream: new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) }), text: () => out };
}

function envFor(dbPath: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...testEnv(dbPath),
    BOT_KNOWLEDGE_DIR: path.resolve(import.meta.dirname, '..', '..', 'knowledge'),
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: 'discord-test-token',
    DISCORD_API_URL: discord.apiUrl,
    ...extra,
  };
}

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture();
  const code = await digestCli(args, env, out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

const discordPosts = () => discord.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));

describe('kajaani-bot digest run against fake Slack and fake Discord', () => {
  it('posts once to each channel with the chart; the second run changes nothing and says so', async () => {
    const dbPath = tempDbPath();
    const store = openStore(dbPath);
    seedStore(store);
    upsertSubscription(store, { channel: `discord:${discord.channelId}`, platform: 'discord', conversation: `discord:${discord.guildId}:${discord.channelId}`, lang: 'both', subscribedBy: 'discord:1', subscribedAt: '2026-11-01T00:00:00.000Z' });
    store.close();
    const env = envFor(dbPath, { DIGEST_SLACK_CHANNELS: 'C0DIGEST=en' });
    const slackBefore = slack.calls.length;
    const discordBefore = discordPosts().length;

    const first = await cli(['run', '--period', '2026-W48'], env);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('slack:C0DIGEST: posted (message 1764000000.');
    expect(first.out).toContain(`discord:${discord.channelId}: posted (message `);

    // Slack: the message, then the external upload flow.
    const calls = slack.calls.slice(slackBefore);
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
    const [post, start, , complete] = calls as [typeof calls[0], typeof calls[0], typeof calls[0], typeof calls[0]];
    expect(post.args.channel).toBe('C0DIGEST');
    const blocks = JSON.stringify(post.args.blocks);
    expect(blocks).toContain('Weekly digest: week 48/2026');
    expect(blocks).toContain('Ice Hall Data Oy');
    const upload = slack.uploads.at(-1)!;
    expect(start.args).toMatchObject({ filename: 'digest-2026-W48.png', length: String(upload.bytes.length) });
    // files.getUploadURLExternal takes the alt text as `alt_txt` (issue 11 item 15), never `alt_text`.
    expect(String(start.args.alt_txt)).toContain('Bar chart of progress per goal');
    expect(String(start.args.alt_txt).length).toBeLessThanOrEqual(1000);
    expect(start.args).not.toHaveProperty('alt_text');
    expect(upload.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(complete.args.channel_id).toBe('C0DIGEST');
    expect(complete.args.files).toEqual([{ id: upload.fileId, title: 'Weekly digest: week 48/2026 (23–29 Nov 2026)' }]);

    // Discord: one message with the PNG attached, alt text and no mentions parsed.
    const [message] = discordPosts().slice(discordBefore);
    expect(message!.path).toBe(`/channels/${discord.channelId}/messages`);
    expect(message!.files).toHaveLength(1);
    expect(message!.files[0]!.name).toBe('digest-2026-W48.png');
    expect(message!.files[0]!.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(message!.body.allowed_mentions).toEqual({ parse: [] });
    expect(message!.body.attachments[0].description).toContain('Pylväskaavio');
    expect(message!.body.embeds.map((e: { title: string }) => e.title)).toEqual([
      'Viikkokooste: viikko 48/2026 (23.–29.11.2026)',
      'Weekly digest: week 48/2026 (23–29 Nov 2026)',
    ]);
    expect(message!.body.embeds[1].image).toEqual({ url: 'attachment://digest-2026-W48.png' });

    const second = await cli(['run', '--period', '2026-W48'], env);
    expect(second.code).toBe(0);
    expect(second.out).toContain('Digest 2026-W48: already delivered everywhere; nothing changed.');
    expect(slack.calls.length - slackBefore).toBe(4);
    expect(discordPosts().length - discordBefore).toBe(1);
  });

  it('never lets a mass mention through on either platform', async () => {
    const slackText = JSON.stringify(slack.of('chat.postMessage').map((c) => [c.args.text, c.args.blocks]));
    expect(slackText).toContain('@\u200beveryone &lt;!channel&gt; Launch Oy');
    expect(slackText).not.toMatch(/<!channel>|<!here>|<!everyone>|@everyone/);
    const discordText = JSON.stringify(discordPosts().map((r) => r.body));
    // Discord parses @everyone/@here and <@id>; `<!channel>` is only Slack syntax and harmless here.
    expect(discordText).toContain('@\u200beveryone <!channel> Launch Oy');
    expect(discordText).not.toMatch(/@everyone|@here|<@/);
  });

  it('retries only the chart when the upload failed after the message was posted', async () => {
    const dbPath = tempDbPath();
    const seeded = openStore(dbPath);
    seedStore(seeded);
    seeded.close();
    const env = envFor(dbPath, { DIGEST_SLACK_CHANNELS: 'C0RETRY' });
    const before = slack.calls.length;
    slack.fail('upload');
    const first = await cli(['run', '--period', '2026-W48'], env);
    expect(first.code).toBe(1);
    expect(first.out).toContain('slack:C0RETRY: FAILED; will be retried');
    const store = openStore(dbPath);
    expect(getPost(store, '2026-W48', 'slack:C0RETRY')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'chart upload failed with HTTP 500' });
    const ts = getPost(store, '2026-W48', 'slack:C0RETRY')!.messageId;
    expect(ts).toMatch(/^1764000000\./);
    store.close();

    const second = await cli(['run', '--period', '2026-W48'], env);
    expect(second.code).toBe(0);
    expect(second.out).toContain(`slack:C0RETRY: posted (message ${ts})`);
    expect(slack.calls.slice(before).map((c) => c.method)).toEqual([
      'chat.postMessage',
      'files.getUploadURLExternal',
      'upload',
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
    ]);
  });

  it('posts a quiet week as two lines without a chart', async () => {
    const env = envFor(tempDbPath(), { DIGEST_SLACK_CHANNELS: 'C0QUIET', DIGEST_DISCORD_CHANNELS: discord.channelId });
    const slackBefore = slack.calls.length;
    const discordBefore = discordPosts().length;
    const r = await cli(['run', '--period', '2026-W40'], env);
    expect(r.code).toBe(0);
    expect(slack.calls.slice(slackBefore).map((c) => c.method)).toEqual(['chat.postMessage']);
    const [message] = discordPosts().slice(discordBefore);
    expect(message!.files).toEqual([]);
    expect(message!.body.embeds[0].description).toContain('A quiet week');
    expect(message!.body.embeds[0].image).toBeUndefined();
  });

  it('previews a digest as text or JSON without posting anything', async () => {
    const dbPath = tempDbPath();
    const store = openStore(dbPath);
    seedStore(store);
    store.close();
    const before = slack.calls.length;
    const text = await cli(['preview', '--period', '2026-W48', '--lang', 'fi'], envFor(dbPath));
    expect(text.code).toBe(0);
    expect(text.out.startsWith('Viikkokooste: viikko 48/2026')).toBe(true);
    const json = await cli(['preview', '--period', '2026-W48', '--json'], envFor(dbPath));
    const parsed = JSON.parse(json.out);
    expect(parsed.period.label).toBe('2026-W48');
    expect(parsed.digest.added.total).toBe(5);
    expect(parsed.chart).toMatchObject({ width: 800 });
    const bad = await cli(['preview', '--period', 'W99'], envFor(dbPath));
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.err).toContain('--period: "W99" is not a week. Write an ISO week such as 2026-W48.');
    expect(slack.calls.length).toBe(before);
  });
});
