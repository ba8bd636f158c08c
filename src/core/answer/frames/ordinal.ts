/**
 * Ordinals: "and the second one?", "entä toinen?", "the first goal", "viimeinen
 * painopiste?". The member of the list just given (or of the kind the question names) at
 * that place, in the order it was listed, answered as a lookup of that member.
 */
import { members, type Group } from '../compose/groups.js';
import { candidateReply } from '../compose/replies.js';
import { frameOf, type FrameContext, type FrameHandler } from '../frame.js';
import { isSignal } from '../signals.js';
import { isEntity } from '../understand.js';
import type { Understanding } from '../types.js';
import { groupOfFrame } from './group.js';

/** The place each ordinal feature asks for; `last` counts from the end. */
const ORDINALS: [string, number | 'last'][] = [
  ['c:ordinal-1', 1],
  ['c:ordinal-2', 2],
  ['c:ordinal-3', 3],
  ['c:ordinal-4', 4],
  ['c:ordinal-5', 5],
  ['c:ordinal-6', 6],
  ['c:ordinal-7', 7],
  ['c:ordinal-last', 'last'],
];

/** True for an ordinal feature: it belongs to one question, never to the conversation's topic. */
export function isOrdinal(f: string): boolean {
  return f.startsWith('c:ordinal-');
}

/**
 * Words an ordinal question may use besides its ordinal: kinds and groups of things listed,
 * question words, and the time words "first" / "last" also are ("when did it first start?"
 * asks more, and is left to the other frames).
 */
const ALLOWED = new Set([
  'c:what', 'c:who', 'c:role', 'c:party', 'c:goal', 'c:focus', 'c:contracting', 'c:cooperation',
  'c:authority', 'c:ministry', 'c:quantitative', 'c:qualitative', 'c:start', 'c:end', 'c:agreement', 'c:more', 'c:region',
]);

/** The list the question picks from: the kind it names, else the list just given. */
function listOf(u: Understanding): Group | null {
  const kind: [string, Group][] = [
    ['c:contracting', { of: 'parties', name: 'contracting' }],
    ['c:cooperation', { of: 'parties', name: 'cooperation' }],
    ['c:authority', { of: 'parties', name: 'authority' }],
    ['c:ministry', { of: 'parties', name: 'ministry' }],
    ['c:quantitative', { of: 'goals', name: 'quantitative' }],
    ['c:qualitative', { of: 'goals', name: 'qualitative' }],
    ['c:goal', { of: 'goals', name: 'all' }],
    ['c:focus', { of: 'focus-areas', name: 'all' }],
    ['c:party', { of: 'parties', name: 'all' }],
  ];
  // A follow-up's merged features carry the remembered list's kind words; the question's own come first.
  const own = new Set(u.analysis.features);
  for (const [f, g] of kind) if (own.has(f)) return g;
  const p = u.previous;
  if (!p) return null;
  const list = p.entities.find((e) => e.startsWith('list:'));
  if (list === 'list:goals') return { of: 'goals', name: 'all' };
  if (list === 'list:parties') return { of: 'parties', name: 'all' };
  if (list === 'list:focus-areas') return { of: 'focus-areas', name: 'all' };
  if (p.group && /^(parties|goals|focus-areas)\/\w+$/.test(p.group)) return groupOfFrame(p.group);
  return null;
}

function place(u: Understanding): number | 'last' | null {
  for (const [f, n] of ORDINALS) if (u.analysis.features.has(f)) return n;
  return null;
}

export const ordinal: FrameHandler = {
  kind: 'ordinal',
  detect(u: Understanding, ctx: FrameContext) {
    const n = place(u);
    if (n === null) return null;
    // Another question that happens to use "first" / "toinen" ("the first period", "toinen osapuoli Kajaanin lisäksi").
    if ([...u.analysis.features].some((f) => !ALLOWED.has(f) && !isSignal(f))) return null;
    // A name of its own makes it another question ("the first KAMK project").
    // "all seven goals" ("seitsemän" reads like "seitsemäs") asks for the whole list.
    const own = u.analysis.features;
    if (['c:else', 'c:all', 'c:count'].some((f) => own.has(f)) || [...own].some(isEntity)) return null;
    const g = listOf(u);
    if (!g) return null;
    const all = members(ctx.kb, g, ctx.lang);
    const m = n === 'last' ? all[all.length - 1] : all[n - 1];
    // The list is remembered with the member, for the next ordinal ("and the third?").
    return m ? frameOf('ordinal', u, { entities: [m.id], group: `${g.of}/${g.name}` }) : null;
  },
  answer(frame, ctx) {
    const c = ctx.engine.ranker.candidateById(frame.entities[0]!)!;
    return candidateReply(ctx.kb, c, ctx.lang, ctx.hooks, frame.u.progressAsked);
  },
};
