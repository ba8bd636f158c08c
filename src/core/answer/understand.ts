/**
 * Stage 1, understanding: the question's words → features (lexicon) → ranked candidates
 * (BM25, re-weighted by the kind of answer asked) → the best reading, or none when the
 * question is outside the agreement. Pure given the compiled index.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { Lang } from '../reply.js';
import { isTopical } from './candidates.js';
import type { Lexicon } from './lexicon.js';
import type { Ranker } from './rank.js';
import { isSignal, shapeOf, type ShapeWords } from './signals.js';
import { stem } from './stem.js';
import { words } from './text.js';
import type { Analysis, Candidate, CandidateKind, FollowUp, Remembered, Scored, Shape, Understanding } from './types.js';

/** The compiled pieces every stage reads. */
export interface Engine {
  kb: KnowledgeBase;
  lexicon: Lexicon;
  ranker: Ranker;
  shapes: ShapeWords;
  /** Topic concepts that point at exactly one goal ("c:data-centre" → `goal:data-centre-operators`). */
  goalByConcept: Map<string, string>;
  /** Is a text Swedish? (Remembered for the last text: detecting the language asked it already.) */
  swedish: (text: string) => boolean;
}

/** Concepts in exactly one goal's gate: "the data centre target" names that goal. */
export function goalsByConcept(candidates: Candidate[]): Map<string, string> {
  const seen = new Map<string, string[]>();
  for (const c of candidates.filter((x) => x.kind === 'goal')) {
    for (const g of c.gate) if (g.startsWith('c:')) seen.set(g, [...(seen.get(g) ?? []), c.id]);
  }
  return new Map([...seen].filter(([, ids]) => ids.length === 1).map(([g, ids]) => [g, ids[0]!]));
}

/** Goals a question names, in order: by name, or by a concept only one goal has. */
export function goalsNamed(u: Understanding, e: Engine): string[] {
  const out: string[] = [];
  for (const fs of u.analysis.tokenFeatures) {
    const named = fs.find((f) => f.startsWith('goal:')) ?? fs.map((f) => e.goalByConcept.get(f)).find((g) => g !== undefined);
    if (named && !out.includes(named)) out.push(named);
  }
  for (const m of u.mentions) if (m.startsWith('goal:') && !out.includes(m)) out.push(m);
  return out;
}

/** Below this BM25 score nothing matched well enough to answer. */
const MIN_SCORE = 1.0;
/** When more than this share of a question's topic words are unknown, it is about something else. */
const MAX_UNKNOWN_SHARE = 0.5;
/** A different kind of answer scoring within this ratio of the best is offered too. */
const ALTERNATIVE_RATIO = 0.75;
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
/** A named entity ("tekoäly" → the HPC/AI focus area) over a fact that only shares its topic (LUMI). */
const NAMED_BOOST = 1.4;
/** A list answer and the kind of its members. */
const LIST_OF: Partial<Record<CandidateKind, CandidateKind>> = { parties: 'party', goals: 'goal', 'focus-areas': 'focus' };
/** A list yields to one of its members the question names ("montako yritystä" → companies). */
const LIST_YIELD = 0.75;

/**
 * Concepts that say what is asked rather than what about: question words, kinds of answer
 * and the agreement's attributes ("signed", "valid until", "funded").
 */
const ASKING = new Set([
  'c:what', 'c:who', 'c:role', 'c:all', 'c:where', 'c:when', 'c:why', 'c:count', 'c:help', 'c:greeting',
  'c:party', 'c:goal', 'c:focus', 'c:progress', 'c:start', 'c:end', 'c:period', 'c:sign', 'c:funding',
  'c:programme', 'c:contracting', 'c:cooperation', 'c:authority', 'c:region',
]);

/** True for an entity feature (`party:KAMK`, `goal:companies`, `focus:…`, `place:…`, `fact:…`). */
export function isEntity(f: string): boolean {
  return /^(party|goal|focus|place|fact):/.test(f);
}

