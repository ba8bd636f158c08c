/**
 * Text addressed to the bot (a mention, a DM, `/kajaani …` in Slack) → the core's grammar.
 * People write `report companies "Acme Oy"` without a slash: a first word that names a core
 * command (or one of its aliases) makes the line that command; anything else is a question;
 * nothing at all asks for help.
 */
import { findCommand } from '../../core/commands/index.js';

/** The line as the core should read it. */
export function toCoreText(text: string): string {
  const t = text.trim();
  if (t === '') return '/help';
  if (t.startsWith('/')) return t;
  const first = t.split(/\s/, 1)[0]!;
  return findCommand(first) !== undefined ? `/${t}` : t;
}

/** True for `/report` (or an alias) with nothing after it: where the platform can, a form opens instead. */
export function isBareReport(coreText: string): boolean {
  const m = /^\/(\S+)$/.exec(coreText.trim());
  return m !== null && findCommand(m[1]!)?.name === 'report';
}
