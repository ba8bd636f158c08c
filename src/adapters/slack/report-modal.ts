/**
 * The /report form (`/kajaani report` with no arguments): goal and party as selects, a date
 * picker defaulting to today in BOT_TIMEZONE, and text inputs. On submit the values become
 * the core's own command line (`/report companies "Acme Oy" party=KAMK date=…`), so the form
 * is validated exactly like typed input; the core's rejection lands on the matching field.
 */
import type { Lang, Reply } from '../../core/reply.js';
import { describeProblem, type FieldProblem } from '../../core/outcomes/field-messages.js';
import type { KnowledgeBase } from '../../core/knowledge/schema.js';
import type { KnownBlock, ModalView, PlainTextOption } from './blocks.js';
import { clip } from '../../core/i18n.js';
import { quote as quoteArg } from '../../core/commands/parse.js';

export const REPORT_CALLBACK_ID = 'kajaani_report';

/** The form's fields; block ids equal the core's field names, so `data.field` maps directly. */
export const REPORT_FIELDS = ['goal', 'title', 'party', 'date', 'link', 'business-id', 'note', 'duplicate'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/** What the submit handler needs to answer: where the form was opened. */
export interface ReportMetadata {
  lang: Lang;
  channel?: string;
  /** The slash command's response_url, for an ephemeral confirmation where it was typed. */
  responseUrl?: string;
}

const T = {
  title: { en: 'Report an outcome', fi: 'Ilmoita tulos' },
  submit: { en: 'Report', fi: 'Ilmoita' },
  cancel: { en: 'Cancel', fi: 'Peruuta' },
  goal: { en: 'Goal', fi: 'Tavoite' },
  name: { en: 'Title', fi: 'Otsikko' },
  namePlaceholder: { en: 'Name of the company, technology, service…', fi: 'Yrityksen, teknologian, palvelun… nimi' },
  party: { en: 'Party', fi: 'Osapuoli' },
  date: { en: 'Date', fi: 'Päivämäärä' },
  link: { en: 'Evidence link', fi: 'Linkki näyttöön' },
  businessId: { en: 'Business ID (Y-tunnus)', fi: 'Y-tunnus' },
  note: { en: 'Note', fi: 'Huomautus' },
  duplicate: { en: 'Duplicates', fi: 'Kaksoiskappaleet' },
  duplicateOk: { en: 'Store even if it looks like one already reported', fi: 'Tallenna, vaikka se näyttää jo raportoidulta' },
} as const;

/** Slack's limits: 100 options per select, 75 characters per option text, 24 per modal title. */
const MAX_OPTIONS = 100;
const MAX_OPTION_CHARS = 75;

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: false });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(clip(text, MAX_OPTION_CHARS)), value });

/** The form in the user's language; `today` is the date picker's default (YYYY-MM-DD). */
export function reportModal(kb: KnowledgeBase, lang: Lang, today: string, meta: ReportMetadata): ModalView {
  const goals = kb.goals.slice(0, MAX_OPTIONS).map((g) => option(g.name[lang], g.id));
  const parties = kb.parties.slice(0, MAX_OPTIONS).map((p) => option(`${p.shortName} – ${p.name[lang]}`, p.id));
  const blocks: KnownBlock[] = [
    { type: 'input', block_id: 'goal', label: plain(T.goal[lang]), element: { type: 'static_select', action_id: 'value', options: goals } },
    {
      type: 'input',
      block_id: 'title',
      label: plain(T.name[lang]),
      element: { type: 'plain_text_input', action_id: 'value', max_length: 200, placeholder: plain(T.namePlaceholder[lang]) },
    },
    { type: 'input', block_id: 'party', optional: true, label: plain(T.party[lang]), element: { type: 'static_select', action_id: 'value', options: parties } },
    { type: 'input', block_id: 'date', label: plain(T.date[lang]), element: { type: 'datepicker', action_id: 'value', initial_date: today } },
    { type: 'input', block_id: 'link', optional: true, label: plain(T.link[lang]), element: { type: 'url_text_input', action_id: 'value' } },
    { type: 'input', block_id: 'business-id', optional: true, label: plain(T.businessId[lang]), element: { type: 'plain_text_input', action_id: 'value', max_length: 20, placeholder: plain('1234567-8') } },
    { type: 'input', block_id: 'note', optional: true, label: plain(T.note[lang]), element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 2000 } },
    {
      type: 'input',
      block_id: 'duplicate',
      optional: true,
      label: plain(T.duplicate[lang]),
      element: { type: 'checkboxes', action_id: 'value', options: [{ text: plain(T.duplicateOk[lang]), value: 'ok' }] },
    },
  ];
  return {
    type: 'modal',
    callback_id: REPORT_CALLBACK_ID,
    title: plain(T.title[lang]),
    submit: plain(T.submit[lang]),
    close: plain(T.cancel[lang]),
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}

