import { afterEach, describe, expect, it } from 'vitest';
import { reply } from '../../../src/core/reply.js';
import { defaultUser } from '../../fakes/discord/fake-discord.js';
import { startHarness, to, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const channelMessages = (channelId: string) => to('POST', new RegExp(`^/channels/${channelId}/messages$`));

describe('Discord mentions and DMs', () => {
  it('answers a mention in a channel as a reply, without the mention and without pinging anyone else', async () => {
    h = await startHarness();
    const id = h.fake.message(`<@${h.fake.botUser.id}> who are the parties?`, { mentionBot: true });
    const sent = await h.fake.waitForRequest(channelMessages(h.fake.channelId));
    expect(sent.body.message_reference.message_id).toBe(id);
    expect(sent.body.allowed_mentions).toEqual({ parse: [], replied_user: true });
    expect(sent.body.embeds.length).toBeGreaterThan(0);
    expect(h.inbound[0]).toMatchObject({ text: 'who are the parties?', user: `discord:${defaultUser.id}`, conversationId: `discord:${h.fake.guildId}:${h.fake.channelId}` });
    // The message's own language decides: no locale is claimed for messages.
    expect(h.inbound[0]!.locale).toBeUndefined();
  });

  it('counts a mention of the bot’s managed role as addressing the bot', async () => {
    h = await startHarness();
    h.fake.message(`<@&${h.fake.botRoleId}> how many companies so far?`, { mentionRoles: [h.fake.botRoleId] });
    await h.fake.waitForRequest(channelMessages(h.fake.channelId));
    expect(h.inbound[0]!.text).toBe('how many companies so far?');
  });

  it('answers a direct message in the DM', async () => {
    h = await startHarness();
    h.fake.message('Mikä on CEMIS?', { dm: true });
    const dmChannel = `${defaultUser.id.slice(0, -3)}999`;
    const sent = await h.fake.waitForRequest(channelMessages(dmChannel));
    expect(sent.body.allowed_mentions).toEqual({ parse: [] });
    expect(h.inbound[0]).toMatchObject({ text: 'Mikä on CEMIS?', conversationId: `discord:dm:${dmChannel}` });
  });

  // Ignoring its own and other bots' messages, and answering a replayed message once, are in
  // the adapter contract (test/adapters/contract/); here only what Discord adds.
  it('ignores channel messages that do not mention it, and reads a first word naming a command as that command', async () => {
    h = await startHarness();
    h.fake.message('just chatting about CEMIS');
    h.fake.message(`<@${h.fake.botUser.id}> progress companies`, { mentionBot: true });
    await h.fake.waitForRequest(channelMessages(h.fake.channelId));
    await sleep(200);
    expect(h.inbound.map((m) => m.text)).toEqual(['/progress companies']);
  });

  it('treats a bare mention as /help and passes reporter roles from the server', async () => {
    h = await startHarness({ env: (fake) => ({ DISCORD_REPORTER_ROLE: 'Reporters', DISCORD_GUILD_ID: fake.guildId }) });
    h.fake.message(`<@!${h.fake.botUser.id}>`, { mentionBot: true, roles: [h.fake.reporterRoleId] });
    await h.fake.waitForRequest(channelMessages(h.fake.channelId));
    expect(h.inbound[0]).toMatchObject({ text: '/help', platformRoles: ['reporter'] });
  });

  it('sends a private answer to a mention by DM, with a short note in the channel', async () => {
    h = await startHarness({ wrap: () => async () => reply('en', 'Your roles: reporter.', { visibility: 'ephemeral' }) });
    h.fake.message(`<@${h.fake.botUser.id}> /roles`, { mentionBot: true });
    const dm = await h.fake.waitForRequest(to('POST', /^\/users\/@me\/channels$/));
    expect(dm.body.recipient_id).toBe(defaultUser.id);
    const dmSent = await h.fake.waitForRequest(channelMessages(`${defaultUser.id.slice(0, -3)}999`));
    expect(dmSent.body.embeds[0].description).toBe('Your roles: reporter.');
    const note = await h.fake.waitForRequest(channelMessages(h.fake.channelId));
    expect(note.body.content).toBe('I sent you the answer as a direct message.');
  });

  it('retries a channel reply after a 429 from Discord', async () => {
    h = await startHarness();
    h.fake.rateLimit((r) => r.method === 'POST' && r.path === `/channels/${h!.fake.channelId}/messages`, 0.2);
    h.fake.message(`<@${h.fake.botUser.id}> help`, { mentionBot: true });
    await h.fake.waitForRequest(channelMessages(h.fake.channelId));
    const attempts = h.fake.requests.filter((r) => r.path === `/channels/${h!.fake.channelId}/messages`);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.body.rateLimited).toBe(true);
  });

});
