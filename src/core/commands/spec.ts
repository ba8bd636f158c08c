/**
 * A command's declaration: its arguments, the role it needs, whether it writes, examples.
 * Declared once, next to the command's `run` (see `types.ts`), and read by everything that
 * needs to know the command: the dispatcher (role, store guard, argument checks), `/help`,
 * the Slack form, the Discord options and form, and an import that validates rows like the
 * command does. Adding an argument is one edit to a spec; every surface follows.
 */
import type { Lang, Localized } from '../reply.js';
import type { Role } from '../../store/roles.js';
import type { FieldProblem } from '../outcomes/field-messages.js';

/** What kind of value an argument takes. Each kind has one check (`validate.ts`) and one widget per platform. */
export type ArgKind =
  /** Free text: titles, notes, reasons, questions. */
  | 'text'
  /** One token: a week such as 2026-W48, a reference. */
  | 'word'
  /** A whole number, within `limits.min`…`limits.max`. */
  | 'integer'
  /** An outcome's number: `12` or `#12`. */
  | 'outcome-id'
  /** One or more outcome numbers: `6 7`, `#6, #7`; at most `limits.max` of them. Checked to `6 7`. */
  | 'outcome-ids'
  /** A calendar date, within `dates`: `YYYY-MM-DD`, `15.11.2025`, `15.11.` (this year), today/tänään, yesterday/eilen; stored as ISO. */
  | 'date'
  /** An http(s) address. */
  | 'url'
  /** A Finnish Business ID (Y-tunnus), normalised to `1234567-8`. */
  | 'business-id'
  /** A platform-qualified user id: `slack:U123`, `discord:8123`, `console:alice`. */
  | 'user'
  /** One of `choices`. */
  | 'choice'
  /** A yes, written `key=ok`. */
  | 'flag';

/** One entry of a fixed choice list. */
export interface Choice {
  value: string;
  label: Localized;
  /** Other words accepted for it, e.g. the Finnish ones. */
  aliases?: readonly string[];
  /** The role this choice needs (subscribing a channel to the digest needs an admin). */
  role?: Role;
  /** What the refusal says the user tried. */
  roleAction?: Localized;
}

/**
 * Where the choices come from: the knowledge base's goals or parties (matched by id, name,
 * alias or a close misspelling, and given as the id), or a fixed list.
 */
export type ChoiceSource = 'goals' | 'parties' | readonly Choice[];

/** One argument of a command. */
export interface ArgSpec {
  /** The name in `name=value`, in forms and in Discord options: ASCII, lower case. */
  name: string;
  /** The Finnish name shown where the platform localises names (Discord): lower case, no spaces. */
  nameFi: string;
  /** Other keys accepted in `key=value` (Finnish and alternative spellings; ASCII). */
  keyAliases?: readonly string[];
  kind: ArgKind;
  required?: boolean;
  /**
   * How it is written when not named: `positional` is the next word (or quoted value),
   * `rest` all remaining words, `raw` the whole text after the command (nothing else is
   * parsed), `named` only as `name=value`.
   */
  position: 'positional' | 'rest' | 'raw' | 'named';
  /** For `choice`. */
  choices?: ChoiceSource;
  /** Suggest while the user types instead of listing every choice (long lists matched by alias). */
  typeahead?: boolean;
  /** The value when none is given; `today` for a date means today in BOT_TIMEZONE. */
  default?: string;
  /** Length in characters (text, word) or bounds (integer). */
  limits?: { minLength?: number; maxLength?: number; min?: number; max?: number };
  /** For dates: the earliest accepted, and whether the future is refused. */
  dates?: { earliest?: string; notAfterToday?: boolean };
  /** The problem code for a length outside `limits` when the field has a message of its own. */
  lengthCode?: FieldProblem['code'];
  /** The problem code for a value of the wrong form when the field has a message of its own. */
  invalidCode?: FieldProblem['code'];
  /** An empty value is accepted and means "clear it" (`/edit`). */
  clearable?: boolean;
  /** Several lines in forms. */
  multiline?: boolean;
  /** Only taken when another argument has one of these values (the digest's language only when subscribing). */
  onlyWith?: { arg: string; values: readonly string[] };
  /** A short label (forms; at most 45 characters). */
  label: Localized;
  /** One line (Discord option descriptions, form hints; at most 100 characters). */
  description: Localized;
  /** The value as the usage line shows it, e.g. `YYYY-MM-DD`; default `<label>`. */
  usage?: Localized;
  /** An example value shown in an empty form field. */
  placeholder?: Localized;
}

