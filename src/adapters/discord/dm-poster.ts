/**
 * Direct messages from the bot in Discord (the check-in reminders), over REST: `POST
 * /users/@me/channels` opens (or finds) the DM channel, `POST /channels/{id}/messages` sends
 * the reply rendered by `render.ts`, buttons as components; mentions are never parsed.
 * Discord's refusals that retrying cannot change become `UnreachableError`. Discord tells a
 * bot a user's language only inside an interaction, so `localeOf` knows none.
 */
import { DiscordAPIError, REST, Routes, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { Reply } from '../../core/reply.js';
import { UnreachableError } from '../../errors.js';
import type { DmPoster } from '../../delivery/dm-poster.js';
import { renderReply } from './render.js';

export interface DiscordDmPosterOptions {
  token: string;
  /** REST base without the version, e.g. `http://127.0.0.1:PORT/api` (DISCORD_API_URL). */
  apiUrl?: string;
}

/**
 * Discord's JSON error codes that mean "this user cannot get a DM from the bot": 50007
 * "Cannot send messages to this user" (DMs closed, no shared server, or the bot blocked) and
 * 10013 "Unknown User". Anything else (rate limits, outages) is retried.
 */
const UNREACHABLE = new Set([50007, 10013]);

export function createDiscordDmPoster(opts: DiscordDmPosterOptions): DmPoster {
  // As the digest poster: 2 retries and 20 s at most per request, well within the claim lease.
  const rest = new REST({ ...(opts.apiUrl ? { api: opts.apiUrl.replace(/\/+$/, '') } : {}), retries: 2, timeout: 20_000 }).setToken(opts.token);
  return {
    platform: 'discord',
    localeOf: async () => undefined,
    async sendDm(userId: string, reply: Reply) {
      try {
        const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
        let first: string | undefined;
        for (const m of renderReply(reply)) {
          const body: RESTPostAPIChannelMessageJSONBody = {
            ...(m.content ? { content: m.content } : {}),
            embeds: m.embeds,
            ...(m.components ? { components: m.components } : {}),
            allowed_mentions: { parse: [] },
          };
          const message = (await rest.post(Routes.channelMessages(channel.id), { body })) as { id: string };
          first ??= message.id;
        }
        return { messageId: `${channel.id}:${first}` };
      } catch (err) {
        if (err instanceof DiscordAPIError && typeof err.code === 'number' && UNREACHABLE.has(err.code)) {
          throw new UnreachableError(String(err.code), `Discord refused a DM to ${userId}: ${err.message}`);
        }
        throw err;
      }
    },
  };
}
