/** Small helpers for bilingual text. */
import type { Lang, Localized } from './reply.js';

/** Shorthand for a bilingual text. */
export function L(en: string, fi: string): Localized {
  return { en, fi };
}

/** Joins names as "A, B and C" / "A, B ja C". */
export function joinList(lang: Lang, items: string[]): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1]!;
  return `${items.slice(0, -1).join(', ')} ${lang === 'fi' ? 'ja' : 'and'} ${last}`;
}

/** Grapheme clusters as Unicode defines them (UAX #29): what people see as one character. */
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * How far back `safeCut` looks for a place that is surely between two characters. Text is
 * segmented from there, not from its start, so cutting a long text many times stays linear;
 * 4,096 units is far longer than any real grapheme (a ZWJ family is 11, a tag flag 14).
 */
const SEGMENT_WINDOW = 4096;

/**
 * A position at or before `at` that is a grapheme boundary whatever comes before it: between
 * two ASCII characters (other than CR LF), which no segmentation rule joins. 0 when none is
 * near.
 */
function anchorBefore(text: string, at: number): number {
  for (let i = at; i > 0 && i > at - SEGMENT_WINDOW; i--) {
    const a = text.charCodeAt(i - 1);
    const b = text.charCodeAt(i);
    if (a < 0x80 && b < 0x80 && !(a === 13 && b === 10)) return i;
  }
  return 0;
}

/**
 * Where text may be cut at or before `at` without splitting a character as people see it: a
 * grapheme boundary (`Intl.Segmenter`), so never inside a surrogate pair, an emoji ZWJ
 * sequence, a flag, a keycap or tag sequence, a skin tone, or a letter and its accents.
 */
export function safeCut(text: string, at: number): number {
  const cut = Math.max(0, Math.min(at, text.length));
  if (cut === 0 || cut === text.length) return cut;
  const start = anchorBefore(text, cut);
  if (start === cut) return cut;
  // The boundaries up to `cut` depend on the text before them and the next character (two
  // units when it is a surrogate pair), so the window ends just past it.
  let last = start;
  for (const { index } of GRAPHEMES.segment(text.slice(start, cut + 2))) {
    if (start + index > cut) break;
    last = start + index;
  }
  return last;
}

/**
 * Cuts text to at most `max` UTF-16 units (the conservative count of every platform's
 * "characters"), ending with … when cut, never inside a character.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, max - 1))}…`;
}

/** Capitalises the first letter ("työ- ja elinkeinoministeriö" starting a sentence). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Lower-cases the first letter of a title used mid-sentence ("How the numeric targets are
 * read" → "how the numeric targets are read"), unless its first word is a name or an
 * acronym (`isName`), or written in capitals ("CEMIS", "LUMI and …").
 */
export function lowerFirst(s: string, isName: (word: string) => boolean = () => false): string {
  const first = /^[\p{L}\p{N}-]+/u.exec(s)?.[0] ?? '';
  if (first === '' || (first.length > 1 && first === first.toUpperCase()) || isName(first)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The last line of a list or reply cut short: "… and 7 more — narrow it down". */
export function moreNote(lang: Lang, n: number): string {
  return lang === 'fi' ? `… ja ${n} muuta — rajaa tarkemmin.` : `… and ${n} more — narrow it down.`;
}
