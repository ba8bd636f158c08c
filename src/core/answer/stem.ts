/**
 * Snowball stemming for both languages (@orama/stemmers), memoised: the vocabulary is
 * small and questions repeat words, so the cache keeps answering well under a millisecond.
 */
import { stemmer as finnishStemmer } from '@orama/stemmers/finnish';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import type { Lang } from '../reply.js';

const caches: Record<Lang, Map<string, string>> = { en: new Map(), fi: new Map() };
const stemmers: Record<Lang, (w: string) => string> = { en: englishStemmer, fi: finnishStemmer };

/** Caps the memo so a flood of random input cannot grow memory without bound. */
const MAX_CACHE = 50_000;

/** The Snowball stem of a normalised word in a language. */
export function stem(word: string, lang: Lang): string {
  const cache = caches[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = /^\p{L}+$/u.test(word) ? stemmers[lang](word) : word;
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, s);
  }
  return s;
}
