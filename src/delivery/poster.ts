/**
 * The delivery seam: each platform posts a rendered digest (text + chart) to one channel.
 * Implementations live in src/adapters/<platform>/digest-poster.ts.
 */
import type { RenderedDigest } from '../core/digest/build.js';
import type { DigestTarget } from '../core/digest/channels.js';

/** Lets a poster record the message id as soon as the message exists. */
export interface PostProgress {
  /** Set when an earlier attempt already posted the message (only the chart is missing). */
  messageId: string | null;
  /** Stores the message id before any later step (e.g. the chart upload) can fail. */
  recordMessage(messageId: string): void;
}

/** Posts a digest to a channel on one platform. */
export interface DigestPoster {
  platform: 'slack' | 'discord';
  /** Posts text and chart; resolves with the platform's message id, rejects on failure. */
  post(target: DigestTarget, digest: RenderedDigest, progress: PostProgress): Promise<{ messageId: string }>;
}
