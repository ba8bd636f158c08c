/**
 * Text addressed to the bot (a mention, a DM, `/kajaani …` in Slack) → the core's grammar.
 * People write `report companies "Acme Oy"` without a slash: a first word that names a core
 * command (or one of its aliases) makes the line that command; anything else is a question;
 * nothing at all asks for help.
 */
import { findCommand } from '../../core/commands/index.js';
import type { Command } from '../../core/commands/types.js';

/** The line as the core should read it. */
export function toCoreText(text: string): string {
  const t = text.trim();
  if (t === '') return '/help';
  if (t.startsWith('/')) return t;
  const first = t.split(/\s/, 1)[0]!;
  return findCommand(first) !== undefined ? `/${t}` : t;
}

/** A command that has a form, typed with nothing after it (`/report`): where the platform can, its form opens instead. */
export function bareFormCommand(coreText: string): Command | undefined {
  const m = /^\/(\S+)$/.exec(coreText.trim());
  const command = m ? findCommand(m[1]!) : undefined;
  return command?.form ? command : undefined;
}
