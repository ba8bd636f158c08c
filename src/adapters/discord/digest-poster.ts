/**
 * Posts the weekly digest to a Discord channel: one message with an embed per language and
 * the chart as an attachment (with its description as alt text), shown inside the last
 * embed. Mentions are never parsed (`allowed_mentions: { parse: [] }`).
 */
import { REST, Routes, escapeMarkdown, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { RenderedDigest } from '../../core/digest/build.js';
import type { DigestTarget } from '../../core/digest/channels.js';
import type { Reply } from '../../core/reply.js';
import { defuseMentions, type DigestPoster } from '../../delivery/poster.js';

export interface DiscordDigestPosterOptions {
  token: string;
  /** REST base without the version, e.g. `http://127.0.0.1:PORT/api` (DISCORD_API_URL). */
  apiUrl?: string;
  /** An existing REST client (e.g. the running bot's `client.rest`) instead of a new one. */
  rest?: REST;
}

/** Discord's limits: an embed's title and description, and all embeds of a message together. */
const TITLE_MAX = 256;
const DESCRIPTION_MAX = 4096;
const EMBEDS_TOTAL_MAX = 6000;
/** The bot's accent colour for digest embeds. */
const COLOUR = 0x2563eb;

/** Escapes markdown and defuses mentions in user text. */
export function escapeDiscord(text: string): string {
  return defuseMentions(escapeMarkdown(text)).replace(/<([@#]|:)/g, '<\u200b$1');
}

/** One embed per language; the chart (if any) goes into the last one. */
export function digestEmbeds(replies: Reply[], chartFile: string | null) {
  // The core caps each language at 2,800 characters; escaping adds a little, so each embed
  // also gets an equal share of the message total (with room for the titles) as a last guard.
  const share = Math.min(DESCRIPTION_MAX, Math.floor(EMBEDS_TOTAL_MAX / Math.max(replies.length, 1)) - TITLE_MAX);
  return replies.map((r, i) => {
    const parts = [escapeDiscord(r.text)];
    for (const s of r.sections) parts.push([...(s.heading ? [`**${escapeDiscord(s.heading)}**`] : []), ...s.lines.map(escapeDiscord)].join('\n'));
    return {
      ...(r.title ? { title: defuseMentions(r.title).slice(0, TITLE_MAX) } : {}),
      description: parts.join('\n\n').slice(0, share),
      color: COLOUR,
      ...(chartFile !== null && i === replies.length - 1 ? { image: { url: `attachment://${chartFile}` } } : {}),
    };
  });
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
        embeds: digestEmbeds(digest.replies, withChart ? chart.filename : null),
        ...(withChart ? { attachments: [{ id: '0', filename: chart.filename, description: chart.alt.slice(0, 1024) }] } : {}),
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
