/**
 * Yes/no questions answered "Yes." / "No." (Kyllä. / Ei.) and then the fact that decides:
 * membership ("Is OKM a contracting party?"), targets ("Is the service products target
 * exactly 20?", "is 20 enough?"), dates ("Is it in force until 2029?"), what the agreement
 * covers ("Does it cover AI?", "Is tourism a focus area?") and facts ("Did Lintilä sign it?").
 * When the knowledge base cannot decide, the question is left to the other frames.
 */
import type { Goal, KnowledgeBase, Party } from '../../knowledge/schema.js';
import { reply, type Lang, type Reply } from '../../reply.js';
import { joinList } from '../../i18n.js';
import { entityName, entitySourceIds, entityText, goalText, neededFor, partyRole, partyText, sourcesFor } from '../compose/entities.js';
import { groupReply, members, type Group } from '../compose/groups.js';
import { focusAreasReply, goalsReply, notPartyNote } from '../compose/replies.js';
import { frameOf, type FrameContext, type FrameHandler } from '../frame.js';
import type { Understanding } from '../types.js';
import { isTopical } from '../candidates.js';
import { words } from '../text.js';
import { has, mentioned, refOf, typedUnknown, unknownNames } from './helpers.js';
import { locationCheck } from './location.js';

/** A decided yes/no: the verdict and what decides it. */
interface Verdict {
  yes: boolean;
  text: string;
  sources: string[];
  /** False for "the sources don't mention X" (an honest gap, not a no). */
  answered?: boolean;
  /** Several parties, some yes and some no: each line carries its own verdict. */
  mixed?: boolean;
}

const verdictWord = (yes: boolean, lang: Lang) => (lang === 'fi' ? (yes ? 'Kyllä.' : 'Ei.') : yes ? 'Yes.' : 'No.');

/** The party group a membership question asks about (the remembered one for "one of them?"). */
function qualifierOf(u: Understanding): Group['name'] | null {
  const own: [string, Group['name']][] = [
    ['place:cemis', 'cemis'],
    ['c:contracting', 'contracting'],
    ['c:cooperation', 'cooperation'],
    ['c:authority', 'authority'],
  ];
  for (const [f, name] of own) if (has(u, f)) return name;
  const previous = u.previous?.group;
  if (u.shape.pronoun && previous && previous.startsWith('parties/')) return previous.slice('parties/'.length) as Group['name'];
  return null;
}

function isMember(p: Party, q: Group['name'] | null): boolean {
  if (q === 'contracting') return p.kind === 'contracting';
  if (q === 'cooperation') return p.kind === 'cooperation';
  if (q === 'authority') return p.kind === 'regional-authority';
  if (q === 'cemis') return p.cemis;
  return true;
}

/** "Is the service products target exactly 20?", "would 20 be enough?" */
function targetCheck(u: Understanding, kb: KnowledgeBase, lang: Lang): Verdict | null {
  const goal = mentioned(u, 'goal').map((id) => kb.goals.find((g) => g.id === refOf(id))).find((g): g is Goal => g !== undefined);
  const n = u.analysis.numbers[0];
  if (!goal || n === undefined || goal.target === null || u.progressAsked) return null;
  let yes: boolean;
  if (has(u, 'c:enough')) yes = n >= neededFor(goal)!;
  else if (has(u, 'c:over')) yes = goal.comparator === 'more-than' && goal.target === n;
  else if (has(u, 'c:at-least')) yes = goal.comparator === 'at-least' && goal.target === n;
  else if (has(u, 'c:exactly')) yes = goal.comparator === 'exactly' && goal.target === n;
  else yes = goal.target === n && goal.comparator !== 'more-than';
  return { yes, text: goalText(goal, lang), sources: goal.sources };
}

