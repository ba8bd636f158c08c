/**
 * Slack text in both directions: escaping everything we send (so echoed user text can never
 * become `<!channel>`, `<@U…>` or a link) and turning Slack's inbound markup (`<@U123|ann>`,
 * `<https://…|label>`, `&amp;`) into the plain text the core's grammar expects.
 */
import { inert } from '../shared/text.js';

/** Every character escapeMrkdwn changes or looks at: `&<>`, `@` (mass mentions), bidi controls (`inert`). */
const NEEDS_ESCAPING = /[&<>@\u202a-\u202e\u2066-\u2069]/;

/**
 * Escapes `&`, `<` and `>` — the three characters Slack's mrkdwn uses for mentions and
 * links. After this, `<!channel>` shows as text and notifies nobody; `@channel` written out
 * is defused as well, for clients that would link it, and bidi controls are dropped (`inert`).
 */
export function escapeMrkdwn(text: string): string {
  // Most answer text has none of these: one scan instead of five replaces per string, and the
  // same result (each replace below finds nothing without one of these characters).
  if (!NEEDS_ESCAPING.test(text)) return text;
  return inert(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** Undoes Slack's own escaping of `&`, `<`, `>` in inbound text. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Slack's inbound markup → plain core text:
 * - `<@U123>` / `<@U123|name>` → `slack:U123` (the core's user ids), except the bot itself,
 *   which is dropped (so "@kajaani who are the parties?" is just the question);
 * - `<#C123|general>` → `#general`; `<!here>` and friends are dropped;
 * - `<https://x|label>` / `<mailto:a@b|a@b>` → the URL (the label is Slack's rendering).
 */
export function slackTextToCore(text: string, botUserId?: string): string {
  const converted = text.replace(/<([^<>]*)>/g, (_all, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) {
      const id = target.slice(1);
      return id === botUserId ? '' : `slack:${id}`;
    }
    if (target.startsWith('#')) return label ? `#${label}` : target;
    if (target.startsWith('!')) return '';
    return target.startsWith('mailto:') ? target.slice('mailto:'.length) : target;
  });
  return unescapeSlack(converted).replace(/[ \t]+/g, ' ').trim();
}
