/**
 * Recently shown answers, by a short reference carried in their buttons. "Share in channel"
 * re-posts the answer the user saw (an ephemeral message's content is not sent back with the
 * click), and 👍/👎 store which question and answer the vote is about. Button values hold
 * at most 2,000 characters, so the answer itself cannot travel in the button.
 */
import { randomUUID } from 'node:crypto';
import type { Reply } from '../../core/reply.js';

/**
 * A response_url stays usable for 30 minutes, and nobody shares a day-old ephemeral answer;
 * a day covers both, and 2,000 entries bound memory in a busy workspace.
 */
const ANSWER_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_ANSWERS = 2000;

export interface ShownAnswer {
  /** What the user asked or typed, as the core saw it. */
  question: string;
  reply: Reply;
  at: number;
}

export class RecentAnswers {
  private readonly answers = new Map<string, ShownAnswer>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Remembers an answer and returns its reference. */
  remember(question: string, reply: Reply): string {
    const ref = randomUUID().slice(0, 12);
    if (this.answers.size >= MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(ref, { question, reply, at: this.now() });
    return ref;
  }

  get(ref: string): ShownAnswer | undefined {
    const a = this.answers.get(ref);
    if (!a) return undefined;
    if (this.now() - a.at > ANSWER_TTL_MS) {
      this.answers.delete(ref);
      return undefined;
    }
    return a;
  }
}