/** Splits features into what the question is about and what it asks. */
export function splitFeatures(features: Iterable<string>): { topic: string[]; asking: string[] } {
  const topic: string[] = [];
  const asking: string[] = [];
  for (const f of features) {
    if (ASKING.has(f) || isSignal(f) || f.startsWith('n:')) asking.push(f);
    else if (isEntity(f) || isTopical(f) || f.startsWith('w:')) topic.push(f);
  }
  return { topic, asking };
}

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
      // An entity the question names outranks entries that merely mention its topic.
      if (features.has(s.candidate.id)) score *= NAMED_BOOST;
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
  return features.every((f) => f.startsWith('party:') || f.startsWith('place:') || f === 'c:state' || f === 'c:other-city' || !isTopical(f));
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

function entityIds(features: Set<string>, prefix: string): string[] {
  return [...features].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
}

/** Entity features in the order the question names them. */
function mentionsOf(a: Analysis): string[] {
  const out: string[] = [];
  for (const fs of a.tokenFeatures) for (const f of fs) if (isEntity(f) && !out.includes(f)) out.push(f);
  return out;
}

/** The parts of an understanding that come from the question's own words. */
export interface Reading {
  question: string;
  lang: Lang;
  analysis: Analysis;
  /** The analysis' features, less those of an opening "what about" / "and" (they ask nothing). */
  features: Set<string>;
  shape: Shape;
  swedish: boolean;
}

