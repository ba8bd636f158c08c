/**
 * Every clip and split path cuts on grapheme boundaries and never inside an escape (issue 11
 * item 17): not inside a surrogate pair, an emoji ZWJ sequence, a flag, a skin tone, a keycap
 * or tag sequence, a letter and its accents; not inside Slack's `&amp;` nor after Discord's
 * escaping backslash (the next message would start with a live `#`).
 */
import { describe, expect, it } from 'vitest';
import { clip } from '../../../src/core/i18n.js';
import { splitText } from '../../../src/adapters/shared/text.js';
import { reply } from '../../../src/core/reply.js';
import { renderReply as slackRender, replyBlocks, fallbackText, digestMessage as slackDigest } from '../../../src/adapters/slack/render.js';
import { escapeMrkdwn } from '../../../src/adapters/slack/text.js';
import { renderReply as discordRender, digestMessage as discordDigest, plain } from '../../../src/adapters/discord/render.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Where the text may be cut: the starts of its graphemes, and its end. */
const boundaries = (text: string) => new Set([...[...segmenter.segment(text)].map((s) => s.index), text.length]);

/** Emoji that span several code points and UTF-16 units: what a careless cut breaks. */
const EMOJI = ['👨‍👩‍👧‍👦', '🇫🇮', '🇸🇪', '👋🏽', '1️⃣', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '👩🏾‍💻', 'ä', 'Å', '𝔸', '😀'];
/** Text dense with them, at every offset (no spaces, so a cut has nowhere easy to go). */
const DENSE = Array.from({ length: 40 }, (_, i) => EMOJI[i % EMOJI.length]! + 'x'.repeat(i % 3)).join('');

/** True when `piece` (a clip without its …, or a split piece) sits in `whole` at grapheme boundaries. */
function atBoundaries(whole: string, piece: string, from = 0): number {
  const at = whole.indexOf(piece, from);
  expect(at, `${JSON.stringify(piece)} in the text`).toBeGreaterThanOrEqual(0);
  const b = boundaries(whole);
  expect(b.has(at) && b.has(at + piece.length), `${JSON.stringify(piece)} at ${at}`).toBe(true);
  return at + piece.length;
}

