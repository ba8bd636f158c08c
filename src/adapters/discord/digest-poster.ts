/**
 * Posts the weekly digest to a Discord channel: one message with an embed per language and
 * the chart as an attachment (with its description as alt text), shown inside the last
 * embed. The message is rendered by `render.ts`, like every other message this adapter
 * sends; mentions are never parsed (`allowed_mentions: { parse: [] }`).
 */
import { REST, Routes, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { RenderedDigest } from '../../core/digest/build.js';
import type { DigestTarget } from '../../core/digest/channels.js';
import type { DigestPoster } from '../../delivery/poster.js';
import { attachmentsOf, digestMessage } from './render.js';

export interface DiscordDigestPosterOptions {
  token: string;
  /** REST base without the version, e.g. `http://127.0.0.1:PORT/api` (DISCORD_API_URL). */
  apiUrl?: string;
  /** An existing REST client (e.g. the running bot's `client.rest`) instead of a new one. */
  rest?: REST;
}

export function createDiscordDigestPoster(opts: DiscordDigestPosterOptions): DigestPoster {
  // A REST client of its own gives up after 2 retries and 20 s, well within the claim lease.
  const rest = opts.rest ?? new REST({ ...(opts.apiUrl ? { api: opts.apiUrl.replace(/\/+$/, '') } : {}), retries: 2, timeout: 20_000 }).setToken(opts.token);
  return {
    platform: 'discord',
    async post(target: DigestTarget, digest: RenderedDigest) {
      const { chart } = digest;
      // A quiet week is two lines and nothing else: an all-unchanged chart would only be noise.
      const withChart = !digest.quiet;
      const message = digestMessage(digest.replies, withChart ? { filename: chart.filename, contentType: 'image/png', data: chart.png, alt: chart.alt } : null);
      const body: RESTPostAPIChannelMessageJSONBody = {
        embeds: message.embeds,
        ...(message.files.length > 0 ? { attachments: attachmentsOf(message.files) } : {}),
        allowed_mentions: { parse: [] },
      };
      const posted = (await rest.post(Routes.channelMessages(target.channelId), {
        body,
        ...(message.files.length > 0 ? { files: message.files.map((f) => ({ name: f.filename, data: f.data, contentType: f.contentType })) } : {}),
      })) as { id: string };
      return { messageId: posted.id };
    },
  };
}
