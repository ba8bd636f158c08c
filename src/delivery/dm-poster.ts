/**
 * The direct-message seam: each platform sends a rendered reply to one user's DM.
 * Implementations live in src/adapters/<platform>/dm-poster.ts; the check-in reminders use
 * them (src/delivery/reminders.ts).
 */
import type { Lang, Reply } from '../core/reply.js';

/** Sends DMs on one platform. */
export interface DmPoster {
  platform: 'slack' | 'discord';
  /** The user's language when the platform tells it (Slack's locale), else undefined. */
  localeOf(platformUserId: string): Promise<Lang | undefined>;
  /**
   * Opens the DM with `platformUserId` and sends `reply` (rendered by the adapter, buttons
   * included). Resolves with the message id; rejects with `UnreachableError` when the
   * platform refuses the DM for good, with any other error for a failure worth retrying.
   */
  sendDm(platformUserId: string, reply: Reply): Promise<{ messageId: string }>;
}
