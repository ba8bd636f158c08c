/**
 * Candidate answers: every entity, list and fact the bot can answer with, each with a bag
 * of features (from its names, aliases and example questions) for BM25 ranking, and the
 * features a question must contain for it to be considered at all (its gate).
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { Lang } from '../reply.js';
import { Lexicon, type Term } from './lexicon.js';
import { isSignal, REREADING_SIGNALS, SHAPE_CONCEPTS } from './signals.js';
import type { ReadLang } from './stem.js';
import { words } from './text.js';
import type { Candidate, CandidateKind } from './types.js';

function phrasesOf(texts: string[], lang: ReadLang, feature: string): Term[] {
  return texts.map((t) => ({ feature, lang, words: words(t) }));
}

/** Builds the lexicon (concepts + entity names) from the knowledge base. */
export function buildLexicon(kb: KnowledgeBase): Lexicon {
  const terms: Term[] = [];
  const docWords: string[] = [];
  const shapeWords: string[] = [];
  for (const c of kb.concepts) {
    // Shape words ("is", "entä", "it") count by their place in the sentence, not as features;
    // they are known words all the same ("käsitteleekö" is not a typo).
    if (SHAPE_CONCEPTS.has(c.id)) {
      for (const t of [...c.en, ...c.fi, ...c.sv]) shapeWords.push(...words(t));
      continue;
    }
    terms.push(...phrasesOf(c.en, 'en', `c:${c.id}`), ...phrasesOf(c.fi, 'fi', `c:${c.id}`), ...phrasesOf(c.sv, 'sv', `c:${c.id}`));
    if (isSignal(`c:${c.id}`) && !REREADING_SIGNALS.has(`c:${c.id}`)) for (const t of [...c.en, ...c.fi, ...c.sv]) shapeWords.push(...words(t));
  }
  for (const p of kb.parties) {
    const f = `party:${p.id}`;
    terms.push(...phrasesOf([p.id, p.shortName, p.name.en, ...p.aliases.en], 'en', f));
    terms.push(...phrasesOf([p.id, p.shortName, p.name.fi, ...p.aliases.fi], 'fi', f));
  }
  for (const g of kb.goals) {
    terms.push(...phrasesOf([g.name.en, ...g.aliases.en], 'en', `goal:${g.id}`), ...phrasesOf([g.name.fi, ...g.aliases.fi], 'fi', `goal:${g.id}`));
  }
  for (const a of kb.focusAreas) {
    terms.push(...phrasesOf([a.name.en, ...a.aliases.en], 'en', `focus:${a.id}`), ...phrasesOf([a.name.fi, ...a.aliases.fi], 'fi', `focus:${a.id}`));
  }
  for (const pl of kb.places) {
    terms.push(...phrasesOf([pl.name.en, ...pl.aliases.en], 'en', `place:${pl.id}`), ...phrasesOf([pl.name.fi, ...pl.aliases.fi], 'fi', `place:${pl.id}`));
  }
  for (const f of [...kb.agreement.facts, ...kb.faq]) {
    for (const t of [f.label.en, f.label.fi, ...f.questions.en, ...f.questions.fi, f.answer.en, f.answer.fi]) docWords.push(...words(t));
  }
  for (const p of kb.parties) docWords.push(...words(p.description.en), ...words(p.description.fi));
  for (const g of kb.goals) docWords.push(...words(g.description.en), ...words(g.description.fi));
  for (const pl of kb.places) docWords.push(...words(pl.description.en), ...words(pl.description.fi));
  for (const a of kb.focusAreas) docWords.push(...words(a.why.en), ...words(a.why.fi));
  return Lexicon.build(terms, docWords, shapeWords);
}

/**
 * The features of some texts. For an entity (`unique`), each feature counts once however
 * many of its aliases share it: twenty aliases must not make "firms" weigh less (BM25 length
 * normalisation) than a two-word list entry.
 */
function bagOf(lex: Lexicon, texts: { text: string; lang: Lang }[], extra: string[], unique = false): Map<string, number> {
  const bag = new Map<string, number>();
  const add = (f: string) => bag.set(f, unique ? 1 : (bag.get(f) ?? 0) + 1);
  // Frame signals ("exactly", "more than") say how a question is asked, never which answer fits.
  for (const { text, lang } of texts) for (const f of lex.analyze(text, lang, { correctTypos: false }).features) if (!isSignal(f)) add(f);
  for (const f of extra) bag.set(f, (bag.get(f) ?? 0) + 1);
  return bag;
}

/**
 * Concepts that say what kind of question it is, not what it is about ("what", "who",
 * "how many"): they never make a question in-scope on their own.
 */
export const GENERIC_CONCEPTS = new Set(['c:what', 'c:who', 'c:role', 'c:all', 'c:where', 'c:when', 'c:why', 'c:count', 'c:region', 'c:help', 'c:greeting']);

