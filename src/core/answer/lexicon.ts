/**
 * The lexicon turns a question into features the ranker compares with candidate answers:
 * concept ids (`c:goal`), entity ids (`party:KAMK`, `goal:companies`, `focus:…`, `place:…`)
 * and stems of other words (`w:…`). Matching survives Finnish inflection and compounds
 * (stem-prefix matching, compound remainders) and typos (edit distance against the
 * vocabulary, with diacritics folded).
 */
import type { Lang } from '../reply.js';
import { stem, type ReadLang } from './stem.js';
import { editDistance, fold, letterMask, popcount, words } from './text.js';
import { isName, wordMatch } from './word-match.js';
import { STOPWORDS } from './stopwords.js';
import type { Analysis } from './types.js';

export type { Analysis } from './types.js';

/** A word or phrase that stands for a feature. */
export interface Term {
  feature: string;
  lang: ReadLang;
  words: string[];
}

interface CompiledTerm extends Term {
  stems: string[];
}

/** A compiled lexicon as plain data. */
export interface LexiconSnapshot {
  terms: CompiledTerm[];
  vocab: string[];
  vocabStems: string[];
  vocabByLength: [number, { folded: string; word: string; mask: number }[]][];
}

/** Bounds on what is analysed, so no input can make answering slow. */
const MAX_TEXT = 4_000;
const MAX_TOKENS = 300;

/** True when token i directly follows "I'm (a)", "I am (a)" or "olen". */
function isSelfDescription(tokens: string[], i: number): boolean {
  const prev = tokens[i - 1];
  const prev2 = tokens[i - 2];
  if (prev === 'olen' || prev === 'im') return true;
  if ((prev === 'a' || prev === 'an') && (prev2 === 'im' || prev2 === 'am')) return true;
  return prev === 'am' && prev2 === 'i';
}

function indexKey(word: string): string {
  return fold(word).slice(0, 3);
}

export class Lexicon {
  private readonly byKey = new Map<string, CompiledTerm[]>();
  /** The same terms grouped by their first word (and language): a token is matched once per group. */
  private readonly groups = new Map<string, { w: string; ws: string; lang: ReadLang; name: boolean; terms: CompiledTerm[] }[]>();
  private readonly vocab: Set<string>;
  private readonly vocabStems = new Set<string>();
  /** Folded vocabulary words by length, each with its original spelling. */
  private readonly vocabByLength = new Map<number, { folded: string; word: string; mask: number }[]>();

  /** Rebuilds a lexicon from its snapshot (see `toSnapshot`) without stemming anything again. */
  constructor(snapshot: LexiconSnapshot) {
    for (const ct of snapshot.terms) {
      const k = indexKey(ct.words[0]!);
      const list = this.byKey.get(k) ?? [];
      list.push(ct);
      this.byKey.set(k, list);
    }
    for (const [k, list] of this.byKey) {
      list.sort((a, b) => b.words.length - a.words.length);
      const byFirst = new Map<string, { w: string; ws: string; lang: ReadLang; name: boolean; terms: CompiledTerm[] }>();
      for (const t of list) {
        const name = isName(t.feature);
        const g = `${t.words[0]}\u0000${t.lang}\u0000${name}`;
        if (!byFirst.has(g)) byFirst.set(g, { w: t.words[0]!, ws: t.stems[0]!, lang: t.lang, name, terms: [] });
        byFirst.get(g)!.terms.push(t);
      }
      this.groups.set(k, [...byFirst.values()]);
    }
    this.vocab = new Set(snapshot.vocab);
    for (const st of snapshot.vocabStems) this.vocabStems.add(st);
    for (const [len, list] of snapshot.vocabByLength) this.vocabByLength.set(len, list);
  }

  /**
   * Compiles a lexicon: stems every term word and vocabulary word (the slow part of start-up).
   * @param terms  phrases that map to concept/entity features
   * @param docWords  other words that appear in the knowledge (count as known)
   * @param knownWords  words that count as known but are never a typo correction ("sitä" for
   *   "Sitra", "more" for "move"): shape and signal words, which would change what is asked
   */
  static build(terms: Term[], docWords: Iterable<string>, knownWords: Iterable<string> = []): Lexicon {
    const compiled: CompiledTerm[] = terms.filter((t) => t.words.length > 0).map((t) => ({ ...t, stems: t.words.map((w) => stem(w, t.lang)) }));
    const vocab = new Set<string>();
    for (const t of terms) for (const w of t.words) vocab.add(w);
    for (const w of docWords) vocab.add(w);
    const vocabStems = new Set<string>();
    const byLength = new Map<number, { folded: string; word: string; mask: number }[]>();
    const correctable = new Set(vocab);
    for (const w of knownWords) {
      vocab.add(w);
      correctable.delete(w);
    }
    for (const w of vocab) {
      vocabStems.add(stem(w, 'fi'));
      vocabStems.add(stem(w, 'en'));
      if (w.length < 4 || !/^\p{L}+$/u.test(w) || !correctable.has(w)) continue;
      const f = fold(w);
      const list = byLength.get(f.length) ?? [];
      list.push({ folded: f, word: w, mask: letterMask(f) });
      byLength.set(f.length, list);
    }
    return new Lexicon({ terms: compiled, vocab: [...vocab], vocabStems: [...vocabStems], vocabByLength: [...byLength] });
  }

