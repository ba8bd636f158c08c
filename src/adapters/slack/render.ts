/**
 * Reply → Block Kit, for every outbound path (answers, the Home tab, the weekly digest). A
 * header, the answer, sections, progress rows as text bars, suggestions, and sources as
 * links in context blocks. Every piece of text is escaped (see `text.ts`), and Slack's limits
 * (`limits.ts`) are respected by splitting: long texts into several sections, long replies
 * into several messages (by blocks and by block text), at most a few per reply.
 */
import type { KnownBlock } from './blocks.js';
import { progressLine, type Lang, type Reply } from '../../core/reply.js';
import { moreNote } from '../../core/i18n.js';
import { clipEscaped, splitText } from '../shared/text.js';
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
const escapedClip = (text: string, max: number): string => clipEscaped(text, max, escapeMrkdwn);

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

/** Characters of text in blocks: every `text` string in them, as Slack counts toward `msg_blocks_too_long`. */
export function blockTextLength(blocks: readonly unknown[]): number {
  // A plain loop (no Object.entries arrays): it runs for every block of every answer.
  let n = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k in o) {
        const x = o[k];
        if (k === 'text' && typeof x === 'string') n += x.length;
        else if (x !== null && typeof x === 'object') walk(x);
      }
    }
  };
  walk(blocks);
  return n;
}

/** Lines of text in blocks (section lines, headers, context items): what a cut note counts. */
function linesIn(blocks: readonly KnownBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'section' && b.text) n += b.text.text.split('\n').length;
    else if (b.type === 'header') n += 1;
    else if (b.type === 'context') n += b.elements.length;
  }
  return n;
}

/**
 * Packs blocks into messages of at most `room` blocks and `textRoom` characters of block
 * text (a single block is never over it: sections are split to 3,000 characters).
 */
function pack(blocks: readonly KnownBlock[], room: number, textRoom: number): KnownBlock[][] {
  const groups: KnownBlock[][] = [];
  let current: KnownBlock[] = [];
  let size = 0;
  for (const b of blocks) {
    const n = blockTextLength([b]);
    if (current.length > 0 && (current.length >= room || size + n > textRoom)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(b);
    size += n;
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  return groups;
}

/** The note at the end of a reply cut short: how many lines were left out. */
function cutNote(lang: Lang, lines: number): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(moreNote(lang, lines)) }] };
}

/** Room a cut note needs: one block and its text. */
const NOTE_ROOM = { blocks: 1, text: 80 };

/**
 * Cuts `groups` to `max` messages; the last one kept ends with a note of how many lines were
 * left out, made room for by moving its last blocks out too.
 */
function capGroups(groups: KnownBlock[][], max: number, room: number, textRoom: number, lang: Lang): KnownBlock[][] {
  if (groups.length <= max) return groups;
  const kept = groups.slice(0, max);
  const dropped = groups.slice(max).flat();
  const last = [...kept[max - 1]!];
  while (last.length > 0 && (last.length + NOTE_ROOM.blocks > room || blockTextLength(last) + NOTE_ROOM.text > textRoom)) dropped.unshift(last.pop()!);
  kept[max - 1] = [...last, cutNote(lang, linesIn(dropped))];
  return kept;
}

/**
 * Renders a reply as one or more messages, each within Slack's 50 blocks and 12,000
 * characters of block text. The reply's own buttons (`Reply.actions`), then `extraActions`
 * (share, feedback), go at the end of the last message;
 * at most `maxMessages` are sent (`LIMITS.messagesPerReply`, fewer through a response_url),
 * the last noting what was left out.
 */
export function renderReply(r: Reply, extraActions: KnownBlock[] = [], maxMessages: number = LIMITS.messagesPerReply): SlackMessage[] {
  const actions = [...replyActionBlocks(r), ...extraActions];
  const text = fallbackText(r);
  const room = LIMITS.blocksPerMessage - actions.length;
  const textRoom = LIMITS.blockTextPerMessage - blockTextLength(actions);
  const groups = capGroups(pack(replyBlocks(r), room, textRoom), Math.min(maxMessages, LIMITS.messagesPerReply), room, textRoom, r.lang);
  const messages = groups.map((blocks) => ({ text, blocks }));
  const last = messages[messages.length - 1]!;
  last.blocks = [...last.blocks, ...actions];
  return messages;
}

/**
 * The weekly digest as one message (its claim records one message id): each language's
 * reply, divided, cut to one message's blocks and block text if it ever grew past them.
 */
export function digestMessage(replies: Reply[]): SlackMessage {
  const blocks: KnownBlock[] = [];
  replies.forEach((r, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(...replyBlocks(r));
  });
  const [one] = capGroups(pack(blocks, LIMITS.blocksPerMessage, LIMITS.blockTextPerMessage), 1, LIMITS.blocksPerMessage, LIMITS.blockTextPerMessage, replies[0]?.lang ?? 'en');
  return { text: escapedClip(replies.map((r) => r.title ?? r.text).join(' / '), LIMITS.fallbackText), blocks: one! };
}
