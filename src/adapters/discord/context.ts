/** What the Discord event handlers share, plus the small helpers they all use. */
import { AttachmentBuilder, MessageFlags, type Client } from 'discord.js';
import type { App } from '../../main.js';
import type { Reply } from '../../core/reply.js';
import type { SeenIds } from '../shared/seen-ids.js';
import type { DiscordMessage } from './render.js';
import type { ReporterRoleMapping } from './identity.js';

export interface AdapterContext {
  app: Pick<App, 'bot' | 'services'>;
  client: Client;
  /**
   * How long to wait for the core before deferring an interaction. Discord voids an
   * interaction not acknowledged within 3 s ("Unknown interaction", 10062); 1.5 s leaves
   * room for the round trip to Discord even from a slow network.
   */
  deferAfterMs: number;
  seen: SeenIds;
  /** The reporter server role, resolved once the gateway is ready (see `resolveReporterRole`). */
  reporterRole?: ReporterRoleMapping;
}

/** No message the bot sends may ping anyone by parsing its text (`@everyone`, `<@&role>`). */
export const NO_PINGS = { parse: [] } as const;

/** True when a reply must be shown only to the asker. */
export function isPrivate(r: Reply): boolean {
  return r.visibility === 'ephemeral' || !r.ok;
}

/** discord.js options for a rendered message sent to a channel or DM. */
export function messageOptions(m: DiscordMessage) {
  return {
    content: m.content,
    embeds: m.embeds,
    files: m.files.map((f) => new AttachmentBuilder(f.data, { name: f.filename, ...(f.alt ? { description: f.alt } : {}) })),
    ...(m.components ? { components: m.components } : {}),
    allowedMentions: NO_PINGS,
  };
}

/** discord.js options for a rendered message sent as an interaction reply or follow-up. */
export function interactionOptions(m: DiscordMessage, ephemeral: boolean) {
  return { ...messageOptions(m), ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) };
}
