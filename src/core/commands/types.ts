/**
 * The command contract: one file per command, registered in `index.ts`. Every platform
 * (console, Slack, Discord) sends the same text grammar (`/report companies "Acme Oy"
 * party=KAMK`) through `parseCommandLine` and gets a neutral `Reply` back.
 */
import type { Lang, Localized, Reply } from '../reply.js';
import type { Services } from '../services.js';

/** Where a message came from. */
export type Platform = 'console' | 'slack' | 'discord';

/** Who is asking, where, and in which language. */
export interface CommandContext {
  services: Services;
  /** Platform-qualified user id: `slack:U123`, `discord:8123`, `console:alice`. */
  user: string;
  lang: Lang;
  platform: Platform;
  /** Platform-qualified conversation id, e.g. `slack:C123` or `discord:guild:channel`. */
  conversationId?: string;
  /** Correlates log lines and error references. */
  requestId: string;
  /** Roles the platform itself vouches for (e.g. a Discord server role mapped to `reporter`). */
  platformRoles?: ('reporter' | 'admin')[];
}

/** Parsed command arguments: positional words and `key=value` pairs. */
export interface CommandArgs {
  /** The text after the command name, as typed. */
  raw: string;
  positional: string[];
  named: Record<string, string>;
}

export interface Command {
  name: string;
  aliases?: string[];
  summary: Localized;
  /** Usage line, e.g. `/progress [goal]`. */
  usage: string;
  run(ctx: CommandContext, args: CommandArgs): Reply | Promise<Reply>;
}
