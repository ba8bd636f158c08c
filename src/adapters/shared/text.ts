/** Text work every adapter does before sending: splitting to a platform limit and defusing mass mentions. */
import { safeCut } from '../../core/i18n.js';

/**
 * Splits text into pieces of at most `max` UTF-16 units, preferring line breaks, then
 * spaces. Never cuts inside a character (see `safeCut`) or inside an HTML-style escape
 * such as `&amp;` (Slack's escaping: a cut one would show as "&am" + "p;"). Blank text gives
 * no pieces.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    const amp = rest.lastIndexOf('&', cut);
    if (amp !== -1 && amp > cut - 6 && !rest.slice(amp, cut).includes(';')) cut = amp;
    cut = safeCut(rest, cut) || max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.trim() !== '') pieces.push(rest);
  return pieces.filter((p) => p !== '');
}

/**
 * Neutralises `@everyone`, `@here` and `@channel` with a zero-width space, for every client
 * or surface that might still parse them (a notification preview, a forwarded message).
 * Each platform's own escaping (Slack's `<…>`, Discord's `allowed_mentions`) comes on top.
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here|channel)\b/gi, '@\u200b$1');
}
