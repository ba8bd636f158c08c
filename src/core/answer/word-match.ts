/**
 * Whether a question's word matches a term's word: exactly, by stem, or by stem prefix
 * (Finnish and Swedish inflect by endings; English by a few endings), with the guards that
 * keep short stems from matching other words.
 */
import { stem, type ReadLang } from './stem.js';
import { commonPrefix } from './text.js';

const MIN_PREFIX = 4;
/**
 * After a stem of only MIN_PREFIX letters, a longer remainder is more likely another word
 * ("vast|aavan" is not "vastuu", "karj|alan…" not "kärjet") than an ending ("raha|a", "kulu|ja").
 */
const SHORT_STEM_ENDING = 4;

/** What English adds to a stem: inflections and common derivations. */
const EN_ENDING = /^(s|es|e|ed|d|er|ers|ing|ings|ly|al|ally|ation|ations|ion|ions|isation|ization|ment|ments|ity|ies|y|ise|ize|ised|ized)?$/;


/** Entity names (parties, places) rather than concept words. */
export function isName(f: string): boolean {
  return f.startsWith('party:') || f.startsWith('place:');
}

/**
 * Does token `tok` match term word `w` (with stem `ws`, in `lang`)? Returns the matched
 * length, 0 if none. `name`: the term names an entity (CSC, ELY), not a concept word.
 */
export function wordMatch(tok: string, w: string, ws: string, lang: ReadLang, name: boolean): number {
  if (tok === w) return tok.length;
  if (w.length <= 3) {
    // Short names (CSC, ELY, TEM) match exactly or with a short Finnish ending (ELYn);
    // short words ("all", "ala") only exactly, or "allas" would be "all".
    return name && w.length === 3 && tok.startsWith(w) && tok.length <= w.length + 2 ? w.length : 0;
  }
  if (stem(tok, lang) === ws) return tok.length;
  const lcp = commonPrefix(tok, ws);
  // Finnish and Swedish inflect by endings: a stem prefix is enough, but a short stem
  // followed by a long remainder is another word ("karj|alanpiirakoille" is not "kärjet").
  if (lang !== 'en') {
    if (ws.length >= MIN_PREFIX && lcp >= Math.max(MIN_PREFIX, ws.length - 1) && (lcp > MIN_PREFIX || tok.length - lcp <= SHORT_STEM_ENDING)) return lcp;
  } else if (ws.length >= 5 && lcp >= ws.length && EN_ENDING.test(tok.slice(lcp))) {
    // English: an ending on the stem ("commercialisation"), not another word ("commit|tee").
    return lcp;
  }
  return 0;
}
