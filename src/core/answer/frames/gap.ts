/**
 * Honest gaps: the question asks for something the agreement's sources do not hold (a street
 * address, a budget, who holds a post today, when Sotkamo approved it, another city's
 * agreement). The reply says so plainly, then what the sources do say and where, and is
 * marked as not answered. Never the nearest fact as if it were the answer.
 */
import { reply, type Reply } from '../../reply.js';
import { joinList } from '../../i18n.js';
import { entityName, entitySourceIds, entityText, sourcesFor, targetPhrase } from '../compose/entities.js';
import { candidateReply } from '../compose/replies.js';
import { frameOf, type FrameContext, type FrameHandler } from '../frame.js';
import { isTopical } from '../candidates.js';
import { isGapAttribute } from '../signals.js';
import { goalsNamed } from '../understand.js';
import type { Understanding } from '../types.js';
import { has, mentioned, refOf } from './helpers.js';

/** At most this many entities are described in one gap answer. */
const MAX_ENTITIES = 3;

/** Entities a gap can be about: parties, places, goals, focus areas and facts named or followed up. */
function subjects(u: Understanding): string[] {
  return u.mentions.filter((m) => /^(party|place|goal|focus|fact):/.test(m)).slice(0, MAX_ENTITIES);
}

/** Tokens naming another city on their own ("Oulu", not "Oulun yliopisto"). */
export function standaloneCity(u: Understanding): boolean {
  const tf = u.analysis.tokenFeatures;
  return tf.some((fs, i) => fs.includes('c:other-city') && !fs.some((f) => /^(party|place):/.test(f) && (tf[i - 1]?.includes(f) || tf[i + 1]?.includes(f))));
}

/** Per engine: the parties whose entries say when they approved the agreement. */
const approvals = new WeakMap<object, Set<string>>();

/** Parties whose own entries hold when they approved the agreement (Kajaani's city board did). */
function approvalHeld(ctx: FrameContext, party: string): boolean {
  let held = approvals.get(ctx.engine);
  if (!held) {
    const said = (text: string) => ctx.engine.lexicon.analyze(text, 'en', { correctTypos: false }).features.has('c:approve');
    held = new Set(ctx.kb.parties.filter((p) => said(p.description.en)).map((p) => p.id));
    approvals.set(ctx.engine, held);
  }
  return held.has(party);
}

function detectGap(u: Understanding, ctx: FrameContext): { attribute: string; entities: string[] } | null {
  const entities = subjects(u);
  if (standaloneCity(u) && (has(u, 'c:innocities') || (has(u, 'c:agreement') && !has(u, 'c:party')))) return { attribute: 'innocities', entities: [] };
  // "How much EU money does Kajaani get?", "paljonko sitä on?" after the funding: an amount of money, which no entry holds.
  const funding = has(u, 'c:funding') || (u.followUp === 'attribute-swap' && (u.previous?.asking.includes('c:funding') ?? false));
  const gap = [...u.features].find(isGapAttribute) ?? (has(u, 'c:count') && funding ? 'c:gap-money' : undefined);
  // "Can my company join?", "voiko yritys liittyä mukaan?", "can companies participate?": who may join, which the sources don't say.
  if (gap === 'c:gap-join' || (u.shape.modal && (has(u, 'c:party') || has(u, 'c:agreement') && has(u, 'c:role')) && mentioned(u, 'party').length === 0)) return { attribute: 'c:gap-join', entities: [] };
  if (gap) {
    // Another city's address or budget is simply outside the agreement.
    if (entities.length === 0 && (has(u, 'c:other-city') || u.best === null)) return null;
    // "What is KAMK responsible for?" asks its role; "who is responsible for the data centre goal?" a gap.
    if (gap === 'c:gap-responsible' && mentioned(u, 'party').length > 0) return null;
    // "the data centre goal": the goal, though "data centre" also names a focus area.
    const goals = has(u, 'c:goal') ? goalsNamed(u, ctx.engine) : [];
    return { attribute: gap, entities: goals.length > 0 ? goals : entities };
  }
  const parties = mentioned(u, 'party');
  // "Where was it signed?": an event whose entry names no place.
  if (u.analysis.tokens.some((t) => WHERE.has(t)) && u.best?.kind === 'fact' && u.mentions.every((m) => m.startsWith('fact:')) && !placeNamed(ctx, u.best.id)) return { attribute: 'where', entities: [u.best.id] };
  // "Is KAMK bigger than CSC?", "which focus area is the biggest?": the sources give numbers only for the goals' targets.
  if (comparesWithoutNumbers(u, ctx)) return { attribute: 'compare', entities: entities.filter((m) => !m.startsWith('fact:')) };
  // "Who is the minister now?", "is he still the minister?": a post today; the sources are from 2021.
  const post = has(u, 'c:ministry', 'c:gap-head') || mentioned(u, 'party').length > 0;
  if (has(u, 'c:current') && (has(u, 'c:who') || u.shape.yesNo) && post && !has(u, 'c:party', 'c:goal', 'c:count', 'c:end', 'c:agreement')) {
    return { attribute: 'current', entities: u.followUp ? entities : [] };
  }
  if (has(u, 'c:obligation') && (parties.length > 0 || has(u, 'c:university'))) return { attribute: 'obligation', entities: parties };
  if (has(u, 'c:approve') && parties.length > 0 && !parties.some((p) => approvalHeld(ctx, refOf(p)))) return { attribute: 'approve', entities: parties };
  return null;
}

