/** PLACEHOLDER: replaced by the real answer engine. */
import type { Goal, KnowledgeBase } from '../knowledge/schema.js';
import type { Lang, ProgressRow, Reply } from '../reply.js';
import { reply } from '../reply.js';

/** A goal's progress as the outcome store sees it, for answers. */
export interface GoalProgressView {
  row: ProgressRow;
  /** Short lines in the asker's language: remaining, pace, latest entries... */
  lines: string[];
}

/** Ways the answerer reaches live data (the outcome store) without depending on it. */
export interface AnswerHooks {
  goalProgress?: (goal: Goal, lang: Lang) => GoalProgressView | null;
}
export interface AnswerOptions {
  lang: Lang;
  hooks: AnswerHooks;
}
export interface Answerer {
  answer(question: string, opts: AnswerOptions): Reply;
}

export function buildAnswerer(_kb: KnowledgeBase): Answerer {
  return { answer: (_q, o) => reply(o.lang, 'not yet') };
}
