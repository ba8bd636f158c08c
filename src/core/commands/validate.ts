/**
 * Checks a record of argument name → text against a command's spec: the one place where an
 * argument's kind, limits and choices are enforced. The dispatcher calls it for typed
 * commands, forms and Discord options alike (they all arrive as text); an import can call it
 * on each row. Returns the clean values, or one `FieldProblem` per bad field (never throws
 * for user input).
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { FieldProblem } from '../outcomes/field-messages.js';
import { readTypedDate, type DateStyle } from '../outcomes/date-input.js';
import { echoDate } from '../outcomes/date-text.js';
import { isValidBusinessId, normaliseBusinessId } from '../outcomes/business-id.js';
import { charLength } from '../outcomes/normalise.js';
import { findUnsafe } from '../outcomes/characters.js';
import { isIdentity } from '../outcomes/identity.js';
import { resolveGoal, resolveParty } from '../outcomes/resolve.js';
import { editDistance } from '../answer/text.js';
import { applies, argFor, type ArgSpec, type Choice, type CommandSpec } from './spec.js';
import { namedKeys } from './bind.js';

/** What the checks need to know besides the text. */
export interface CheckEnv {
  /** Today in BOT_TIMEZONE (YYYY-MM-DD): the default date, and the end of "not in the future". */
  today: string;
  /** Goals and parties are resolved against it; without it they are only checked for presence. */
  kb?: KnowledgeBase;
}

/** Clean values by argument name (defaults applied), or the problems. */
export type Validation =
  | {
      ok: true;
      values: Record<string, string>;
      /** name → what was typed, where a close match was taken. */
      corrected: Record<string, string>;
      /** name → how a typed date was written, so a reply can echo it the same way. */
      dateStyles: Record<string, DateStyle>;
    }
  | { ok: false; problems: FieldProblem[] };

type Checked = { ok: true; value: string; corrected?: string; dateStyle?: DateStyle } | { ok: false; problem: FieldProblem };

const fail = (field: string, code: FieldProblem['code'], extra: Omit<FieldProblem, 'field' | 'code'> = {}): Checked => ({ ok: false, problem: { field, code, ...extra } });
const LINK = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** A length outside `limits` (counted as people count characters), or null. */
function lengthProblem(arg: ArgSpec, v: string): Checked | null {
  const n = charLength(v);
  const { minLength = 0, maxLength = Infinity } = arg.limits ?? {};
  if (n >= minLength && n <= maxLength) return null;
  const limits = { min: arg.limits?.minLength, max: arg.limits?.maxLength };
  return fail(arg.name, arg.lengthCode ?? (n < minLength ? 'too-short' : 'too-long'), { value: String(n), ...Object.fromEntries(Object.entries(limits).filter(([, x]) => x !== undefined)) });
}

/**
 * Free text in its stored form: NFC (so "ä" typed two ways is one text; a duplicate check
 * and a search find both), a multi-line text's line breaks as LF; then refused when it holds
 * a character that would hide or disguise it when shown again (`findUnsafe`). A whole-text
 * argument (a question) is not stored as data and only has its length checked.
 */
function checkText(arg: ArgSpec, text: string): Checked {
  const v = text.normalize('NFC');
  if (arg.position !== 'raw') {
    const multiline = Boolean(arg.multiline);
    const clean = multiline ? v.replace(/\r\n?/g, '\n') : v;
    const bad = findUnsafe(clean, multiline);
    if (bad) return fail(arg.name, bad.lineBreak ? 'char.line-break' : 'char.unsafe', { char: `${bad.code} ${bad.name}`, at: bad.at });
    return lengthProblem(arg, clean) ?? { ok: true, value: clean };
  }
  return lengthProblem(arg, v) ?? { ok: true, value: v };
}

/** The fixed choice a text names (its value or an alias, any case). */
export function choiceFor(choices: readonly Choice[], text: string): Choice | undefined {
  const t = text.trim().toLowerCase();
  return choices.find((c) => c.value === t || (c.aliases ?? []).includes(t));
}

