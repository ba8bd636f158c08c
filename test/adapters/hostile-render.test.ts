/* eslint-disable @typescript-eslint/no-explicit-any -- rendered payloads are walked as arbitrary JSON. */
/**
 * One hostile title set, rendered on every surface of both platforms (issue 11 item 4):
 * replies (the /report confirmation, a duplicate refusal), `/outcomes`, `/history`, the
 * weekly digest (Slack blocks, Discord embeds), the Slack App Home, form pre-fills, and
 * answers with 👍/👎 and "Share in channel" buttons. Nothing in a stored title may become a
 * link, a mention, a heading, a quote, a list, code or a spoiler, or turn the line around;
 * rows stored before the character rules (line breaks, bidi controls, zero-width characters)
 * are inserted directly. The two sources whose URLs hold parentheses still render as working
 * links on both platforms.
 */
import { describe, expect, it } from 'vitest';
import { makeTestBot, TEST_NOW } from '../helpers/app.js';
import { fields } from '../helpers/store.js';
import { insertOutcome } from '../../src/store/outcomes.js';
import { digestFor, renderFor } from '../../src/core/digest/build.js';
import { weekContaining } from '../../src/core/digest/period.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { reportCommand } from '../../src/core/commands/report.js';
import { titleKey } from '../../src/core/outcomes/normalise.js';
import { renderReply as slackReply, digestMessage as slackDigest } from '../../src/adapters/slack/render.js';
import { answerActions } from '../../src/adapters/slack/buttons.js';
import { homeView } from '../../src/adapters/slack/home.js';
import { commandForm } from '../../src/adapters/slack/form.js';
import { renderReply as discordReply, digestMessage as discordDigest } from '../../src/adapters/discord/render.js';
import { commandModal } from '../../src/adapters/discord/form.js';

/** Titles a hostile reporter would try: every markup and mention form of both platforms. */
const HOSTILE = [
  '[click me](https://evil.example) Oy',
  '[x](<https://evil.example/a(b)>) Ltd',
  '# Big heading Oy',
  '> quoted Oy',
  '- listed Oy',
  '1. ordered Oy',
  '-# small print Oy',
  '**bold** __under__ *it* _it_ ~~gone~~ ||spoiler|| Oy',
  '`code` ```block``` Oy',
  '<!here> <!channel> <!everyone> <!subteam^S123> Oy',
  '<@U123ABC> <@U123ABC|boss> <#C123|general> Oy',
  '<https://evil.example|Official site> Oy',
  '&lt;!here&gt; &amp;lt;@U1&amp;gt; Oy',
  '@everyone @here @channel Oy',
  '<@&123456789012345678> <@81234567> <@!81234567> <#123456789> </ask:123> Oy',
  'https://evil.example/[x](https://evil2.example) Oy',
];
/** Rows stored before titles refused unsafe characters: inserted directly, as old rows are. */
const STORED_BEFORE = [
  'Acme Oy\n#99 Forged Oy — KAMK, 2025-06-14 (verified)',
  'Evil \u202eyO emcA',
  'Zero\u200bwidth <!\u200bhere> @every\u200bone Oy',
  'Isolate \u2066<@&42>\u2069 Oy',
];

const t = makeTestBot();
const store = t.app.services.store;
const kb = t.app.services.knowledge.current;
const at = TEST_NOW.toISOString();
const ids: number[] = [];
for (const title of [...HOSTILE, ...STORED_BEFORE]) {
  const r = insertOutcome(store, fields({ title, titleKey: titleKey(title), happenedOn: '2025-06-14', description: `${title}\n> note`, link: 'https://example.fi/x' }), 'console:admin', at, true);
  if (r.ok) ids.push(r.outcome.id);
}

/** Every string in a rendered payload, with where it is. */
function strings(v: unknown, where = ''): [string, string][] {
  if (typeof v === 'string') return [[where, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${where}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, `${where}.${k}`));
  return [];
}