  /** Everything the lexicon needs, as plain JSON-able data (for the start-up cache). */
  toSnapshot(): LexiconSnapshot {
    const terms: CompiledTerm[] = [];
    for (const list of this.byKey.values()) terms.push(...list);
    return { terms, vocab: [...this.vocab], vocabStems: [...this.vocabStems], vocabByLength: [...this.vocabByLength] };
  }

  /** Matches terms starting at position i; returns matches (feature, length in tokens, remainder). */
  private matchAt(tokens: string[], i: number): { feature: string; lang: ReadLang; len: number; rest?: string }[] {
    const tok = tokens[i]!;
    const out: { feature: string; lang: ReadLang; len: number; rest?: string }[] = [];
    for (const group of this.groups.get(indexKey(tok)) ?? []) {
      const first = wordMatch(tok, group.w, group.ws, group.lang, group.name);
      if (first === 0) continue;
      for (const term of group.terms) {
        if (i + term.words.length > tokens.length) continue;
        let ok = true;
        let rest: string | undefined;
        for (let j = 0; j < term.words.length && ok; j++) {
          const t = tokens[i + j]!;
          const m = j === 0 ? first : wordMatch(t, term.words[j]!, term.stems[j]!, term.lang, group.name);
          if (m === 0) ok = false;
          else if (j === term.words.length - 1 && t.length - m >= 4 && m >= term.stems[j]!.length) {
            // A compound: "datakeskus|tavoite". The remainder is analysed as a word of its own.
            rest = t.slice(m);
          }
        }
        if (ok) out.push({ feature: term.feature, lang: term.lang, len: term.words.length, rest });
      }
    }
    return out;
  }

  private isKnownWord(tok: string): boolean {
    return this.vocab.has(tok) || this.vocabStems.has(stem(tok, 'fi')) || this.vocabStems.has(stem(tok, 'en'));
  }

  /** The closest vocabulary word for a likely typo, or undefined. */
  private correct(tok: string): string | undefined {
    if (tok.length < 4 || !/^\p{L}+$/u.test(tok)) return undefined;
    // A typo in a short word rarely hits its first letter ("blaa" is not "alaa").
    const keepFirst = tok.length < 6;
    const f = fold(tok);
    const max = f.length >= 8 ? 2 : 1;
    const mask = letterMask(f);
    let best: string | undefined;
    let bestD = max + 1;
    for (let len = f.length - max; len <= f.length + max; len++) {
      for (const v of this.vocabByLength.get(len) ?? []) {
        // Each edit changes at most two letters of the letter set: a cheap filter before the DP.
        if (popcount(mask ^ v.mask) > 2 * max || (keepFirst && v.folded.charCodeAt(0) !== f.charCodeAt(0))) continue;
        const d = v.folded === f ? 0 : editDistance(f, v.folded, max);
        if (d < bestD) {
          bestD = d;
          best = v.word;
          if (d === 0) return best;
        }
      }
    }
    return best;
  }

  /**
   * Matches every term over the tokens. A name inside a longer phrase is dropped ("Kajaani"
   * in "Kajaani region", "Oulu" in "Oulun kaupunkiseutu"): the phrase is what was meant.
   */
  private matchAll(tokens: string[], features: Set<string>, covered: string[][], langs: Set<ReadLang>[], depth = 0): void {
    const found: { i: number; feature: string; lang: ReadLang; len: number; rest?: string }[] = [];
    // The longest match covering each token, to drop names inside longer phrases in one pass.
    const longest = new Array<number>(tokens.length).fill(0);
    for (let i = 0; i < tokens.length; i++) {
      for (const m of this.matchAt(tokens, i)) {
        found.push({ i, ...m });
        for (let j = i; j < i + m.len; j++) longest[j] = Math.max(longest[j]!, m.len);
      }
    }
    const kept = found.filter((m) => !isName(m.feature) || longest[m.i]! <= m.len);
    for (const m of kept) {
      features.add(m.feature);
      for (let j = m.i; j < m.i + m.len; j++) {
        covered[j]!.push(m.feature);
        langs[j]!.add(m.lang);
      }
      if (m.rest && depth < 2) {
        const inner: string[][] = [[]];
        this.matchAll([m.rest], features, inner, [new Set()], depth + 1);
        covered[m.i]!.push(...inner[0]!);
      }
    }
  }