/** Who may run a command. */
export type CommandRole = 'anyone' | Role;

/** Everything about a command except what it does. */
export interface CommandSpec {
  /** The English name, as typed after the slash. */
  name: string;
  /** Other names, all Finnish (typing one tells the bot the user writes Finnish), found by `findCommand`. */
  aliases: readonly string[];
  /** One line (help, Discord's command description; at most 100 characters). */
  summary: Localized;
  args: readonly ArgSpec[];
  role: CommandRole;
  /** What the refusal says the user tried, e.g. "report outcomes". */
  roleAction?: Localized;
  /** It writes to the store: a database locked by another process becomes "try again, nothing changed". */
  writes: boolean;
  /** At least two full command lines per language, e.g. `/report companies "Acme Oy"`. */
  examples: { en: readonly string[]; fi: readonly string[] };
  /**
   * The command has a form: where the platform can, it opens when the command comes without
   * its required arguments (and from buttons), with one field per argument.
   */
  form?: { title: Localized; submit: Localized };
  /** Its answers are usually private (admin actions): a slow answer's placeholder is private from the start. */
  private?: boolean;
  /** Sent by buttons, not typed: left out of help and of slash-command registration. */
  hidden?: boolean;
  /** Its answers can be rated (👍/👎): the dispatcher remembers each and sets `Reply.feedbackRef`. */
  rated?: boolean;
  /** How a list of problems starts: nothing was stored, changed, or just "please fix". */
  refusal?: 'stored' | 'changed' | 'listed';
}

/** The argument a typed key names (its name or one of its key aliases), if any. */
export function argFor(spec: Pick<CommandSpec, 'args'>, key: string): ArgSpec | undefined {
  const k = key.toLowerCase();
  return spec.args.find((a) => a.name === k || (a.keyAliases ?? []).includes(k));
}

/** Whether `arg` applies given the values bound so far (see `onlyWith`). */
export function applies(spec: Pick<CommandSpec, 'args'>, arg: ArgSpec, values: Readonly<Record<string, string | undefined>>): boolean {
  if (!arg.onlyWith) return true;
  const other = spec.args.find((a) => a.name === arg.onlyWith!.arg);
  const value = (values[arg.onlyWith.arg] ?? other?.default ?? '').toLowerCase();
  const choice = Array.isArray(other?.choices) ? (other.choices as readonly Choice[]).find((c) => c.value === value || (c.aliases ?? []).includes(value)) : undefined;
  return arg.onlyWith.values.includes(choice?.value ?? value);
}

/** How one argument reads in the usage line. */
function usageOf(arg: ArgSpec, lang: Lang): string {
  const fixed = Array.isArray(arg.choices) ? (arg.choices as readonly Choice[]).map((c) => c.value).join('|') : undefined;
  const value = arg.usage?.[lang] ?? fixed ?? `<${arg.label[lang].toLowerCase()}>`;
  // Free text in the rest of the line is shown quoted, as it is typed when it has spaces.
  const quoted = arg.position === 'rest' && arg.kind === 'text' && !arg.usage ? `"${value}"` : value;
  const shown = arg.kind === 'flag' ? `${arg.name}=ok` : arg.position === 'named' ? `${arg.name}=${value}` : quoted;
  return arg.required ? shown : `[${shown}]`;
}

/** The usage line, e.g. `/report <goal> "<title>" [party=<id>] …`. */
export function usageLine(spec: CommandSpec, lang: Lang): string {
  return [`/${spec.name}`, ...spec.args.map((a) => usageOf(a, lang))].join(' ');
}

/** "Usage: …, e.g. …": the reply to a command given without what it needs. */
export function usageHint(spec: CommandSpec, lang: Lang): string {
  const example = spec.examples[lang][0];
  return lang === 'fi' ? `Käyttö: ${usageLine(spec, lang)}${example ? `, esim. ${example}` : ''}` : `Usage: ${usageLine(spec, lang)}${example ? `, e.g. ${example}` : ''}`;
}
