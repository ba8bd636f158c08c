/**
 * Frame signals: concepts (knowledge/concepts.yaml) that say *how* a question is asked —
 * yes/no, a comparison, "tell me more", an attribute the knowledge base does not hold —
 * never what it is about. Three of them count by their place in the sentence ("Is …",
 * "and …?", "it"): their words are read as word sets here, not compiled into the lexicon.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import { words } from './text.js';
import type { Shape } from './types.js';

/** Concepts matched by position (word sets), not as features. */
export const SHAPE_CONCEPTS = new Set(['yes-no', 'modal', 'follow-up', 'pronoun', 'pronoun-plural', 'question-word', 'conjunction']);

/** Signal concepts compiled as features; they never make a question about something. */
const SIGNALS = new Set([
  'c:more',
  'c:else',
  'c:thanks',
  'c:greeting',
  'c:bye',
  'c:language-ask',
  'c:how-to-report',
  'c:ack',
  'c:injection',
  'c:compare-more',
  'c:compare-less',
  'c:superlative',
  'c:superlative-least',
  'c:compare',
  'c:compare-other',
  'c:exactly',
  'c:at-least',
  'c:over',
  'c:until',
  'c:enough',
  'c:current',
  'c:obligation',
  'c:approve',
  'c:target-modal',
  'c:brief',
  'c:so-far',
  'c:ordinal-1',
  'c:ordinal-2',
  'c:ordinal-3',
  'c:ordinal-4',
  'c:ordinal-5',
  'c:ordinal-6',
  'c:ordinal-7',
  'c:ordinal-last',
  'c:quantitative',
  'c:qualitative',
]);

/**
 * Signals that re-read words of topical concepts ("reported" is progress, "should" a goal
 * word): their words stay typo-correctable, as the topical concept's words always were.
 */
export const REREADING_SIGNALS = new Set(['c:brief', 'c:target-modal', 'c:so-far', 'c:ordinal-1', 'c:ordinal-last']);

/** True for a frame signal feature (`c:more`, `c:gap-address`…). */
export function isSignal(f: string): boolean {
  return SIGNALS.has(f) || isGapAttribute(f);
}

/** Attributes no entity has in the knowledge base (`gap` in concepts.yaml): street address, budget… */
export function isGapAttribute(f: string): boolean {
  return f.startsWith('c:gap-');
}


/** Personal pronouns and possessives always point back; demonstratives only when they stand alone. */
const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those', 'tama', 'tassa', 'tasta', 'tahan', 'tata', 'nama', 'tuo', 'nuo']);

/** The shape words of a knowledge base, folded as the engine's words are. */
export interface ShapeWords {
  yesNo: Set<string>;
  questionWords: Set<string>;
  followUp: string[][];
  pronouns: Set<string>;
  /** Openers that ask what is possible or allowed ("can my company join?"), not what is. */
  modals: Set<string>;
  /** Plural pronouns ("they", "ne"): they point back at entities, never at the agreement itself. */
  plurals: Set<string>;
  /** Words joining two things asked about ("and", "ja", "vai"). */
  conjunctions: Set<string>;
  /** Openers skipped before looking at the first word ("ok", "hi", "no"). */
  fillers: Set<string>;
  /** Every shape word: they shape a question and are never its topic. */
  all: Set<string>;
}

function wordsOf(kb: KnowledgeBase, ids: string[]): string[] {
  return kb.concepts.filter((c) => ids.includes(c.id)).flatMap((c) => [...c.en, ...c.fi, ...c.sv]);
}

/** Reads the shape words from the concepts. */
export function shapeWords(kb: KnowledgeBase): ShapeWords {
  const single = (ids: string[]) => new Set(wordsOf(kb, ids).map((w) => words(w).join(' ')));
  return {
    yesNo: single(['yes-no']),
    questionWords: single(['question-word']),
    followUp: wordsOf(kb, ['follow-up'])
      .map(words)
      .filter((w) => w.length > 0)
      .sort((a, b) => b.length - a.length),
    pronouns: single(['pronoun']),
    conjunctions: single(['conjunction']),
    plurals: single(['pronoun-plural']),
    modals: single(['modal']),
    all: single([...SHAPE_CONCEPTS]),
    fillers: single(['ack', 'greeting', 'thanks']),
  };
}

/** True when `tokens` from `i` start with `phrase`. */
function startsWith(tokens: string[], i: number, phrase: string[]): boolean {
  return phrase.every((w, j) => tokens[i + j] === w);
}

/** "Is there …?", "there are …": "there" that points at no place. */
function existential(tokens: string[], j: number, sw: ShapeWords): boolean {
  return tokens[j] === 'there' && ((j === 1 && sw.yesNo.has(tokens[0]!)) || ['is', 'are', 'was', 'were', 's'].includes(tokens[j + 1] ?? ''));
}

/** A Finnish verb with the question clitic (-ko/-kö, "onks"): "kuuluuko", "riittääkö", "onks". */
function hasQuestionClitic(word: string): boolean {
  return word.length >= 4 && /(ko|kos|ks)$/.test(word);
}

/**
 * The shape of a question from its word order: a yes/no question opens with an auxiliary
 * ("Is", "Does") or a Finnish verb with -ko/-kö and asks no question word later; "X or Y?"
 * is a choice, not a yes/no question. `covered` marks tokens the lexicon matched.
 * `markerEnd` is the index of the first token after an opening "and" / "what about" / "entä".
 * `names` are words typed with a capital mid-sentence (names, not question words).
 */
export function shapeOf(tokens: string[], covered: string[][], sw: ShapeWords, names: Set<string> = new Set(), unknown: Set<string> = new Set()): { shape: Shape; markerEnd: number } {
  let i = 0;
  while (i < tokens.length - 1 && sw.fillers.has(tokens[i]!)) i++;
  const marker = sw.followUp.find((p) => p.length < tokens.length - i && startsWith(tokens, i, p));
  const markerEnd = marker ? i + marker.length : 0;
  const first = tokens[marker ? markerEnd : i] ?? '';
  const rest = tokens.slice((marker ? markerEnd : i) + 1);
  // "Mika" typed as a name is not "mikä" typed without diacritics.
  const asksWh = rest.some((t) => sw.questionWords.has(t) && !names.has(t));
  // "Is X a party or just a partner?" is a choice; "does it mention tourism or forestry?" still yes/no.
  const choice = (rest.includes('or') || rest.includes('vai')) && !rest.some((t) => unknown.has(t));
  const opensYesNo = sw.yesNo.has(first) || (hasQuestionClitic(first) && !sw.questionWords.has(first));
  const pronoun = tokens.some((t, j) => sw.pronouns.has(t) && !(DEMONSTRATIVES.has(t) && (covered[j + 1]?.length ?? 0) > 0) && !existential(tokens, j, sw));
  return { shape: { yesNo: opensYesNo && !asksWh && !choice, modal: sw.modals.has(first), followUpMarker: marker !== undefined, pronoun }, markerEnd };
}
