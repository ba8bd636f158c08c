/** Autocomplete suggestions: parties of the agreement matching what the user has typed. */
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { Lang } from '../../core/reply.js';
import type { KnowledgeBase } from '../../core/knowledge/schema.js';
import { clip } from '../../core/i18n.js';
import { LIMITS } from './limits.js';


const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Parties whose id, names or aliases contain the typed text; prefix matches first. */
export function partyChoices(kb: KnowledgeBase, typed: string, lang: Lang): APIApplicationCommandOptionChoice<string>[] {
  const q = fold(typed.trim());
  const scored = kb.parties
    .map((p) => {
      const words = [p.id, p.shortName, p.name.en, p.name.fi, ...p.aliases.en, ...p.aliases.fi].map(fold);
      const score = q === '' ? 1 : words.some((w) => w.startsWith(q)) ? 2 : words.some((w) => w.includes(q)) ? 1 : 0;
      return { p, score };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, LIMITS.autocompleteResults).map(({ p }) => ({ name: clip(`${p.shortName} – ${p.name[lang]}`, LIMITS.choiceName), value: p.id }));
}
