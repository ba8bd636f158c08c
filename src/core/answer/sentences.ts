/**
 * The knowledge base's sentences, each with the entry it belongs to and its sources: what
 * an honest gap quotes as "what the sources do say", what "tell me more" adds, and where a
 * name mentioned only in passing ("Puhti", "Lintilä") is found.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { Lang } from '../reply.js';
import { entityName, entitySourceIds, entityText } from './compose/entities.js';
import { words } from './text.js';

/** One sentence of the knowledge base. */
export interface KbSentence {
  /** The candidate it belongs to (`place:renforsin-ranta`, `fact:signing`). */
  entry: string;
  lang: Lang;
  text: string;
  words: string[];
  sources: string[];
}

export interface SentenceIndex {
  /** Names written with a capital mid-sentence in both languages (folded → as written): proper nouns. */
  names: Map<string, string>;
  /** Sentences that contain a word (or a Finnish inflection of it), entity descriptions first. */
  mentioning(word: string, lang: Lang): KbSentence[];
  /** Sentences sharing the most words with a question (at least `min`), best first. */
  about(words: string[], lang: Lang, min?: number): KbSentence[];
  /** Sentences of other entries that name an entity, for "tell me more". */
  related(entry: string, names: string[], lang: Lang): KbSentence[];
}

/** Finnish inflects names with short endings ("Puhdin", "Lintilän", "Mahtia"). */
const MAX_ENDING = 3;
/** Words shorter than this say too little to count as shared. */
const MIN_WORD = 4;

function matchesWord(sentenceWord: string, word: string): boolean {
  return sentenceWord === word || (word.length >= MIN_WORD && sentenceWord.startsWith(word) && sentenceWord.length - word.length <= MAX_ENDING);
}

function split(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}])/u).filter((s) => s.trim() !== '');
}

/** Words capitalised other than at the start of a sentence. */
function capitalised(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of split(text)) {
    const typed = s.match(/[\p{L}][\p{L}-]*/gu) ?? [];
    typed.slice(1).forEach((w) => {
      if (/^\p{Lu}/u.test(w)) for (const f of words(w)) out.set(f, w);
    });
  }
  return out;
}

/** Builds the sentence index of a knowledge base. */
export function buildSentences(kb: KnowledgeBase): SentenceIndex {
  const entries = [
    ...kb.parties.map((p) => `party:${p.id}`),
    ...kb.goals.map((g) => `goal:${g.id}`),
    ...kb.focusAreas.map((a) => `focus:${a.id}`),
    ...kb.places.map((p) => `place:${p.id}`),
    ...[...kb.agreement.facts, ...kb.faq].map((f) => `fact:${f.id}`),
  ];
  const all: KbSentence[] = [];
  const caps: Record<Lang, Map<string, string>> = { en: new Map(), fi: new Map() };
  for (const entry of entries) {
    const sources = entitySourceIds(kb, entry);
    for (const lang of ['en', 'fi'] as const) {
      const text = entityText(kb, entry, lang);
      for (const s of split(text)) all.push({ entry, lang, text: s, words: words(s), sources });
      for (const [k, v] of capitalised(text)) caps[lang].set(k, v);
    }
  }
  const names = new Map([...caps.en].filter(([k]) => caps.fi.has(k)));
  const entityFirst = (a: KbSentence, b: KbSentence) => Number(a.entry.startsWith('fact:')) - Number(b.entry.startsWith('fact:')) || a.text.length - b.text.length;
  // Word → sentences, per language, so lookups touch only the sentences that hold a word.
  const byWord: Record<Lang, Map<string, KbSentence[]>> = { en: new Map(), fi: new Map() };
  for (const s of all) for (const w of new Set(s.words)) byWord[s.lang].set(w, [...(byWord[s.lang].get(w) ?? []), s]);
  const withWord = (word: string, lang: Lang): Set<KbSentence> => {
    const out = new Set<KbSentence>();
    for (const [w, list] of byWord[lang]) if (matchesWord(w, word)) for (const s of list) out.add(s);
    return out;
  };
  const prefixes = new Map(all.map((s) => [s, new Set(s.words.map((w) => w.slice(0, 5)))]));
  return {
    names,
    mentioning(word, lang) {
      return [...withWord(word, lang)].sort(entityFirst);
    },
    about(ws, lang, min = 1) {
      const asked = [...new Set(ws.filter((w) => w.length >= MIN_WORD).map((w) => w.slice(0, 5)))];
      return all
        .filter((s) => s.lang === lang)
        .map((s) => ({ s, n: asked.filter((p) => prefixes.get(s)!.has(p)).length }))
        .filter((x) => x.n >= min)
        .sort((a, b) => b.n - a.n || entityFirst(a.s, b.s))
        .map((x) => x.s);
    },
    related(entry, entryNames, lang) {
      const named = entryNames.map((n) => words(n)).filter((n) => n.length > 0);
      const found = new Set<KbSentence>();
      for (const n of named) {
        let hit: Set<KbSentence> | undefined;
        for (const w of n) hit = hit ? new Set([...withWord(w, lang)].filter((s) => hit!.has(s))) : withWord(w, lang);
        for (const s of hit ?? []) if (s.entry !== entry) found.add(s);
      }
      return all.filter((s) => found.has(s));
    },
  };
}

/** The entry's display name, for leads such as "Renforsin Ranta business park: …". */
export function entryLabel(kb: KnowledgeBase, entry: string, lang: Lang): string {
  return entityName(kb, entry, lang);
}