const SOURCE_URLS = new Set([...kb.sources.values()].map((s) => s.url));
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** What in Slack text would be live: any `<…>` but our own links to known sources, a bare mass mention, a bidi control. */
function slackLive(payload: unknown): string[] {
  const problems: string[] = [];
  for (const [where, s] of strings(payload)) {
    if (/\.(action_id|block_id|value|type|url|callback_id|private_metadata|initial_value|initial_date)$/.test(where)) continue;
    const rest = s.replace(/<(https?:\/\/[^|>]+)\|[^>]*>/g, (all, url: string) => (SOURCE_URLS.has(url.replace(/&amp;/g, '&')) ? '' : all));
    if (/[<>]/.test(rest)) problems.push(`${where}: ${s.slice(0, 120)}`);
    if (/(?<!\u200b)@(everyone|here|channel)\b/i.test(s)) problems.push(`${where}: mass mention`);
    if (BIDI.test(s)) problems.push(`${where}: bidi control`);
  }
  return problems;
}

/** Discord markdown a line would render live. */
const LIVE_LINE = /^\s*(#{1,3}\s|>|-#|[-*+]\s|\d+\.\s)/;

/** What in Discord text would be live: a masked link to anything but a known source, block markdown, inline markup, a mention, a bidi control. */
function discordLive(payload: unknown): string[] {
  const problems: string[] = [];
  for (const [where, s] of strings(payload)) {
    if (/\.(custom_id|url|type|filename|value|placeholder)$/.test(where) || /\.emoji\./.test(where)) continue;
    // Our own markup: masked links to known sources, **headings**, `progress bars`, • bullets.
    let rest = s.replace(/\[[^\]]*\]\(<([^>]*)>\)/g, (all, url: string) => (SOURCE_URLS.has(decodeURI(url).replace(/%28/g, '(').replace(/%29/g, ')')) ? '' : all));
    rest = rest.replace(/`[█░]*`/g, '').replace(/^\*\*[^*\n]+\*\*$/gm, '');
    if (/(?<!\\)\[[^\]]*(?<!\\)\]\(/.test(rest)) problems.push(`${where}: masked link in ${s.slice(0, 120)}`);
    for (const line of rest.split('\n')) if (LIVE_LINE.test(line)) problems.push(`${where}: block markdown "${line.slice(0, 60)}"`);
    if (/(?<!\\)(\*\*|__|~~|\|\||`)/.test(rest)) problems.push(`${where}: inline markup in ${s.slice(0, 120)}`);
    if (/<[@#/]|(?<!\u200b)@(everyone|here)\b/.test(rest)) problems.push(`${where}: mention in ${s.slice(0, 120)}`);
    if (BIDI.test(s)) problems.push(`${where}: bidi control`);
  }
  return problems;
}

/** The replies that show stored titles, from the real core. */
async function coreReplies(): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const lang of ['en', 'fi'] as const) {
    replies.push(await t.say('console:nobody', '/outcomes', { locale: lang }));
    for (const id of ids) replies.push(await t.say('console:nobody', `/history ${id}`, { locale: lang }));
    // A duplicate refusal quotes the stored title it matched.
    const duplicate = await t.say('console:admin', `/report companies "[click me](https://evil.example) oy"`, { locale: lang });
    expect(duplicate.data.error).toBe('duplicate');
    replies.push(duplicate);
    replies.push(await t.say('console:admin', '/digest preview', { locale: lang }));
  }
  // A confirmation echoes a new title as typed (one that passes the character rules).
  replies.push(await t.say('console:admin', '/report technologies "[x](https://evil.example) <!here> <@&123> # big `c` ||s||"'));
  // An answer with 👍/👎 (and, on Slack, "Share in channel"), echoing hostile words.
  replies.push(await t.say('console:nobody', 'who reported [click me](https://evil.example) <!here> @everyone?'));
  return replies;
}

describe('the checks themselves', () => {
  it('catch live markup when nothing is escaped', () => {
    const raw = { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: HOSTILE.join('\n') } }] };
    expect(slackLive(raw).length).toBeGreaterThan(0);
    // Each title but the Slack-only forms (`<!here>`, `&lt;`, `<https://…|label>`) is live on Discord when not escaped.
    const missed = HOSTILE.filter((h) => discordLive({ embeds: [{ description: h }] }).length === 0);
    expect(missed).toEqual([HOSTILE[9], HOSTILE[11], HOSTILE[12]]);
    expect(HOSTILE.filter((h) => /[<>]|@(everyone|here)/.test(h)).every((h) => slackLive({ text: h }).length > 0)).toBe(true);
  });
});

