/**
 * Tokenises a command line: words, "quoted strings" (straight or typographic quotes, which
 * Slack and phones substitute) and key=value / key="quoted value" pairs.
 */
import type { CommandArgs } from './types.js';

/** A command line the user typed wrong (unbalanced quotes). */
export class CommandSyntaxError extends Error {
  constructor(public readonly reason: 'unbalanced-quote') {
    super(reason);
    this.name = 'CommandSyntaxError';
  }
}

const OPEN_TO_CLOSE: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '„': '”', '‘': '’', '’': '’' };

/** Splits `raw` into tokens, honouring quotes. Throws `CommandSyntaxError` on an unclosed quote. */
export function tokenize(raw: string): { text: string; quoted: boolean; startsQuoted: boolean }[] {
  const tokens: { text: string; quoted: boolean; startsQuoted: boolean }[] = [];
  let i = 0;
  while (i < raw.length) {
    while (i < raw.length && /\s/.test(raw[i]!)) i++;
    if (i >= raw.length) break;
    let text = '';
    let quoted = false;
    const start = i;
    let startsQuoted = false;
    while (i < raw.length && !/\s/.test(raw[i]!)) {
      const ch = raw[i]!;
      const close = OPEN_TO_CLOSE[ch];
      // An apostrophe inside a word (KAMK's) is not a quote.
      const isQuote = close !== undefined && !((ch === "'" || ch === '’') && text !== '' && !text.endsWith('='));
      if (isQuote) {
        const end = raw.indexOf(close, i + 1);
        const alt = close === '”' ? raw.indexOf('"', i + 1) : -1;
        const stop = end === -1 ? alt : alt === -1 ? end : Math.min(end, alt);
        if (stop === -1) throw new CommandSyntaxError('unbalanced-quote');
        text += raw.slice(i + 1, stop);
        quoted = true;
        if (i === start) startsQuoted = true;
        i = stop + 1;
      } else {
        text += ch;
        i++;
      }
    }
    tokens.push({ text, quoted, startsQuoted });
  }
  return tokens;
}

/** Parses the arguments after a command name. Keys are lower-cased; a key given twice keeps the last. */
export function parseArgs(raw: string): CommandArgs {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const tok of tokenize(raw)) {
    // A fully quoted token is a value even when it contains "=" ("E=mc2 Oy").
    const m = tok.startsQuoted ? null : /^([A-Za-z][A-Za-z0-9_-]*)=([\s\S]*)$/.exec(tok.text);
    if (m) named[m[1]!.toLowerCase()] = m[2]!;
    else positional.push(tok.text);
  }
  return { raw, positional, named };
}

/** Splits `/name rest` into the command name (lower case, no slash) and the rest. */
export function splitCommand(line: string): { name: string; rest: string } {
  const m = /^\/(\S*)\s*([\s\S]*)$/.exec(line.trim());
  return { name: (m?.[1] ?? '').toLowerCase(), rest: m?.[2] ?? '' };
}
