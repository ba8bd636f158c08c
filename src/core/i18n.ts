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
