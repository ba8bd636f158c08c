/**
 * The Discord slash commands, built from the core's command specs: every command that is
 * typed (not the button-only ones) with one option per argument, Finnish localisations, the
 * goals as choices, long lists as autocomplete. Incoming option values go back into the
 * core's text grammar through the same specs (`to-text.ts`), so they cannot drift apart.
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
import type { KnowledgeBase } from '../../core/knowledge/schema.js';
import { commands, findCommand } from '../../core/commands/index.js';
import type { Command } from '../../core/commands/types.js';
import type { ArgSpec } from '../../core/commands/spec.js';
import { choiceItems } from '../../core/commands/choices.js';
import { clip } from '../../core/i18n.js';
import { LIMITS } from './limits.js';

/** The commands Discord shows: everything typed, in the core's table order. */
export function slashCommands(): Command[] {
  return commands.filter((c) => !c.hidden);
}

/** A registered command by its (English) name, as interactions carry it. */
export function slashCommand(name: string): Command | undefined {
  const c = findCommand(name);
  return c && !c.hidden && c.name === name ? c : undefined;
}

/** The choices of an argument, localised, when Discord should list them (not for typeahead lists). */
function choicesOf(arg: ArgSpec, kb: KnowledgeBase): APIApplicationCommandOptionChoice<string>[] | undefined {
  if (arg.kind !== 'choice' || !arg.choices || arg.typeahead) return undefined;
  const fi = new Map(choiceItems(kb, arg.choices, 'fi').map((c) => [c.value, c.label]));
  return choiceItems(kb, arg.choices, 'en')
    .slice(0, LIMITS.choices)
    .map((c) => ({ name: clip(c.label, LIMITS.choiceName), name_localizations: { fi: clip(fi.get(c.value) ?? c.label, LIMITS.choiceName) }, value: c.value }));
}

/** One argument as a Discord option. */
function optionOf(command: Command, arg: ArgSpec, kb: KnowledgeBase): APIApplicationCommandOption {
  const base = {
    name: arg.name,
    name_localizations: { fi: arg.nameFi },
    description: clip(arg.description.en, LIMITS.commandDescription),
    description_localizations: { fi: clip(arg.description.fi, LIMITS.commandDescription) },
    // A command with a form opens it for whatever is missing, so Discord must not insist.
    required: Boolean(arg.required) && arg.default === undefined && !command.form,
  };
  const min = arg.limits?.min ?? (arg.kind === 'outcome-id' ? 1 : undefined);
  switch (arg.kind) {
    case 'integer':
    case 'outcome-id':
      return { ...base, type: ApplicationCommandOptionType.Integer, ...(min !== undefined ? { min_value: min } : {}), ...(arg.limits?.max !== undefined ? { max_value: arg.limits.max } : {}) };
    case 'flag':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'user':
      return { ...base, type: ApplicationCommandOptionType.User };
    default: {
      const maxLength = arg.limits?.maxLength !== undefined ? { max_length: Math.min(arg.limits.maxLength, LIMITS.optionMaxLength) } : {};
      if (arg.typeahead) return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true, ...maxLength };
      const choices = choicesOf(arg, kb);
      return { ...base, type: ApplicationCommandOptionType.String, ...(choices ? { choices } : {}), ...maxLength };
    }
  }
}

/** The registration body for every command (what `discord register` PUTs). */
export function buildCommandBodies(kb: KnowledgeBase): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return slashCommands().map((c) => ({
    type: ApplicationCommandType.ChatInput,
    // Command names stay English in both languages: the core's help and the docs say
    // `/report` in Finnish too, so a localised `/raportoi` would contradict them.
    name: c.name,
    description: clip(c.summary.en, LIMITS.commandDescription),
    description_localizations: { fi: clip(c.summary.fi, LIMITS.commandDescription) },
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    // Discord wants the required options first; the order among each kind stays the spec's.
    options: [...c.args]
      .map((a) => optionOf(c, a, kb))
      .sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false))
      .slice(0, LIMITS.options),
  }));
}
