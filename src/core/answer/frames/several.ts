/**
 * Several entities asked at once ("what do KAMK and CSC do?", "targets for companies and
 * technologies?", "Kainuun liiton ja ELY-keskuksen roolit"): each answered, in one reply.
 */
import { reply } from '../../reply.js';
import { candidateReply } from '../compose/replies.js';
import { frameOf, type FrameHandler } from '../frame.js';
import { GENERIC_CONCEPTS } from '../candidates.js';
import { STOPWORDS } from '../stopwords.js';
import type { Understanding } from '../types.js';

/** Up to this many entities are answered together; more would not read as one answer. */
const MAX_ENTITIES = 4;

/** Entities of one kind named next to each other, joined only by "and", "or", commas, "the"… */
function joined(u: Understanding, conjunctions: Set<string>): string[] {
  const tf = u.analysis.tokenFeatures;
  const tokens = u.analysis.tokens;
  const spans = u.mentions
    .filter((m) => /^(party|goal|focus|place):/.test(m))
    .map((m) => {
      const at = tf.flatMap((fs, i) => (fs.includes(m) ? [i] : []));
      return { m, first: at[0] ?? -1, last: at[at.length - 1] ?? -1 };
    })
    .filter((s) => s.first >= 0)
    .sort((a, b) => a.first - b.first);
  const out: string[] = [];
  for (let i = 1; i < spans.length; i++) {
    const b = spans[i]!;
    // The nearest earlier entity of the same kind ("sports data or the Olympic Committee").
    const a = spans.slice(0, i).reverse().find((s) => s.m.split(':')[0] === b.m.split(':')[0]);
    if (!a || b.first <= a.last) continue;
    // Only "and", "or", "the", commas and question words between ("KAMK's role and what about VTT?").
    const between = tokens.slice(a.last + 1, b.first);
    const conjunction = between.some((t) => conjunctions.has(t));
    const joins = (t: string, fs: string[]) => (fs.length === 0 ? STOPWORDS.has(t) : conjunction && fs.every((f) => GENERIC_CONCEPTS.has(f)));
    if (between.length === 0 || !between.every((t, j) => joins(t, tf[a.last + 1 + j] ?? []))) continue;
    for (const m of [a.m, b.m]) if (!out.includes(m)) out.push(m);
  }
  return out.slice(0, MAX_ENTITIES);
}

export const several: FrameHandler = {
  kind: 'several',
  detect(u, ctx) {
    const entities = joined(u, ctx.engine.shapes.conjunctions);
    return entities.length >= 2 ? frameOf('several', u, { entities }) : null;
  },
  answer(frame, ctx) {
    const { kb, lang, hooks } = ctx;
    const parts = frame.entities.map((id) => {
      const c = frame.u.ranked.find((s) => s.candidate.id === id)?.candidate ?? ctx.engine.ranker.candidateById(id);
      return c ? candidateReply(kb, c, lang, hooks, frame.u.progressAsked) : null;
    });
    const r = reply(lang, parts.map((p) => p?.text ?? '').filter((t) => t !== '').join(' '));
    for (const p of parts) {
      if (!p) continue;
      r.sections.push(...p.sections);
      r.progress.push(...p.progress);
      for (const s of p.sources) if (!r.sources.some((x) => x.id === s.id)) r.sources.push(s);
    }
    return r;
  },
};
