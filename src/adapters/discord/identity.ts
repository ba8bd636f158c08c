/**
 * Who is speaking, in which language, where, and with which server roles: the small
 * Discord → core translations every inbound path needs.
 */
import type { Guild, GuildMember, APIInteractionGuildMember } from 'discord.js';
import type { Lang } from '../../core/reply.js';
import type { Inbound } from '../../core/bot.js';

/**
 * The language for a Discord locale (`fi`, `en-US`, `en-GB`...). Other locales give
 * `undefined`, so the core detects the language from the text instead of assuming English.
 */
export function langFromLocale(locale: string | null | undefined): Lang | undefined {
  if (!locale) return undefined;
  if (locale === 'fi' || locale.startsWith('fi-')) return 'fi';
  if (locale === 'en' || locale.startsWith('en-')) return 'en';
  return undefined;
}

/** The core's conversation id: `discord:<guild>:<channel>`, or `discord:dm:<channel>`. */
export function conversationId(guildId: string | null, channelId: string | null): string {
  return `discord:${guildId ?? 'dm'}:${channelId ?? 'unknown'}`;
}

/** The role ids of a member, whether discord.js built a full member or left the raw one. */
function roleIdsOf(member: GuildMember | APIInteractionGuildMember | null | undefined): string[] {
  if (!member) return [];
  if (Array.isArray(member.roles)) return member.roles;
  return [...(member as GuildMember).roles.cache.keys()];
}

/**
 * `['reporter']` when `DISCORD_REPORTER_ROLE` is set and the member has that server role,
 * given by id or by name (case-insensitive); otherwise undefined. The core's own grants
 * still apply on top.
 */
export function platformRolesFor(
  member: GuildMember | APIInteractionGuildMember | null | undefined,
  guild: Guild | null,
  reporterRole: string | undefined,
): Inbound['platformRoles'] {
  if (!reporterRole) return undefined;
  const wanted = reporterRole.trim().toLowerCase();
  const has = roleIdsOf(member).some((id) => id === reporterRole.trim() || guild?.roles.cache.get(id)?.name.toLowerCase() === wanted);
  return has ? ['reporter'] : undefined;
}
