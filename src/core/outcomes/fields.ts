/**
 * Validation of an outcome's fields (zod): `/report` and `/edit` share it. Returns either the
 * clean values or `FieldProblem`s naming each bad field; never throws for user input.
 */
import * as z from 'zod';
import type { FieldProblem } from './field-messages.js';
import { isRealDate, PERIOD_START } from './dates.js';
import { isValidBusinessId, normaliseBusinessId } from './business-id.js';
import { charLength } from './normalise.js';

/** Field names as users type them. */
export const OUTCOME_FIELDS = ['goal', 'title', 'party', 'date', 'link', 'business-id', 'note', 'duplicate'] as const;

/** Finnish and alternative spellings of field names (ASCII only: the parser's key syntax). */
const KEY_ALIASES: Record<string, string> = {
  tavoite: 'goal',
  otsikko: 'title',
  nimi: 'title',
  osapuoli: 'party',
  pvm: 'date',
  linkki: 'link',
  url: 'link',
  'y-tunnus': 'business-id',
  ytunnus: 'business-id',
  businessid: 'business-id',
  business_id: 'business-id',
  huom: 'note',
  kuvaus: 'note',
  description: 'note',
  lisatieto: 'note',
};

/** Maps typed keys to canonical field names. */
export function canonicalKeys(named: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  // Own keys only: `constructor=` or `toString=` must not pick up Object.prototype's functions.
  for (const [k, v] of Object.entries(named)) out[Object.hasOwn(KEY_ALIASES, k) ? KEY_ALIASES[k]! : k] = v;
  return out;
}

/** A check that returns a problem code, or null when the value is fine. */
type Check = (v: string) => FieldProblem['code'] | null;

/**
 * The checks that do not depend on the day. A date in the future ('date.future') is checked
 * after the schema, against the `today` passed in, so the schemas can be built once.
 */
const checks: Record<string, Check> = {
  goal: () => null,
  title: (v) => (charLength(v) >= 2 && charLength(v) <= 200 ? null : 'title.length'),
  party: () => null,
  date: (v) => (!isRealDate(v) ? 'date.invalid' : v < PERIOD_START ? 'date.early' : null),
  link: (v) => (/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v) && URL.canParse(v) ? null : 'link.invalid'),
  'business-id': (v) => (normaliseBusinessId(v) === null ? 'business-id.format' : isValidBusinessId(v) ? null : 'business-id.check'),
  note: (v) => (charLength(v) <= 2000 ? null : 'note.length'),
  duplicate: (v) => (v.toLowerCase() === 'ok' ? null : 'duplicate.value'),
};

/** The validated fields; each present only when given. */
export interface CleanFields {
  goal?: string;
  title?: string;
  party?: string;
  date?: string;
  link?: string;
  'business-id'?: string;
  note?: string;
  duplicate?: string;
}

/** Builds the strict zod schema; `clearable` fields may be given empty (meaning "clear it"). */
function buildSchema(clearable: boolean) {
  const field = (name: string) =>
    z
      .string()
      .transform((s) => s.trim())
      .superRefine((v, ctx) => {
        if (v === '') {
          if (name === 'title') ctx.addIssue({ code: 'custom', message: 'title.length' });
          else if (!clearable || name === 'title' || name === 'goal' || name === 'date') ctx.addIssue({ code: 'custom', message: 'empty' });
          return;
        }
        const code = checks[name]!(v);
        if (code) ctx.addIssue({ code: 'custom', message: code });
      })
      .optional();
  return z.strictObject(Object.fromEntries(OUTCOME_FIELDS.map((f) => [f, field(f)])) as Record<(typeof OUTCOME_FIELDS)[number], ReturnType<typeof field>>);
}

const DATE_INDEX = OUTCOME_FIELDS.indexOf('date');

/**
 * Built once per variant: building a zod schema costs more than using it. Built on first use,
 * not at import, so that `ask` and the console's questions do not build them.
 */
const schemas: { report?: ReturnType<typeof buildSchema>; edit?: ReturnType<typeof buildSchema> } = {};

/**
 * Validates fields typed by a user. With `clearable`, an empty value clears an optional field
 * (returned as ''), as `/edit` allows; `/report` treats every empty value as a mistake.
 */
export function validateFields(input: Record<string, string>, today: string, clearable = false): { ok: true; fields: CleanFields } | { ok: false; problems: FieldProblem[] } {
  const schema = clearable ? (schemas.edit ??= buildSchema(true)) : (schemas.report ??= buildSchema(false));
  const result = schema.safeParse(input);
  // The schema passed the date unless it is not a real date or too early; only then can it be in the future.
  const rawDate = typeof input.date === 'string' ? input.date.trim() : '';
  const future = rawDate !== '' && isRealDate(rawDate) && rawDate >= PERIOD_START && rawDate > today;
  if (result.success && !future) {
    const fields = Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined)) as CleanFields;
    if (fields['business-id']) fields['business-id'] = normaliseBusinessId(fields['business-id'])!;
    return { ok: true, fields };
  }
  const problems: FieldProblem[] = [];
  const issues = result.success ? [] : result.error.issues;
  let futurePending = future;
  for (const issue of issues) {
    // Keep the schema's order (fields in OUTCOME_FIELDS order, then unknown keys): the
    // future date goes where the date field's own check would have put it.
    if (futurePending && (issue.code === 'unrecognized_keys' || OUTCOME_FIELDS.indexOf(String(issue.path[0] ?? '') as (typeof OUTCOME_FIELDS)[number]) > DATE_INDEX)) {
      problems.push({ field: 'date', code: 'date.future', value: rawDate });
      futurePending = false;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ field: key, code: 'unknown-field', allowed: OUTCOME_FIELDS.filter((f) => f !== 'goal' || clearable).map(String) });
      continue;
    }
    const field = String(issue.path[0] ?? '');
    const value = (input[field] ?? '').trim();
    const code = issue.message as FieldProblem['code'];
    problems.push({ field, code, value: code === 'title.length' ? String(charLength(value)) : value });
  }
  if (futurePending) problems.push({ field: 'date', code: 'date.future', value: rawDate });
  return { ok: false, problems };
}
