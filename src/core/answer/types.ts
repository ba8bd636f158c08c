/**
 * The answer engine's stage types, in pipeline order:
 *
 *   question ─understand→ Understanding ─frame→ Frame ─compose→ Reply
 *
 * `understand` analyses the words (Analysis) and ranks candidate answers (Scored); an
 * elliptical follow-up is resolved against the conversation's last frame (Remembered);
 * the frame says what is asked (lookup, count, yes/no, comparison, an honest gap…) about
 * which entities; one composer per frame kind writes the reply.
 */
import type { Goal } from '../knowledge/schema.js';
import type { Lang, ProgressRow, Reply } from '../reply.js';
import type { ReadLang } from './stem.js';

/** What a text was understood to contain. */
export interface Analysis {
  /** Features, one entry per distinct feature. */
  features: Set<string>;
  /** Non-stopword tokens, each with the features that cover it. */
  content: { word: string; features: string[] }[];
  /** Content tokens the knowledge base knows nothing about. */
  unknown: string[];
  /** Four-digit years mentioned (2000–2099). */
  years: number[];
  /** Other numbers mentioned ("is 20 enough?"). */
  numbers: number[];
  /** Every token, normalised (typos corrected), and the features covering each: word order for question shapes. */
  tokens: string[];
  tokenFeatures: string[][];
  /** Typo corrections applied. */
  corrections: { from: string; to: string }[];
  /** Words matched only by Finnish, only by English or only by Swedish terms (for language detection). */
  langEvidence: Record<ReadLang, number>;
}

/** The kinds of answer the knowledge base can give. */
export type CandidateKind = 'party' | 'parties' | 'goal' | 'goals' | 'focus' | 'focus-areas' | 'place' | 'fact' | 'help';

/** One answer the bot can give, with the features it is found by. */
export interface Candidate {
  /** Unique id, e.g. `party:KAMK`, `fact:signing`, `list:parties`. */
  id: string;
  kind: CandidateKind;
  /** The entity or fact id this answers with. */
  ref: string;
  bag: Map<string, number>;
  length: number;
  /** The question must contain at least one of these features (empty: no gate). */
  gate: string[];
}

/** A candidate with its BM25 score for a question. */
export interface Scored {
  candidate: Candidate;
  score: number;
}

/** How a question leans on the conversation before it. */
export type FollowUp =
  /** A new subject, the same question: "and Sotkamo?", "entä teknologiat?". */
  | 'entity-swap'
  /** The same subject, a new question: "when was that?", "what does it do?". */
  | 'attribute-swap'
  /** "tell me more", "kerro lisää". */
  | 'more'
  /** "who else?", "ketkä muut?". */
  | 'others';

/** The shape of the sentence, as typed. */
export interface Shape {
  /** A yes/no question ("Is OKM a party?", "Onko Sotkamo mukana?"). */
  yesNo: boolean;
  /** It opens with "can", "voiko": what is possible or allowed, which the sources rarely say. */
  modal: boolean;
  /** Starts with "and", "what about", "entä"… */
  followUpMarker: boolean;
  /** Refers back with a pronoun ("it", "their", "se", "niiden"). */
  pronoun: boolean;
}

/** What the engine understood of a question. */
export interface Understanding {
  lang: Lang;
  /** The question as asked. */
  question: string;
  analysis: Analysis;
  /** The features the ranking used (the question's own, or merged with the remembered frame's). */
  features: Set<string>;
  ranked: Scored[];
  /** The chosen candidate, or null when nothing in the knowledge base fits. */
  best: Candidate | null;
  /** A close second reading worth offering. */
  alternative: Candidate | null;
  /** The question asks about progress ("so far", "tähän mennessä"). */
  progressAsked: boolean;
  /** Entity ids mentioned, by kind. */
  entities: { parties: string[]; goals: string[]; years: number[] };
  /** Entity features in the order the question names them (`party:KAMK`, `goal:companies`…). */
  mentions: string[];
  /** Features that say what the question is about (entities, topics, unknown words). */
  topic: string[];
  /** What a follow-up should point back at: the topic, or the kind asked about ("and the goals?"). */
  subject: string[];
  /** Features that say what is asked (question words, kind words, attributes). */
  asking: string[];
  shape: Shape;
  /** How it was resolved against the conversation, if it was. */
  followUp: FollowUp | null;
  /** The frame it follows up, when it does. */
  previous: Remembered | null;
  /** The question is in Swedish (answered in English with a note). */
  swedish: boolean;
}

