/**
 * Reply → Block Kit, for every outbound path (answers, the Home tab, the weekly digest). A
 * header, the answer, sections, progress rows as text bars, suggestions, and sources as
 * links in context blocks. Every piece of text is escaped (see `text.ts`), and Slack's limits
 * (`limits.ts`) are respected by splitting: long texts into several sections, long replies
 * into several messages.
 */
import type { KnownBlock } from './blocks.js';
import { progressLine, type Lang, type Reply } from '../../core/reply.js';
import { clip } from '../../core/i18n.js';
import { splitText } from '../shared/text.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn } from './text.js';
import { replyActionBlocks } from './buttons.js';

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
  return splitText(mrkdwn, LIMITS.sectionText).map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t } }));
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
  if (r.title) blocks.push({ type: 'header', text: { type: 'plain_text', text: escapedClip(r.title, LIMITS.headerText), emoji: false } });
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
    for (let i = 0; i < items.length; i += LIMITS.contextElements - 1) {
      const head = { type: 'mrkdwn' as const, text: `*${LABELS.sources[lang]}:*` };
      blocks.push({ type: 'context', elements: i === 0 ? [head, ...items.slice(i, i + LIMITS.contextElements - 1)] : items.slice(i, i + LIMITS.contextElements - 1) });
    }
  }
  return blocks;
}

/** The notification text: the title and answer, escaped and clipped. */
export function fallbackText(r: Reply): string {
  const plain = [r.title, r.text].filter((x) => x && x.trim() !== '').join(': ');
  return escapedClip(plain === '' ? (r.sections[0]?.lines[0] ?? '…') : plain, LIMITS.fallbackText);
}

/**
 * Renders a reply as one or more messages within `LIMITS.blocksPerMessage`. The reply's own
 * buttons (`Reply.actions`), then `actions` (share, feedback), go at the end of the last
 * message; `maxMessages` caps very long replies (a slash command's response_url takes only
 * five posts), noting the cut.
 */
export function renderReply(r: Reply, extraActions: KnownBlock[] = [], maxMessages = 10): SlackMessage[] {
  const actions = [...replyActionBlocks(r), ...extraActions];
  const content = replyBlocks(r);
  const text = fallbackText(r);
  const room = LIMITS.blocksPerMessage - actions.length;
  const messages: SlackMessage[] = [];
  for (let i = 0; i < content.length || messages.length === 0; i += room) {
    messages.push({ text, blocks: content.slice(i, i + room) });
    if (i + room >= content.length) break;
  }
  if (messages.length > maxMessages) {
    messages.length = maxMessages;
    const last = messages[maxMessages - 1]!;
    last.blocks = [...last.blocks.slice(0, room - 1), cutNote(r.lang)];
  }
  const last = messages[messages.length - 1]!;
  last.blocks = [...last.blocks, ...actions];
  return messages;
}

/** The note at the end of a reply too long to send whole. */
function cutNote(lang: Lang): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: lang === 'fi' ? '…(vastaus katkaistiin)' : '…(reply cut short)' }] };
}

/**
 * The weekly digest as one message (its claim records one message id): each language's
 * reply, divided, cut to one message's blocks if it ever grew past them.
 */
export function digestMessage(replies: Reply[]): SlackMessage {
  const blocks: KnownBlock[] = [];
  replies.forEach((r, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(...replyBlocks(r));
  });
  const cut = blocks.length > LIMITS.blocksPerMessage ? [...blocks.slice(0, LIMITS.blocksPerMessage - 1), cutNote(replies[0]?.lang ?? 'en')] : blocks;
  return { text: escapedClip(replies.map((r) => r.title ?? r.text).join(' / '), LIMITS.fallbackText), blocks: cut };
}
