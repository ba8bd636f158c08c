/**
 * An outcome's fields, declared once: `/report` takes them (goal and title first, by
 * position), `/edit` takes them by name (and may clear the optional ones). Their kinds,
 * limits, labels and Finnish names drive validation, help, the Slack form and the Discord
 * options and form alike. A new optional field is one more entry in `OUTCOME_ARGS`.
 */
import type { ArgSpec } from '../commands/spec.js';
import { validateRecord } from '../commands/validate.js';
import type { FieldProblem } from './field-messages.js';
import { PERIOD_START } from './dates.js';
import { L } from '../i18n.js';

/** A party of the agreement: on an outcome, and as a filter of /outcomes. */
export const PARTY_ARG: ArgSpec = {
  name: 'party',
  nameFi: 'osapuoli',
  keyAliases: ['osapuoli'],
  kind: 'choice',
  choices: 'parties',
  typeahead: true,
  position: 'named',
  label: L('Party', 'Osapuoli'),
  description: L('Party of the agreement (start typing)', 'Sopimuksen osapuoli (aloita kirjoittamaan)'),
  usage: L('<id>', '<tunnus>'),
};

/** One goal, written as the rest of the line (`/progress uudet yritykset`): the filter of /progress and /outcomes. */
export const GOAL_FILTER_ARG: ArgSpec = {
  name: 'goal',
  nameFi: 'tavoite',
  keyAliases: ['tavoite'],
  kind: 'choice',
  choices: 'goals',
  position: 'rest',
  label: L('Goal', 'Tavoite'),
  description: L('One goal (all when empty)', 'Yksi tavoite (tyhjä = kaikki)'),
};

/** Why an outcome is retracted: taken by /retract, and kept by an import of a retracted outcome. */
export const RETRACT_REASON_ARG: ArgSpec = {
  name: 'reason',
  nameFi: 'syy',
  keyAliases: ['syy'],
  kind: 'text',
  required: true,
  position: 'rest',
  limits: { minLength: 3, maxLength: 500 },
  lengthCode: 'reason.length',
  label: L('Reason', 'Syy'),
  description: L('Why it is retracted', 'Miksi tulos perutaan'),
  usage: L('reason="<why>"', 'reason="<miksi>"'),
};

/** The outcome fields in the order of the usage line, the forms and the problem lists. */
export const OUTCOME_ARGS: readonly ArgSpec[] = [
  {
    name: 'goal',
    nameFi: 'tavoite',
    keyAliases: ['tavoite'],
    kind: 'choice',
    choices: 'goals',
    required: true,
    position: 'positional',
    label: L('Goal', 'Tavoite'),
    description: L('Which goal the outcome counts for', 'Mihin tavoitteeseen tulos lasketaan'),
  },
  {
    name: 'title',
    nameFi: 'otsikko',
    keyAliases: ['otsikko', 'nimi'],
    kind: 'text',
    required: true,
    position: 'rest',
    limits: { minLength: 2, maxLength: 200 },
    lengthCode: 'title.length',
    label: L('Title', 'Otsikko'),
    description: L('Name of the company, technology, service…', 'Yrityksen, teknologian, palvelun… nimi'),
    placeholder: L('Name of the company, technology, service…', 'Yrityksen, teknologian, palvelun… nimi'),
  },
  PARTY_ARG,
  {
    name: 'date',
    nameFi: 'päivämäärä',
    keyAliases: ['pvm'],
    kind: 'date',
    default: 'today',
    dates: { earliest: PERIOD_START, notAfterToday: true },
    position: 'named',
    label: L('Date', 'Päivämäärä'),
    description: L('Date it happened: YYYY-MM-DD, D.M.YYYY or yesterday (default today)', 'Päivämäärä: PP.KK.VVVV, VVVV-KK-PP tai eilen (oletus tänään)'),
    usage: L('YYYY-MM-DD', 'PP.KK.VVVV'),
    placeholder: L('2025-01-31 or 31.1.2025 (empty = today)', '31.1.2025 (tyhjä = tänään)'),
  },
  {
    name: 'link',
    nameFi: 'linkki',
    keyAliases: ['linkki', 'url'],
    kind: 'url',
    position: 'named',
    // Far above any real address; keeps a pasted document out of the field.
    limits: { maxLength: 2000 },
    label: L('Evidence link', 'Linkki näyttöön'),
    description: L('Evidence link (https://…)', 'Linkki näyttöön (https://…)'),
    usage: L('<url>', '<url>'),
    placeholder: L('https://example.fi/news', 'https://esimerkki.fi/uutinen'),
  },
  {
    name: 'business-id',
    nameFi: 'y-tunnus',
    keyAliases: ['y-tunnus', 'ytunnus', 'businessid', 'business_id'],
    kind: 'business-id',
    position: 'named',
    label: L('Business ID (Y-tunnus)', 'Y-tunnus'),
    description: L('Finnish Business ID (Y-tunnus) of a company', 'Yrityksen Y-tunnus'),
    usage: L('<Y-tunnus>', '<Y-tunnus>'),
    placeholder: L('1234567-8', '1234567-8'),
  },
  {
    name: 'note',
    nameFi: 'huomautus',
    keyAliases: ['huom', 'kuvaus', 'description', 'lisatieto'],
    kind: 'text',
    multiline: true,
    position: 'named',
    limits: { maxLength: 2000 },
    label: L('Note', 'Huomautus'),
    description: L('A short note', 'Lyhyt huomautus'),
    usage: L('"<text>"', '"<teksti>"'),
    placeholder: L('A short note', 'Lyhyt huomautus'),
  },
  {
    name: 'duplicate',
    nameFi: 'kaksoiskappale',
    kind: 'flag',
    position: 'named',
    label: L('Duplicates', 'Kaksoiskappaleet'),
    description: L('Store even if it looks like one already reported', 'Tallenna, vaikka se näyttää jo raportoidulta'),
  },
];

