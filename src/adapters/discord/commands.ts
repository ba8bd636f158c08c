/**
 * The Discord slash commands: one table that says, per command, which options Discord shows
 * (with Finnish localisations) and how each option goes into the core's text grammar
 * (`/report companies "Acme Oy" party=KAMK`). Registration bodies and the inbound
 * translation are both derived from it, so they cannot drift apart.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Localized } from '../../core/reply.js';
import type { KnowledgeBase } from '../../core/knowledge/schema.js';
import { clip } from '../../core/i18n.js';
import { LIMITS } from './limits.js';

/** Where an option's value goes in the core command line. */
export type OptionPlacement =
  /** The whole text (for `/ask`). */
  | 'text'
  /** The next positional word, quoted when needed. */
  | 'positional'
  /** `key=value`. */
  | 'named'
  /** A boolean that adds `key=ok` when true. */
  | 'flag';

export interface OptionSpec {
  /** The option name (also the `key` of a named value). */
  name: string;
  /** The option name Finnish clients see (lower case, no spaces). */
  fi: string;
  description: Localized;
  type: 'string' | 'integer' | 'boolean' | 'user';
  required?: boolean;
  /** Static choices, or `goals` for the knowledge base's goals. */
  choices?: 'goals' | { value: string; name: Localized }[];
  /** Suggestions while typing; `parties` from the knowledge base. */
  autocomplete?: 'parties';
  maxLength?: number;
  placement: OptionPlacement;
}

export interface CommandSpec {
  name: string;
  description: Localized;
  options: OptionSpec[];
  /**
   * The reply is likely private (exports, admin actions): when the answer is slow, the
   * "thinking…" placeholder is made ephemeral from the start.
   */
  privateHint?: boolean;
}

const L = (en: string, fi: string): Localized => ({ en, fi });

const goal = (placement: OptionPlacement, description = L('Goal', 'Tavoite')): OptionSpec => ({
  name: 'goal',
  fi: 'tavoite',
  description,
  type: 'string',
  choices: 'goals',
  placement,
});
const party = (placement: OptionPlacement): OptionSpec => ({
  name: 'party',
  fi: 'osapuoli',
  description: L('Party of the agreement (start typing)', 'Sopimuksen osapuoli (aloita kirjoittamaan)'),
  type: 'string',
  autocomplete: 'parties',
  placement,
});
const outcomeId: OptionSpec = { name: 'id', fi: 'numero', description: L('Outcome number', 'Tuloksen numero'), type: 'integer', required: true, placement: 'positional' };

/** The fields of an outcome, as named options (for /report after goal and title, and /edit). */
const outcomeFields: OptionSpec[] = [
  { name: 'date', fi: 'päivämäärä', description: L('Date it happened, YYYY-MM-DD (default today)', 'Päivämäärä VVVV-KK-PP (oletus tänään)'), type: 'string', maxLength: 10, placement: 'named' },
  { name: 'link', fi: 'linkki', description: L('Evidence link (https://…)', 'Linkki näyttöön (https://…)'), type: 'string', maxLength: 500, placement: 'named' },
  { name: 'business-id', fi: 'y-tunnus', description: L('Finnish Business ID (Y-tunnus) of a company', 'Yrityksen Y-tunnus'), type: 'string', maxLength: 9, placement: 'named' },
  { name: 'note', fi: 'huomautus', description: L('A short note', 'Lyhyt huomautus'), type: 'string', maxLength: 1000, placement: 'named' },
];

const title = (placement: OptionPlacement): OptionSpec => ({
  name: 'title',
  fi: 'otsikko',
  description: L('Name of the company, technology, service…', 'Yrityksen, teknologian, palvelun… nimi'),
  type: 'string',
  maxLength: 200,
  placement,
});

const roleChoices = [
  { value: 'reporter', name: L('reporter', 'raportoija') },
  { value: 'admin', name: L('admin', 'ylläpitäjä') },
];
const user: OptionSpec = { name: 'user', fi: 'käyttäjä', description: L('The user', 'Käyttäjä'), type: 'user', required: true, placement: 'positional' };
const role: OptionSpec = { name: 'role', fi: 'rooli', description: L('The role', 'Rooli'), type: 'string', required: true, choices: roleChoices, placement: 'positional' };

