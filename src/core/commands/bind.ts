/**
 * Parsed words → a record of argument name → text, by the command's spec: `key=value` pairs
 * by name (or a key alias), the other words into the positional arguments in spec order.
 * Nothing is checked here but the shape (unknown keys, words with no place); the values are
 * checked by `validate.ts`, which an import calls directly on a record of the same form.
 */
import type { FieldProblem } from '../outcomes/field-messages.js';
import type { CommandArgs } from './types.js';
import { applies, argFor, type CommandSpec } from './spec.js';

/** The argument texts by name, and what did not fit. */
export interface Bound {
  record: Record<string, string>;
  problems: FieldProblem[];
  /** False when nothing at all came after the command. */
  given: boolean;
}

/** The keys a user may write for `spec`, for "unknown field" messages. */
export function namedKeys(spec: Pick<CommandSpec, 'args'>): string[] {
  return spec.args.filter((a) => a.position !== 'raw').map((a) => a.name);
}

/** Binds parsed words to `spec`'s arguments. A command without arguments ignores what follows it. */
export function bindArgs(spec: Pick<CommandSpec, 'args'>, args: CommandArgs): Bound {
  const given = args.raw.trim() !== '';
  const raw = spec.args.find((a) => a.position === 'raw');
  if (raw) return { record: given ? { [raw.name]: args.raw.trim() } : {}, problems: [], given };
  if (spec.args.length === 0) return { record: {}, problems: [], given };

  const record: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(args.named)) {
    const arg = argFor(spec, key);
    if (arg) record[arg.name] = value;
    else problems.push({ field: key, code: 'unknown-field', allowed: namedKeys(spec) });
  }
  const words = [...args.positional];
  for (const arg of spec.args) {
    if (words.length === 0) break;
    if (record[arg.name] !== undefined || !applies(spec, arg, record)) continue;
    if (arg.position === 'positional') record[arg.name] = words.shift()!;
    else if (arg.position === 'rest') record[arg.name] = words.splice(0).join(' ');
  }
  if (words.length > 0) problems.push({ field: words[0]!, code: 'unexpected', value: words.join(' ') });
  return { record, problems, given };
}
