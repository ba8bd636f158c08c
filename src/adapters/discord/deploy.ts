/**
 * Command registration and the invite link. Registration replaces the whole command set
 * (a PUT), in one server when `DISCORD_GUILD_ID` is set (instant) or globally.
 */
import { OAuth2Scopes, PermissionFlagsBits, Routes } from 'discord.js';
import type { App } from '../../main.js';
import { StartupError } from '../../errors.js';
import { buildCommandBodies } from './commands.js';
import { createRest } from './client.js';

/** The scopes the bot is installed with: the bot user and its slash commands. */
export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands];

/**
 * The permissions the bot needs, and only those. Slash-command answers need none (they go
 * through the interaction webhook); answering a mention needs to see the channel, send,
 * reply (which needs Read Message History), embed links and attach files (an export asked
 * for by mention), in threads too.
 */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory;

/** The OAuth2 URL a server admin opens to add the bot. */
export function inviteUrl(applicationId: string): string {
  const q = new URLSearchParams({ client_id: applicationId, scope: INVITE_SCOPES.join(' '), permissions: BOT_PERMISSIONS.toString() });
  return `https://discord.com/oauth2/authorize?${q.toString()}`;
}

export interface Registration {
  scope: 'guild' | 'global';
  commands: string[];
  inviteUrl: string;
}

/** Registers (replaces) the slash commands. Throws `StartupError` when Discord is not configured. */
export async function registerDiscordCommands(app: Pick<App, 'services'>): Promise<Registration> {
  const c = app.services.config;
  if (!c.DISCORD_TOKEN || !c.DISCORD_APPLICATION_ID) {
    throw new StartupError('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Discord developer portal → your application) to register the commands.');
  }
  const body = buildCommandBodies(app.services.knowledge.current);
  const route = c.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(c.DISCORD_APPLICATION_ID, c.DISCORD_GUILD_ID) : Routes.applicationCommands(c.DISCORD_APPLICATION_ID);
  await createRest(c).put(route, { body });
  return { scope: c.DISCORD_GUILD_ID ? 'guild' : 'global', commands: body.map((b) => b.name), inviteUrl: inviteUrl(c.DISCORD_APPLICATION_ID) };
}