/** Checks one non-empty value by its kind. */
function checkKind(arg: ArgSpec, v: string, env: CheckEnv): Checked {
  const { name } = arg;
  switch (arg.kind) {
    case 'text':
    case 'word':
      return checkText(arg, v);
    case 'integer': {
      const n = /^\d{1,12}$/.test(v) ? Number(v) : NaN;
      const { min = -Infinity, max = Infinity } = arg.limits ?? {};
      return Number.isInteger(n) && n >= min && n <= max ? { ok: true, value: String(n) } : fail(name, arg.invalidCode ?? 'integer.invalid', { value: v });
    }
    case 'outcome-id': {
      const m = /^#?(\d{1,12})$/.exec(v);
      return m ? { ok: true, value: String(Number(m[1])) } : fail(name, 'id.invalid', { value: v });
    }
    case 'outcome-ids': {
      const ids: string[] = [];
      for (const word of v.split(/[\s,;]+/).filter((w) => w !== '')) {
        const m = /^#?(\d{1,12})$/.exec(word);
        if (!m) return fail(name, 'id.invalid', { value: word });
        const id = String(Number(m[1]));
        if (!ids.includes(id)) ids.push(id);
      }
      const max = arg.limits?.max ?? Infinity;
      return ids.length <= max ? { ok: true, value: ids.join(' ') } : fail(name, 'ids.count', { value: String(ids.length), max });
    }
    case 'date': {
      const typed = readTypedDate(v, env.today);
      if (!typed) return fail(name, 'date.invalid', { value: v });
      const { iso, style } = typed;
      // Problems name the date as it was typed (15.11.2025 stays 15.11.2025).
      if (arg.dates?.earliest && iso < arg.dates.earliest) return fail(name, 'date.early', { value: echoDate(iso, style) });
      if (arg.dates?.notAfterToday && iso > env.today) return fail(name, 'date.future', { value: echoDate(iso, style) });
      return { ok: true, value: iso, dateStyle: style };
    }
    case 'url':
      return LINK.test(v) && URL.canParse(v) ? (lengthProblem(arg, v) ?? { ok: true, value: v }) : fail(name, 'link.invalid', { value: v });
    case 'business-id': {
      const id = normaliseBusinessId(v);
      if (id === null) return fail(name, 'business-id.format', { value: v });
      return isValidBusinessId(v) ? { ok: true, value: id } : fail(name, 'business-id.check', { value: v });
    }
    case 'user':
      return isIdentity(v) ? { ok: true, value: v } : fail(name, 'user.invalid', { value: v });
    case 'flag':
      return v.toLowerCase() === 'ok' ? { ok: true, value: 'ok' } : fail(name, 'flag.value', { value: v });
    case 'choice':
      return checkChoice(arg, v, env);
  }
}

function checkChoice(arg: ArgSpec, v: string, env: CheckEnv): Checked {
  const source = arg.choices ?? [];
  if (source === 'goals' || source === 'parties') {
    if (!env.kb) return { ok: true, value: v };
    const found = source === 'goals' ? resolveGoal(env.kb, v) : resolveParty(env.kb, v);
    if (found.ok) return { ok: true, value: found.value.id, ...(found.corrected ? { corrected: v } : {}) };
    if (source === 'goals') return fail(arg.name, 'unknown-goal', { value: v, suggestions: found.suggestions });
    // Nothing close: say it is not a party and list the parties there are.
    return fail(arg.name, 'unknown-party', { value: v, suggestions: found.suggestions, allowed: env.kb.parties.map((p) => p.id) });
  }
  const choice = choiceFor(source, v);
  if (choice) return { ok: true, value: choice.value };
  return fail(arg.name, arg.invalidCode ?? 'choice.invalid', { value: v, allowed: source.map((c) => c.value), suggestions: closeChoices(source, v) });
}

/** Choices a typing mistake or two away from `text` ("reportr" → reporter), for "did you mean". */
function closeChoices(choices: readonly Choice[], text: string): string[] {
  const t = text.trim().toLowerCase();
  const max = t.length <= 4 ? 1 : 2;
  return choices.filter((c) => [c.value, ...(c.aliases ?? [])].some((name) => editDistance(t, name, max) <= max)).map((c) => c.value);
}

/** Checks one argument's text (undefined when not given). Returns null for "absent, and fine". */
function checkArg(arg: ArgSpec, text: string | undefined, env: CheckEnv): Checked | null {
  if (text === undefined) {
    if (arg.default !== undefined) return checkKind(arg, arg.default, env);
    if (!arg.required) return null;
    // A missing text is an empty one: its length message says what is needed.
    return arg.lengthCode ? lengthProblem(arg, '') : fail(arg.name, 'missing');
  }
  const v = text.trim();
  if (v === '') {
    if (arg.clearable) return { ok: true, value: '' };
    return (arg.kind === 'text' || arg.kind === 'word') && arg.limits?.minLength ? lengthProblem(arg, v) : fail(arg.name, 'empty');
  }
  return checkKind(arg, v, env);
}

/**
 * Validates a record by `spec`: keys may be argument names or key aliases (unknown keys are
 * problems), each value is checked by its argument's kind, defaults fill what is absent.
 * Problems come in the spec's order, then unknown keys.
 */
export function validateRecord(spec: Pick<CommandSpec, 'args'>, input: Readonly<Record<string, string>>, env: CheckEnv): Validation {
  const texts: Record<string, string> = {};
  const unknown: FieldProblem[] = [];
  for (const [key, value] of Object.entries(input)) {
    const arg = argFor(spec, key);
    if (arg) texts[arg.name] = value;
    else unknown.push({ field: key, code: 'unknown-field', allowed: namedKeys(spec) });
  }
  const values: Record<string, string> = {};
  const corrected: Record<string, string> = {};
  const dateStyles: Record<string, DateStyle> = {};
  const problems: FieldProblem[] = [];
  for (const arg of spec.args) {
    if (!applies(spec, arg, texts)) continue;
    const checked = checkArg(arg, texts[arg.name], env);
    if (checked === null) continue;
    if (!checked.ok) problems.push(checked.problem);
    else {
      values[arg.name] = checked.value;
      if (checked.corrected !== undefined) corrected[arg.name] = checked.corrected;
      // Only a date the user typed has a style to echo; a default (today) has none.
      if (checked.dateStyle !== undefined && texts[arg.name] !== undefined) dateStyles[arg.name] = checked.dateStyle;
    }
  }
  problems.push(...unknown);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values, corrected, dateStyles };
}