/** The shape of `view.state.values` Slack sends on submit. */
export type ViewStateValues = Record<
  string,
  Record<string, { type?: string; value?: string | null; selected_option?: { value: string } | null; selected_date?: string | null; selected_options?: { value: string }[] }>
>;

/** One submitted field's value (text, selected option or date), trimmed; undefined when empty. */
export function fieldValue(values: ViewStateValues, field: ReportField): string | undefined {
  const v = values[field]?.value;
  const raw = v?.selected_option?.value ?? v?.selected_date ?? v?.selected_options?.[0]?.value ?? v?.value ?? undefined;
  const trimmed = raw?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** The submitted form as a core command line: `/report <goal> <title> party=… date=… …`. */
export function reportCommandText(values: ViewStateValues): string {
  const parts = ['/report'];
  for (const f of ['goal', 'title'] as const) {
    const v = fieldValue(values, f);
    if (v !== undefined) parts.push(quoteArg(v));
  }
  for (const f of ['party', 'date', 'link', 'business-id', 'note', 'duplicate'] as const) {
    const v = fieldValue(values, f);
    if (v !== undefined) parts.push(`${f}=${quoteArg(v.replace(/\s*\n\s*/g, ' '))}`);
  }
  return parts.join(' ');
}

/** Core field names (and their aliases) → the form block that shows the error. */
const FIELD_TO_BLOCK: Record<string, ReportField> = {
  goal: 'goal',
  goalid: 'goal',
  title: 'title',
  duplicate: 'duplicate',
  party: 'party',
  partyid: 'party',
  date: 'date',
  happenedon: 'date',
  link: 'link',
  'business-id': 'business-id',
  businessid: 'business-id',
  note: 'note',
  description: 'note',
};

/** Inline errors sit under a field; a long one would push the form apart, so keep them short. */
const MAX_ERROR_CHARS = 300;

/**
 * A rejected report → `response_action: errors` for the form. Each problem the core lists in
 * `data.problems` goes on its own field; a duplicate on the "store anyway" box; otherwise the
 * whole message on the field named by `data.field`, or on the title.
 */
export function formErrors(r: Reply): Record<string, string> {
  const errors: Record<string, string> = {};
  const problems = Array.isArray(r.data.problems) ? (r.data.problems as FieldProblem[]) : [];
  for (const p of problems) {
    const block = typeof p.field === 'string' ? FIELD_TO_BLOCK[p.field.toLowerCase()] : undefined;
    if (block && errors[block] === undefined) errors[block] = clip(describeProblem(r.lang, p), MAX_ERROR_CHARS);
  }
  if (Object.keys(errors).length > 0) return errors;
  const message = clip([r.text, ...r.sections.flatMap((s) => s.lines)].filter((x) => x.trim() !== '').join(' '), MAX_ERROR_CHARS);
  if (r.data.error === 'duplicate') return { duplicate: message };
  const named = typeof r.data.field === 'string' ? FIELD_TO_BLOCK[r.data.field.toLowerCase()] : undefined;
  return { [named ?? 'title']: message };
}

/** Reads the metadata back; a tampered or missing value gives the defaults. */
export function readMetadata(raw: string | undefined, fallbackLang: Lang): ReportMetadata {
  try {
    const m = JSON.parse(raw ?? '') as Partial<ReportMetadata>;
    return {
      lang: m.lang === 'fi' || m.lang === 'en' ? m.lang : fallbackLang,
      channel: typeof m.channel === 'string' ? m.channel : undefined,
      responseUrl: typeof m.responseUrl === 'string' ? m.responseUrl : undefined,
    };
  } catch {
    return { lang: fallbackLang };
  }
}
