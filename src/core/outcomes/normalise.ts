/** Text normalisation for matching (never for storage: titles are stored as given, in NFC). */
import confusables from 'unhomoglyph/data.json' with { type: 'json' };

/** Lower-case (NFKC), punctuation and symbols to single spaces, trimmed. */
export function matchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Unicode's confusables (UTS #39, confusables.txt 13.0, as the `unhomoglyph` package ships
 * it: 6,311 characters, each mapped to the one it looks like), read into a map the first time
 * a key is made: building it costs a few milliseconds that start-up need not pay.
 */
let lookalikes: Map<string, string> | undefined;

/** UTS #39 skeleton: each character replaced by the prototype it looks like (Cyrillic "А" → Latin "A", "0" → "O"). */
export function skeleton(text: string): string {
  lookalikes ??= new Map(Object.entries(confusables as Record<string, string>));
  let out = '';
  for (const c of text.normalize('NFD')) out += lookalikes.get(c) ?? c;
  return out.normalize('NFD');
}

/** Characters that show as nothing (zero-width spaces, joiners, soft hyphens, bidi controls). */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * The key two titles share when they name the same thing: "Acme Oy" = "ACME  oy." = a
 * Cyrillic "Аcme Oy" = "Acme\u200bOy". Case, width, punctuation and spacing, invisible
 * characters and look-alike letters from other scripts all fold away. Only for comparing:
 * the key is not meant to be read ("m" folds to "rn", as in Unicode's own table).
 */
export function titleKey(title: string): string {
  const folded = skeleton(title.normalize('NFKC').toLowerCase().replace(INVISIBLE, ''));
  return folded
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Length in characters as people count them (an emoji is one), not UTF-16 units. */
export function charLength(text: string): number {
  return [...text].length;
}
