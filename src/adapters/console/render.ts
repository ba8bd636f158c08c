/** Renders a Reply for the console: plain text, or the JSON contract of `--json`. */
import type { Reply } from '../../core/reply.js';
import { replyToPlainText } from '../../core/reply.js';

/** The `kajaani-bot ask --json` object. */
export function askJson(r: Reply): Record<string, unknown> {
  return { answer: replyToPlainText(r), lang: r.lang, answered: r.answered, sources: r.sources };
}

/**
 * One `kajaani-bot console --json` line: the command's own fields, then the contract fields,
 * and `file` (the absolute path) when the console saved a file from the reply (an export).
 */
export function consoleJson(r: Reply, file?: string): Record<string, unknown> {
  return { ...r.data, ok: r.ok, reply: replyToPlainText(r), lang: r.lang, answered: r.answered, sources: r.sources, ...(file !== undefined ? { file } : {}) };
}
