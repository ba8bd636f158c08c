/**
 * The per-user rate limit end to end through the real discord.js client (issue 11 item 3):
 * past the burst, one polite "slow down" reply, then nothing is sent at all: no message, no
 * interaction callback. The limit (1 an hour, bursts of 2) cannot refill during the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultUser, opt, snowflake } from '../../fakes/discord/fake-discord.js';
import { startHarness, to, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const channelMessages = (channelId: string) => to('POST', new RegExp(`^/channels/${channelId}/messages$`));
const callback = (id: string) => to('POST', new RegExp(`^/interactions/${id}/[^/]+/callback$`));
const description = (body: { embeds?: { description?: string }[]; content?: string }) => `${body.content ?? ''}${body.embeds?.[0]?.description ?? ''}`;

describe('Discord: per-user rate limit', () => {
  it('answers two mentions, says "slow down" once, then sends nothing for that user while others are answered', async () => {
    h = await startHarness({ env: { BOT_RATE_LIMIT: '1/h,burst=2' } });
    const mention = `<@${h.fake.botUser.id}> /help`;
    for (let i = 0; i < 4; i++) {
      h.fake.message(mention, { mentionBot: true });
      // One at a time, so the order of the replies is the order of the messages.
      await (i < 3 ? h.fake.waitForRequests(channelMessages(h.fake.channelId), i + 1) : sleep(300));
    }
    const sent = h.fake.requests.filter(channelMessages(h.fake.channelId));
    expect(sent).toHaveLength(3);
    expect(description(sent[2]!.body as never)).toMatch(/slow down/i);
    expect(sent.slice(0, 2).map((r) => description(r.body as never))).not.toContainEqual(expect.stringMatching(/slow down/i));

    // Someone else is still answered, and the limited user still gets nothing.
    h.fake.message(mention, { mentionBot: true, user: { id: snowflake(), username: 'other' } });
    await h.fake.waitForRequests(channelMessages(h.fake.channelId), 4);
    h.fake.message(mention, { mentionBot: true });
    await sleep(300);
    expect(h.fake.requests.filter(channelMessages(h.fake.channelId))).toHaveLength(4);
    expect(h.inbound.filter((m) => m.user === `discord:${defaultUser.id}`)).toHaveLength(5);
  });

  it('does not answer a slash command past the limit (no callback), after one Finnish "slow down"', async () => {
    h = await startHarness({ env: { BOT_RATE_LIMIT: '1/h,burst=1' } });
    const first = h.fake.chatInput('help', [], defaultUser, { locale: 'fi' });
    await h.fake.waitForRequest(callback(first.id));
    const second = h.fake.chatInput('ask', [opt.string('question', 'Mikä on CEMIS?')], defaultUser, { locale: 'fi' });
    const slow = await h.fake.waitForRequest(callback(second.id));
    expect(description((slow.body as { data: never }).data)).toMatch(/hidasta/i);
    const third = h.fake.chatInput('help', [], defaultUser, { locale: 'fi' });
    await sleep(500);
    expect(h.fake.requests.filter(callback(third.id))).toEqual([]);
    expect(h.fake.requests.filter((r) => r.path.includes(third.token))).toEqual([]);
  });
});