describe('a hostile title set, on every surface', () => {
  it('is stored verbatim (what users typed is kept; only rendering makes it inert)', () => {
    expect(ids).toHaveLength(HOSTILE.length + STORED_BEFORE.length);
  });

  it('core replies show each stored title, and no line of /outcomes is forged by one', async () => {
    const list = await t.say('console:nobody', '/outcomes');
    const lines = list.sections.flatMap((s) => s.lines);
    expect(lines.every((l) => /^#\d+ /.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('#99'))).toEqual([]);
  });

  it('Slack: replies, /outcomes, /history, the digest, App Home and answers with buttons render nothing live', async () => {
    const replies = await coreReplies();
    expect(replies.some((r) => r.feedbackRef)).toBe(true);
    for (const r of replies) {
      const messages = slackReply(r, answerActions(r.lang, { share: 'abc123def456', feedback: r.feedbackRef }));
      expect(slackLive(messages), r.text.slice(0, 80)).toEqual([]);
    }
    const period = weekContaining(TEST_NOW, 'Europe/Helsinki');
    const digest = renderFor(kb, digestFor(store, kb, period), 'both');
    expect(JSON.stringify(digest.replies)).toContain('click me');
    expect(slackLive(slackDigest(digest.replies))).toEqual([]);
    const home = homeView('en', [await t.say('slack:U1', '/progress'), await t.say('slack:U1', '/outcomes')], '2025-06-15 12:00');
    expect(JSON.stringify(home)).toContain('click me');
    expect(slackLive(home)).toEqual([]);
  });

  it('Discord: replies, /outcomes, /history, the digest and answers with buttons render nothing live', async () => {
    for (const r of await coreReplies()) expect(discordLive(discordReply(r)), r.text.slice(0, 80)).toEqual([]);
    const digest = renderFor(kb, digestFor(store, kb, weekContaining(TEST_NOW, 'Europe/Helsinki')), 'both');
    const message = discordDigest(digest.replies, null);
    expect(JSON.stringify(message)).toContain('click me');
    expect(discordLive(message)).toEqual([]);
  });

  it('form pre-fills carry a hostile title verbatim as the field’s value (inputs show text, never markup)', () => {
    for (const title of HOSTILE) {
      const slack = commandForm(reportCommand, kb, 'en', '2025-06-15', { lang: 'en' }, { goal: 'companies', title });
      const slackTitle = (slack.blocks as any[]).find((b) => b.block_id === 'title').element;
      expect(slackTitle.initial_value).toBe(title);
      const discord = commandModal(reportCommand, kb, 'en', { title, note: title });
      const inputs = (discord.components as any[]).map((c) => c.component);
      expect(inputs.find((c) => c.custom_id === 'title').value).toBe(title);
      // Labels, titles and placeholders are ours, not the user's.
      for (const [where, s] of strings(discord)) if (!/\.value$/.test(where)) expect(s, where).not.toContain(title);
    }
  });

  it('sources whose URLs hold parentheses stay working links on both platforms', () => {
    const sources = [...kb.sources.values()].filter((s) => /[()]/.test(s.url)).map((s) => ({ id: s.id, title: s.title, url: s.url }));
    expect(sources.length).toBeGreaterThanOrEqual(2);
    const r = reply('en', 'See the minutes.', { sources });
    // Slack: <url|label>, the URL whole (parentheses need no escaping there).
    const slackLinks = [...JSON.stringify(slackReply(r)).matchAll(/<(https?:\/\/[^|>]+)\|/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(slackLinks).toEqual(sources.map((s) => s.url));
    // Discord: [label](<url>), the parentheses percent-encoded so the link does not end early; same address.
    const discordText = JSON.stringify(discordReply(r)[0]!.embeds);
    const discordLinks = [...discordText.matchAll(/\]\(<([^>]+)>\)/g)].map((m) => m[1]!);
    expect(discordLinks).toHaveLength(sources.length);
    for (const [i, href] of discordLinks.entries()) {
      expect(href).not.toMatch(/[()\s<>]/);
      expect(new URL(href).href).toBe(new URL(sources[i]!.url.replace(/\(/g, '%28').replace(/\)/g, '%29')).href);
      expect(decodeURIComponent(href)).toBe(sources[i]!.url);
    }
  });
});
