/** The command table. One file per command; add new ones here. */
import type { Command } from './types.js';
import { askCommand } from './ask.js';
import { helpCommand } from './help.js';

export const commands: Command[] = [askCommand, helpCommand];

/** Finds a command by name or alias (case-insensitive, without the slash). */
export function findCommand(name: string): Command | undefined {
  const n = name.toLowerCase();
  return commands.find((c) => c.name === n || (c.aliases ?? []).includes(n));
}
