/**
 * 👍/👎 feedback on answers, kept to improve the knowledge base. The table is created on first
 * use (`CREATE TABLE IF NOT EXISTS`) rather than by a numbered migration, so it can be added
 * without touching the shared migration list; a later migration may adopt it unchanged.
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

const created = new WeakSet<object>();

function ensureTable(store: Store): void {
  if (created.has(store.db)) return;
  store.db.exec(`CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    answer_ref TEXT NOT NULL,
    user_id TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    question TEXT,
    answer TEXT,
    platform TEXT NOT NULL,
    at TEXT NOT NULL,
    UNIQUE (answer_ref, user_id)
  )`);
  created.add(store.db);
}

/**
 * Records a vote. A second click by the same user on the same answer replaces their vote
 * (changing one's mind is allowed; clicking twice does not count twice).
 */
export function recordFeedback(store: Store, input: FeedbackInput): void {
  ensureTable(store);
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
  ensureTable(store);
  return stmt(store, 'SELECT id, answer_ref AS answerRef, user_id AS user, vote, question, answer, platform, at FROM feedback ORDER BY id')
    .all() as FeedbackRow[];
}
