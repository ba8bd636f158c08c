/**
 * Parsed words → a record of argument name → text, by the command's spec: `key=value` pairs
 * by name (or a key alias), the other words into the positional arguments in spec order.
 * Nothing is checked here but the shape (unknown keys, words with no place); the values are
 * checked by `validate.ts`, which an import calls directly on a record of the same form.
 *
 * The binder forgives the ways people type: `party = KAMK` and `party= KAMK` are the field;
 * a goal written in several words ("service products") is the goal, not the goal and the
 * start of the title; an unquoted title runs up to the first field, and words after the last
 * argument are pointed out rather than silently glued onto the title.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { FieldProblem } from '../outcomes/field-messages.js';
import { exactGoal, exactParty } from '../outcomes/resolve.js';
import type { ArgToken, CommandArgs } from './types.js';
import { applies, argFor, type ArgSpec, type CommandSpec } from './spec.js';

/** The argument texts by name, and what did not fit. */
export interface Bound {
  record: Record<string, string>;
  problems: FieldProblem[];
  /** False when nothing at all came after the command. */
  given: boolean;
}

/** A named value or a word, in the order typed. */
type Item = { key: string; value: string } | { word: string; quoted: boolean };

/**
 * The most words a goal or party name is tried with: the longest name ("new data centre
 * operators in the Renforsin Ranta business park") has 10.
 */
const MAX_NAME_WORDS = 10;

/** The keys a user may write for `spec`, for "unknown field" messages. */
export function namedKeys(spec: Pick<CommandSpec, 'args'>): string[] {
  return spec.args.filter((a) => a.position !== 'raw').map((a) => a.name);
}

const plainWord = (t: ArgToken | undefined): t is ArgToken => t !== undefined && t.key === undefined && !t.quoted;

/** Tokens → items, joining `key = value`, `key =value` and `key= value` for the spec's keys. */
function itemsOf(spec: Pick<CommandSpec, 'args'>, tokens: readonly ArgToken[]): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    const isKey = plainWord(t) && argFor(spec, t.text) !== undefined;
    if (isKey && plainWord(next) && next.text === '=' && after !== undefined && after.key === undefined) {
      items.push({ key: t.text.toLowerCase(), value: after.text });
      i += 2;
    } else if (isKey && plainWord(next) && next.text.startsWith('=') && next.text.length > 1) {
      items.push({ key: t.text.toLowerCase(), value: next.text.slice(1) });
      i += 1;
    } else if (t.key !== undefined && t.value === '' && !t.quoted && argFor(spec, t.key) && next !== undefined && next.key === undefined && next.text !== '=') {
      // `party= KAMK`; a quoted empty value (note="") stays empty: on /edit it clears the field.
      items.push({ key: t.key, value: next.text });
      i += 1;
    } else if (t.key !== undefined) items.push({ key: t.key, value: t.value ?? '' });
    else items.push({ word: t.text, quoted: t.quoted });
  }
  return items;
}

/** Items from the old shape (no token order known): named values first, then the words. */
function itemsFrom(args: CommandArgs): Item[] {
  return [...Object.entries(args.named).map(([key, value]) => ({ key, value })), ...args.positional.map((word) => ({ word, quoted: false }))];
}

/**
 * How many unquoted words from `start` name a goal or party exactly ("service products",
 * "kaupallistetut teknologiat"): the longest exact name wins; otherwise one word.
 */
function nameLength(arg: ArgSpec, items: Item[], start: number, kb: KnowledgeBase | undefined): number {
  if (!kb || (arg.choices !== 'goals' && arg.choices !== 'parties')) return 1;
  const run: string[] = [];
  for (let i = start; i < items.length && run.length < MAX_NAME_WORDS; i++) {
    const item = items[i]!;
    if (!('word' in item) || item.quoted) break;
    run.push(item.word);
  }
  const exact = arg.choices === 'goals' ? exactGoal : exactParty;
  for (let n = run.length; n >= 2; n--) if (exact(kb, run.slice(0, n).join(' '))) return n;
  return 1;
}

/**
 * Binds parsed words to `spec`'s arguments. A command without arguments ignores what follows
 * it. With `kb`, a goal or party argument may take several words that name it exactly.
 */
export function bindArgs(spec: Pick<CommandSpec, 'args'>, args: CommandArgs, kb?: KnowledgeBase): Bound {
  const given = args.raw.trim() !== '';
  const raw = spec.args.find((a) => a.position === 'raw');
  if (raw) return { record: given ? { [raw.name]: args.raw.trim() } : {}, problems: [], given };
  if (spec.args.length === 0) return { record: {}, problems: [], given };

  const items = args.tokens ? itemsOf(spec, args.tokens) : itemsFrom(args);
  const record: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const item of items) {
    if (!('key' in item)) continue;
    const arg = argFor(spec, item.key);
    if (arg) record[arg.name] = item.value;
    else problems.push({ field: item.key, code: 'unknown-field', allowed: namedKeys(spec) });
  }
  const isWord = (i: number) => i < items.length && 'word' in items[i]!;
  const text = (from: number, to: number) => items.slice(from, to).map((it) => ('word' in it ? it.word : '')).join(' ');
  let at = 0;
  for (const arg of spec.args) {
    if (arg.position !== 'positional' && arg.position !== 'rest') continue;
    if (record[arg.name] !== undefined || !applies(spec, arg, record)) continue;
    while (at < items.length && !isWord(at)) at++;
    if (at >= items.length) break;
    // A positional argument is one word (or the words of one name); free text runs up to the next field.
    let end = at + nameLength(arg, items, at, kb);
    if (arg.position === 'rest') for (end = at; isWord(end); end++);
    record[arg.name] = text(at, end);
    at = end;
  }
  const left = items.slice(at).flatMap((it) => ('word' in it ? [it.word] : []));
  if (left.length > 0) problems.push({ field: left[0]!, code: 'unexpected', value: left.join(' ') });
  return { record, problems, given };
}
