/** Text normalisation for matching (never for storage: titles are stored as given). */

/** Lower-case (NFKC), punctuation and symbols to single spaces, trimmed. */
export function matchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key two titles share when they name the same thing ("Acme Oy" = "ACME  oy."). */
export function titleKey(title: string): string {
  return matchKey(title);
}

/** Length in characters as people count them (an emoji is one), not UTF-16 units. */
export function charLength(text: string): number {
  return [...text].length;
}
