/**
 * Posts the weekly digest to a Discord channel: one message with an embed per language and
 * the chart as an attachment (with its description as alt text), shown inside the last
 * embed. The message is rendered by `render.ts`, like every other message this adapter
 * sends; mentions are never parsed (`allowed_mentions: { parse: [] }`).
 */
import { REST, Routes, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { RenderedDigest } from '../../core/digest/build.js';
import type { DigestTarget } from '../../core/digest/channels.js';
import { clip } from '../../core/i18n.js';
import type { DigestPoster } from '../../delivery/poster.js';
import { LIMITS } from './limits.js';
import { digestMessage } from './render.js';

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
      const body: RESTPostAPIChannelMessageJSONBody = {
        embeds: digestMessage(digest.replies, withChart ? chart.filename : null).embeds,
        ...(withChart ? { attachments: [{ id: '0', filename: chart.filename, description: clip(chart.alt, LIMITS.attachmentDescription) }] } : {}),
        allowed_mentions: { parse: [] },
      };
      const message = (await rest.post(Routes.channelMessages(target.channelId), {
        body,
        ...(withChart ? { files: [{ name: chart.filename, data: chart.png, contentType: 'image/png' }] } : {}),
      })) as { id: string };
      return { messageId: message.id };
    },
  };
}
