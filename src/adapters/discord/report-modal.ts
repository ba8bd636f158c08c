/**
 * The /report form: shown when /report is used without goal and title. Discord allows five
 * fields in a form, so goal and party are pick lists, title and date are text, and link,
 * Business ID and note share one "details" box (split again on submit).
 */
import {
  ComponentType,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Lang } from '../../core/reply.js';
import type { KnowledgeBase } from '../../core/knowledge/schema.js';
import { commandText, joinDetails, splitDetails, type OptionValue } from './to-text.js';
import { findSpec } from './commands.js';
import { clip } from '../../core/i18n.js';
import { LIMITS } from './limits.js';

export const REPORT_MODAL_ID = 'kajaani:report';

const T = {
  title: { en: 'Report an outcome', fi: 'Ilmoita tulos' },
  goal: { en: 'Goal', fi: 'Tavoite' },
  name: { en: 'Title', fi: 'Otsikko' },
  namePlaceholder: { en: 'Name of the company, technology, service…', fi: 'Yrityksen, teknologian, palvelun… nimi' },
  party: { en: 'Party', fi: 'Osapuoli' },
  date: { en: 'Date (YYYY-MM-DD, empty = today)', fi: 'Päivämäärä (VVVV-KK-PP, tyhjä = tänään)' },
  details: { en: 'Link, Business ID, note (optional)', fi: 'Linkki, Y-tunnus, huomautus (valinnainen)' },
  detailsPlaceholder: { en: 'https://example.fi/news\n1234567-8\nA short note', fi: 'https://esimerkki.fi/uutinen\n1234567-8\nLyhyt huomautus' },
} as const;


/** The form, in the user's language, pre-filled with whatever options they did give. */
export function reportModal(kb: KnowledgeBase, lang: Lang, prefill: ReadonlyMap<string, OptionValue> = new Map()): APIModalInteractionResponseCallbackData {
  const str = (k: string): string | undefined => {
    const v = prefill.get(k);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const details = joinDetails(prefill);
  return {
    custom_id: REPORT_MODAL_ID,
    title: T.title[lang],
    components: [
      {
        type: ComponentType.Label,
        label: T.goal[lang],
        component: {
          type: ComponentType.StringSelect,
          custom_id: 'goal',
          required: true,
          min_values: 1,
          max_values: 1,
          options: kb.goals.slice(0, LIMITS.selectOptions).map((g) => ({ label: clip(g.name[lang], LIMITS.selectOptionLabel), value: g.id, default: g.id === str('goal') })),
        },
      },
      {
        type: ComponentType.Label,
        label: T.name[lang],
        component: { type: ComponentType.TextInput, custom_id: 'title', style: TextInputStyle.Short, required: true, min_length: 2, max_length: 200, placeholder: T.namePlaceholder[lang], ...(str('title') ? { value: str('title') } : {}) },
      },
      {
        type: ComponentType.Label,
        label: T.party[lang],
        component: {
          type: ComponentType.StringSelect,
          custom_id: 'party',
          required: false,
          min_values: 0,
          max_values: 1,
          options: kb.parties.slice(0, LIMITS.selectOptions).map((p) => ({ label: clip(`${p.shortName} – ${p.name[lang]}`, LIMITS.selectOptionLabel), value: p.id, default: p.id === str('party') })),
        },
      },
      {
        type: ComponentType.Label,
        label: T.date[lang],
        component: { type: ComponentType.TextInput, custom_id: 'date', style: TextInputStyle.Short, required: false, min_length: 0, max_length: 10, placeholder: '2025-01-31', ...(str('date') ? { value: str('date') } : {}) },
      },
      {
        type: ComponentType.Label,
        label: T.details[lang],
        component: { type: ComponentType.TextInput, custom_id: 'details', style: TextInputStyle.Paragraph, required: false, max_length: 1500, placeholder: T.detailsPlaceholder[lang], ...(details ? { value: details } : {}) },
      },
    ],
  };
}

/** Reads one field whichever way Discord delivered it (text input or select). */
function fieldValue(interaction: ModalSubmitInteraction, id: string): string | undefined {
  const field = interaction.fields.fields.get(id);
  if (!field) return undefined;
  if ('value' in field && typeof field.value === 'string') return field.value.trim() || undefined;
  if ('values' in field && Array.isArray(field.values)) return (field.values[0] as string | undefined) ?? undefined;
  return undefined;
}

/** The submitted form as a core `/report` line. */
export function reportModalText(interaction: ModalSubmitInteraction): string {
  const { link, businessId, note } = splitDetails(fieldValue(interaction, 'details') ?? '');
  const values = new Map<string, OptionValue>();
  const set = (k: string, v: string | undefined): void => {
    if (v !== undefined) values.set(k, v);
  };
  set('goal', fieldValue(interaction, 'goal'));
  set('title', fieldValue(interaction, 'title'));
  set('party', fieldValue(interaction, 'party'));
  set('date', fieldValue(interaction, 'date'));
  set('link', link);
  set('business-id', businessId);
  set('note', note);
  return commandText(findSpec('report')!, values);
}
