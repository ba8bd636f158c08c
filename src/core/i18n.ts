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

/**
 * Where text may be cut at or before `at` without splitting a character as people see it:
 * not inside a surrogate pair (an emoji), not before a combining mark, variation selector or
 * skin tone, not on either side of a zero-width joiner.
 */
export function safeCut(text: string, at: number): number {
  let cut = Math.max(0, Math.min(at, text.length));
  const joins = (i: number) => /^[\u200d\ufe00-\ufe0f\p{M}]$/u.test(text[i] ?? '') || text[i - 1] === '\u200d';
  const lowSurrogate = (i: number) => /[\udc00-\udfff]/.test(text[i] ?? '') && /[\ud800-\udbff]/.test(text[i - 1] ?? '');
  const skinTone = (i: number) => text.codePointAt(i) !== undefined && text.codePointAt(i)! >= 0x1f3fb && text.codePointAt(i)! <= 0x1f3ff;
  while (cut > 0 && cut < text.length && (lowSurrogate(cut) || joins(cut) || skinTone(cut))) cut--;
  return cut;
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