/** Words that ask for a place itself ("mihin", "mistä" ask other things too: "mihin ohjelmaan", "mistä on kyse"). */
const WHERE = new Set(['where', 'missa', 'wheres']);

/** Does a fact's entry name a place (a place of the knowledge base, or a municipality in a place case)? */
function placeNamed(ctx: FrameContext, id: string): boolean {
  const text = entityText(ctx.kb, id, 'en');
  return [...ctx.engine.lexicon.analyze(text, 'en', { correctTypos: false }).features].some((f) => f.startsWith('place:')) || /\b(in|at) (Kajaani|Sotkamo|Vuokatti|Helsinki)\b/.test(text);
}

/** Comparison words that ask which way: "bigger", "smallest", "older" ("the difference between" is a description). */
const COMPARES = ['c:compare-more', 'c:compare-less', 'c:superlative', 'c:superlative-least', 'c:compare-other'];

/** A comparison of parties, places or focus areas (no goal target to compare), or of anything by age, importance… */
function comparesWithoutNumbers(u: Understanding, ctx: FrameContext): boolean {
  if (!has(u, ...COMPARES) || has(u, 'c:more', 'c:count', 'c:progress')) return false;
  // "more than 20", "at least": a target check, not a comparison.
  if (u.analysis.numbers.length > 0) return false;
  const goals = goalsNamed(u, ctx.engine);
  if (has(u, 'c:compare-other')) return goals.length > 0 || has(u, 'c:goal', 'c:party', 'c:focus') || u.mentions.some((m) => /^(party|place|focus):/.test(m));
  if (goals.length > 0 || has(u, 'c:goal')) return false;
  const others = u.mentions.filter((m) => /^(party|place|focus):/.test(m));
  return others.length >= 2 || (others.length === 1 && has(u, 'c:compare-more', 'c:compare-less')) || has(u, 'c:party', 'c:focus') && has(u, 'c:superlative', 'c:superlative-least');
}

/** Names for the gap sentence: "CSC – IT Center for Science Ltd", "Sotkamo". */
function namesOf(ctx: FrameContext, ids: string[]): string {
  return joinList(
    ctx.lang,
    ids.map((id) => entityName(ctx.kb, id, ctx.lang).replace(/\.$/, '')),
  );
}

/** The plain statement of what the sources do not hold. */
function gapSentence(ctx: FrameContext, attribute: string, ids: string[]): string {
  const fi = ctx.lang === 'fi';
  // Facts are the agreement's attributes, not things the gap is about.
  const named = ids.filter((id) => !id.startsWith('fact:'));
  const names = named.length > 0 ? namesOf(ctx, named) : '';
  switch (attribute) {
    case 'innocities':
      return fi
        ? 'Sopimuksen lähteissä ei kerrota, minkä muiden kaupunkiseutujen kanssa sopimukset on tehty, eikä niiden sisältöä.'
        : "The agreement's sources don't say which other city regions have such an agreement, nor what those agreements contain.";
    case 'current':
      return fi
        ? 'Sopimuksen lähteissä ei kerrota, kuka tehtävää hoitaa nyt: ne kertovat tilanteen sopimusta tehtäessä vuonna 2021.'
        : "The agreement's sources don't say who holds that post now: they describe the situation when the agreement was made in 2021.";
    case 'obligation':
      return fi
        ? `Sopimuksen lähteissä ei eritellä osapuolten tarkkoja tehtäviä${names ? ` (${names})` : ''}.`
        : `The agreement's sources don't spell out what exactly ${names || 'each party'} must do.`;
    case 'where':
      return fi ? 'Sopimuksen lähteissä ei kerrota, missä se tapahtui.' : "The agreement's sources don't say where that took place.";
    case 'compare':
      return fi
        ? `Sopimuksen lähteissä ei verrata näitä keskenään${names ? ` (${names})` : ''}: lukuja niissä on vain tavoitteille.`
        : `The agreement's sources don't compare ${names || 'these'} that way: the only numbers they give are the goals' targets.`;
    case 'approve':
      return fi ? `Sopimuksen lähteissä ei kerrota, milloin ${names} hyväksyi sopimuksen.` : `The agreement's sources don't say when ${names} approved the agreement.`;
    default: {
      const concept = ctx.kb.concepts.find((c) => `c:${c.id}` === attribute);
      if (fi) return `Sopimuksen lähteissä ei kerrota ${concept?.gap?.fi ?? 'tätä tietoa'}${names ? ` (${names})` : ''}.`;
      const what = concept?.gap?.en ?? 'give this';
      return `The agreement's sources don't ${names ? what.replace('{name}', names) : what.replace(/ for \{name\}/, '').replace('{name}', 'it')}.`;
    }
  }
}