/** "Is it in force until 2029?", "still valid in 2026?", "signed in 2020?", "is it still in force?" */
function dateCheck(u: Understanding, kb: KnowledgeBase, lang: Lang, today: string | undefined): Verdict | null {
  const year = u.analysis.years[0];
  const a = kb.agreement;
  if (has(u, 'c:end') && !has(u, 'c:goal')) {
    const until = Number(a.inForceUntil.slice(0, 4));
    let yes: boolean;
    if (year !== undefined) yes = has(u, 'c:until') ? year === until : year <= until;
    else if (today !== undefined) yes = today <= a.inForceUntil;
    else return null;
    return { yes, text: entityText(kb, 'fact:in-force', lang), sources: entitySourceIds(kb, 'fact:in-force') };
  }
  if (year !== undefined && has(u, 'c:sign') && !has(u, 'c:approve')) {
    return { yes: year === Number(a.signedOn.slice(0, 4)), text: entityText(kb, 'fact:signing', lang), sources: entitySourceIds(kb, 'fact:signing') };
  }
  return null;
}

/** "Is OKM a contracting party?", "Is Business Finland a party?", "kuuluuko Vuokatti sopimukseen?" */
function membership(u: Understanding, ctx: FrameContext): Verdict | null {
  const { kb, lang } = ctx;
  const q = qualifierOf(u);
  // "Is X a party / involved / in the agreement / a university in it?"
  const organisation = has(u, 'c:university', 'c:ministry');
  const asksMembership = q !== null || has(u, 'c:party') || organisation || (has(u, 'c:agreement') && !has(u, 'c:focus', 'c:goal'));
  if (!asksMembership) return null;
  const parties = mentioned(u, 'party').map((id) => kb.parties.find((p) => p.id === refOf(id))).filter((p): p is Party => p !== undefined);
  const groupLine = (name: Group['name']) => groupReply(kb, { of: 'parties', name }, lang, { count: false }).text;
  if (parties.length > 0) {
    // "Do CSC and KAMK both belong to CEMIS?": one verdict when all agree, each party said.
    const asked = parties.slice(0, 4);
    const verdicts = asked.map((p) => isMember(p, q));
    const yes = verdicts.every(Boolean);
    if (!yes && verdicts.some(Boolean)) {
      const lines = asked.map((p, i) => `${verdictWord(verdicts[i]!, lang)} ${partyRole(p, lang)}`);
      return { yes: false, text: lines.join(' '), sources: asked.flatMap((p) => p.sources), mixed: true };
    }
    const text = yes ? asked.map((p) => partyText(p, lang)).join(' ') : `${asked.map((p) => partyRole(p, lang)).join(' ')} ${groupLine(q ?? 'all')}`;
    return { yes, text, sources: asked.flatMap((p) => p.sources) };
  }
  // A name it does not know is not a party, even when a word of it is known ("Business Finland");
  // a goal or focus area named outside the name is another question.
  const names = [...unknownNames(u, has(u, 'c:party') || organisation), ...sourceNames(u, ctx)];
  const nameWords = new Set(names.flatMap((n) => words(n)));
  const a = u.analysis;
  const outside = a.tokens.some((t, i) => !nameWords.has(t) && a.tokenFeatures[i]!.some((f) => /^(goal|focus):/.test(f)));
  if (names.length > 0 && !outside) {
    // What the sources say of a name they do mention ("LUMI is a EuroHPC supercomputer…").
    const best = u.best;
    const about = best?.kind === 'fact' && names.some((n) => entityName(kb, best.id, lang).toLowerCase().includes(n.toLowerCase())) ? ` ${entityText(kb, best.id, lang)}` : '';
    return { yes: false, text: `${notPartyNote(lang, names)}${about} ${groupLine(q ?? 'all')}`, sources: kb.parties.flatMap((p) => p.sources).slice(0, 3) };
  }
  // "Onko mukana yrityksiä?", "are companies involved?": the parties as the sources list them, and the companies goal.
  if (has(u, 'c:company') && has(u, 'c:party') && !has(u, 'c:goal', 'c:count')) {
    const companies = kb.goals.find((g) => g.id === 'companies');
    return { yes: false, text: `${groupLine(q ?? 'all')}${companies ? ` ${goalText(companies, lang)}` : ''}`, sources: kb.parties.flatMap((p) => p.sources).slice(0, 3), mixed: true };
  }
  if (mentioned(u, 'goal').length > 0 || mentioned(u, 'focus').length > 0) return null;
  const place = mentioned(u, 'place').find((id) => id !== 'place:cemis');
  if (place && q === null) return { yes: true, text: entityText(kb, place, lang), sources: entitySourceIds(kb, place) };
  return null;
}

