/**
 * Tokenises a command line: words, "quoted strings" (straight or typographic quotes, which
 * Slack and phones substitute) and key=value / key="quoted value" pairs.
 */
import type { ArgToken, CommandArgs } from './types.js';

/** A command line the user typed wrong (unbalanced quotes). */
export class CommandSyntaxError extends Error {
  constructor(public readonly reason: 'unbalanced-quote') {
    super(reason);
    this.name = 'CommandSyntaxError';
  }
}

const QUOTE = 0x22; // "
const APOSTROPHE = 0x27; // '
const LEFT_DOUBLE = 0x201c; // “
const RIGHT_DOUBLE = 0x201d; // ”
const LOW_DOUBLE = 0x201e; // „
const LEFT_SINGLE = 0x2018; // ‘
const RIGHT_SINGLE = 0x2019; // ’
const EQUALS = 0x3d; // =

/** The closing mark for an opening quote (“ and „ close with ”, ‘ with ’), or -1 for other characters. */
function closeFor(code: number): number {
  switch (code) {
    case QUOTE:
    case APOSTROPHE:
    case RIGHT_DOUBLE:
    case RIGHT_SINGLE:
      return code;
    case LEFT_DOUBLE:
    case LOW_DOUBLE:
      return RIGHT_DOUBLE;
    case LEFT_SINGLE:
      return RIGHT_SINGLE;
    default:
      return -1;
  }
}

/** Same set as the regex `\s`; printable ASCII (the common case) answers without the regex. */
function isSpace(code: number): boolean {
  if (code > 0x20 && code < 0x7f) return false;
  return /\s/.test(String.fromCharCode(code));
}

/**
 * Splits `raw` into tokens, honouring quotes. Throws `CommandSyntaxError` on an unclosed quote.
 * One left-to-right pass: every character is looked at once, so adversarial input (thousands of
 * quotes whose closing mark never comes) costs no more than plain words (issue 11 item 2).
 */
export function tokenize(raw: string): { text: string; quoted: boolean; startsQuoted: boolean }[] {
  const tokens: { text: string; quoted: boolean; startsQuoted: boolean }[] = [];
  const n = raw.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(raw.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let text = '';
    let quoted = false;
    let startsQuoted = false;
    // Unquoted characters are collected as one slice [plainFrom, i) rather than one by one.
    let plainFrom = i;
    while (i < n) {
      const code = raw.charCodeAt(i);
      if (isSpace(code)) break;
      const close = closeFor(code);
      if (close === -1 || isApostrophe(code, raw, i, plainFrom, text)) {
        i++;
        continue;
      }
      text += raw.slice(plainFrom, i);
      // A typographic closing quote may also be typed straight (“Acme Oy").
      const alt = close === RIGHT_DOUBLE ? QUOTE : close;
      let stop = i + 1;
      while (stop < n) {
        const c = raw.charCodeAt(stop);
        if (c === close || c === alt) break;
        stop++;
      }
      if (stop >= n) throw new CommandSyntaxError('unbalanced-quote');
      text += raw.slice(i + 1, stop);
      quoted = true;
      if (i === start) startsQuoted = true;
      i = stop + 1;
      plainFrom = i;
    }
    text += raw.slice(plainFrom, i);
    tokens.push({ text, quoted, startsQuoted });
  }
  return tokens;
}

/**
 * An apostrophe inside a word (KAMK's) is not a quote: it is one when it follows text of the
 * token so far, unless that text ends with "=" (note='x y').
 */
function isApostrophe(code: number, raw: string, i: number, plainFrom: number, text: string): boolean {
  if (code !== APOSTROPHE && code !== RIGHT_SINGLE) return false;
  const last = i > plainFrom ? raw.charCodeAt(i - 1) : text === '' ? -1 : text.charCodeAt(text.length - 1);
  return last !== -1 && last !== EQUALS;
}

/** Parses the arguments after a command name. Keys are lower-cased; a key given twice keeps the last. */
export function parseArgs(raw: string): CommandArgs {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  const tokens: ArgToken[] = [];
  for (const tok of tokenize(raw)) {
    // A fully quoted token is a value even when it contains "=" ("E=mc2 Oy").
    const m = tok.startsQuoted ? null : /^([A-Za-z][A-Za-z0-9_-]*)=([\s\S]*)$/.exec(tok.text);
    if (m) {
      named[m[1]!.toLowerCase()] = m[2]!;
      tokens.push({ text: tok.text, quoted: tok.quoted, key: m[1]!.toLowerCase(), value: m[2]! });
    } else {
      positional.push(tok.text);
      tokens.push({ text: tok.text, quoted: tok.quoted });
    }
  }
  return { raw, positional, named, tokens };
}

/** Splits `/name rest` into the command name (lower case, no slash) and the rest. */
export function splitCommand(line: string): { name: string; rest: string } {
  const m = /^\/(\S*)\s*([\s\S]*)$/.exec(line.trim());
  return { name: (m?.[1] ?? '').toLowerCase(), rest: m?.[2] ?? '' };
}

/**
 * The inverse of `tokenize` for one value: text that reads back as exactly one token with
 * this value (a fully quoted token, so `=` inside stays part of the value). The tokenizer has
 * no escape character, so a quote pair the value does not contain is chosen; a value holding
 * every kind has its straight double quotes replaced by the look-alike ″ (double prime).
 */
export function quote(value: string): string {
  if (value !== '' && !/[\s"'“”„‘’=]/.test(value)) return value;
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('’')) return `‘${value}’`;
  return `"${value.replace(/"/g, '″')}"`;
}
