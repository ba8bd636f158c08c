/**
 * Replies about one candidate answer: an entity, a fact, or a whole list (parties, goals,
 * focus areas), with sources. Live progress comes through the `goalProgress` hook and is
 * shown only when something has been reported.
 */
import type { Goal, KnowledgeBase, Party } from '../../knowledge/schema.js';
import { reply, type Lang, type Reply, type ReplySection } from '../../reply.js';
import { capitalise, joinList } from '../../i18n.js';
import { nothingReported } from '../../outcomes/progress.js';
import type { AnswerHooks, Candidate } from '../types.js';
import { contractingLabel, entitySourceIds, entityText, goalText, mainSourcesFor, partyLabel, sourcesFor, targetPhrase } from './entities.js';

/** "“Nokia” is not among the agreement's parties." for names asked about that are not parties. */
export function notPartyNote(lang: Lang, names: string[]): string {
  if (names.length === 0) return '';
  const quoted = names.map((n) => `“${n}”`);
  const several = names.length > 1;
  return lang === 'fi'
    ? `${joinList('fi', quoted)} ${several ? 'eivät ole' : 'ei ole'} sopimuksen osapuolten joukossa.`
    : `${joinList('en', quoted)} ${several ? 'are' : 'is'} not among the agreement's parties.`;
}

/** The parties of one kind, as listed in answers. */
export function partiesOfKind(kb: KnowledgeBase, kind: Party['kind'], lang: Lang): string[] {
  return kb.parties.filter((p) => p.kind === kind).map((p) => (kind === 'contracting' ? contractingLabel(p, lang) : partyLabel(p, lang)));
}

/** The parties, grouped by role. */
export function partiesReply(kb: KnowledgeBase, lang: Lang): Reply {
  const group = (kind: Party['kind']) => [joinList(lang, partiesOfKind(kb, kind, lang))];
  const sections: ReplySection[] =
    lang === 'fi'
      ? [
          { heading: 'Sopijaosapuolet', lines: group('contracting') },
          { heading: 'Yhteistyöosapuolet', lines: group('cooperation') },
          { heading: 'Toteutukseen osallistuvat aluekehitysviranomaiset', lines: group('regional-authority') },
        ]
      : [
          { heading: 'Contracting parties', lines: group('contracting') },
          { heading: 'Cooperation parties', lines: group('cooperation') },
          { heading: 'Regional development authorities in implementation', lines: group('regional-authority') },
        ];
  const text =
    lang === 'fi'
      ? `Sopimuksella on ${kb.parties.length} osapuolta: Kajaani, Sotkamo ja valtio sekä yhteistyöosapuolet ja alueen viranomaiset.`
      : `The agreement has ${kb.parties.length} parties: Kajaani, Sotkamo and the state, plus cooperation parties and regional authorities.`;
  return reply(lang, text, { sections, sources: mainSourcesFor(kb, kb.parties.map((p) => p.sources)) });
}

/** One goal: its target, and its progress when something has been reported or progress is asked. */
export function goalReply(kb: KnowledgeBase, g: Goal, lang: Lang, hooks: AnswerHooks, progressAsked: boolean): Reply {
  const r = reply(lang, goalText(g, lang), { sources: sourcesFor(kb, g.sources) });
  const live = hooks.goalProgress?.(g, lang) ?? null;
  if (live && live.row.count > 0) {
    r.progress.push(live.row);
    if (live.lines.length > 0) r.sections.push({ lines: live.lines });
  } else if (progressAsked) {
    r.sections.push({ lines: [nothingReported(g, lang)] });
  }
  return r;
}

/** All goals with their targets; progress rows for goals with something reported. */
export function goalsReply(kb: KnowledgeBase, lang: Lang, hooks: AnswerHooks): Reply {
  const lines = kb.goals.map((g) => `• ${capitalise(g.name[lang])}: ${targetPhrase(g, lang)}`);
  const text =
    lang === 'fi'
      ? `Sopimuksen tavoitteet vuosille ${kb.agreement.period.from}–${kb.agreement.period.to}:`
      : `The agreement's goals for ${kb.agreement.period.from}–${kb.agreement.period.to}:`;
  const r = reply(lang, text, { sections: [{ lines }], sources: mainSourcesFor(kb, kb.goals.map((g) => g.sources)) });
  for (const g of kb.goals) {
    const live = hooks.goalProgress?.(g, lang);
    if (live && live.row.count > 0) r.progress.push(live.row);
  }
  return r;
}

/** The first sentence of a text. */
function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/.exec(text);
  return m ? m[0] : text;
}

/** The focus areas, each with why. */
export function focusAreasReply(kb: KnowledgeBase, lang: Lang): Reply {
  const names = kb.focusAreas.map((a) => `${a.number}) ${a.name[lang]}`);
  const text = lang === 'fi' ? `Sopimuksen painopisteet ovat ${joinList('fi', names)}.` : `The agreement focuses on ${joinList('en', names)}.`;
  const why = kb.focusAreas.map((a) => `${a.number}) ${firstSentence(a.why[lang])}`);
  return reply(lang, text, { sections: [{ heading: lang === 'fi' ? 'Miksi' : 'Why', lines: why }], sources: mainSourcesFor(kb, kb.focusAreas.map((a) => a.sources)) });
}

/** The reply for one candidate answer. */
export function candidateReply(kb: KnowledgeBase, c: Candidate, lang: Lang, hooks: AnswerHooks, progressAsked: boolean): Reply {
  switch (c.kind) {
    case 'parties':
      return partiesReply(kb, lang);
    case 'goals':
      return goalsReply(kb, lang, hooks);
    case 'focus-areas':
      return focusAreasReply(kb, lang);
    case 'goal':
      return goalReply(kb, kb.goals.find((g) => g.id === c.ref)!, lang, hooks, progressAsked);
    default:
      return reply(lang, entityText(kb, c.id, lang), { sources: sourcesFor(kb, entitySourceIds(kb, c.id)) });
  }
}