/** Names the sources mention that are no entity ("Is LUMI part of the agreement?"), as typed. */
function sourceNames(u: Understanding, ctx: FrameContext): string[] {
  return u.analysis.content.filter((c) => c.features.length === 0 && ctx.sentences.names.has(c.word)).map((c) => ctx.sentences.names.get(c.word)!);
}

/** "Is Vuokatti in Sotkamo?": one entity's entry names the other. */
function containment(u: Understanding, kb: KnowledgeBase, lang: Lang): Verdict | null {
  const [a, b] = u.mentions.filter((m) => /^(party|place):/.test(m));
  if (!a || !b) return null;
  const mentions = (x: string, y: string) => entityText(kb, x, 'en').toLowerCase().includes(refOf(y).toLowerCase().replace(/-/g, ' '));
  if (!mentions(a, b) && !mentions(b, a)) return null;
  return { yes: true, text: entityText(kb, a, lang), sources: entitySourceIds(kb, a) };
}

/** "Is Vuokatti in Sotkamo?", "onko KAMK Sotkamossa?": decided by the entity's own entry. */
function place(u: Understanding, ctx: FrameContext): Verdict | null {
  const v = locationCheck(u, ctx);
  if (!v) return null;
  const text = entityText(ctx.kb, v.decidedBy, ctx.lang);
  const sources = entitySourceIds(ctx.kb, v.decidedBy);
  if (v.yes === 'partly') return { yes: true, text, sources, mixed: true };
  if (v.yes !== null) return { yes: v.yes, text, sources };
  const x = entityName(ctx.kb, v.decidedBy, ctx.lang).replace(/\.$/, '');
  const y = ctx.kb.parties.find((p) => `party:${p.id}` === v.y)?.shortName ?? entityName(ctx.kb, v.y, ctx.lang);
  const gap = ctx.lang === 'fi' ? `Sopimuksen lähteissä ei kerrota, sijaitseeko ${x} paikassa ${y}. Niissä kerrotaan:` : `The agreement's sources don't say whether ${x} is in ${y}. What they do say:`;
  return { yes: false, text: `${gap} ${text}`, sources, answered: false };
}

/** Concepts a coverage question may use besides its topic ("the agreement", "a goal"). */
const COVERAGE_WORDS = new Set(['c:agreement', 'c:goal', 'c:focus', 'c:region']);

