/**
 * A command's form as a Slack modal, built from its spec: one input block per argument
 * (block id = argument name), its widget by the argument's kind (choices as selects, dates as
 * a date picker defaulting to today in BOT_TIMEZONE, a flag as a checkbox). On submit the
 * values become the core's own command line (`commandLine`), so the form is validated exactly
 * like typed input, and each problem the core lists lands on its field.
 */
import type { Lang, Reply } from '../../core/reply.js';
import type { KnowledgeBase } from '../../core/knowledge/schema.js';
import type { ArgSpec, CommandSpec } from '../../core/commands/spec.js';
import { argFor } from '../../core/commands/spec.js';
import { choiceItems } from '../../core/commands/choices.js';
import { commandLine } from '../../core/commands/line.js';
import { describeProblem, type FieldProblem } from '../../core/outcomes/field-messages.js';
import { clip } from '../../core/i18n.js';
import type { InputBlock, ModalView, PlainTextOption } from './blocks.js';
import { LIMITS } from './limits.js';

/** callback_id of a command's form: `kajaani_<command>` (`kajaani_report`). */
export const FORM_CALLBACK_PREFIX = 'kajaani_';

/** What the submit handler needs to answer: which form, and where it was opened. */
export interface FormMetadata {
  lang: Lang;
  channel?: string;
  /** The slash command's response_url, for an ephemeral confirmation where it was typed. */
  responseUrl?: string;
}

const plain = (text: string, max: number = LIMITS.inputLabel) => ({ type: 'plain_text' as const, text: clip(text, max), emoji: false });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, LIMITS.optionText), value });

/** The arguments a form shows: all but the whole-text ones and those that depend on another. */
export function formArgs(spec: CommandSpec): ArgSpec[] {
  return spec.args.filter((a) => a.position !== 'raw' && !a.onlyWith);
}

/** The input element for an argument, pre-filled with `value` (or its default). */
function element(arg: ArgSpec, kb: KnowledgeBase, lang: Lang, today: string, value: string | undefined): InputBlock['element'] {
  const placeholder = arg.placeholder ? { placeholder: plain(arg.placeholder[lang], LIMITS.placeholder) } : {};
  switch (arg.kind) {
    case 'choice': {
      const options = choiceItems(kb, arg.choices ?? [], lang).slice(0, LIMITS.selectOptions).map((c) => option(c.label, c.value));
      const initial = options.find((o) => o.value === value);
      return { type: 'static_select', action_id: 'value', options, ...(initial ? { initial_option: initial } : {}) };
    }
    case 'date': {
      const initial = value ?? (arg.default === 'today' ? today : arg.default);
      return { type: 'datepicker', action_id: 'value', ...(initial ? { initial_date: initial } : {}) };
    }
    case 'flag':
      return { type: 'checkboxes', action_id: 'value', options: [option(arg.description[lang], 'ok')], ...(value === 'ok' ? { initial_options: [option(arg.description[lang], 'ok')] } : {}) };
    case 'url':
      return { type: 'url_text_input', action_id: 'value', ...placeholder, ...(value ? { initial_value: value } : {}) };
    default: {
      const max = Math.min(arg.limits?.maxLength ?? LIMITS.textInput, LIMITS.textInput);
      return { type: 'plain_text_input', action_id: 'value', max_length: max, ...(arg.multiline ? { multiline: true } : {}), ...placeholder, ...(value ? { initial_value: value } : {}) };
    }
  }
}