/** What the sources do say instead, for the gap's entities or its nearest topic. */
function whatTheySay(ctx: FrameContext, attribute: string, ids: string[], u: Understanding): { text: string; sources: string[] } {
  if (attribute === 'innocities') return { text: entityText(ctx.kb, 'fact:wider-context', ctx.lang), sources: entitySourceIds(ctx.kb, 'fact:wider-context') };
  if (attribute === 'c:gap-join') {
    const facts = ['fact:contracting-parties', 'fact:cooperation-parties'];
    return { text: facts.map((f) => entityText(ctx.kb, f, ctx.lang)).join(' '), sources: facts.flatMap((f) => entitySourceIds(ctx.kb, f)) };
  }
  // A fact on the same topic as the question's own words ("budget" → the funding), besides
  // the entities (not a fact that merely shares a word of an entity's name).
  const a = u.analysis;
  const topical = new Set(a.tokenFeatures.filter((fs) => !fs.some((f) => /^(party|goal|focus|place):/.test(f))).flat().filter((f) => f.startsWith('c:') && isTopical(f)));
  const fact = u.ranked.find((s) => s.candidate.kind === 'fact' && !ids.includes(s.candidate.id) && [...s.candidate.bag.keys()].some((f) => topical.has(f)))?.candidate;
  const facts = fact && attribute !== 'current' ? [fact.id] : [];
  if (ids.length > 0 || facts.length > 0) {
    const all = [...ids, ...facts];
    const texts = all.map((id) => entityText(ctx.kb, id, ctx.lang)).filter((t) => t !== '');
    return { text: texts.join(' '), sources: all.flatMap((id) => entitySourceIds(ctx.kb, id)) };
  }
  if (attribute === 'current') {
    const topic = u.analysis.content.map((c) => c.word);
    const found = ctx.sentences.about(topic, ctx.lang, 2);
    const top = found.filter((x) => x.entry === found[0]?.entry).slice(0, 2);
    if (top.length > 0) return { text: top.map((x) => x.text).join(' '), sources: top[0]!.sources };
  }
  if (u.best && u.best.kind !== 'help') {
    const r = candidateReply(ctx.kb, u.best, ctx.lang, {}, false);
    return { text: [r.text, ...r.sections.flatMap((s) => s.lines)].join(' '), sources: r.sources.map((s) => s.id) };
  }
  return { text: '', sources: [] };
}

function goalsLine(ctx: FrameContext): string {
  const quantitative = ctx.kb.goals.filter((g) => g.target !== null).map((g) => `${targetPhrase(g, ctx.lang)} ${g.name[ctx.lang]}`);
  return ctx.lang === 'fi'
    ? `Sopimuksen yhteiset tavoitteet vuosille ${ctx.kb.agreement.period.from}–${ctx.kb.agreement.period.to} ovat ${joinList('fi', quantitative)} sekä laadulliset tavoitteet.`
    : `The agreement's joint goals for ${ctx.kb.agreement.period.from}–${ctx.kb.agreement.period.to} are ${joinList('en', quantitative)}, plus qualitative goals.`;
}

/** An honest-gap reply: the gap, then what the sources say (labelled as such) and their sources. */
export function gapReply(ctx: FrameContext, attribute: string, ids: string[], u: Understanding): Reply {
  const fi = ctx.lang === 'fi';
  const said = whatTheySay(ctx, attribute, ids, u);
  const lines = [gapSentence(ctx, attribute, ids)];
  if (said.text) lines.push(`${fi ? 'Niissä kerrotaan:' : 'What they do say:'} ${said.text}`);
  if (attribute === 'obligation') lines.push(goalsLine(ctx));
  return reply(ctx.lang, lines.join(' '), { answered: false, sources: sourcesFor(ctx.kb, said.sources) });
}

export const gap: FrameHandler = {
  kind: 'gap',
  detect(u, ctx) {
    const found = detectGap(u, ctx);
    return found ? frameOf('gap', u, found) : null;
  },
  answer: (frame, ctx) => gapReply(ctx, frame.attribute ?? '', frame.entities, frame.u),
};
