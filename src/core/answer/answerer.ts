/**
 * The answer engine: question → language → features (lexicon) → ranked candidates (BM25)
 * → Reply with sources. Declines, with example questions, when the question is outside the
 * agreement; when two readings are close it answers the likelier and offers the other.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { Lang, Reply } from '../reply.js';
import { reply } from '../reply.js';
import { isTopical, type Candidate, type CandidateKind } from './candidates.js';
import { compiledIndex } from './index-cache.js';
import { Ranker, type Scored } from './rank.js';
import { candidateLabel, compose, notPartyNote } from './compose.js';
import { exampleQuestions, introduction } from './examples.js';
import type { Analysis } from './lexicon.js';
import { detectLanguage } from './language.js';

import type { AnswerHooks } from './types.js';

export type { AnswerHooks, GoalProgressView } from './types.js';

export interface AnswerOptions {
  /** The asker's language (detected by the caller or from the platform locale). */
  lang: Lang;
  hooks: AnswerHooks;
  /** What `understand(question, lang)` already returned, so the question is not analysed twice. */
  understood?: Understanding;
}

/** What the engine understood of a question: useful for store-backed answers and tests. */
export interface Understanding {
  lang: Lang;
  analysis: Analysis;
  ranked: Scored[];
  /** The chosen candidate, or null when the bot declines. */
  best: Candidate | null;
  /** A close second reading worth offering. */
  alternative: Candidate | null;
  /** The question asks about progress ("so far", "tähän mennessä"). */
  progressAsked: boolean;
  /** Entity ids mentioned, by kind. */
  entities: { parties: string[]; goals: string[]; years: number[] };
}

export interface Answerer {
  /** The language of a message, using the knowledge base's vocabulary as extra evidence. */
  detectLanguage(text: string, fallback: Lang): Lang;
  understand(question: string, lang: Lang): Understanding;
  answer(question: string, opts: AnswerOptions): Reply;
}

/** Below this BM25 score nothing matched well enough to answer. */
const MIN_SCORE = 1.0;
/** When more than this share of a question's topic words are unknown, it is about something else. */
const MAX_UNKNOWN_SHARE = 0.5;
/** Question words that say which kind of answer is wanted ("goal", "painopiste", "where"). */
const KIND_HINTS: [string, CandidateKind[]][] = [
  ['c:goal', ['goal', 'goals']],
  ['c:count', ['goal', 'goals']],
  ['c:progress', ['goal', 'goals']],
  ['c:focus', ['focus', 'focus-areas']],
  ['c:party', ['party', 'parties']],
  ['c:where', ['place']],
  ['c:help', ['help']],
];
const KIND_BOOST = 1.5;

/** A list answer and the kind of its members. */
const LIST_OF: Partial<Record<CandidateKind, CandidateKind>> = { parties: 'party', goals: 'goal', 'focus-areas': 'focus' };
/** A list yields to one of its members the question names ("montako yritystä" → companies). */
const LIST_YIELD = 0.75;

/**
 * Re-weights the BM25 ranking by the kind of answer the question asks for, and prefers a
 * named member over the whole list unless the question asks for all ("all goals").
 */
function applyKindHints(ranked: Scored[], features: Set<string>): Scored[] {
  const wanted = new Set<CandidateKind>();
  for (const [f, kinds] of KIND_HINTS) if (features.has(f)) kinds.forEach((k) => wanted.add(k));
  const named = new Set(ranked.map((s) => s.candidate.kind));
  const asksAll = features.has('c:all');
  return ranked
    .map((s) => {
      let score = wanted.has(s.candidate.kind) ? s.score * KIND_BOOST : s.score;
      const member = LIST_OF[s.candidate.kind];
      if (member && named.has(member) && !asksAll) score *= LIST_YIELD;
      return score === s.score ? s : { ...s, score };
    })
    .sort((a, b) => b.score - a.score);
}

/**
 * Names of places and organisations turn up in all kinds of questions ("weather in Kajaani",
 * "population of Oulu"), so on their own they count half as much as an agreement topic.
 */
function isNameOnly(features: string[]): boolean {
  return features.every((f) => f.startsWith('party:') || f.startsWith('place:') || f === 'c:state' || !isTopical(f));
}

/** Share of a question's topic words that the knowledge base does not know. */
function unknownShare(a: Analysis): number {
  let topical = 0;
  let unknown = 0;
  for (const c of a.content) {
    if (c.features.some(isTopical)) topical += isNameOnly(c.features) ? 0.5 : 1;
    else if (a.unknown.includes(c.word)) unknown++;
  }
  return topical + unknown === 0 ? 0 : unknown / (topical + unknown);
}
/** A different kind of answer scoring within this ratio of the best is offered too. */
const ALTERNATIVE_RATIO = 0.75;

