/**
 * The first reply to an interaction, with its JSON body built here instead of by discord.js.
 *
 * Why: our rendered messages are already Discord API JSON (`render.ts`), yet discord.js
 * resolves every reply's options again: it snake-cases each embed key through lodash, rebuilds
 * the 👍/👎 row through its component builders, and its `isWebhook` / `isMessage` checks
 * `require()` modules on every call. On the Discord benchmark that was about a tenth of the
 * bot's CPU per interaction. A `MessagePayload` whose `body` and `files` are set is sent as it
 * is (`resolveBody` and `resolveFiles` return early), through the same `interaction.reply()`,
 * so the interaction's state (`replied`, `ephemeral`) and REST's 429 handling stay discord.js's.
 *
 * The body has the keys and values discord.js would build for the same options
 * (test/adapters/discord/reply-body.test.ts compares them). A message with files keeps the
 * ordinary path: discord.js builds the multipart form and the attachments list.
 */
import { MessageFlags, MessagePayload, type InteractionReplyOptions, type RepliableInteraction } from 'discord.js';
import { interactionOptions, NO_PINGS } from './context.js';
import type { DiscordMessage } from './render.js';

/** What `interaction.reply()` takes for a rendered message: a resolved payload, or options when it has files. */
export function replyPayload(interaction: RepliableInteraction, m: DiscordMessage, ephemeral: boolean): MessagePayload | InteractionReplyOptions {
  if (m.files.length > 0) return interactionOptions(m, ephemeral);
  const payload = new MessagePayload(interaction, {});
  payload.body = {
    content: m.content,
    tts: false,
    enforce_nonce: false,
    embeds: m.embeds,
    ...(m.components ? { components: m.components } : {}),
    allowed_mentions: { parse: [...NO_PINGS.parse] },
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    attachments: [],
  };
  payload.files = [];
  return payload;
}
