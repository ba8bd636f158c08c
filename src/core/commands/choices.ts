/**
 * The choices of an argument as a list to show (a form's select, Discord's choices) and as
 * suggestions for what the user is typing (Discord's autocomplete), whatever their source.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { Lang } from '../reply.js';
import type { Choice, ChoiceSource } from './spec.js';

/** One choice as shown: the value the command gets and a label in the user's language. */
export interface ChoiceItem {
  value: string;
  label: string;
}

interface Entry {
  item: ChoiceItem;
  /** Every name it may be typed as. */
  names: string[];
}

function entries(kb: KnowledgeBase, source: ChoiceSource, lang: Lang): Entry[] {
  if (source === 'goals') return kb.goals.map((g) => ({ item: { value: g.id, label: g.name[lang] }, names: [g.id, g.name.en, g.name.fi, ...g.aliases.en, ...g.aliases.fi] }));
  if (source === 'parties') {
    return kb.parties.map((p) => ({ item: { value: p.id, label: `${p.shortName} – ${p.name[lang]}` }, names: [p.id, p.shortName, p.name.en, p.name.fi, ...p.aliases.en, ...p.aliases.fi] }));
  }
  return (source as readonly Choice[]).map((c) => ({ item: { value: c.value, label: c.label[lang] }, names: [c.value, c.label.en, c.label.fi, ...(c.aliases ?? [])] }));
}

/** Every choice, in the source's order. */
export function choiceItems(kb: KnowledgeBase, source: ChoiceSource, lang: Lang): ChoiceItem[] {
  return entries(kb, source, lang).map((e) => e.item);
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Choices one of whose names contains the typed text (accents and case ignored); prefix matches first. */
export function matchingChoices(kb: KnowledgeBase, source: ChoiceSource, typed: string, lang: Lang): ChoiceItem[] {
  const q = fold(typed.trim());
  return entries(kb, source, lang)
    .map((e) => {
      const names = e.names.map(fold);
      return { e, score: q === '' ? 1 : names.some((n) => n.startsWith(q)) ? 2 : names.some((n) => n.includes(q)) ? 1 : 0 };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.e.item);
}