function entityIds(features: Set<string>, prefix: string): string[] {
  return [...features].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
}

/**
 * Words of the question that look like names (capitalised as typed) and that the knowledge
 * base does not know: "Is Nokia a party?" → ["Nokia"]. Only asked-about parties are named.
 */
function unknownNames(question: string, u: Understanding): string[] {
  if (u.entities.parties.length > 0 || !u.analysis.features.has('c:party')) return [];
  // Unknown words, and other cities' names ("Helsinki"), as typed with a capital.
  const unknown = new Set([...u.analysis.unknown, ...u.analysis.content.filter((c) => c.features.includes('c:other-city')).map((c) => c.word)]);
  const typed = question.normalize('NFC').match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  return typed.filter((w, i) => i > 0 && /^\p{Lu}/u.test(w) && unknown.has(w.toLowerCase()));
}

/** Builds the answerer for a knowledge base (done once per load/reload). */
export function buildAnswerer(kb: KnowledgeBase): Answerer {
  const { lexicon, candidates } = compiledIndex(kb);
  const ranker = new Ranker(candidates);

  function understand(question: string, lang: Lang): Understanding {
    const analysis = lexicon.analyze(question, lang);
    const ranked = applyKindHints(ranker.rank(analysis.features), analysis.features);
    const top = ranked[0];
    // In scope only when the best answer shares a topic (not just "what"/"who") with the question.
    const sharesTopic =
      top !== undefined && (top.candidate.kind === 'help' || [...analysis.features].some((f) => (isTopical(f) || f.startsWith('w:')) && top.candidate.bag.has(f)));
    // Asking for help is always answered; a greeting only when nothing else was said.
    const helpAsked = top?.candidate.kind === 'help' && analysis.features.has('c:help');
    // "Tampere's agreement", "Turun budjetti": another city, and none of ours named. (Asking
    // whether it is a party is answered: "“Helsinki” is not among the parties".)
    const otherCity =
      analysis.features.has('c:other-city') && !analysis.features.has('c:party') && ![...analysis.features].some((f) => f.startsWith('party:') || f.startsWith('place:'));
    const declined = !helpAsked && (otherCity || !top || top.score < MIN_SCORE || !sharesTopic || unknownShare(analysis) > MAX_UNKNOWN_SHARE);
    // Another reading worth offering: a close runner-up of a different kind (a goal vs a focus area).
    const second = ranked.find((s) => s.candidate.kind !== top?.candidate.kind && s.candidate.kind !== 'help');
    const alternative = !declined && top && second && second.score >= top.score * ALTERNATIVE_RATIO ? second.candidate : null;
    return {
      lang,
      analysis,
      ranked,
      best: declined ? null : top.candidate,
      alternative,
      progressAsked: analysis.features.has('c:progress'),
      entities: { parties: entityIds(analysis.features, 'party:'), goals: entityIds(analysis.features, 'goal:'), years: analysis.years },
    };
  }

  function decline(lang: Lang): Reply {
    const text =
      lang === 'fi'
        ? 'En osaa vastata tähän. Vastaan vain kysymyksiin Kajaanin kaupunkiseudun innovaatioekosysteemisopimuksesta. Voit kysyä esimerkiksi:'
        : "I can't answer that: I only answer questions about the Kajaani city region innovation ecosystem agreement. You could ask, for example:";
    return reply(lang, text, { answered: false, suggestions: exampleQuestions(lang) });
  }

  return {
    detectLanguage(text, fallback) {
      return detectLanguage(text, fallback, lexicon.analyze(text, fallback, { correctTypos: false }).langEvidence);
    },
    understand,
    answer(question, opts) {
      const u = opts.understood?.lang === opts.lang ? opts.understood : understand(question, opts.lang);
      if (!u.best) return decline(opts.lang);
      if (u.best.kind === 'help') return reply(opts.lang, introduction(opts.lang), { suggestions: exampleQuestions(opts.lang) });
      const notFound = unknownNames(question, u);
      const r = compose(kb, u.best, opts.lang, opts.hooks, { progressAsked: u.progressAsked, unknownNames: notFound });
      if (u.best.kind !== 'parties') r.text = notPartyNote(opts.lang, notFound) + r.text;
      if (u.alternative) {
        const label = candidateLabel(kb, u.alternative, opts.lang);
        r.suggestions.push(opts.lang === 'fi' ? `Tarkoititko ehkä: ${label}?` : `Or did you mean ${label}?`);
      }
      return r;
    },
  };
}
