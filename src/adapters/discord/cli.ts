/**
 * `kajaani-bot discord <register|invite>`: registers the slash commands and prints the invite
 * link. Loaded lazily by `src/cli.ts`, so other subcommands never load discord.js.
 */
import { DiscordAPIError } from 'discord.js';
import { openCliApp } from '../../cli-app.js';
import { StartupError } from '../../errors.js';
import { inviteUrl, registerDiscordCommands } from './deploy.js';
import { usageText } from '../../cli-usage.js';

const USAGE = usageText('discord');

export interface CliIo {
  env?: NodeJS.ProcessEnv;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

/** Runs the subcommand; returns the process exit code (0 on success). */
export async function runDiscordCli(argv: string[], io: CliIo = {}): Promise<number> {
  const out = io.out ?? ((t: string) => void process.stdout.write(t));
  const err = io.err ?? ((t: string) => void process.stderr.write(t));
  const [sub] = argv;
  if (sub !== 'register' && sub !== 'invite') {
    err(`${USAGE}\n`);
    return 2;
  }
  const app = openCliApp(io.env ?? process.env, err);
  if (!app) return 1;
  try {
    const appId = app.services.config.DISCORD_APPLICATION_ID;
    if (sub === 'invite') {
      if (!appId) throw new StartupError('Set DISCORD_APPLICATION_ID to build the invite link.');
      out(`${inviteUrl(appId)}\n`);
      return 0;
    }
    const r = await registerDiscordCommands(app);
    const where = r.scope === 'guild' ? `server ${app.services.config.DISCORD_GUILD_ID ?? ''}` : 'all servers (global commands can take up to an hour to appear)';
    out(`Registered ${r.commands.length} commands (${r.commands.map((n) => `/${n}`).join(' ')}) for ${where}.\nInvite the bot with:\n${r.inviteUrl}\n`);
    return 0;
  } catch (e) {
    if (e instanceof StartupError) err(`${e.message}\n`);
    else if (e instanceof DiscordAPIError) err(`Discord refused the registration (${e.status} ${e.message}). Check DISCORD_TOKEN and DISCORD_APPLICATION_ID.\n`);
    else throw e;
    return 1;
  } finally {
    app.close();
  }
}
