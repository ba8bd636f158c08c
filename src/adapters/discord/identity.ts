/**
 * Who is speaking, in which language, where, and with which server roles: the small
 * Discord → core translations every inbound path needs.
 */
import type { Client, GuildMember, APIInteractionGuildMember } from 'discord.js';
import type { Lang } from '../../core/reply.js';
import type { Inbound } from '../../core/bot.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import { encodeConversation } from '../../core/conversation-id.js';

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

/** The core's conversation id (`discord:<guild>:<channel>` or `discord:dm:<channel>`); none without a channel. */
export function conversationId(guildId: string | null, channelId: string | null): string | undefined {
  return channelId ? encodeConversation({ platform: 'discord', guild: guildId, channel: channelId }) : undefined;
}

/**
 * The one server role that makes its members reporters: a role id in the one server the
 * operator named. Anyone can add the bot to a server of their own and create a role with
 * any name, so neither a role name nor a role in another server is ever trusted.
 */
export interface ReporterRoleMapping {
  guildId: string;
  roleId: string;
}

/** The role ids of a member, whether discord.js built a full member or left the raw one. */
function roleIdsOf(member: GuildMember | APIInteractionGuildMember | null | undefined): string[] {
  if (!member) return [];
  if (Array.isArray(member.roles)) return member.roles;
  return [...(member as GuildMember).roles.cache.keys()];
}

const SNOWFLAKE = /^\d{5,25}$/;

/**
 * Resolves `DISCORD_REPORTER_ROLE` once, at start-up, to a role id in `DISCORD_GUILD_ID`:
 * an id is kept only when that server has it; a name is looked up in that server alone
 * (case-insensitive, exactly one match). Each outcome is logged, so an operator sees why
 * server roles do or do not count. Returns undefined (mapping off) otherwise.
 */
export function resolveReporterRole(client: Client, config: Pick<Config, 'DISCORD_GUILD_ID' | 'DISCORD_REPORTER_ROLE'>, log: Logger): ReporterRoleMapping | undefined {
  const wanted = config.DISCORD_REPORTER_ROLE?.trim();
  if (!wanted) return undefined;
  const guildId = config.DISCORD_GUILD_ID;
  if (!guildId) {
    log.warn('DISCORD_REPORTER_ROLE is set but DISCORD_GUILD_ID is not: server-role mapping is off (only roles granted with /grant count). Set DISCORD_GUILD_ID to your server id to turn it on.');
    return undefined;
  }
  const guild = client.guilds.cache.get(guildId);
  if (!guild) {
    log.warn({ guildId }, 'the bot is not in the server DISCORD_GUILD_ID names: server-role mapping is off');
    return undefined;
  }
  if (SNOWFLAKE.test(wanted)) {
    if (guild.roles.cache.has(wanted)) {
      log.info({ guildId, roleId: wanted, roleName: guild.roles.cache.get(wanted)!.name }, 'reporter server role mapped by id');
      return { guildId, roleId: wanted };
    }
    log.warn({ guildId, role: wanted }, 'DISCORD_REPORTER_ROLE is a role id that server does not have: server-role mapping is off');
    return undefined;
  }
  const matches = guild.roles.cache.filter((r) => r.name.toLowerCase() === wanted.toLowerCase());
  if (matches.size !== 1) {
    log.warn({ guildId, role: wanted, matches: matches.size }, 'DISCORD_REPORTER_ROLE must name exactly one role in that server (or give its id): server-role mapping is off');
    return undefined;
  }
  const role = matches.first()!;
  log.info({ guildId, roleId: role.id, roleName: role.name }, 'reporter server role resolved by name to its id');
  return { guildId, roleId: role.id };
}

/**
 * `['reporter']` when the message or interaction comes from the operator's server and the
 * member holds the mapped role (by id); otherwise undefined. The core's own grants still
 * apply on top, on every server and in DMs.
 */
export function platformRolesFor(
  member: GuildMember | APIInteractionGuildMember | null | undefined,
  guildId: string | null,
  mapping: ReporterRoleMapping | undefined,
): Inbound['platformRoles'] {
  if (!mapping || guildId !== mapping.guildId) return undefined;
  return roleIdsOf(member).includes(mapping.roleId) ? ['reporter'] : undefined;
}
