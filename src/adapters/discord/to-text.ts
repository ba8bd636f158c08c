/**
 * Discord input → the core's text grammar. Slash-command options and form fields become one
 * line such as `/report companies "Acme Oy" party=KAMK` through the core's `commandLine`, so
 * the core validates Discord input exactly as it validates console input.
 */
import type { Command } from '../../core/commands/types.js';
import type { ArgSpec } from '../../core/commands/spec.js';
import { argFor } from '../../core/commands/spec.js';
import { commandLine } from '../../core/commands/line.js';

/** An option value as Discord delivers it. */
export type OptionValue = string | number | boolean;

/** One option value as the core's text: users become `discord:<id>`, a ticked flag `ok`. */
function coreValue(arg: ArgSpec, v: OptionValue): string | undefined {
  if (arg.kind === 'flag') return v === true ? 'ok' : undefined;
  if (arg.kind === 'user') return `discord:${String(v)}`;
  return String(v);
}

/** The core's record (argument → text) for the option values the user gave. */
export function optionRecord(command: Command, values: ReadonlyMap<string, OptionValue>): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, v] of values) {
    const arg = command.args.find((a) => a.name === name);
    const text = arg ? coreValue(arg, v) : undefined;
    if (arg && text !== undefined && text !== '') record[arg.name] = text;
  }
  return record;
}

/** The core command line for a slash command's option values. */
export function commandText(command: Command, values: ReadonlyMap<string, OptionValue>): string {
  return commandLine(command, optionRecord(command, values));
}

/** A Finnish Business ID (Y-tunnus): seven digits, a dash, a check digit. */
const BUSINESS_ID = /\b\d{7}-\d\b/;
const URL = /\bhttps?:\/\/\S+/i;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/;
/**
 * What a value of a kind looks like inside free text, for the kinds that can be recognised,
 * in the order they are looked for: a link first, so a date or an ID inside it stays there.
 */
const RECOGNISED: Partial<Record<ArgSpec['kind'], RegExp>> = { url: URL, 'business-id': BUSINESS_ID, date: DATE };
const ORDER = Object.keys(RECOGNISED) as ArgSpec['kind'][];

/** The key text of the details box that fits no argument goes under: an unknown field, so the core refuses it by name. */
export const UNPLACED = 'details';

/**
 * Splits a form's shared "details" box into its arguments. Discord forms have room for five
 * fields, so the optional ones beyond that share one box: a line `name: value` (or an alias)
 * goes to that argument; a link and a Business ID are recognised anywhere; what is left is
 * the free text (the first text argument of the box).
 */
export function splitDetails(details: string, args: readonly ArgSpec[]): Record<string, string> {
  const out: Record<string, string> = {};
  const rest: string[] = [];
  for (const line of details.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z][\w-]*)\s*[:=]\s*(.*)$/.exec(line);
    const arg = m ? argFor({ args }, m[1]!) : undefined;
    if (arg && m![2]!.trim() !== '') out[arg.name] = m![2]!.trim();
    else rest.push(line);
  }
  let text = rest.join('\n');
  for (const arg of [...args].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))) {
    const re = RECOGNISED[arg.kind];
    const found = re && out[arg.name] === undefined ? re.exec(text)?.[0] : undefined;
    if (found) {
      out[arg.name] = found;
      text = text.replace(found, ' ');
    }
  }
  const free = args.find((a) => a.kind === 'text');
  const note = text.replace(/\s+/g, ' ').trim();
  if (free && note !== '' && out[free.name] === undefined) out[free.name] = note;
  // Text that fits nowhere is not dropped: the core names it ("I don't know where this goes").
  else if (note !== '') out[UNPLACED] = note;
  return out;
}

/** The details box's text for values already given (to pre-fill the form): the inverse of `splitDetails`. */
export function joinDetails(values: Readonly<Record<string, string>>, args: readonly ArgSpec[]): string {
  const free = args.find((a) => a.kind === 'text');
  return args
    .filter((a) => values[a.name])
    .map((a) => (RECOGNISED[a.kind] || a === free ? values[a.name]! : `${a.name}: ${values[a.name]!}`))
    .join('\n');
}