/** True for features that name a topic of the agreement (entities and topical concepts). */
export function isTopical(f: string): boolean {
  return !f.startsWith('w:') && !f.startsWith('n:') && !GENERIC_CONCEPTS.has(f) && !isSignal(f);
}

/** Concepts too broad to open an entity on their own (kind words and time words). */
const NOT_GATES = new Set(['c:party', 'c:goal', 'c:focus', 'c:start', 'c:end', 'c:period', 'c:progress']);

/** The entity's own feature plus the topical concepts its names use ("firms" → c:company). */
function entityGate(feature: string, bag: Map<string, number>): string[] {
  return [feature, ...[...bag.keys()].filter((f) => f.startsWith('c:') && isTopical(f) && !NOT_GATES.has(f))];
}

function candidate(id: string, kind: CandidateKind, ref: string, bag: Map<string, number>, gate: string[]): Candidate {
  let length = 0;
  for (const n of bag.values()) length += n;
  return { id, kind, ref, bag, length, gate };
}

const both = (en: string[], fi: string[]) => [...en.map((text) => ({ text, lang: 'en' as const })), ...fi.map((text) => ({ text, lang: 'fi' as const }))];

/** An entity's names and aliases in both languages. */
const namesOf = (e: { name: { en: string; fi: string }; aliases: { en: string[]; fi: string[] } }) =>
  both([e.name.en, ...e.aliases.en], [e.name.fi, ...e.aliases.fi]);

/** Builds every candidate answer. */
export function buildCandidates(kb: KnowledgeBase, lex: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  for (const p of kb.parties) {
    const bag = bagOf(lex, namesOf(p), [`party:${p.id}`, 'c:party', 'c:role', 'c:what'], true);
    out.push(candidate(`party:${p.id}`, 'party', p.id, bag, [`party:${p.id}`]));
  }
  const facts = [...kb.agreement.facts, ...kb.faq];
  const listBag = (use: string, base: [string, number][]) => {
    const bag = new Map(base);
    for (const f of facts.filter((x) => x.use === use)) {
      for (const [k, n] of bagOf(lex, both([f.label.en, ...f.questions.en], [f.label.fi, ...f.questions.fi]), [])) bag.set(k, (bag.get(k) ?? 0) + n);
    }
    return bag;
  };
  out.push(candidate('list:parties', 'parties', 'parties', listBag('parties', [['c:party', 3], ['c:who', 2], ['c:all', 1], ['c:agreement', 1], ['c:contracting', 1], ['c:cooperation', 1], ['c:authority', 1], ['c:ministry', 1], ['c:university', 1]]), ['c:party', 'c:who', 'c:ministry', 'c:university', 'c:authority']));
  for (const g of kb.goals) {
    // The gate ignores the added kind words (c:goal, c:count, c:progress), so the bag serves for it.
    const bag = bagOf(lex, namesOf(g), [`goal:${g.id}`, 'c:goal', 'c:count', 'c:progress'], true);
    out.push(candidate(`goal:${g.id}`, 'goal', g.id, bag, entityGate(`goal:${g.id}`, bag)));
  }
  out.push(candidate('list:goals', 'goals', 'goals', listBag('goals', [['c:goal', 3], ['c:all', 1], ['c:agreement', 1], ['c:count', 1], ['c:progress', 1]]), ['c:goal', 'c:progress']));
  for (const a of kb.focusAreas) {
    const bag = bagOf(lex, namesOf(a), [`focus:${a.id}`, 'c:focus', 'c:why'], true);
    out.push(candidate(`focus:${a.id}`, 'focus', a.id, bag, entityGate(`focus:${a.id}`, bag)));
  }
  out.push(candidate('list:focus-areas', 'focus-areas', 'focus-areas', listBag('focus-areas', [['c:focus', 3], ['c:all', 1], ['c:agreement', 1], ['c:what', 1], ['c:why', 1]]), ['c:focus']));
  for (const pl of kb.places) {
    const bag = bagOf(lex, namesOf(pl), [`place:${pl.id}`, 'c:where', 'c:what'], true);
    out.push(candidate(`place:${pl.id}`, 'place', pl.id, bag, [`place:${pl.id}`]));
  }
  for (const f of facts.filter((x) => x.use === undefined)) {
    // Its own id, so a follow-up ("who signed it?") can point back at it.
    const bag = bagOf(lex, both([f.label.en, ...f.questions.en], [f.label.fi, ...f.questions.fi]), [`fact:${f.id}`]);
    out.push(candidate(`fact:${f.id}`, 'fact', f.id, bag, []));
  }
  out.push(candidate('help', 'help', 'help', new Map([['c:help', 3], ['c:greeting', 3]]), ['c:help', 'c:greeting']));
  return out;
}
