/**
 * A command's form as a Discord modal, built from its spec: shown when a command with a form
 * comes without its required options (pre-filled with whatever was given). Discord allows
 * five fields in a form, so when a command has more, the first four get their own (choices
 * as pick lists, the rest as text) and the remaining optional ones share one "details" box
 * (split again on submit, see `splitDetails`). Flags stay out: they are for typed commands.
 */
import {
  ComponentType,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Lang } from '../../core/reply.js';
import type { KnowledgeBase } from '../../core/knowledge/schema.js';
import type { ArgSpec } from '../../core/commands/spec.js';
import type { Command } from '../../core/commands/types.js';
import { choiceItems } from '../../core/commands/choices.js';
import { commandLine } from '../../core/commands/line.js';
import { quote } from '../../core/commands/parse.js';
import { clip } from '../../core/i18n.js';
import { joinDetails, splitDetails, UNPLACED } from './to-text.js';
import { LIMITS } from './limits.js';

/** custom_id of a command's form: `kajaani:form:<command>`. */
export const FORM_ID_PREFIX = 'kajaani:form:';
/** The shared box's custom_id. */
const DETAILS = 'details';

/**
 * Characters an argument can take in the details box, by its kind and limits: a text without
 * a maximum could fill the box alone.
 */
function boxSize(arg: ArgSpec): number {
  const bounded: Partial<Record<ArgSpec['kind'], number>> = { date: 10, 'business-id': 11, integer: 13, 'outcome-id': 13, choice: 64, user: 72, flag: 2 };
  return arg.limits?.maxLength ?? bounded[arg.kind] ?? LIMITS.textInput;
}

/** What the details box must hold for these arguments at their longest: each on a line `name: value`. */
export function detailsCapacity(shared: readonly ArgSpec[]): number {
  return shared.reduce((n, a) => n + a.name.length + 2 + boxSize(a), 0) + Math.max(0, shared.length - 1);
}

/**
 * The form's layout: arguments with a field of their own, and those sharing the details box.
 * The first four get their own field, unless the box could not then hold the rest at their
 * longest (a 2,000-character link beside a 2,000-character note): then the largest shared
 * argument trades places with the smallest optional one, until it can. Each part keeps the
 * spec's order.
 */
export function formLayout(command: Command): { own: ArgSpec[]; shared: ArgSpec[] } {
  const args = command.args.filter((a) => a.position !== 'raw' && !a.onlyWith && a.kind !== 'flag');
  if (args.length <= LIMITS.modalComponents) return { own: args, shared: [] };
  const own = new Set(args.slice(0, LIMITS.modalComponents - 1));
  const shared = () => args.filter((a) => !own.has(a));
  while (detailsCapacity(shared()) > LIMITS.textInput) {
    // Ties go to free text: a note is better in a box of its own than a link.
    const largest = shared().reduce((a, b) => (boxSize(b) > boxSize(a) || (boxSize(b) === boxSize(a) && b.kind === 'text') ? b : a));
    const optional = [...own].filter((a) => !a.required && boxSize(a) < boxSize(largest));
    if (optional.length === 0) break;
    const smallest = optional.reduce((a, b) => (boxSize(b) < boxSize(a) ? b : a));
    own.delete(smallest);
    own.add(largest);
  }
  return { own: args.filter((a) => own.has(a)), shared: shared() };
}

const label = (text: string) => clip(text, LIMITS.label);
const placeholderOf = (arg: ArgSpec, lang: Lang) => (arg.placeholder ? { placeholder: clip(arg.placeholder[lang], LIMITS.placeholder) } : {});

/** A field of its own: a pick list for choices, a text input otherwise. */
function field(arg: ArgSpec, kb: KnowledgeBase, lang: Lang, value: string | undefined) {
  const required = Boolean(arg.required) && arg.default === undefined;
  if (arg.kind === 'choice' && arg.choices) {
    const options = choiceItems(kb, arg.choices, lang)
      .slice(0, LIMITS.selectOptions)
      .map((c) => ({ label: clip(c.label, LIMITS.selectOptionLabel), value: c.value, default: c.value === value }));
    return { type: ComponentType.Label, label: label(arg.label[lang]), component: { type: ComponentType.StringSelect, custom_id: arg.name, required, min_values: required ? 1 : 0, max_values: 1, options } } as const;
  }
  const { minLength, maxLength } = arg.limits ?? {};
  return {
    type: ComponentType.Label,
    label: label(arg.label[lang]),
    component: {
      type: ComponentType.TextInput,
      custom_id: arg.name,
      style: arg.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
      required,
      ...(minLength !== undefined && required ? { min_length: minLength } : {}),
      max_length: Math.min(maxLength ?? LIMITS.textInput, LIMITS.textInput),
      ...placeholderOf(arg, lang),
      ...(value ? { value } : {}),
    },
  } as const;
}

/** The form, in the user's language, pre-filled with whatever options they did give. */
export function commandModal(command: Command, kb: KnowledgeBase, lang: Lang, prefill: Readonly<Record<string, string>> = {}): APIModalInteractionResponseCallbackData {
  const { own, shared } = formLayout(command);
  const components: APIModalInteractionResponseCallbackData['components'] = own.map((a) => field(a, kb, lang, prefill[a.name]));
  if (shared.length > 0) {
    const max = Math.min(detailsCapacity(shared), LIMITS.textInput);
    // The layout makes room for every shared value at its longest; if a spec ever outgrew
    // the box, the pre-fill is cut (visibly, with …) rather than the form refused by Discord.
    const details = clip(joinDetails(prefill, shared), max);
    const optional = lang === 'fi' ? 'valinnainen' : 'optional';
    components.push({
      type: ComponentType.Label,
      // The names, because that is how a line in the box names its field (`contact: Anna`).
      label: label(`${shared.map((a) => a.name).join(', ')} (${optional})`),
      component: {
        type: ComponentType.TextInput,
        custom_id: DETAILS,
        style: TextInputStyle.Paragraph,
        required: false,
        max_length: max,
        placeholder: clip(shared.map((a) => (a.placeholder ? a.placeholder[lang] : `${a.name}: …`)).join('\n'), LIMITS.placeholder),
        ...(details ? { value: details } : {}),
      },
    });
  }
  return { custom_id: `${FORM_ID_PREFIX}${command.name}`, title: clip((command.form?.title ?? command.summary)[lang], LIMITS.modalTitle), components };
}

/** Reads one field whichever way Discord delivered it (text input or select). */
function fieldValue(interaction: ModalSubmitInteraction, id: string): string | undefined {
  const f = interaction.fields.fields.get(id);
  if (!f) return undefined;
  if ('value' in f && typeof f.value === 'string') return f.value.trim() || undefined;
  if ('values' in f && Array.isArray(f.values)) return (f.values[0] as string | undefined) ?? undefined;
  return undefined;
}

/** The submitted form as the core's command line. */
export function formCommandText(command: Command, interaction: ModalSubmitInteraction): string {
  const { own, shared } = formLayout(command);
  const record: Record<string, string> = {};
  for (const arg of own) {
    const v = fieldValue(interaction, arg.name);
    if (v !== undefined) record[arg.name] = v;
  }
  const { [UNPLACED]: unplaced, ...details } = shared.length > 0 ? splitDetails(fieldValue(interaction, DETAILS) ?? '', shared) : {};
  Object.assign(record, details);
  const line = commandLine(command, record);
  // Left-over text of the box goes to the core as a field of its own, which it refuses by name.
  return unplaced === undefined ? line : `${line} ${UNPLACED}=${quote(unplaced)}`;
}
