/**
 * The answer engine, a pipeline anyone can follow:
 *
 *   understand (words → features → ranked readings; a follow-up resolved against the
 *   conversation) → frame (what is asked, about which entities: frames/index.ts) →
 *   compose (that frame's composer) → polish (no sentence twice) → remember the frame.
 *
 * It reaches the outcome store and the conversation's memory only through `AnswerHooks`.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { Lang, Reply } from '../reply.js';
import { polish, sentencesOf } from './compose/polish.js';
import { frameFor, type FrameContext } from './frame.js';
import { FRAMES } from './frames/index.js';
import { isOrdinal } from './frames/ordinal.js';
import { resolve, referentFeatures } from './followup.js';
import { compiledIndex } from './index-cache.js';
import { languageOf, languageSignals, swedishBySignals, type LanguageSignals } from './language.js';
import { Ranker } from './rank.js';
import { buildSentences } from './sentences.js';
import { shapeWords } from './signals.js';
import { stem } from './stem.js';
import { words } from './text.js';
import { goalsByConcept, read, rankReading, type Engine } from './understand.js';
import type { Answerer, Frame, Remembered, Understanding } from './types.js';

export type { AnswerHooks, AnswerOptions, Answerer, GoalProgressView, Understanding } from './types.js';

/** Frames that answer nothing about the agreement leave the conversation's topic as it was. */
const FORGETTABLE = new Set(['small-talk', 'injection', 'decline']);
/** Signals that belong to one question only ("tell me more" is not asked again by "and CSC?"). */
const ONE_OFF = new Set(['c:more', 'c:else', 'c:thanks', 'c:ack', 'c:greeting', 'c:help', 'c:injection', 'c:bye', 'c:language-ask', 'c:how-to-report']);

const SWEDISH_NOTE =
  'Swedish is not supported yet: I answer in English and Finnish. / Ruotsia ei vielä tueta: vastaan englanniksi ja suomeksi.';

/** What the conversation keeps of an answered frame. */
function toRemember(frame: Frame, r: Reply): Remembered {
  const u = frame.u;
  const entities = frame.entities.length > 0 ? frame.entities : u.best ? [u.best.id] : [];
  const facts = entities.some((e) => e.startsWith('fact:'));
  const named = frame.words.flatMap((w) => words(w)).map((w) => `w:${stem(w, u.lang)}`);
  const topic = [...entities.flatMap(referentFeatures), ...(facts || entities.length === 0 ? u.subject : []), ...named];
  return {
    kind: frame.kind,
    lang: r.lang,
    entities,
    attribute: frame.attribute,
    // "tell me more" about a member keeps the list it came from, for "and the next one?".
    group: frame.group ?? (frame.kind === 'more' ? u.previous?.group : undefined),
    topic: [...new Set(topic)],
    asking: u.asking.filter((a) => !ONE_OFF.has(a) && !isOrdinal(a)),
    shape: u.shape,
    words: frame.words,
    said: sentencesOf(r.text),
  };
}

/** Builds the answerer for a knowledge base (done once per load/reload). */
export function buildAnswerer(kb: KnowledgeBase): Answerer {
  const { lexicon, candidates } = compiledIndex(kb);

  // A text's language signals, remembered for the last text: the bot detects a question's
  // language, then the engine reads the same question.
  let last: { text: string; signals: LanguageSignals } | undefined;
  const signals = (text: string): LanguageSignals => {
    if (last?.text !== text) last = { text, signals: languageSignals(text, lexicon.languageEvidence(text)) };
    return last.signals;
  };
  const swedish = (text: string): boolean => swedishBySignals(signals(text));
  const engine: Engine = { kb, lexicon, ranker: new Ranker(candidates), shapes: shapeWords(kb), goalByConcept: goalsByConcept(candidates), swedish };
  const sentences = buildSentences(kb);

  /** The language to answer in, and whether the words alone tell it (else a fallback decided). */
  const language = (text: string, fallback: Lang): { lang: Lang; clear: boolean } => {
    const s = signals(text);
    if (swedishBySignals(s)) return { lang: 'en', clear: true };
    const en = languageOf(s, 'en');
    const clear = en === languageOf(s, 'fi');
    return { lang: clear ? en : fallback, clear };
  };
  const detect = (text: string, fallback: Lang): Lang => language(text, fallback).lang;

  function understand(question: string, lang: Lang): Understanding {
    const r = read(engine, question, lang);
    return rankReading(engine, r, r.features);
  }

  return {
    detectLanguage: detect,
    understand,
    answer(question, opts) {
      const memory = opts.hooks.memory;
      const previous = memory?.recall();
      // A follow-up too short to tell its language ("KAMK?", "ok") continues in the conversation's.
      const lang: Lang = previous && !language(question, opts.lang).clear ? previous.lang : opts.lang;
      const u = resolve(engine, read(engine, question, lang), previous);
      const replyLang: Lang = u.swedish ? 'en' : lang;
      const ctx: FrameContext = { kb, engine, sentences, lang: replyLang, hooks: opts.hooks, today: opts.today };
      const { frame, handler } = frameFor(FRAMES, u, ctx);
      const r = polish(handler.answer(frame, ctx));
      if (u.swedish && frame.attribute !== 'c:language-ask') r.text = `${SWEDISH_NOTE}\n\n${r.text}`;
      if (memory && !FORGETTABLE.has(frame.kind)) memory.remember(toRemember(frame, r));
      return r;
    },
  };
}
