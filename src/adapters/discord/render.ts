/**
 * Reply → Discord messages, for every outbound path (answers, the weekly digest). Pure: no
 * client, no I/O, so the limits are easy to test.
 *
 * A reply becomes one or more message payloads, each within Discord's limits (`limits.ts`):
 * at most 10 embeds and 6,000 embed characters per message, 4,096 characters per embed
 * description, 25 fields per embed (256 per name, 1,024 per value), 2,000 characters of plain
 * content. Rejections (`ok: false`) are short and go out as plain content; everything else
 * as embeds.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Lang, Reply, ReplyFile } from '../../core/reply.js';
import { progressBar } from '../../core/reply.js';
import { clip, moreNote } from '../../core/i18n.js';
import { clipEscaped, clipMarkup, inert, splitText } from '../shared/text.js';
import { LIMITS } from './limits.js';
import { formButtonValue, parseFormButton } from '../shared/form-button.js';

export { LIMITS } from './limits.js';

/** Embed colours: one per goal state, plus neutral ones. */
export const COLOURS = {
  /** Every goal shown has met its target. */
  met: 0x2e7d32,
  /** Some progress, target not met yet. */
  inProgress: 0xf9a825,
  /** Nothing counted yet. */
  notStarted: 0x9e9e9e,
  /** An answer without progress rows. */
  answer: 0x1565c0,
  /** The bot declined (outside the agreement, not understood). */
  declined: 0x757575,
  /** A rejection. */
  error: 0xc62828,
  /** The weekly digest: the bot's accent colour. */
  digest: 0x2563eb,
} as const;

/** One outgoing Discord message, independent of how it is sent (reply, edit, follow-up). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  files: ReplyFile[];
  /** Buttons: the reply's own (`Reply.actions`), 👍/👎 under a rateable answer. */
  components?: APIActionRowComponent<APIButtonComponent>[];
}

/** custom_id of a vote button: `kajaani:feedback:<up|down>:<ref>` (well within 100 characters). */
const FEEDBACK_ID = /^kajaani:feedback:(up|down):([0-9a-f]{1,32})$/;

const VOTES = {
  up: { en: 'Helpful', fi: 'Hyödyllinen', emoji: '👍' },
  down: { en: 'Not helpful', fi: 'Ei hyödyllinen', emoji: '👎' },
} as const;

/** The 👍/👎 buttons for an answer the core lets users rate. */
export function feedbackButtons(ref: string, lang: Lang): APIActionRowComponent<APIButtonComponent> {
  const button = (vote: 'up' | 'down'): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: clip(`kajaani:feedback:${vote}:${ref}`, LIMITS.customId),
    label: clip(VOTES[vote][lang], LIMITS.buttonLabel),
    emoji: { name: VOTES[vote].emoji },
  });
  return { type: ComponentType.ActionRow, components: [button('up'), button('down')] };
}

/** custom_id of a reply's "open the form" button: `kajaani:open:<command>[:<pre-fill reference>]`. */
export const OPEN_FORM_PREFIX = 'kajaani:open:';
/** custom_id of a reply's "run this command line" button: `kajaani:cmd:<line>`, run as the clicker. */
export const COMMAND_PREFIX = 'kajaani:cmd:';

/**
 * The reply's own buttons (`Reply.actions`) as one row, or null. A custom_id holds 100
 * characters: a button whose id would not fit is left out rather than cut (a cut line is
 * another command).
 */
export function actionButtons(r: Reply): APIActionRowComponent<APIButtonComponent> | null {
  const components = (r.actions ?? []).flatMap((a): APIButtonComponent[] => {
    const customId = a.kind === 'form' ? `${OPEN_FORM_PREFIX}${formButtonValue(a.command, a.prefill)}` : `${COMMAND_PREFIX}${a.line}`;
    if (customId.length > LIMITS.customId) return [];
    return [{ type: ComponentType.Button, style: a.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary, custom_id: customId, label: clip(a.label, LIMITS.buttonLabel) }];
  });
  return components.length > 0 ? { type: ComponentType.ActionRow, components: components.slice(0, LIMITS.buttonsPerRow) } : null;
}