/**
 * The same fields as `/edit` takes them: all by name, none required or defaulted; an empty
 * value clears an optional one (not the date, which every outcome has).
 */
export const EDITABLE_ARGS: readonly ArgSpec[] = OUTCOME_ARGS.map(({ required, default: _default, ...a }) => ({
  ...a,
  position: 'named' as const,
  clearable: !required && a.kind !== 'date' && a.kind !== 'flag',
}));

/**
 * The fields the outcomes table has a column for (report.ts and edit.ts map them); every
 * other outcome field is stored in the row's `extra` JSON object, shown by `/history` and
 * exported, so a new field needs no schema change until it earns a column.
 */
const OWN_COLUMN: ReadonlySet<string> = new Set(['goal', 'title', 'party', 'date', 'link', 'business-id', 'note', 'duplicate']);

/** The stored `extra` object of an outcome (name → text); empty when none. */
export function extraOf(json: string | null | undefined): Record<string, string> {
  if (!json) return {};
  const parsed = JSON.parse(json) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

/**
 * The `extra` to store after applying checked values: fields without a column are set, or
 * removed when given empty (`/edit` clearing them). Undefined when the values touch none.
 */
export function extraWith(before: string | null | undefined, values: Readonly<Record<string, string>>, args: readonly ArgSpec[] = OUTCOME_ARGS): string | null | undefined {
  const touched = args.filter((a) => !OWN_COLUMN.has(a.name) && values[a.name] !== undefined);
  if (touched.length === 0) return undefined;
  const extra = extraOf(before);
  for (const a of touched) {
    if (values[a.name] === '') delete extra[a.name];
    else extra[a.name] = values[a.name]!;
  }
  return Object.keys(extra).length > 0 ? JSON.stringify(extra) : null;
}

/** The validated fields; each present only when given (or defaulted). */
export type CleanFields = Partial<Record<string, string>>;

/**
 * Checks the format of outcome fields typed by a user (goal and party are only resolved
 * against the knowledge base by the commands' own validation). With `clearable`, an empty
 * value clears an optional field (returned as ''), as `/edit` allows.
 */
export function validateFields(input: Record<string, string>, today: string, clearable = false): { ok: true; fields: CleanFields } | { ok: false; problems: FieldProblem[] } {
  const r = validateRecord({ args: clearable ? EDITABLE_ARGS : OUTCOME_ARGS }, input, { today });
  return r.ok ? { ok: true, fields: r.values } : r;
}
