import { afterEach, describe, expect, it } from 'vitest';
import { GatewayIntentBits } from 'discord.js';
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
