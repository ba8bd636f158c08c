/**
 * Answers recently shown, by a short reference their buttons carry: 👍/👎 store which
 * question and answer the vote is about, and Slack's "Share in channel" re-posts the answer
 * the user saw (an ephemeral message's content is not sent back with the click). A button's
 * value holds at most 2,000 characters on Slack and a custom_id 100 on Discord, so the answer
 * itself cannot travel in the button.
 */
import { ExpiringRefs } from '../expiring-refs.js';
import type { Reply } from '../reply.js';

/**
 * A Slack response_url stays usable for 30 minutes, and nobody votes on or shares a day-old
 * answer; a day covers both, and 2,000 entries bound memory in a busy workspace.
 */
const ANSWER_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_ANSWERS = 2000;

/** What was shown. */
export interface ShownAnswer {
  /** What the user asked or typed, as the core saw it. */
  question: string;
  reply: Reply;
}

/** A bounded memory of shown answers, forgotten after a day. */
export class ShownAnswers {
  private readonly answers: ExpiringRefs<ShownAnswer>;

  constructor(now: () => number = Date.now) {
    this.answers = new ExpiringRefs(ANSWER_TTL_MS, MAX_ANSWERS, now);
  }

  /** Remembers an answer and returns its reference (12 hex characters). */
  remember(question: string, reply: Reply): string {
    return this.answers.remember({ question, reply });
  }

  /** The answer behind a reference, unless unknown or older than a day. */
  get(ref: string): ShownAnswer | undefined {
    return this.answers.get(ref);
  }
}
