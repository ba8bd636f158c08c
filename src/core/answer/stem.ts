/**
 * Snowball stemming (@orama/stemmers), memoised: the vocabulary is small and questions
 * repeat words, so the cache keeps answering well under a millisecond. Swedish is only
 * read (its questions are answered in English), never written.
 */
import { stemmer as finnishStemmer } from '@orama/stemmers/finnish';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as swedishStemmer } from '@orama/stemmers/swedish';
import type { Lang } from '../reply.js';

/** The languages words are read in: the two answer languages, and Swedish. */
export type ReadLang = Lang | 'sv';

const caches: Record<ReadLang, Map<string, string>> = { en: new Map(), fi: new Map(), sv: new Map() };
const stemmers: Record<ReadLang, (w: string) => string> = { en: englishStemmer, fi: finnishStemmer, sv: swedishStemmer };

/** Caps the memo so a flood of random input cannot grow memory without bound. */
const MAX_CACHE = 50_000;

/** The Snowball stem of a normalised word in a language. */
export function stem(word: string, lang: ReadLang): string {
  const cache = caches[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = /^\p{L}+$/u.test(word) ? stemmers[lang](word) : word;
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, s);
  }
  return s;
}
