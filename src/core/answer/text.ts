/**
 * Text normalisation and word-level tools shared by the answer engine: Unicode NFC, case
 * folding, punctuation to spaces, diacritic folding, edit distance.
 */

/**
 * Lower case, punctuation and symbols to spaces, whitespace collapsed, diacritics folded
 * (ä → a, ö → o, å → a): Finnish typed without them ("mita", "paattyy") is first-class
 * input, so every word the engine compares, the knowledge's and the question's, is folded.
 */
export function normalize(text: string): string {
  return fold(
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/[’`´]/g, "'")
      .replace(/(\p{L})'(\p{L})/gu, '$1$2')
      // Finnish case endings after an abbreviation: "CSC:n", "CEMIS:iin", "EU:n" → the name.
      .replace(/([\p{L}\p{N}]):\p{L}{1,5}(?![\p{L}])/gu, '$1')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  );
}

/** The words of a text, normalised. */
export function words(text: string): string[] {
  const n = normalize(text);
  return n === '' ? [] : n.split(' ');
}

/** The letters Finnish and Swedish questions use, folded without Unicode decomposition (the hot path). */
const NORDIC: Record<string, string> = { ä: 'a', ö: 'o', å: 'a', Ä: 'A', Ö: 'O', Å: 'A', é: 'e', É: 'E', ü: 'u', Ü: 'U' };

/** Removes diacritics (ä → a, ö → o), back to NFC for anything left. */
export function fold(word: string): string {
  // Most questions are plain ASCII or use only ä/ö/å: no decomposition needed.
  if (!/[^\x00-\x7f]/.test(word)) return word;
  const quick = word.replace(/[äöåÄÖÅéÉüÜ]/g, (c) => NORDIC[c]!);
  if (!/[^\x00-\x7f]/.test(quick)) return quick;
  return quick.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Length of the common prefix of two strings. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Reused rows for `editDistance`: typo correction runs it thousands of times per question. */
let rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions),
 * stopping early once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rows[0]!.length) rows = [0, 1, 2].map(() => new Int32Array(b.length * 2 + 2));
  let prevPrev = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prevPrev[j - 2]! + 1);
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

/** A 32-bit set of the letters in a word (a–z by letter, anything else hashed into the rest). */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    mask |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return mask;
}

/** Number of set bits. */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
