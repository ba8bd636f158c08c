/**
 * Reply → Block Kit. A header, the answer, sections, progress rows as text bars, suggestions,
 * and sources as links in context blocks. Every piece of text is escaped (see `text.ts`), and
 * Slack's limits are respected by splitting: 3,000 characters per section text, 50 blocks per
 * message (longer replies become several messages).
 */
import type { KnownBlock } from './blocks.js';
import { progressLine, type Lang, type Reply } from '../../core/reply.js';
import { clip, escapeMrkdwn } from './text.js';

/** Slack rejects section texts over 3,000 characters. */
export const MAX_SECTION_CHARS = 3000;
/** Slack rejects messages with more than 50 blocks. */
export const MAX_BLOCKS = 50;
/** Header blocks take at most 150 characters of plain text. */
const MAX_HEADER_CHARS = 150;
/** A context block holds at most 10 elements. */
const MAX_CONTEXT_ELEMENTS = 10;
/** The notification (fallback) text; Slack truncates long ones anyway. */
const MAX_FALLBACK_CHARS = 3000;

/** One Slack message: the fallback text (notifications, screen readers) and its blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const LABELS = {
  sources: { en: 'Sources', fi: 'Lähteet' },
  suggestions: { en: 'You could ask', fi: 'Voit kysyä' },
  files: { en: 'Files are not sent in Slack yet; use the console for', fi: 'Tiedostoja ei vielä lähetetä Slackissa; käytä konsolia:' },
} as const;

/** Splits text into pieces of at most `max` characters, preferring line breaks, then spaces. */
export function splitText(text: string, max = MAX_SECTION_CHARS): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    // Never cut inside an escape such as &amp; (it would show as "&am" + "p;").
    const amp = rest.lastIndexOf('&', cut);
    if (amp !== -1 && amp > cut - 5 && !rest.slice(amp, cut).includes(';')) cut = amp;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest.trim() !== '') pieces.push(rest);
  return pieces;
}

/** Escapes, then clips to `max` characters without cutting an escape in half. */
function escapedClip(text: string, max: number): string {
  let n = max;
  let out = escapeMrkdwn(clip(text, n));
  while (out.length > max && n > 1) {
    n = Math.max(1, n - (out.length - max));
    out = escapeMrkdwn(clip(text, n));
  }
  return out;
}

/** Sections for an (already escaped) mrkdwn text, split to Slack's size limit. */
function sectionsFor(mrkdwn: string): KnownBlock[] {
  return splitText(mrkdwn).map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t } }));
}

/** A link for mrkdwn: `<url|label>`, with `|` and `>` kept out of both parts. */
function link(url: string, label: string): string {
  const safeUrl = url.replace(/[|<> ]/g, encodeURIComponent);
  return `<${escapeMrkdwn(safeUrl)}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}

/** The content blocks of a reply (without buttons). */
export function replyBlocks(r: Reply): KnownBlock[] {
  const lang: Lang = r.lang;
  const blocks: KnownBlock[] = [];
  // plain_text is not parsed for mentions, but Slack decodes entities in it; escaping keeps
  // every text we send the same, so no field can ever carry a live <!channel>.
  if (r.title) blocks.push({ type: 'header', text: { type: 'plain_text', text: escapedClip(r.title, MAX_HEADER_CHARS), emoji: false } });
  if (r.text.trim() !== '') blocks.push(...sectionsFor(escapeMrkdwn(r.text)));
  for (const s of r.sections) {
    const head = s.heading ? `*${escapeMrkdwn(s.heading)}*\n` : '';
    const body = s.lines.map(escapeMrkdwn).join('\n');
    if (head + body !== '') blocks.push(...sectionsFor(head + body));
  }
  if (r.progress.length > 0) {
    const rows = r.progress.map((p) => `${p.met ? '✅' : '▫️'} ${escapeMrkdwn(progressLine(p))}`);
    blocks.push(...sectionsFor(rows.join('\n')));
  }
  if (r.suggestions.length > 0) {
    blocks.push(...sectionsFor(`_${LABELS.suggestions[lang]}:_\n${r.suggestions.map((s) => `• ${escapeMrkdwn(s)}`).join('\n')}`));
  }
  if (r.files.length > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(`${LABELS.files[lang]} ${r.files.map((f) => f.filename).join(', ')}`) }] });
  }
  if (r.sources.length > 0) {
    const items = r.sources.map((s) => ({ type: 'mrkdwn' as const, text: link(s.url, s.title) }));
    for (let i = 0; i < items.length; i += MAX_CONTEXT_ELEMENTS - 1) {
      const head = { type: 'mrkdwn' as const, text: `*${LABELS.sources[lang]}:*` };
      blocks.push({ type: 'context', elements: i === 0 ? [head, ...items.slice(i, i + MAX_CONTEXT_ELEMENTS - 1)] : items.slice(i, i + MAX_CONTEXT_ELEMENTS - 1) });
    }
  }
  return blocks;
}

/** The notification text: the title and answer, escaped and clipped. */
export function fallbackText(r: Reply): string {
  const plain = [r.title, r.text].filter((x) => x && x.trim() !== '').join(': ');
  return escapedClip(plain === '' ? (r.sections[0]?.lines[0] ?? '…') : plain, MAX_FALLBACK_CHARS);
}

/**
 * Renders a reply as one or more messages of at most 50 blocks. `actions` (share, feedback)
 * go at the end of the last message; `maxMessages` caps very long replies (a slash
 * command's response_url takes only five posts), noting the cut.
 */
export function renderReply(r: Reply, actions: KnownBlock[] = [], maxMessages = 10): SlackMessage[] {
  const content = replyBlocks(r);
  const text = fallbackText(r);
  const room = MAX_BLOCKS - actions.length;
  const messages: SlackMessage[] = [];
  for (let i = 0; i < content.length || messages.length === 0; i += room) {
    messages.push({ text, blocks: content.slice(i, i + room) });
    if (i + room >= content.length) break;
  }
  if (messages.length > maxMessages) {
    messages.length = maxMessages;
    const last = messages[maxMessages - 1]!;
    last.blocks = [...last.blocks.slice(0, room - 1), { type: 'context', elements: [{ type: 'mrkdwn', text: r.lang === 'fi' ? '…(vastaus katkaistiin)' : '…(reply cut short)' }] }];
  }
  const last = messages[messages.length - 1]!;
  last.blocks = [...last.blocks, ...actions];
  return messages;
}
