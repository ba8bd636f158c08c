/* eslint-disable @typescript-eslint/no-explicit-any -- recorded request bodies are arbitrary JSON. */
/**
 * Mention syntax in a reported title never pings from the weekly digest either, on both
 * platforms (chat replies are covered by the adapter contract, test/adapters/contract/, and
 * the core side by mentions.test.ts). Slack: the digest blocks hold no live `<!channel>`,
 * `<!here>`, `<@U…>` or `<@&…>`, only escaped `&lt;…&gt;` text. Discord: the posted digest
 * carries `allowed_mentions: { parse: [] }` and no live mention syntax at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestMessage } from '../../src/adapters/slack/render.js';
import { createDiscordDigestPoster } from '../../src/adapters/discord/digest-poster.js';
import { digestFor, renderFor } from '../../src/core/digest/build.js';
import { weekContaining } from '../../src/core/digest/period.js';
import type { DigestTarget } from '../../src/core/digest/channels.js';
import { insertOutcome } from '../../src/store/outcomes.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { makeTestBot, TEST_NOW } from '../helpers/app.js';
import { fields } from '../helpers/store.js';

/** The title as the user meant it. */
const TITLE = '@everyone <!channel> <!here> <@U123> <@&123> @here';
/** Anything Slack would turn into a notification. */
const SLACK_LIVE = /<!(?:channel|here|everyone)|<@[A-Z0-9&]|<!subteam/;

const t = makeTestBot();
insertOutcome(t.app.services.store, fields({ title: TITLE, happenedOn: '2025-06-14' }), 'console:admin', TEST_NOW.toISOString());
const digest = () => {
  const kb = t.app.services.knowledge.current;
  return renderFor(kb, digestFor(t.app.services.store, kb, weekContaining(TEST_NOW, 'Europe/Helsinki')), 'both');
};

describe('Slack: mention syntax in the digest never pings', () => {
  it('escapes it in the posted digest blocks', () => {
    const blocks = JSON.stringify(digestMessage(digest().replies).blocks);
    expect(blocks).toContain('&lt;!channel&gt;');
    expect(blocks).not.toMatch(SLACK_LIVE);
  });
});

describe('Discord: mention syntax in the digest never pings', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('posts the digest with allowed_mentions parse [] and the mention syntax defused', async () => {
    const poster = createDiscordDigestPoster({ token: 'fake-token', apiUrl: fake.apiUrl });
    await poster.post({ platform: 'discord', channelId: fake.channelId, lang: 'both', source: 'config', since: null } as unknown as DigestTarget, digest(), { messageId: null, recordMessage: () => undefined });
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`);
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body as any;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(body.embeds);
    expect(text).toContain('everyone');
    // Even a client that ignored allowed_mentions would see no live mention.
    expect(text).not.toMatch(/(?<!\u200b)@(everyone|here)\b|<@&?\d|<@U/);
  });
});
