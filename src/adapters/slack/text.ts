/**
 * Slack text in both directions: escaping everything we send (so echoed user text can never
 * become `<!channel>`, `<@U…>` or a link) and turning Slack's inbound markup (`<@U123|ann>`,
 * `<https://…|label>`, `&amp;`) into the plain text the core's grammar expects.
 */
import { inert } from '../shared/text.js';

/**
 * Escapes `&`, `<` and `>` — the three characters Slack's mrkdwn uses for mentions and
 * links. After this, `<!channel>` shows as text and notifies nobody; `@channel` written out
 * is defused as well, for clients that would link it, and bidi controls are dropped (`inert`).
 */
export function escapeMrkdwn(text: string): string {
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
