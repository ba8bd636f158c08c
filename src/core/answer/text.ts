/**
 * Text normalisation and word-level tools shared by the answer engine: Unicode NFC, case
 * folding, punctuation to spaces, diacritic folding for typo comparison, edit distance.
 */

/** NFC, lower case, punctuation and symbols to spaces, whitespace collapsed. */
export function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    .replace(/(\p{L})'(\p{L})/gu, '$1$2')
    // Finnish case endings after an abbreviation: "CSC:n", "CEMIS:iin", "EU:n" → the name.
    .replace(/([\p{L}\p{N}]):\p{L}{1,5}(?![\p{L}])/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a text, normalised. */
export function words(text: string): string[] {
  const n = normalize(text);
  return n === '' ? [] : n.split(' ');
}

/** Removes diacritics (ä → a, ö → o) for comparing typos like "Jyvaskyla". */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Length of the common prefix of two strings. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions),
 * stopping early once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(b.length + 1).fill(0);
  let prevPrev = prev2;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]!;
}
