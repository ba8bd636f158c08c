/**
 * A lookup: the best reading of the question (an entity, a fact or a list), its target or
 * progress, "where" answered with the place an entity is in. Questions only the outcome
 * store can answer ("how many companies so far?", "what has KAMK reported?") go to it
 * through the `storeAnswer` hook.
 */
import type { KnowledgeBase } from '../../knowledge/schema.js';
import type { Lang, Reply } from '../../reply.js';
import { fold } from '../text.js';
import { isTopical } from '../candidates.js';
import { isEntity } from '../understand.js';
import { lowerFirst } from '../../i18n.js';
import { entityName, entityText } from '../compose/entities.js';
import { candidateReply, notPartyNote } from '../compose/replies.js';
import { frameOf, type FrameContext, type FrameHandler } from '../frame.js';
import type { Candidate, StoreQuestion, Understanding } from '../types.js';
import { has, unknownNames } from './helpers.js';

/**
 * Years that filter reported outcomes ("companies in 2025?"). A deadline is not one: "by
 * 2029" is the goal period's end, and a question about the target ("should", "goal") asks
 * for the target whatever year it names.
 */
function filterYears(u: Understanding, kb: KnowledgeBase): number[] {
  if (has(u, 'c:goal') && !u.progressAsked) return [];
  return u.analysis.years.filter((y) => y < kb.agreement.period.to && y >= kb.agreement.period.from);
}

/** The store's question, for goals and parties the question (or its best reading) names. */
function storeQuestion(u: Understanding, kb: KnowledgeBase, lang: Lang): StoreQuestion {
  const best = u.best;
  const goals = [...u.entities.goals, ...(best?.kind === 'goal' ? [best.ref] : [])];
  return { text: u.question, lang, goals, parties: u.entities.parties, years: filterYears(u, kb), progressAsked: u.progressAsked };
}

/**
 * "Has the companies goal been met?", "onko yritystavoite saavutettu?": a yes/no question about
 * one goal's progress opens with the verdict from the counted outcomes (No while nothing is
 * reported), so a goal merely existing never reads as a Yes.
 */
const PACE_WORDS = new Set(['track', 'pace', 'schedule', 'aikataulussa', 'aikataulu', 'tahti', 'tahdissa']);

function withProgressVerdict(r: Reply, u: Understanding, goals: string[], ctx: FrameContext): Reply {
  const ids = [...new Set(goals)];
  if (!u.shape.yesNo || !u.progressAsked || ids.length !== 1) return r;
  // "On track" / "aikataulussa" asks about the pace, which the progress lines answer; met is not it.
  if (u.analysis.tokens.some((t) => PACE_WORDS.has(t))) return r;
  const goal = ctx.kb.goals.find((g) => g.id === ids[0]);
  if (!goal || goal.target === null) return r;
  const met = ctx.hooks.goalProgress?.(goal, ctx.lang)?.row.met ?? false;
  const verdict = met ? (ctx.lang === 'fi' ? 'Kyllä.' : 'Yes.') : ctx.lang === 'fi' ? 'Ei vielä.' : 'No, not yet.';
  return { ...r, text: `${verdict} ${r.text}` };
}

/** Per engine: the place each entry names (computed once, on first use). */
const places = new WeakMap<object, Map<string, string | undefined>>();

/** The place an entity's entry names, for "where is it?" (the data centre goal → Renforsin Ranta). */
function placeOf(c: Candidate, ctx: FrameContext): Candidate | undefined {
  let known = places.get(ctx.engine);
  if (!known) places.set(ctx.engine, (known = new Map()));
  if (!known.has(c.id)) {
    const said = ctx.engine.lexicon.analyze(entityText(ctx.kb, c.id, 'en'), 'en', { correctTypos: false }).features;
    known.set(c.id, [...said].find((f) => f.startsWith('place:')));
  }
  const place = known.get(c.id);
  return place ? ctx.engine.ranker.candidateById(place) : undefined;
}

/** Words that are names (keep their capital mid-sentence): party and place names, names in the sources. */
function nameTest(ctx: FrameContext): (w: string) => boolean {
  const names = new Set<string>([...ctx.sentences.names.keys()]);
  for (const e of [...ctx.kb.parties, ...ctx.kb.places]) for (const n of [e.name.en, e.name.fi]) names.add(fold(n.split(/\s/)[0]!.toLowerCase()));
  return (w) => names.has(fold(w.toLowerCase()));
}

/** "Or did you mean …?" only for a different reading, and never when the answer is sure. */
function suggestion(u: Understanding, answered: Candidate, ctx: FrameContext): string | null {
  const alt = u.alternative;
  if (!alt || alt.id === answered.id) return null;
  // Sure: the question names what was answered, and shares no topic with the other reading.
  const sharesTopic = [...alt.bag.keys()].some((f) => u.features.has(f) && isTopical(f) && !isEntity(f));
  if (u.features.has(answered.id) && !sharesTopic) return null;
  const label = entityName(ctx.kb, alt.id, ctx.lang);
  if (label === entityName(ctx.kb, answered.id, ctx.lang)) return null;
  const text = lowerFirst(label, nameTest(ctx));
  return ctx.lang === 'fi' ? `Tarkoititko ehkä: ${text}?` : `Or did you mean ${text}?`;
}

export const lookup: FrameHandler = {
  kind: 'lookup',
  detect(u, ctx) {
    let best = u.best;
    // "What does the agreement commit the parties to?", "Mihin osapuolet ovat sitoutuneet?": its goals.
    if (has(u, 'c:obligation') && (!best || !['goal', 'party'].includes(best.kind))) best = ctx.engine.ranker.candidateById('list:goals') ?? best;
    // "Where is it?" of a goal or a party: the place its entry names.
    if (best && has(u, 'c:where') && (best.kind === 'goal' || best.kind === 'party')) best = placeOf(best, ctx) ?? best;
    return best ? frameOf('lookup', u, { entities: [best.id] }) : null;
  },
  answer(frame, ctx): Reply {
    const { kb, lang, hooks } = ctx;
    const u = frame.u;
    const best = ctx.engine.ranker.candidateById(frame.entities[0]!)!;
    const question = storeQuestion(u, kb, lang);
    const fromStore = hooks.storeAnswer?.(question);
    if (fromStore) return withProgressVerdict(fromStore, u, question.goals, ctx);
    const r = candidateReply(kb, best, lang, hooks, u.progressAsked);
    // "Is Nokia a party?" without yes/no shape: say the name is not a party, then the parties.
    const notFound = has(u, 'c:party') && u.entities.parties.length === 0 ? unknownNames(u) : [];
    if (notFound.length > 0) r.text = `${notPartyNote(lang, notFound)} ${r.text}`;
    const offer = suggestion(u, best, ctx);
    if (offer) r.suggestions.push(offer);
    return r;
  },
};
