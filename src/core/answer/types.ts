/** Types the answer stages share, kept apart so the stages do not import each other for them. */
import type { Goal } from '../knowledge/schema.js';
import type { Lang, ProgressRow } from '../reply.js';

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