/** Discord markdown a message, an embed or a field would render if it started with it. */
const LIVE_AT_START = /^(#{1,3} |> |-# |[-*+] |\d+\. |[*_`|~[])/;

/** An HTML-style entity cut in half at either end of a Slack text. */
const HALF_ENTITY = /&[a-z#0-9]*$|^[a-z#0-9]*;/i;

describe('core clip', () => {
  it('cuts only between graphemes, at every length', () => {
    for (let max = 1; max <= DENSE.length; max++) {
      const c = clip(DENSE, max);
      expect(c.length).toBeLessThanOrEqual(max);
      if (c !== DENSE) atBoundaries(DENSE, c.slice(0, -1));
    }
  });

  it('keeps a flag, a tag flag and a skin tone whole right at the limit', () => {
    expect(clip('ab🇫🇮🇸🇪', 7)).toBe('ab🇫🇮…');
    expect(clip('ab🇫🇮🇸🇪', 6)).toBe('ab…');
    expect(clip(`x${'🏴󠁧󠁢󠁳󠁣󠁴󠁿'}y`, 10)).toBe('x…');
    expect(clip('👋🏽👋🏽', 4)).toBe('…');
  });
});

describe('splitText (every adapter)', () => {
  it('splits only between graphemes, at every limit longer than the longest grapheme', () => {
    for (let max = 14; max <= 60; max++) {
      let from = 0;
      const pieces = splitText(DENSE, max);
      for (const p of pieces) {
        expect(p.length).toBeLessThanOrEqual(max);
        from = atBoundaries(DENSE, p, from);
      }
      expect(pieces.join('')).toBe(DENSE);
    }
  });

  it('never cuts a Slack entity or a Discord backslash escape in half', () => {
    const slack = escapeMrkdwn('A & B <x> '.repeat(200));
    for (let max = 20; max <= 40; max++) for (const p of splitText(slack, max)) expect(p).not.toMatch(HALF_ENTITY);
    const discord = plain('#a *b* [c](d) _e_ '.repeat(100));
    for (let max = 20; max <= 40; max++) {
      for (const p of splitText(discord, max)) {
        expect(p, p).not.toMatch(/(^|[^\\])(\\\\)*\\$/);
        expect(p, p).not.toMatch(LIVE_AT_START);
      }
    }
  });
});

describe('Slack rendering', () => {
  const title = `Report ${'&'.repeat(140)}👨‍👩‍👧‍👦🇫🇮`;
  const text = `${'R&D <team> 🇫🇮👋🏽 '.repeat(400)}`;
  const r = reply('en', text, { title, sections: [{ heading: '& 🇸🇪', lines: [DENSE.repeat(20)] }] });

  it('clips the header and the notification text without a half entity or a half emoji', () => {
    const header = replyBlocks(r).find((b) => b.type === 'header') as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    expect(header.text.text.slice(0, -1)).not.toMatch(HALF_ENTITY);
    atBoundaries(escapeMrkdwn(title), header.text.text.slice(0, -1));
    const fallback = fallbackText(r);
    expect(fallback.slice(0, -1)).not.toMatch(HALF_ENTITY);
  });

  it('splits sections between graphemes and outside entities, in replies and in the digest', () => {
    const sections = [...slackRender(r).flatMap((m) => m.blocks), ...slackDigest([r, r]).blocks].filter((b) => b.type === 'section') as { text: { text: string } }[];
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections) {
      expect(s.text.text).not.toMatch(HALF_ENTITY);
      expect(s.text.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$|^\u200d|\u200d$|^[\u{1f3fb}-\u{1f3ff}]/u);
      const body = s.text.text.replace(/^\*[^*]*\*\n/, '');
      if (!body.includes('…')) for (const line of body.split('\n')) if (line.includes(DENSE.slice(0, 8))) atBoundaries(DENSE.repeat(20), line);
    }
  });
});

describe('Discord rendering', () => {
  const title = `${'#'.repeat(120)}👨‍👩‍👧‍👦🇫🇮${'*'.repeat(120)}`;
  const body = `${'# head\n> quote\n- item\n*x* '.repeat(300)}${DENSE.repeat(30)}`;
  const r = reply('en', body, { title, sections: [{ heading: 'H', lines: Array.from({ length: 40 }, () => `**${DENSE}**`) }] });

  it('clips titles before escaping: no dangling backslash, no half emoji', () => {
    const [first] = discordRender(r);
    const t = first!.embeds[0]!.title!;
    expect(t.length).toBeLessThanOrEqual(256);
    expect(t.slice(0, -1)).not.toMatch(/(^|[^\\])(\\\\)*\\$/);
    expect(t).not.toMatch(/[\ud800-\udbff]…$|\u200d…$/);
  });

  it('splits descriptions and field values outside escapes and between graphemes, so no piece starts live markdown', () => {
    const texts = [...discordRender(r), discordDigest([r, r], null)].flatMap((m) => m.embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]));
    expect(texts.length).toBeGreaterThan(2);
    for (const t of texts) {
      expect(t).not.toMatch(LIVE_AT_START);
      expect(t.replace(/…$/, '')).not.toMatch(/(^|[^\\])(\\\\)*\\$/);
      expect(t).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$|^\u200d|\u200d$|^[\u{1f3fb}-\u{1f3ff}]|^[\u{1f1e6}-\u{1f1ff}](?![\u{1f1e6}-\u{1f1ff}])/u);
    }
  });

  it('splits an error’s plain content the same way', () => {
    const err = { ...reply('en', `${'\\# x '.repeat(500)}${DENSE.repeat(20)}`), ok: false };
    for (const m of discordRender(err)) {
      expect(m.content!.length).toBeLessThanOrEqual(2000);
      expect(m.content!).not.toMatch(LIVE_AT_START);
      expect(m.content!.split('\n').at(-1)!).not.toMatch(/(^|[^\\])(\\\\)*\\$/);
    }
  });
});
