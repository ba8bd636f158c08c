/**
 * A name the sources mention only in passing ("What is Puhti?", "who is Mika Lintilä?"):
 * answered with the sentence that mentions it, said to be a passing mention. Never the
 * nearest entity instead (Puhti is not LUMI).
 */
import { reply } from '../../reply.js';
import { entityName, sourcesFor } from '../compose/entities.js';
import { frameOf, type FrameContext, type FrameHandler } from '../frame.js';
import { isTopical } from '../candidates.js';
import { words } from '../text.js';
import type { Understanding } from '../types.js';

/** Finnish inflects names with short endings ("Puhdin", "Mahtia"). */
const MAX_ENDING = 3;
/** A name in more entries than this is a topic of the agreement (EU, EuroHPC), not a passing mention. */
const PASSING = 2;

/** The names of the question that the sources mention, as the sources spell them. */
function mentionedNames(u: Understanding, ctx: FrameContext): { key: string; name: string }[] {
  const out: { key: string; name: string }[] = [];
  for (const c of u.analysis.content) {
    if (c.features.length > 0) continue;
    for (const [key, name] of ctx.sentences.names) {
      if (key.length < 3) continue;
      if (c.word === key || (key.length >= 4 && c.word.startsWith(key) && c.word.length - key.length <= MAX_ENDING)) out.push({ key, name });
    }
  }
  return out;
}

export const mention: FrameHandler = {
  kind: 'mention',
  detect(u, ctx) {
    // Only a name on its own: "What is Puhti?", not "Which EU funds finance it?".
    if (u.mentions.some((m) => !m.startsWith('fact:')) || u.analysis.unknown.length > 0) return null;
    if ([...u.features].some((f) => f.startsWith('c:') && isTopical(f))) return null;
    const names = mentionedNames(u, ctx).filter((n) => new Set(ctx.sentences.mentioning(n.key, u.lang).map((x) => x.entry)).size <= PASSING);
    if (names.length === 0) return null;
    // A name the best answer is about (LUMI for "What is LUMI?") is a lookup, not a passing mention.
    const label = u.best ? words(entityName(ctx.kb, u.best.id, 'en')) : [];
    if (names.some((n) => label.includes(n.key))) return null;
    return frameOf('mention', u, { words: names.map((n) => n.name) });
  },
  answer(frame, ctx) {
    const { kb, lang } = ctx;
    const name = frame.words[0]!;
    const found = ctx.sentences.mentioning(words(name)[0]!, lang)[0];
    if (!found) return reply(lang, '', { answered: false });
    const lead = lang === 'fi' ? `Sopimuksen lähteissä ${name} mainitaan vain ohimennen.` : `The agreement's sources mention ${name} only in passing.`;
    return reply(lang, `${lead} ${entityName(kb, found.entry, lang)}: ${found.text}`, { sources: sourcesFor(kb, found.sources) });
  },
};
