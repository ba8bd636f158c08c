/** Renders a Reply for the console: plain text, or the JSON contract of `--json`. */
import type { Reply } from '../../core/reply.js';
import { replyToPlainText } from '../../core/reply.js';

/** The `kajaani-bot ask --json` object. */
export function askJson(r: Reply): Record<string, unknown> {
  return { answer: replyToPlainText(r), lang: r.lang, answered: r.answered, sources: r.sources };
}

/** One `kajaani-bot console --json` line: the contract fields, then the command's own fields. */
export function consoleJson(r: Reply): Record<string, unknown> {
  return { ...r.data, ok: r.ok, reply: replyToPlainText(r), lang: r.lang, answered: r.answered, sources: r.sources };
}
