/**
 * Stage 2, the question frame: what is asked (a lookup, a count, yes/no, a comparison, an
 * honest gap…) about which entities. Each kind of frame is one file in `frames/`, with a
 * `detect` (is the question this kind?) and an `answer` (its composer); the table in
 * `frames/index.ts` tries them in order and the first that recognises the question answers it.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { Lang, Reply } from '../reply.js';
import type { SentenceIndex } from './sentences.js';
import type { Engine } from './understand.js';
import type { AnswerHooks, Frame, FrameKind, Understanding } from './types.js';

/** Everything a frame needs besides the understanding. */
export interface FrameContext {
  kb: KnowledgeBase;
  engine: Engine;
  sentences: SentenceIndex;
  /** The reply's language. */
  lang: Lang;
  hooks: AnswerHooks;
  today?: string;
}

/** One kind of question frame: how to recognise it, and how to answer it. */
export interface FrameHandler {
  kind: FrameKind;
  /** The frame, when the question is of this kind; null otherwise. */
  detect(u: Understanding, ctx: FrameContext): Frame | null;
  answer(frame: Frame, ctx: FrameContext): Reply;
}

/** A frame with defaults for what the detector did not set. */
export function frameOf(kind: FrameKind, u: Understanding, extra: Partial<Omit<Frame, 'kind' | 'u'>> = {}): Frame {
  return { kind, u, entities: [], words: [], ...extra };
}

/** The first frame of the table that recognises the question. */
export function frameFor(table: readonly FrameHandler[], u: Understanding, ctx: FrameContext): { frame: Frame; handler: FrameHandler } {
  for (const handler of table) {
    const frame = handler.detect(u, ctx);
    if (frame) return { frame, handler };
  }
  throw new Error('the frame table must end with a frame that always matches');
}
