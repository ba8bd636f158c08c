/**
 * A record of argument name → text (a submitted form, Discord's options) → the command line
 * the core parses, so every surface is checked by the same code as typed input. The inverse
 * of `bindArgs`: binding the line again gives the same record.
 */
import { quote } from './parse.js';
import { applies, type CommandSpec } from './spec.js';

/** The command whose argument is the whole text: plain text (a question) goes to it without a slash. */
const PLAIN_TEXT_COMMAND = 'ask';

/** Line breaks from multi-line form fields become spaces: a command line is one line. */
const oneLine = (v: string) => v.replace(/\s*[\r\n]+\s*/g, ' ');

/** The core command line for `record` by `spec`. Empty and absent values are left out. */
export function commandLine(spec: Pick<CommandSpec, 'name' | 'args'>, record: Readonly<Record<string, string | undefined>>): string {
  const raw = spec.args.find((a) => a.position === 'raw');
  if (raw) {
    const text = (record[raw.name] ?? '').trim();
    // A question is never run as a command, even when it starts with a slash.
    return spec.name === PLAIN_TEXT_COMMAND ? text.replace(/^[\s/]+/, '') : `/${spec.name} ${text}`.trim();
  }
  const parts = [`/${spec.name}`];
  let gap = false;
  for (const arg of spec.args) {
    const v = record[arg.name];
    if (!applies(spec, arg, record)) continue;
    if (v === undefined || v.trim() === '') {
      // A positional value after a missing one would slide into its place: name the later ones.
      if (arg.position === 'positional' || arg.position === 'rest') gap = true;
      continue;
    }
    const text = oneLine(v.trim());
    if (arg.kind === 'flag') parts.push(`${arg.name}=ok`);
    else if ((arg.position === 'positional' || arg.position === 'rest') && !gap) parts.push(quote(text));
    else parts.push(`${arg.name}=${quote(text)}`);
  }
  return parts.join(' ');
}