/** Every slash command the bot registers. */
export const COMMAND_SPECS: CommandSpec[] = [
  {
    name: 'ask',
    description: L('Ask a question about the agreement', 'Kysy sopimuksesta'),
    options: [{ name: 'question', fi: 'kysymys', description: L('Your question', 'Kysymyksesi'), type: 'string', required: true, maxLength: 1000, placement: 'text' }],
  },
  {
    name: 'progress',
    description: L('Progress towards the goals', 'Tavoitteiden edistyminen'),
    options: [goal('positional', L('One goal (all when empty)', 'Yksi tavoite (tyhjä = kaikki)'))],
  },
  {
    name: 'report',
    description: L('Report an outcome (without options: a form)', 'Ilmoita tulos (ilman valintoja: lomake)'),
    options: [
      goal('positional', L('Which goal the outcome counts for', 'Mihin tavoitteeseen tulos lasketaan')),
      title('positional'),
      party('named'),
      ...outcomeFields,
      { name: 'duplicate', fi: 'kaksoiskappale', description: L('Store even if it looks like a duplicate', 'Tallenna, vaikka se näyttää kaksoiskappaleelta'), type: 'boolean', placement: 'flag' },
    ],
  },
  {
    name: 'outcomes',
    description: L('List reported outcomes', 'Listaa ilmoitetut tulokset'),
    options: [
      goal('positional'),
      party('named'),
      { name: 'year', fi: 'vuosi', description: L('Year', 'Vuosi'), type: 'integer', placement: 'named' },
      {
        name: 'status',
        fi: 'tila',
        description: L('Status', 'Tila'),
        type: 'string',
        choices: [
          { value: 'reported', name: L('reported', 'ilmoitettu') },
          { value: 'verified', name: L('verified', 'vahvistettu') },
          { value: 'retracted', name: L('retracted', 'peruttu') },
        ],
        placement: 'named',
      },
    ],
  },
  {
    name: 'edit',
    description: L('Edit an outcome', 'Muokkaa tulosta'),
    options: [outcomeId, goal('named'), title('named'), party('named'), ...outcomeFields],
    privateHint: true,
  },
  {
    name: 'retract',
    description: L('Retract an outcome (a reason is required)', 'Peru tulos (syy on pakollinen)'),
    options: [outcomeId, { name: 'reason', fi: 'syy', description: L('Why it is retracted', 'Miksi tulos perutaan'), type: 'string', required: true, maxLength: 500, placement: 'named' }],
    privateHint: true,
  },
  { name: 'verify', description: L('Verify an outcome (admin)', 'Vahvista tulos (ylläpitäjä)'), options: [outcomeId], privateHint: true },
  { name: 'grant', description: L('Give a user a role (admin)', 'Anna käyttäjälle rooli (ylläpitäjä)'), options: [user, role], privateHint: true },
  { name: 'revoke', description: L('Take a role from a user (admin)', 'Poista käyttäjältä rooli (ylläpitäjä)'), options: [user, role], privateHint: true },
  {
    name: 'export',
    description: L('All outcomes as a file (admin)', 'Kaikki tulokset tiedostona (ylläpitäjä)'),
    options: [
      {
        name: 'format',
        fi: 'muoto',
        description: L('File format', 'Tiedostomuoto'),
        type: 'string',
        choices: [
          { value: 'csv', name: L('CSV (spreadsheet)', 'CSV (taulukko)') },
          { value: 'json', name: L('JSON', 'JSON') },
        ],
        placement: 'positional',
      },
    ],
    privateHint: true,
  },
  {
    name: 'digest',
    description: L('The weekly progress digest: preview it, or subscribe this channel (admin)', 'Viikkokooste: esikatsele tai tilaa tälle kanavalle (ylläpitäjä)'),
    options: [
      {
        name: 'action',
        fi: 'toiminto',
        description: L('What to do', 'Mitä tehdään'),
        type: 'string',
        required: true,
        choices: [
          { value: 'preview', name: L('preview', 'esikatselu') },
          { value: 'subscribe', name: L('subscribe this channel', 'tilaa tälle kanavalle') },
          { value: 'unsubscribe', name: L('unsubscribe this channel', 'peru kanavan tilaus') },
        ],
        placement: 'positional',
      },
      {
        name: 'language',
        fi: 'kieli',
        description: L('Digest language when subscribing', 'Koosteen kieli tilattaessa'),
        type: 'string',
        choices: [
          { value: 'en', name: L('English', 'englanti') },
          { value: 'fi', name: L('Finnish', 'suomi') },
          { value: 'both', name: L('both', 'molemmat') },
        ],
        placement: 'positional',
      },
    ],
    privateHint: true,
  },
  { name: 'help', description: L('What the bot can do', 'Mitä botti osaa'), options: [] },
];

/** Finds a command spec by its (English) name, as interactions carry it. */
export function findSpec(name: string): CommandSpec | undefined {
  return COMMAND_SPECS.find((c) => c.name === name);
}

const TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  user: ApplicationCommandOptionType.User,
} as const;


/** The goal choices from the knowledge base, localised. */
export function goalChoices(kb: KnowledgeBase): APIApplicationCommandOptionChoice<string>[] {
  return kb.goals.slice(0, LIMITS.choices).map((g) => ({
    name: clip(g.name.en, LIMITS.choiceName),
    name_localizations: { fi: clip(g.name.fi, LIMITS.choiceName) },
    value: g.id,
  }));
}

/** The registration body for every command (what `discord register` PUTs). */
export function buildCommandBodies(kb: KnowledgeBase): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMAND_SPECS.map((spec) => ({
    type: ApplicationCommandType.ChatInput,
    // Command names stay English in both languages: the core's help and the docs say
    // `/report` in Finnish too, so a localised `/raportoi` would contradict them.
    name: spec.name,
    description: spec.description.en,
    description_localizations: { fi: spec.description.fi },
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: spec.options.map((o): APIApplicationCommandOption => {
      const base = {
        name: o.name,
        name_localizations: { fi: o.fi },
        description: o.description.en,
        description_localizations: { fi: o.description.fi },
        required: o.required ?? false,
      };
      if (o.type === 'string') {
        const choices = o.choices === 'goals' ? goalChoices(kb) : o.choices?.map((c) => ({ name: c.name.en, name_localizations: { fi: c.name.fi }, value: c.value }));
        const length = o.maxLength ? { max_length: o.maxLength } : {};
        if (o.autocomplete) return { ...base, type: TYPES.string, autocomplete: true, ...length };
        return { ...base, type: TYPES.string, ...(choices ? { choices } : {}), ...length };
      }
      if (o.type === 'integer') return { ...base, type: TYPES.integer, min_value: o.name === 'year' ? 2000 : 1 };
      if (o.type === 'boolean') return { ...base, type: TYPES.boolean };
      return { ...base, type: TYPES.user };
    }),
  }));
}