/** "Does the agreement cover AI?", "Is there a goal about data centres?", "Is tourism a focus area?" */
function coverage(u: Understanding, ctx: FrameContext): Verdict | null {
  const { kb, lang } = ctx;
  const goals = mentioned(u, 'goal');
  const focus = mentioned(u, 'focus');
  const named = has(u, 'c:goal') ? [...goals, ...focus] : has(u, 'c:focus') ? [...focus, ...goals] : u.mentions.filter((m) => /^(goal|focus):/.test(m));
  // "Can my company join?", "voiko yritykseni liittyä?": a permission, not what the agreement covers.
  if (u.shape.modal) return null;
  const words = typedUnknown(u);
  // An unknown word about a named party or place ("is Renforsin Ranta the old mill site?") is left to the lookup.
  if (words.length > 0 && u.mentions.some((m) => /^(party|place):/.test(m))) return null;
  if (words.length > 0 && named.length === 0) {
    const quoted = joinList(lang, words.map((w) => `“${w}”`));
    // Asked against a list the agreement gives in full (its focus areas, its goals): a plain no.
    if (has(u, 'c:focus') || has(u, 'c:goal')) {
      const list = has(u, 'c:focus') ? focusAreasReply(kb, lang).text : groupReply(kb, { of: 'goals', name: 'all' }, lang, { count: true }).text;
      return { yes: false, text: list, sources: [] };
    }
    const areas = members(kb, { of: 'focus-areas', name: 'all' }, lang).map((m) => m.label);
    const text =
      lang === 'fi'
        ? `Sopimuksen lähteissä ei mainita aihetta ${quoted}. Sopimuksen painopisteet ovat ${joinList('fi', areas)}.`
        : `The agreement's sources don't mention ${quoted}. Its focus areas are ${joinList('en', areas)}.`;
    return { yes: false, text, sources: [], answered: false };
  }
  // Other words it cannot check ("are they one and the same sector?"): not a plain yes.
  if (words.length > 0) return null;
  // "Is there funding for startups?" asks more than whether the agreement covers startups.
  const gates = new Set(named.flatMap((id) => ctx.engine.ranker.candidateById(id)?.gate ?? []));
  const other = [...u.features].some((f) => f.startsWith('c:') && !gates.has(f) && !COVERAGE_WORDS.has(f) && isTopical(f));
  if (other) return null;
  const best = u.best;
  // "Is there a goal about data centres?": the goal, though "data centres" also names a focus area.
  const kindAsked = has(u, 'c:goal') ? 'goal' : has(u, 'c:focus') ? 'focus' : null;
  const bestFits = best !== null && (kindAsked ? best.kind === kindAsked : named.includes(best.id));
  const id = (bestFits ? best.id : named[0]) ?? (best && ['focus', 'goal', 'focus-areas', 'goals'].includes(best.kind) ? best.id : undefined);
  if (!id) return null;
  const text = id.startsWith('list:') ? (id === 'list:goals' ? goalsReply(kb, lang, {}) : focusAreasReply(kb, lang)).text : entityText(kb, id, lang);
  return { yes: true, text, sources: id.startsWith('list:') ? [] : entitySourceIds(kb, id) };
}

/** "Did Mika Lintilä sign it?": the names asked about are (or are not) in the fact that answers. */
function factCheck(u: Understanding, kb: KnowledgeBase, lang: Lang): Verdict | null {
  const best = u.best;
  if (!best || best.kind !== 'fact') return null;
  const names = unknownNames(u).concat(typedNames(u));
  if (names.length === 0) return null;
  const text = entityText(kb, best.id, lang);
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const yes = names.every((n) => folded.includes(n.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()));
  return { yes, text, sources: entitySourceIds(kb, best.id) };
}

/** Capitalised words of the question that the knowledge base knows only as names ("Lintilä"). */
function typedNames(u: Understanding): string[] {
  return u.analysis.content.filter((c) => c.features.length === 0 && !u.analysis.unknown.includes(c.word) && /^\p{Lu}/u.test(findTyped(u.question, c.word))).map((c) => c.word);
}

function findTyped(question: string, word: string): string {
  return (question.match(/[\p{L}][\p{L}'-]*/gu) ?? []).find((w) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() === word) ?? word;
}

function decide(u: Understanding, ctx: FrameContext): Verdict | null {
  const { kb, lang } = ctx;
  // "Are there any ministries besides TEM?" asks for the rest of a group (the group frame).
  if (has(u, 'c:else')) return null;
  return targetCheck(u, kb, lang) ?? dateCheck(u, kb, lang, ctx.today) ?? place(u, ctx) ?? membership(u, ctx) ?? containment(u, kb, lang) ?? factCheck(u, kb, lang) ?? coverage(u, ctx);
}

/** The verdict each detected frame was decided with, so answering does not decide again. */
const verdicts = new WeakMap<object, Verdict>();

export const yesNo: FrameHandler = {
  kind: 'yes-no',
  detect(u, ctx) {
    if (!u.shape.yesNo) return null;
    const v = decide(u, ctx);
    if (!v) return null;
    const q = qualifierOf(u);
    const frame = frameOf('yes-no', u, { entities: u.mentions.slice(0, 2), group: q ? `parties/${q}` : undefined });
    verdicts.set(frame, v);
    return frame;
  },
  answer(frame, ctx): Reply {
    const v = verdicts.get(frame) ?? decide(frame.u, ctx)!;
    const text = v.answered === false || v.mixed ? v.text : `${verdictWord(v.yes, ctx.lang)} ${v.text}`;
    return reply(ctx.lang, text, { answered: v.answered ?? true, sources: sourcesFor(ctx.kb, v.sources) });
  },
};