/** The form for `spec` in the user's language; `today` is the date picker's default (YYYY-MM-DD). */
export function commandForm(spec: CommandSpec, kb: KnowledgeBase, lang: Lang, today: string, meta: FormMetadata, prefill: Readonly<Record<string, string>> = {}): ModalView {
  const blocks = formArgs(spec).map(
    (arg): InputBlock => ({
      type: 'input',
      block_id: arg.name,
      label: plain(arg.label[lang]),
      // Required, or filled in for the user (the date): the form insists on it.
      ...(arg.required || arg.default !== undefined ? {} : { optional: true }),
      element: element(arg, kb, lang, today, prefill[arg.name]),
    }),
  );
  const title = spec.form?.title ?? spec.summary;
  return {
    type: 'modal',
    callback_id: `${FORM_CALLBACK_PREFIX}${spec.name}`,
    title: plain(title[lang], LIMITS.modalTitle),
    submit: plain((spec.form?.submit ?? { en: 'Send', fi: 'Lähetä' })[lang], LIMITS.modalTitle),
    close: plain(lang === 'fi' ? 'Peruuta' : 'Cancel', LIMITS.modalTitle),
    private_metadata: JSON.stringify(meta),
    blocks: blocks.slice(0, LIMITS.blocksPerView),
  };
}

/** The shape of `view.state.values` Slack sends on submit. */
export type ViewStateValues = Record<
  string,
  Record<string, { type?: string; value?: string | null; selected_option?: { value: string } | null; selected_date?: string | null; selected_options?: { value: string }[] }>
>;

/** The submitted values by argument name (text, selected option, date or ticked box), trimmed; empty ones left out. */
export function formValues(spec: CommandSpec, values: ViewStateValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const arg of formArgs(spec)) {
    const v = values[arg.name]?.value;
    const raw = v?.selected_option?.value ?? v?.selected_date ?? v?.selected_options?.[0]?.value ?? v?.value ?? undefined;
    const trimmed = raw?.trim();
    if (trimmed) out[arg.name] = trimmed;
  }
  return out;
}

/** The submitted form as the core's command line. */
export function formCommandText(spec: CommandSpec, values: ViewStateValues): string {
  return commandLine(spec, formValues(spec, values));
}

/** Inline errors sit under a field; a long one would push the form apart, so keep them short. */
const MAX_ERROR_CHARS = 300;

/**
 * A rejected submit → `response_action: errors` for the form. Each problem the core lists in
 * `data.problems` goes on its field; a duplicate on the "store anyway" box (a flag);
 * otherwise the whole message on the field named by `data.field`, or on the first field.
 */
export function formErrors(spec: CommandSpec, r: Reply): Record<string, string> {
  const shown = new Set(formArgs(spec).map((a) => a.name));
  const blockFor = (field: unknown): string | undefined => {
    if (typeof field !== 'string') return undefined;
    const arg = argFor(spec, field) ?? spec.args.find((a) => a.name.replace(/\W/g, '') === field.toLowerCase().replace(/\W/g, ''));
    return arg && shown.has(arg.name) ? arg.name : undefined;
  };
  const errors: Record<string, string> = {};
  const problems = Array.isArray(r.data.problems) ? (r.data.problems as FieldProblem[]) : [];
  for (const p of problems) {
    const block = blockFor(p.field);
    if (block && errors[block] === undefined) errors[block] = clip(describeProblem(r.lang, p), MAX_ERROR_CHARS);
  }
  if (Object.keys(errors).length > 0) return errors;
  const message = clip([r.text, ...r.sections.flatMap((s) => s.lines)].filter((x) => x.trim() !== '').join(' '), MAX_ERROR_CHARS);
  const flag = formArgs(spec).find((a) => a.kind === 'flag');
  if (r.data.error === 'duplicate' && flag) return { [flag.name]: message };
  return { [blockFor(r.data.field) ?? formArgs(spec).find((a) => a.kind !== 'choice')?.name ?? formArgs(spec)[0]!.name]: message };
}

/** Reads the metadata back; a tampered or missing value gives the defaults. */
export function readMetadata(raw: string | undefined, fallbackLang: Lang): FormMetadata {
  try {
    const m = JSON.parse(raw ?? '') as Partial<FormMetadata>;
    return {
      lang: m.lang === 'fi' || m.lang === 'en' ? m.lang : fallbackLang,
      channel: typeof m.channel === 'string' ? m.channel : undefined,
      responseUrl: typeof m.responseUrl === 'string' ? m.responseUrl : undefined,
    };
  } catch {
    return { lang: fallbackLang };
  }
}