/** What a reply's own button asks for, by its custom_id; null for other buttons. */
export function actionFromButton(customId: string): { kind: 'form'; command: string; prefill?: string } | { kind: 'command'; line: string } | null {
  // The rest names the command and maybe a pre-fill (see `shared/form-button.ts`).
  if (customId.startsWith(OPEN_FORM_PREFIX)) return { kind: 'form', ...parseFormButton(customId.slice(OPEN_FORM_PREFIX.length)) };
  if (customId.startsWith(COMMAND_PREFIX) && customId.charAt(COMMAND_PREFIX.length) === '/') return { kind: 'command', line: customId.slice(COMMAND_PREFIX.length) };
  return null;
}

/** The vote a button's custom_id carries, if it is a vote button. */
export function feedbackFromButton(customId: string): { vote: 'up' | 'down'; ref: string } | null {
  const m = FEEDBACK_ID.exec(customId);
  return m ? { vote: m[1] as 'up' | 'down', ref: m[2]! } : null;
}

const HEADINGS: Record<'sources' | 'suggestions', Record<Lang, string>> = {
  sources: { en: 'Sources', fi: 'Lähteet' },
  suggestions: { en: 'You could ask', fi: 'Voit kysyä' },
};

const URL_PART = /(https?:\/\/[^\s<>]+)/;

/**
 * Escapes Discord markdown in plain core text, so a title like `**bold**`, `[x](url)`, `# big`,
 * `> quote`, `- item`, `-# small` or `` `code` `` stays literal, and defuses mention syntax
 * (`@everyone`, `<@id>`, `<@&role>`, `<#channel>`, `</command:id>`) even where
 * `allowed_mentions` already stops the ping. Linear time (discord.js's `escapeMarkdown` takes
 * seconds on a 45 kB answer, long enough to let an interaction expire). URLs stay links: only
 * the brackets and parentheses in them are percent-encoded, so none can open or close a
 * masked link and Discord does not end the link early at a `)`.
 */
