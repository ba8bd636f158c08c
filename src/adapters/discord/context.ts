/** What the Discord event handlers share, plus the small helpers they all use. */
import { randomUUID } from 'node:crypto';
import { AttachmentBuilder, MessageFlags, type Client } from 'discord.js';
import type { App } from '../../main.js';
import type { Lang, Reply } from '../../core/reply.js';
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
  seen: RecentIds;
  /** The reporter server role, resolved once the gateway is ready (see `resolveReporterRole`). */
  reporterRole?: ReporterRoleMapping;
}

/**
 * Remembers recently handled event ids, so an event the gateway replays after a resume is
 * handled once. 1,000 ids cover far more than the few seconds a replay spans.
 */
export class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max = 1000) {}

  /** True the first time an id is seen. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
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
    allowedMentions: NO_PINGS,
  };
}

/** discord.js options for a rendered message sent as an interaction reply or follow-up. */
export function interactionOptions(m: DiscordMessage, ephemeral: boolean) {
  return { ...messageOptions(m), ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) };
}

/** A new reference id for an error, to be found in the log. */
export function newReference(): string {
  return randomUUID().slice(0, 8);
}

/** The short apology for a failure the user did not cause. */
export function apology(lang: Lang, reference: string): string {
  return lang === 'fi'
    ? `Pahoittelut, jokin meni vikaan. Viitenumero: ${reference}.`
    : `Sorry, something went wrong on my side. Reference: ${reference}.`;
}

/** Resolves after `ms`, or never when cancelled (no timer left behind). */
export function delay(ms: number): { promise: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}
