/** Autocomplete suggestions for an option with a typeahead list (the parties): what matches the typed text. */
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { Lang } from '../../core/reply.js';
import type { KnowledgeBase } from '../../core/knowledge/schema.js';
import type { Command } from '../../core/commands/types.js';
import { matchingChoices } from '../../core/commands/choices.js';
import { clip } from '../../core/i18n.js';
import { LIMITS } from './limits.js';

/** The suggestions for the focused option of `command`; none for an option without a list. */
export function suggestionsFor(command: Command, option: string, typed: string, kb: KnowledgeBase, lang: Lang): APIApplicationCommandOptionChoice<string>[] {
  const arg = command.args.find((a) => a.name === option);
  if (!arg?.choices) return [];
  return matchingChoices(kb, arg.choices, typed, lang)
    .slice(0, LIMITS.autocompleteResults)
    .map((c) => ({ name: clip(c.label, LIMITS.choiceName), value: c.value }));
}
