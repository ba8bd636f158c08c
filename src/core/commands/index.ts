/** The command table. One file per command; add new ones here. */
import type { Command } from './types.js';
import { askCommand } from './ask.js';
import { helpCommand } from './help.js';
import { reportCommand } from './report.js';
import { progressCommand } from './progress.js';
import { outcomesCommand } from './outcomes.js';
import { editCommand } from './edit.js';
import { retractCommand } from './retract.js';
import { verifyCommand } from './verify.js';
import { historyCommand } from './history.js';
import { grantCommand } from './grant.js';
import { revokeCommand } from './revoke.js';
import { rolesCommand } from './roles.js';
import { exportCommand } from './export.js';
import { digestCommand } from './digest.js';
import { reloadCommand } from './reload.js';
import { feedbackCommand } from './feedback.js';
import { langCommand } from './lang.js';

export const commands: Command[] = [
  askCommand,
  helpCommand,
  progressCommand,
  reportCommand,
  outcomesCommand,
  editCommand,
  retractCommand,
  verifyCommand,
  historyCommand,
  grantCommand,
  revokeCommand,
  rolesCommand,
  exportCommand,
  digestCommand,
  reloadCommand,
  langCommand,
  feedbackCommand,
];

/** Finds a command by name or alias (case-insensitive, without the slash). */
export function findCommand(name: string): Command | undefined {
  const n = name.toLowerCase();
  return commands.find((c) => c.name === n || (c.aliases ?? []).includes(n));
}
