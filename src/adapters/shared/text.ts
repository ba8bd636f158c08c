/** Text work every adapter does before sending: splitting to a platform limit and defusing mass mentions. */
import { clip, safeCut } from '../../core/i18n.js';

/** An HTML-style entity at the start of a text: `&amp;`, `&#60;`, `&#x3c;`. */
const ENTITY = /^&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});/i;

/**
 * Moves a cut at `at` back so it is not inside an escape of either platform's markup: an
 * HTML-style entity such as `&amp;` (Slack: a cut one shows as "&am" + "p;") or a backslash
 * escape such as `\#` (Discord: the next message would start with a live `#` heading).
 */
function outsideEscape(text: string, at: number): number {
  let cut = at;
  const amp = text.lastIndexOf('&', cut - 1);
  const entity = amp === -1 || amp < cut - 12 ? null : ENTITY.exec(text.slice(amp, amp + 12));
  if (entity && cut < amp + entity[0].length) cut = amp;
  // An odd run of backslashes before the cut escapes the character after it.
  let slashes = 0;
  while (cut - slashes > 0 && text[cut - slashes - 1] === '\\') slashes++;
  if (slashes % 2 === 1) cut -= 1;
  return cut;
}

/** The last cut at or before `at` that splits neither a character as people see it nor an escape. */
export function safeMarkupCut(text: string, at: number): number {
  let cut = safeCut(text, at);
  for (let moved = cut; ; cut = moved) {
    moved = safeCut(text, outsideEscape(text, cut));
    if (moved === cut) return cut;
  }
}

/**
 * Splits text into pieces of at most `max` UTF-16 units, preferring line breaks, then
 * spaces. Never cuts inside a character (see `safeCut`) or inside an escape (`&amp;`, `\*`).
 * Blank text gives no pieces.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    // A single character longer than `max` (hundreds of accents on one letter) is cut anyway,
    // but never between the halves of a surrogate pair.
    cut = safeMarkupCut(rest, cut) || (/[\ud800-\udbff]/.test(rest[max - 1] ?? '') ? max - 1 : max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.trim() !== '') pieces.push(rest);
  return pieces.filter((p) => p !== '');
}

/** Cuts already escaped markup to at most `max` units, ending with … when cut, never inside a character or an escape. */
export function clipMarkup(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeMarkupCut(text, max - 1))}…`;
}

/**
 * Clips plain `text` so that its escaped form (`escape`) has at most `max` units: clipped
 * first, then escaped, so an escape is never cut in half and the … is never escaped away.
 */
export function clipEscaped(text: string, max: number, escape: (t: string) => string): string {
  let n = max;
  let out = escape(clip(text, n));
  while (out.length > max && n > 1) {
    n = Math.max(1, n - (out.length - max));
    out = escape(clip(text, n));
  }
  return out.length <= max ? out : '…';
}

/**
 * Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069). New titles and notes
 * may not contain them, but rows stored before that rule could: echoed, an override turns
 * the rest of the line around ("#12 … reported by" read backwards).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Stored or typed text made inert before a platform's own escaping: no bidi controls, no mass mentions. */
export function inert(text: string): string {
  return defuseMentions(text.replace(BIDI_CONTROLS, ''));
}

/**
 * Neutralises `@everyone`, `@here` and `@channel` with a zero-width space, for every client
 * or surface that might still parse them (a notification preview, a forwarded message).
 * Each platform's own escaping (Slack's `<…>`, Discord's `allowed_mentions`) comes on top.
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here|channel)\b/gi, '@\u200b$1');
}