/** What a question asks, about what. */
export type FrameKind =
  | 'injection'
  | 'small-talk'
  | 'gap'
  | 'comparison'
  | 'count'
  | 'ordinal'
  | 'summary'
  | 'others'
  | 'more'
  | 'yes-no'
  | 'group'
  | 'several'
  | 'mention'
  | 'lookup'
  | 'decline';

/** The question frame: the composer's whole input besides the knowledge base. */
export interface Frame {
  kind: FrameKind;
  /** Candidate ids the answer is about, in the order asked (`party:KAMK`, `fact:signing`, `list:goals`). */
  entities: string[];
  /** What is asked of them, as a concept feature (`c:when`, `c:address`…); none for "what is it". */
  attribute?: string;
  /** A group the question narrows to (`contracting`, `cooperation`, `authority`, `ministry`, `cemis`, `quantitative`, `qualitative`). */
  group?: string;
  /** Words of the question the frame is about when they name no entity ("Puhti", "tourism"). */
  words: string[];
  u: Understanding;
}

/** What a conversation remembers of its last answered question (bounded, short-lived). */
export interface Remembered {
  kind: FrameKind;
  lang: Lang;
  entities: string[];
  attribute?: string;
  group?: string;
  /** Topic features of the answered entities, for "what does it do?". */
  topic: string[];
  /** What was asked, for "and Sotkamo?". */
  asking: string[];
  shape: Shape;
  words: string[];
  /** Sentences already said, so "tell me more" does not repeat them. */
  said: string[];
}

/** The conversation's memory as the answer engine sees it (see `core/conversation-memory.ts`). */
export interface MemoryHook {
  recall(): Remembered | undefined;
  remember(r: Remembered): void;
}

/** A goal's progress as the outcome store sees it, for answers. */
export interface GoalProgressView {
  row: ProgressRow;
  /** Short lines in the asker's language: remaining, pace, latest entries... */
  lines: string[];
}

/** What the answer engine understood of a question, for the outcome store (`outcomes/question.ts`). */
export interface StoreQuestion {
  /** The question as asked. */
  text: string;
  lang: Lang;
  /** Goal ids mentioned (or the goal the engine chose as the best reading). */
  goals: string[];
  /** Party ids mentioned. */
  parties: string[];
  /** Years that filter outcomes, e.g. 2025 (a deadline such as "by 2029" is not one). */
  years: number[];
  /** The question asks about progress ("so far", "how are we doing", "tähän mennessä"). */
  progressAsked: boolean;
}

/** Ways the answerer reaches live data and the conversation without depending on them. */
export interface AnswerHooks {
  goalProgress?: (goal: Goal, lang: Lang) => GoalProgressView | null;
  /** Store-backed answers ("how many companies so far?", "what has KAMK reported?"), or null. */
  storeAnswer?: (q: StoreQuestion) => Reply | null;
  /** The conversation's memory; none for a one-shot question. */
  memory?: MemoryHook;
}

export interface AnswerOptions {
  /** The asker's language (detected by the caller or from the platform locale). */
  lang: Lang;
  hooks: AnswerHooks;
  /** Today's ISO date (in BOT_TIMEZONE), for "is it still in force?". */
  today?: string;
}

export interface Answerer {
  /** The language of a message, using the knowledge base's vocabulary as extra evidence. */
  detectLanguage(text: string, fallback: Lang): Lang;
  /** Understands one question on its own (no conversation). */
  understand(question: string, lang: Lang): Understanding;
  answer(question: string, opts: AnswerOptions): Reply;
}