/** Words typed with a capital after the first word (names), normalised as the engine's words. */
function capitalisedWords(question: string): Set<string> {
  const out = new Set<string>();
  if (!/.\s.*\p{Lu}/su.test(question)) return out;
  const typed = question.normalize('NFC').match(/[\p{L}][\p{L}'-]*/gu) ?? [];
  for (const w of typed.slice(1)) if (/^\p{Lu}/u.test(w)) for (const x of words(w)) out.add(x);
  return out;
}

/**
 * "Oulu" on its own is the city, not the University of Oulu (an alias of it): a party or
 * place matched by one word that names another city is dropped ("Does Oulu have a similar
 * agreement?"); "Oulun yliopisto", two words, stays the university.
 */
function dropCityAliases(a: Analysis): void {
  const tf = a.tokenFeatures;
  const dropped = new Set<string>();
  tf.forEach((fs, i) => {
    if (!fs.includes('c:other-city')) return;
    for (const f of [...fs]) {
      const university = tf[i - 1]?.includes('c:university') || tf[i + 1]?.includes('c:university');
      if (/^(party|place):/.test(f) && !tf[i - 1]?.includes(f) && !tf[i + 1]?.includes(f) && !university) {
        fs.splice(fs.indexOf(f), 1);
        dropped.add(f);
      }
    }
  });
  for (const f of dropped) if (!tf.some((fs) => fs.includes(f))) a.features.delete(f);
}

/** Shape words the lexicon left uncovered ("niitä", "käsitteleekö") are no topic and no unknown word. */
function dropShapeWords(a: Analysis, shapes: Set<string>): void {
  const drop = a.content.filter((c) => c.features.length === 0 && shapes.has(c.word)).map((c) => c.word);
  if (drop.length === 0) return;
  const dropped = new Set(drop);
  a.content = a.content.filter((c) => !dropped.has(c.word) || c.features.length > 0);
  a.unknown = a.unknown.filter((w) => !dropped.has(w));
  const kept = new Set(a.content.filter((c) => c.features.length === 0).map((c) => c.word));
  for (const w of dropped) if (!kept.has(w)) for (const l of ['en', 'fi', 'sv'] as const) a.features.delete(`w:${stem(w, l)}`);
}

/** Reads a question: its analysis and sentence shape. */
export function read(e: Engine, question: string, lang: Lang): Reading {
  const analysis = e.lexicon.analyze(question, lang);
  dropCityAliases(analysis);
  dropShapeWords(analysis, e.shapes.all);
  const { shape, markerEnd } = shapeOf(analysis.tokens, analysis.tokenFeatures, e.shapes, capitalisedWords(question), new Set(analysis.unknown));
  let features = analysis.features;
  if (markerEnd > 0) {
    const after = new Set(analysis.tokenFeatures.slice(markerEnd).flat());
    const markerOnly = new Set(analysis.tokenFeatures.slice(0, markerEnd).flat().filter((f) => !after.has(f)));
    features = new Set([...features].filter((f) => !markerOnly.has(f)));
  }
  return { question, lang, analysis, features, shape, swedish: e.swedish(question) };
}

/** Words that make a year a deadline: "by 2029", "vuoteen 2029 mennessä", "until 2029". */
const DEADLINE_WORDS = new Set(['by', 'until', 'till', 'mennessa', 'asti', 'saakka']);

/** "by 2029": a year at or after the goal period's end, with a deadline word beside it. */
function deadline(e: Engine, a: Analysis): boolean {
  const end = e.kb.agreement.period.to;
  return a.tokens.some((t, i) => /^\d{4}$/.test(t) && Number(t) >= end && (DEADLINE_WORDS.has(a.tokens[i - 1] ?? '') || DEADLINE_WORDS.has(a.tokens[i + 1] ?? '')));
}

/**
 * Progress is asked by its words ("so far", "achieved", "syntynyt"), unless the question is
 * phrased as the target ("must be founded", "pitää syntyä", "achieve by 2029"): then only an
 * explicit "so far" / "tähän mennessä" makes it about progress.
 */
function progressAsked(e: Engine, a: Analysis, features: Set<string>): boolean {
  if (!features.has('c:progress')) return false;
  if (features.has('c:so-far')) return true;
  return !(features.has('c:target-modal') || deadline(e, a));
}

/** Ranks a set of features (the question's own, or merged with the conversation's) into an understanding. */
export function rankReading(
  e: Engine,
  r: Reading,
  features: Set<string>,
  resolved: { followUp: FollowUp | null; previous: Remembered | null; mentions?: string[]; shape?: Shape; subject?: string[] } = { followUp: null, previous: null },
): Understanding {
  const { analysis } = r;
  const query = new Set([...features].filter((f) => !isSignal(f)));
  // "what should be achieved by 2029?": the deadline asks what is due by then, not about that year.
  if (features.has('c:goal') && !['c:end', 'c:period', 'c:when', 'c:start'].some((f) => features.has(f)) && deadline(e, analysis)) {
    for (const f of query) if (/^n:\d{4}$/.test(f)) query.delete(f);
  }
  const ranked = applyKindHints(e.ranker.rank(query), query);
  // The help entry answers a request for help, not a greeting inside a question ("Hej! Vad …").
  const helpRequested = features.has('c:help');
  const top = ranked.find((s) => helpRequested || s.candidate.kind !== 'help');
  // In scope only when the best answer shares a topic (not just "what"/"who") with the question.
  const sharesTopic =
    top !== undefined && (top.candidate.kind === 'help' || [...query].some((f) => (isTopical(f) || f.startsWith('w:')) && top.candidate.bag.has(f)));
  // Asking for help is always answered; a greeting only when nothing else was said.
  const helpAsked = top?.candidate.kind === 'help' && helpRequested;
  // "Tampere's agreement", "Turun budjetti": another city, and none of ours named.
  const otherCity = features.has('c:other-city') && !features.has('c:party') && ![...features].some((f) => f.startsWith('party:') || f.startsWith('place:'));
  // A follow-up's own words may be few or unknown ("and their opening hours?"): the merged features decide.
  const unknownTooMany = resolved.followUp === null && unknownShare(analysis) > MAX_UNKNOWN_SHARE;
  const declined = !helpAsked && (otherCity || !top || top.score < MIN_SCORE || !sharesTopic || unknownTooMany);
  // Another reading worth offering: a close runner-up of a different kind (a goal vs a focus area).
  const second = ranked.find((s) => s.candidate.kind !== top?.candidate.kind && s.candidate.kind !== 'help');
  const alternative: Candidate | null = !declined && top && second && second.score >= top.score * ALTERNATIVE_RATIO ? second.candidate : null;
  const { topic, asking } = splitFeatures(features);
  return {
    lang: r.lang,
    question: r.question,
    analysis,
    features,
    ranked,
    best: declined ? null : top.candidate,
    alternative,
    progressAsked: progressAsked(e, analysis, features),
    entities: { parties: entityIds(features, 'party:'), goals: entityIds(features, 'goal:'), years: analysis.years },
    mentions: resolved.mentions ?? mentionsOf(analysis),
    topic,
    asking,
    subject: resolved.subject ?? topic,
    shape: resolved.shape ?? r.shape,
    followUp: resolved.followUp,
    previous: resolved.previous,
    swedish: r.swedish,
  };
}
