import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayIntentBits } from 'discord.js';
import { createApp } from '../../../src/main.js';
import { StartupError } from '../../../src/errors.js';
import { startDiscord } from '../../../src/adapters/discord/index.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Discord gateway session', () => {
  it('identifies with only the Guilds, GuildMessages and DirectMessages intents and becomes ready', async () => {
    h = await startHarness();
    const identify = await h.fake.waitForFrame(2);
    expect(identify.d.token).toBe('fake-token');
    expect(identify.d.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages);
    expect(identify.d.intents & GatewayIntentBits.MessageContent).toBe(0);
    expect(h.fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
  });
});

describe('Discord gateway resilience', () => {
  it('answers heartbeats and keeps one connection', async () => {
    h = await startHarness({ fake: { heartbeatIntervalMs: 150 } });
    const first = await h.fake.waitForFrame(1);
    await h.fake.waitForFrame(1, first.at + 1);
    expect(h.fake.connections).toBe(1);
  });

  it('resumes after the gateway asks it to reconnect, and still answers', async () => {
    h = await startHarness();
    const before = Date.now();
    h.fake.requestReconnect();
    const resume = await h.fake.waitForFrame(6, before);
    expect(resume.d.session_id).toMatch(/^session-/);
    expect(h.fake.connections).toBe(2);
    await new Promise((r) => setTimeout(r, 50));
    const { id } = h.fake.chatInput('help');
    await h.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`));
  });

  it('reconnects after the connection drops without a close frame', async () => {
    h = await startHarness();
    const before = Date.now();
    h.fake.dropConnection();
    await h.fake.waitForFrame(6, before, 10_000);
    await new Promise((r) => setTimeout(r, 50));
    h.fake.message(`<@${h.fake.botUser.id}> help`, { mentionBot: true });
    await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${h!.fake.channelId}/messages`);
  });

  it('survives an interaction payload discord.js cannot parse', async () => {
    h = await startHarness();
    // No entitlements / authorizing_integration_owners: discord.js throws inside its handler.
    h.fake.dispatch('INTERACTION_CREATE', { id: '1', type: 2, token: 't', application_id: h.fake.applicationId, data: { name: 'help', type: 1 } });
    await new Promise((r) => setTimeout(r, 100));
    expect(h.logs.some((l) => /kept running/.test(l.msg))).toBe(true);
    const { id } = h.fake.chatInput('help');
    await h.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`));
  });
});

describe('Discord start-up problems', () => {
  it('names the missing variable instead of connecting', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kajaani-discord-cfg-'));
    const app = createApp({ BOT_DB_PATH: path.join(dir, 'bot.db'), DISCORD_TOKEN: 'x', LOG_LEVEL: 'silent' });
    try {
      await expect(startDiscord(app)).rejects.toThrow(StartupError);
      await expect(startDiscord(app)).rejects.toThrow(/DISCORD_APPLICATION_ID/);
    } finally {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
