/**
 * 👍/👎 feedback on answers, kept to improve the knowledge base. The table is made by
 * migration 5 (`migrations.ts`), which also adopts the rows of the table earlier versions
 * created on first use. Written by the core's `/feedback` command, never by an adapter.
 */
import type { Store } from './store.js';
import { stmt } from './statements.js';

/** One vote on one answer. */
export interface FeedbackInput {
  /** Identifies the answer (one per reply shown). */
  answerRef: string;
  /** Platform-qualified user id, e.g. `slack:U123`. */
  user: string;
  vote: 'up' | 'down';
  /** The question (or command) that produced the answer, when known. */
  question: string | null;
  /** The answer as plain text, when known. */
  answer: string | null;
  platform: string;
  /** ISO timestamp. */
  at: string;
}

export interface FeedbackRow extends FeedbackInput {
  id: number;
}

/**
 * Records a vote. A second click by the same user on the same answer replaces their vote
 * (changing one's mind is allowed; clicking twice does not count twice).
 */
export function recordFeedback(store: Store, input: FeedbackInput): void {
  stmt(store,
      `INSERT INTO feedback (answer_ref, user_id, vote, question, answer, platform, at)
       VALUES (@answerRef, @user, @vote, @question, @answer, @platform, @at)
       ON CONFLICT (answer_ref, user_id) DO UPDATE SET vote = excluded.vote, at = excluded.at,
         question = COALESCE(excluded.question, feedback.question), answer = COALESCE(excluded.answer, feedback.answer)`,
    )
    .run(input);
}

/** Every vote, oldest first. */
export function listFeedback(store: Store): FeedbackRow[] {
  return stmt(store, 'SELECT id, answer_ref AS answerRef, user_id AS user, vote, question, answer, platform, at FROM feedback ORDER BY id')
    .all() as FeedbackRow[];
}