  /** The last text's term matches: a question is matched for its language, then analysed (same matches). */
  private last: { text: string; tokens: string[]; features: string[]; covered: string[][]; langs: ReadLang[][] } | undefined;

  /** Tokens and term matches of a text (language-independent), the last one remembered. */
  private remembered(text: string): { tokens: string[]; features: string[]; covered: string[][]; langs: ReadLang[][] } {
    let m = this.last;
    if (m?.text !== text) {
      // A question is a few dozen words; past this, the rest of a pasted wall of text adds nothing.
      const tokens = words(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text).slice(0, MAX_TOKENS);
      const features = new Set<string>();
      const covered: string[][] = tokens.map(() => []);
      const langs: Set<ReadLang>[] = tokens.map(() => new Set());
      this.matchAll(tokens, features, covered, langs);
      m = { text, tokens, features: [...features], covered, langs: langs.map((l) => [...l]) };
      this.last = m;
    }
    return m;
  }

  /** The same, as copies: an analysis is the caller's to change. */
  private matched(text: string): { tokens: string[]; features: Set<string>; covered: string[][]; langs: Set<ReadLang>[] } {
    const m = this.remembered(text);
    return { tokens: [...m.tokens], features: new Set(m.features), covered: m.covered.map((c) => [...c]), langs: m.langs.map((l) => new Set(l)) };
  }

  /** Words matched only by Finnish, only by English or only by Swedish terms: language evidence, cheaply. */
  languageEvidence(text: string): Record<ReadLang, number> {
    const evidence: Record<ReadLang, number> = { en: 0, fi: 0, sv: 0 };
    for (const l of this.remembered(text).langs) if (l.length === 1) evidence[l[0]!]++;
    return evidence;
  }

  /** Analyses a text in a language. */
  analyze(text: string, lang: Lang, opts: { correctTypos?: boolean } = {}): Analysis {
    const first = this.matched(text);
    let tokens = first.tokens;
    const features = first.features;
    let covered = first.covered;
    let langs = first.langs;

    const corrections: { from: string; to: string }[] = [];
    if (opts.correctTypos !== false) {
      const fixed = tokens.map((t, i) => {
        if (covered[i]!.length > 0 || STOPWORDS.has(t) || this.isKnownWord(t)) return t;
        const c = this.correct(t);
        if (c && c !== t) corrections.push({ from: t, to: c });
        return c ?? t;
      });
      if (corrections.length > 0 || fixed.some((t, i) => t !== tokens[i])) {
        tokens = fixed;
        features.clear();
        covered = tokens.map(() => []);
        langs = tokens.map(() => new Set());
        this.matchAll(tokens, features, covered, langs);
      }
    }

    const content: Analysis['content'] = [];
    const unknown: string[] = [];
    const years: number[] = [];
    const numbers: number[] = [];
    tokens.forEach((t, i) => {
      if (STOPWORDS.has(t) && covered[i]!.length === 0) return;
      // "I'm a student", "olen toimittaja": the asker describing themselves, not the topic.
      if (covered[i]!.length === 0 && isSelfDescription(tokens, i)) return;
      content.push({ word: t, features: covered[i]! });
      if (/^20\d\d$/.test(t)) years.push(Number(t));
      else if (/^\d{1,4}$/.test(t)) numbers.push(Number(t));
      if (covered[i]!.length > 0) return;
      if (/^\d+$/.test(t)) {
        features.add(`n:${t}`);
        if (!this.isKnownWord(t)) unknown.push(t);
        return;
      }
      features.add(`w:${stem(t, lang)}`);
      if (!this.isKnownWord(t)) unknown.push(t);
    });
    const langEvidence: Record<ReadLang, number> = { en: 0, fi: 0, sv: 0 };
    for (const l of langs) if (l.size === 1) langEvidence[[...l][0]!]++;
    return { features, content, unknown, years, numbers, tokens, tokenFeatures: covered, corrections, langEvidence };
  }
}
