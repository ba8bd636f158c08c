import { describe, expect, it } from 'vitest';
import { ChatInputCommandInteraction, MessagePayload } from 'discord.js';
import { errorReply, reply, type Reply } from '../../../src/core/reply.js';
import { renderReply } from '../../../src/adapters/discord/render.js';
import { createClient } from '../../../src/adapters/discord/client.js';
import { interactionOptions, isPrivate } from '../../../src/adapters/discord/context.js';
import { replyPayload } from '../../../src/adapters/discord/reply-body.js';

/** A slash-command interaction of the bot's own client (never logged in: no network). */
function interaction(): ChatInputCommandInteraction {
  const target = Object.create(ChatInputCommandInteraction.prototype) as ChatInputCommandInteraction;
  Object.defineProperty(target, 'client', { value: createClient({ DISCORD_API_URL: 'http://127.0.0.1:9/api' }) });
  return target;
}

/** The body as it goes on the wire (JSON drops the keys discord.js leaves undefined). */
const wire = (body: unknown): unknown => JSON.parse(JSON.stringify(body));

const REPLIES: [string, Reply][] = [
  [
    'an answer with progress, suggestions, sources and 👍/👎',
    reply('fi', 'Tavoitteena on **15** uutta yritystä.\n- ei lista', {
      title: 'Yritykset',
      progress: [{ goalId: 'companies', label: 'uudet yritykset', count: 4, target: 15, comparator: 'exactly', needed: 15, met: false }],
      suggestions: ['Montako yritystä on syntynyt?'],
      sources: [{ id: 'FI', title: 'Sopimus [pdf]', url: 'https://example.fi/a b' }],
      feedbackRef: '0123456789ab',
    }),
  ],
  ['a rejection (plain content, ephemeral)', errorReply('en', 'Unknown goal "x". @everyone <@&123>')],
  ['a private answer', reply('en', 'Only you can see this.', { visibility: 'ephemeral' })],
  ['a long answer (its first message)', reply('en', 'word '.repeat(3000), { sections: [{ heading: 'More', lines: ['line '.repeat(500)] }] })],
];

describe('Discord interaction reply body', () => {
  it.each(REPLIES)('is the body discord.js builds from the same options: %s', (_, r) => {
    const m = renderReply(r)[0]!;
    const target = interaction();
    const ours = replyPayload(target, m, isPrivate(r));
    expect(ours).toBeInstanceOf(MessagePayload);
    const theirs = MessagePayload.create(target, interactionOptions(m, isPrivate(r))).resolveBody();
    expect(wire((ours as MessagePayload).body)).toEqual(wire(theirs.body));
    expect((ours as MessagePayload).files).toEqual([]);
  });

  it('never lets a reply ping: allowed_mentions parses nothing', () => {
    const ours = replyPayload(interaction(), renderReply(errorReply('en', '@everyone'))[0]!, true) as MessagePayload;
    expect(ours.body).toMatchObject({ allowed_mentions: { parse: [] }, flags: 64 });
  });

  it('leaves a message with files to discord.js (multipart form and attachments)', () => {
    const m = renderReply(reply('en', 'chart', { files: [{ filename: 'c.png', contentType: 'image/png', data: Buffer.from('x'), alt: 'a chart' }] }))[0]!;
    const options = replyPayload(interaction(), m, false);
    expect(options).not.toBeInstanceOf(MessagePayload);
    expect((options as { files: unknown[] }).files).toHaveLength(1);
  });
});
