/**
 * Direct messages from the bot in Slack (the check-in reminders): `conversations.open` with
 * the user gives the DM channel, `chat.postMessage` posts the reply rendered by `render.ts`
 * (buttons included). Slack's refusals that retrying cannot change become `UnreachableError`;
 * the user's language comes from their Slack locale (`locale.ts`).
 */
import { LogLevel, WebClient } from '@slack/web-api';
import type { Reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import { UnreachableError } from '../../errors.js';
import type { DmPoster } from '../../delivery/dm-poster.js';
import { createLocaleCache } from './locale.js';
import { renderReply } from './render.js';

export interface SlackDmPosterOptions {
  token: string;
  /** Web API base, e.g. `http://127.0.0.1:PORT/api/` for a fake (SLACK_API_URL). */
  apiUrl?: string;
  log: Logger;
}

/**
 * Slack errors that mean "this user cannot get a DM from the bot" (conversations.open and
 * chat.postMessage docs): the user is the bot itself or another bot, was deleted, is not
 * visible to the app, or was deactivated. Anything else (rate limits, outages) is retried.
 */
const UNREACHABLE = new Set(['cannot_dm_bot', 'user_not_found', 'user_not_visible', 'user_disabled']);

/** Slack's error code on a failed Web API call (`WebAPIPlatformError.data.error`). */
function slackError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export function createSlackDmPoster(opts: SlackDmPosterOptions): DmPoster {
  // As the digest poster: two quick retries inside a send (429s wait for Retry-After); longer
  // outages are the reminders' own back-off's job, well within the 5-minute claim lease.
  const client = new WebClient(opts.token, {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl.endsWith('/') ? opts.apiUrl : `${opts.apiUrl}/` } : {}),
    logLevel: LogLevel.ERROR,
    retryConfig: { retries: 2, factor: 1, minTimeout: 500, maxTimeout: 2000 },
    rejectRateLimitedCalls: false,
    timeout: 20_000,
  });
  const locales = createLocaleCache(client, opts.log.child({ adapter: 'slack' }));
  return {
    platform: 'slack',
    localeOf: (userId: string) => locales.lookup(userId),
    async sendDm(userId: string, reply: Reply) {
      try {
        const open = await client.conversations.open({ users: userId });
        const channel = open.channel?.id;
        if (!channel) throw new Error('conversations.open returned no channel');
        let first: string | undefined;
        for (const m of renderReply(reply)) {
          const res = await client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, unfurl_links: false, unfurl_media: false });
          if (!res.ts) throw new Error('chat.postMessage returned no ts');
          first ??= res.ts;
        }
        return { messageId: `${channel}:${first}` };
      } catch (err) {
        const code = slackError(err);
        if (code !== undefined && UNREACHABLE.has(code)) throw new UnreachableError(code, `Slack refused a DM to ${userId}: ${code}`);
        throw err;
      }
    },
  };
}
