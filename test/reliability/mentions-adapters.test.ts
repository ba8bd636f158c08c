/* eslint-disable @typescript-eslint/no-explicit-any -- recorded request bodies are arbitrary JSON. */
/**
 * Mention syntax in user text is neutralised end to end, through both adapters (the core
 * side is mentions.test.ts): a report titled with every platform's mention forms, then its
 * confirmation, the /outcomes listing, progress, `/digest preview` and the posted digest.
 * Slack: what reaches the fake never holds a live `<!channel>`, `<!here>`, `<@U…>` or
 * `<@&…>`, only the escaped `&lt;…&gt;` text. Discord: every message the fake receives carries
 * `allowed_mentions: { parse: [] }` and no user or role allow-list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord.js';
import { postToApp } from '../fakes/slack/fake-slack.js';
import { slashCommand } from '../fakes/slack/payloads.js';
import { opt, snowflake, type FakeUser } from '../fakes/discord/fake-discord.js';
import { NOW, SECRET, startHarness as startSlack } from '../adapters/slack/harness.js';
import { startHarness as startDiscord } from '../adapters/discord/harness.js';
import { digestMessage } from '../../src/adapters/slack/render.js';
import { createDiscordDigestPoster } from '../../src/adapters/discord/digest-poster.js';
import { digestFor, renderFor } from '../../src/core/digest/build.js';
import { weekContaining } from '../../src/core/digest/period.js';
import type { DigestTarget } from '../../src/core/digest/channels.js';

/** The title as the user meant it. */
const TITLE = '@everyone <!channel> <!here> <@U123> <@&123> @here';
/** The same title as Slack delivers typed text: `&`, `<` and `>` escaped. */
const TITLE_AS_SLACK_SENDS = TITLE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Anything Slack would turn into a notification. */
const SLACK_LIVE = /<!(?:channel|here|everyone)|<@[A-Z0-9&]|<!subteam/;

describe('Slack: mention syntax in a reported title never pings', () => {
  let h: Awaited<ReturnType<typeof startSlack>>;
  let seq = 0;
  beforeAll(async () => {
    h = await startSlack();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Sends `/kajaani <text>` as U123 (an admin) and returns every response_url post's body. */
  async function slash(text: string): Promise<string> {
    const id = `m${++seq}`;
    const res = await postToApp(h.url, new URLSearchParams(slashCommand(text, { responseUrl: h.fake.responseUrl(id) })).toString(), 'application/x-www-form-urlencoded', { secret: SECRET });
    expect(res.status).toBe(200);
    await h.fake.waitForResponse(id);
    await new Promise((r) => setTimeout(r, 100));
    return JSON.stringify(h.fake.responses.filter((r) => r.id === id).map((r) => r.body));
  }

  it('stores the title verbatim and escapes it in the confirmation, the listing, progress and the digest preview', async () => {
    const confirmation = await slash(`report companies "${TITLE_AS_SLACK_SENDS}" party=KAMK`);
    const stored = h.app.services.store.db.prepare('SELECT title FROM outcomes ORDER BY id DESC LIMIT 1').get() as { title: string };
    expect(stored.title).toBe(TITLE);
    const replies = {
      confirmation,
      outcomes: await slash('outcomes companies'),
      progress: await slash('progress companies'),
      digest: await slash('digest preview'),
    };
    for (const [what, body] of Object.entries(replies)) {
      expect(body, what).not.toMatch(SLACK_LIVE);
    }
    // The title is shown (escaped) where it is listed.
    for (const what of ['confirmation', 'outcomes'] as const) expect(replies[what], what).toContain('&lt;!channel&gt;');
    // Every message that reached the fake, from any listener.
    expect(JSON.stringify(h.fake.calls) + JSON.stringify(h.fake.responses)).not.toMatch(SLACK_LIVE);
  });

  it('escapes it in the posted digest blocks', () => {
    const kb = h.app.services.knowledge.current;
    const digest = renderFor(kb, digestFor(h.app.services.store, kb, weekContaining(NOW, 'Europe/Helsinki')), 'both');
    const blocks = JSON.stringify(digestMessage(digest.replies).blocks);
    expect(blocks).toContain('&lt;!channel&gt;');
    expect(blocks).not.toMatch(SLACK_LIVE);
  });
});

describe('Discord: mention syntax in a reported title never pings', () => {
  const admin: FakeUser = { id: snowflake(), username: 'admin' };
  let h: Awaited<ReturnType<typeof startDiscord>>;
  beforeAll(async () => {
    h = await startDiscord({ env: { BOT_ADMINS: `discord:${admin.id}` } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const callback = (id: string) => (r: { method: string; path: string; body: any }) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`) && !r.body?.rateLimited;

  /** Every recorded request that sends a message (callbacks with data, edits, follow-ups, channel posts). */
  const messageBodies = () =>
    h.fake.requests
      .filter((r) => r.body && !r.body.rateLimited)
      .map((r) => ({ where: `${r.method} ${r.path}`, msg: r.path.endsWith('/callback') ? r.body.data : r.body, type: r.body.type }))
      .filter((m) => m.msg && (m.msg.content !== undefined || m.msg.embeds !== undefined) && m.type !== InteractionResponseType.Modal);

  it('sends the confirmation, the listing, progress and the digest preview with allowed_mentions parse []', async () => {
    const r = h.fake.chatInput('report', [opt.string('goal', 'companies'), opt.string('title', TITLE), opt.string('party', 'KAMK')], admin);
    const ok = await h.fake.waitForRequest(callback(r.id));
    expect(JSON.stringify(ok.body.data)).toContain('Stored');
    const stored = h.app.services.store.db.prepare('SELECT title FROM outcomes ORDER BY id DESC LIMIT 1').get() as { title: string };
    expect(stored.title).toBe(TITLE);
    for (const [name, options] of [
      ['outcomes', [opt.string('goal', 'companies')]],
      ['progress', [opt.string('goal', 'companies')]],
      ['progress', []],
      ['digest', [opt.string('action', 'preview')]],
      ['ask', [opt.string('question', `${TITLE} how many companies so far?`)]],
    ] as const) {
      const s = h.fake.chatInput(name, [...options], admin);
      await h.fake.waitForRequest(callback(s.id));
    }
    await new Promise((res) => setTimeout(res, 200));
    const bodies = messageBodies();
    expect(bodies.length).toBeGreaterThanOrEqual(6);
    // The title shows up in the listing.
    expect(JSON.stringify(bodies)).toContain('everyone');
    for (const b of bodies) {
      expect(b.msg.allowed_mentions, b.where).toEqual({ parse: [] });
    }
  });

  it('posts the digest with allowed_mentions parse [] and the mention syntax defused', async () => {
    const kb = h.app.services.knowledge.current;
    const digest = renderFor(kb, digestFor(h.app.services.store, kb, weekContaining(new Date(), 'Europe/Helsinki')), 'both');
    const poster = createDiscordDigestPoster({ token: 'fake-token', apiUrl: h.fake.apiUrl });
    const channelId = h.fake.channelId;
    const before = h.fake.requests.length;
    await poster.post({ platform: 'discord', channelId, lang: 'both', source: 'config', since: null } as unknown as DigestTarget, digest, { messageId: null, recordMessage: () => undefined });
    const posts = h.fake.requests.slice(before).filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(body.embeds);
    expect(text).toContain('everyone');
    // Even a client that ignored allowed_mentions would see no live mention.
    expect(text).not.toMatch(/(?<!\u200b)@(everyone|here)\b|<@&?\d|<@U/);
  });
});