export function plain(text: string): string {
  return inert(text)
    .replace(/<([@#/:])/g, '<\u200b$1')
    .split(URL_PART)
    .map((part, i) => (i % 2 === 1 ? bareLink(part) : escapeText(part)))
    .join('')
    .replace(/^(\s*)(>|#|[-+](?=[\s#]))/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.');
}

/** Inline markdown escaped: emphasis, code, spoilers, brackets of masked links. */
const escapeText = (text: string): string => text.replace(/[\\*_~`|[\]]/g, '\\$&');

/**
 * A URL found in text, kept a link: punctuation after it (a full stop, a closing parenthesis
 * without an opening one inside the URL) stays text, as Discord would read it.
 */
function bareLink(part: string): string {
  let end = part.length;
  const opens = (s: string) => (s.match(/\(/g) ?? []).length - (s.match(/\)/g) ?? []).length;
  while (end > 0 && (/[.,;:!?'"\]]/.test(part[end - 1]!) || (part[end - 1] === ')' && opens(part.slice(0, end)) < 0))) end--;
  return linkSafe(part.slice(0, end)) + escapeText(part.slice(end));
}

/** A URL with the characters that end or open Discord links percent-encoded (same address). */
function linkSafe(url: string): string {
  return url.replace(/[[\]()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Block markdown at the start of a line: a heading, quote, list item or subtext marker. */
const escapeLineStart = (text: string): string => text.replace(/^(\s*)(>|#|[-+](?=[\s#]))/, '$1\\$2').replace(/^(\s*\d+)\.(?=\s)/, '$1\\.');

/**
 * Splits escaped markdown to `max`. Each piece starts a message, an embed or a field, so its
 * first line is a line start too: a cut before a mid-line "# " must not make it a heading.
 */
function splitMarkdown(text: string, max: number): string[] {
  return splitText(text, max - 1).map(escapeLineStart);
}

/** Plain text escaped by `plain` and clipped to `max`, the cut made before escaping. */
const plainClip = (text: string, max: number): string => clipEscaped(text, max, plain);

/** The colour for a reply: by goal state when it shows progress. */
export function colourFor(r: Reply): number {
  if (!r.ok) return COLOURS.error;
  if (r.progress.length > 0) {
    if (r.progress.every((p) => p.met)) return COLOURS.met;
    if (r.progress.some((p) => p.count > 0)) return COLOURS.inProgress;
    return COLOURS.notStarted;
  }
  return r.answered ? COLOURS.answer : COLOURS.declined;
}

/** A progress row as a field value: `█████░░░░░ 4 / 15 ✓`. */
function progressValue(p: Reply['progress'][number]): string {
  if (p.target === null) return String(p.count);
  const bar = progressBar(p.count, p.needed);
  return `\`${bar}\` ${p.count} / ${p.target}${p.met ? ' ✓' : ''}`;
}

/** Packs lines into field values of at most 1,024 characters. */
function linesToFields(name: string, lines: string[]): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => splitMarkdown(l, LIMITS.fieldValue))) {
    if (current !== '' && current.length + 1 + line.length > LIMITS.fieldValue) {
      fields.push({ name: fields.length === 0 ? name : `${name} (…)`, value: current });
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') fields.push({ name: fields.length === 0 ? name : `${name} (…)`, value: current });
  return fields.map((f) => ({ ...f, name: clipMarkup(f.name, LIMITS.fieldName) }));
}

function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** The answer and its sections as escaped markdown. */
function bodyText(r: Reply): string {
  return [plain(r.text), ...r.sections.map((s) => [s.heading ? `**${plain(s.heading)}**` : '', ...s.lines.map(plain)].filter(Boolean).join('\n'))]
    .filter((x) => x.trim() !== '')
    .join('\n\n');
}

/** Renders a reply as embeds: title, answer, sections, progress bars, sources as links. */
export function replyToEmbeds(r: Reply): APIEmbed[] {
  const colour = colourFor(r);
  const body = bodyText(r);
  const descriptions = body === '' ? [] : splitMarkdown(body, LIMITS.description);

  const fields: APIEmbedField[] = [];
  for (const p of r.progress) {
    fields.push({ name: plainClip(p.label, LIMITS.fieldName), value: progressValue(p) });
  }
  if (r.suggestions.length > 0) fields.push(...linesToFields(HEADINGS.suggestions[r.lang], r.suggestions.map((s) => `• ${plain(s)}`)));
  if (r.sources.length > 0) {
    // Masked links: the title is escaped, the URL is wrapped in <> so no preview card appears.
    // Brackets are dropped from the label (escaped ones would show their backslashes in some clients).
    const links = r.sources.map((s) => `• [${plain(s.title.replace(/[[\]]/g, ''))}](<${linkSafe(s.url)}>)`);
    fields.push(...linesToFields(HEADINGS.sources[r.lang], links));
  }

  const embeds: APIEmbed[] = [];
  const newEmbed = (): APIEmbed => {
    const e: APIEmbed = { color: colour };
    embeds.push(e);
    return e;
  };
  let current = newEmbed();
  if (r.title) current.title = plainClip(r.title, LIMITS.title);
  descriptions.forEach((d, i) => {
    if (i > 0) current = newEmbed();
    current.description = d;
  });
  for (const f of fields) {
    const count = current.fields?.length ?? 0;
    if (count >= LIMITS.fields || embedSize(current) + f.name.length + f.value.length > LIMITS.embedCharsPerMessage) current = newEmbed();
    (current.fields ??= []).push(f);
  }
  // An embed needs at least one of title / description / fields.
  return embeds.filter((e) => e.title !== undefined || e.description !== undefined || (e.fields?.length ?? 0) > 0);
}

/** Groups embeds into messages of at most 10 embeds and 6,000 embed characters. */
export function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const s = embedSize(e);
    if (current.length > 0 && (current.length >= LIMITS.embedsPerMessage || size + s > LIMITS.embedCharsPerMessage)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(e);
    size += s;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/** Lines of text in a message (content, descriptions, field values): what a cut note counts. */
function linesIn(m: DiscordMessage): number {
  const texts = [m.content ?? '', ...m.embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)])];
  return texts.filter((t) => t.trim() !== '').reduce((n, t) => n + t.split('\n').length, 0);
}

/**
 * Keeps the first `LIMITS.messagesPerReply` messages. When more were rendered, the last kept
 * one says how many lines were left out (in its content, which Discord does not count
 * against the embeds' 6,000 characters; an error's content is shortened to make room).
 */
function capMessages(messages: DiscordMessage[], lang: Lang): DiscordMessage[] {
  if (messages.length <= LIMITS.messagesPerReply) return messages;
  const kept = messages.slice(0, LIMITS.messagesPerReply);
  const dropped = messages.slice(LIMITS.messagesPerReply).reduce((n, m) => n + linesIn(m), 0);
  const last = kept[kept.length - 1]!;
  const note = moreNote(lang, dropped);
  last.content = last.content === undefined ? note : `${clipMarkup(last.content, LIMITS.content - note.length - 1)}\n${note}`;
  return kept;
}

/**
 * A reply's files in groups of at most `LIMITS.filesPerMessage`, each description (the alt
 * text) within `LIMITS.attachmentDescription`.
 */
export function fileGroups(files: readonly ReplyFile[]): ReplyFile[][] {
  const clipped = files.map((f) => (f.alt === undefined ? f : { ...f, alt: clip(f.alt, LIMITS.attachmentDescription) }));
  const groups: ReplyFile[][] = [];
  for (let i = 0; i < clipped.length; i += LIMITS.filesPerMessage) groups.push(clipped.slice(i, i + LIMITS.filesPerMessage));
  return groups;
}

/** The attachments part of a message body for its files (ids in order, descriptions as given). */
export function attachmentsOf(files: readonly ReplyFile[]): { id: string; filename: string; description?: string }[] {
  return files.map((f, i) => ({ id: String(i), filename: f.filename, ...(f.alt ? { description: f.alt } : {}) }));
}

/**
 * Renders a reply as Discord messages within every limit: at most `LIMITS.messagesPerReply`
 * of them (then a note how much more there was), files in groups of ten from the first
 * (a group beyond the messages goes in a message of its own), 👍/👎 on the last.
 */
export function renderReply(r: Reply): DiscordMessage[] {
  let messages: DiscordMessage[];
  if (!r.ok) {
    const text = [r.text, ...r.sections.flatMap((s) => [s.heading ?? '', ...s.lines]), ...r.suggestions.map((s) => `• ${s}`)]
      .filter((x) => x.trim() !== '')
      .map(plain)
      .join('\n');
    messages = splitMarkdown(text === '' ? '…' : text, LIMITS.content).map((content) => ({ content, embeds: [], files: [] }));
  } else {
    const groups = packEmbeds(replyToEmbeds(r));
    messages = groups.map((embeds) => ({ embeds, files: [] }));
    if (messages.length === 0) messages = [{ content: '…', embeds: [], files: [] }];
  }
  messages = capMessages(messages, r.lang);
  fileGroups(r.files).forEach((files, i) => {
    if (i < messages.length) messages[i]!.files = files;
    else messages.push({ embeds: [], files });
  });
  const rows = [actionButtons(r), r.ok && r.feedbackRef ? feedbackButtons(r.feedbackRef, r.lang) : null].filter((x): x is APIActionRowComponent<APIButtonComponent> => x !== null);
  if (rows.length > 0) messages[messages.length - 1]!.components = rows;
  return messages;
}

/**
 * The weekly digest as one message (its claim records one message id): an embed per
 * language, each with an equal share of the message's embed characters, the chart (when
 * there is one) attached with its alt text and shown in the last embed. The core caps each
 * language at 2,800 characters, so the share only ever cuts if that cap changes.
 */
export function digestMessage(replies: Reply[], chart: ReplyFile | null): DiscordMessage {
  const share = Math.min(LIMITS.description, Math.floor(LIMITS.embedCharsPerMessage / Math.max(replies.length, 1)) - LIMITS.title);
  const embeds: APIEmbed[] = replies.map((r, i) => ({
    ...(r.title ? { title: plainClip(r.title, LIMITS.title) } : {}),
    description: clipMarkup(bodyText(r), share),
    color: COLOURS.digest,
    ...(chart !== null && i === replies.length - 1 ? { image: { url: `attachment://${chart.filename}` } } : {}),
  }));
  return { embeds, files: chart === null ? [] : fileGroups([chart])[0]! };
}
