/**
 * The command contract: one file per command, registered in `index.ts`. A command is its
 * spec (`spec.ts`: arguments, role, examples…) plus `run`. Every platform (console, Slack,
 * Discord) sends the same text grammar (`/report companies "Acme Oy" party=KAMK`); the
 * dispatcher parses it, checks the role and the arguments against the spec, and calls `run`
 * with the checked values. `run` returns a neutral `Reply`.
 */
import type { Lang, Reply } from '../reply.js';
import type { Services } from '../services.js';
import type { CommandSpec } from './spec.js';
import type { Platform } from '../platform.js';
import type { MemoryHook } from '../answer/types.js';
import type { DateStyle } from '../outcomes/date-input.js';

/** Where a message came from. */
export type { Platform } from '../platform.js';

/** Who is asking, where, and in which language. */
export interface CommandContext {
  services: Services;
  /** Platform-qualified user id: `slack:U123`, `discord:8123`, `console:alice`. */
  user: string;
  lang: Lang;
  platform: Platform;
  /** Platform-qualified conversation id (see `core/conversation-id.ts`). */
  conversationId?: string;
  /** Correlates log lines and error references. */
  requestId: string;
  /** Roles the platform itself vouches for (e.g. a Discord server role mapped to `reporter`). */
  platformRoles?: ('reporter' | 'admin')[];
  /** Every command's spec (for /help), handed in by the dispatcher so no command imports the table. */
  catalog: readonly CommandSpec[];
  /** The conversation's memory, for follow-up questions; none for a one-shot message. */
  memory?: MemoryHook;
}

/** One token of a command line, in the order typed. */
export interface ArgToken {
  text: string;
  /** Some or all of it was in quotes ("Acme Oy", note=""). */
  quoted: boolean;
  /** Set for `key=value` (key lower-cased); a fully quoted token never is one. */
  key?: string;
  value?: string;
}

/** Parsed command arguments: positional words and `key=value` pairs. */
export interface CommandArgs {
  /** The text after the command name, as typed. */
  raw: string;
  positional: string[];
  named: Record<string, string>;
  /**
   * Every token in order (from `parseArgs`): lets the binder read `party = KAMK` as a field
   * and end an unquoted title at the first field. Absent, binding uses `positional`/`named`.
   */
  tokens?: readonly ArgToken[];
}

/** The arguments after the dispatcher's checks. */
export interface CheckedArgs extends CommandArgs {
  /** Each argument's clean value by name: trimmed, canonical (a goal's id, a choice's value), defaults applied. */
  values: Readonly<Record<string, string>>;
  /** Arguments where a close match was taken for what was typed: name → the typed text. */
  corrected: Readonly<Record<string, string>>;
  /** Dates as they were typed (ISO, day-first, a word), for replies that echo them. */
  dateStyles: Readonly<Record<string, DateStyle>>;
}

/** A command: its declaration, and what it does with checked arguments. */
export interface Command extends CommandSpec {
  run(ctx: CommandContext, args: CheckedArgs): Reply | Promise<Reply>;
}
