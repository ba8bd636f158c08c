/**
 * Turns a chosen candidate into a short, exact reply in the asker's language, with its
 * sources. Pure: the knowledge base and (optionally) live progress in, a Reply out.
 */
import type { Goal, KnowledgeBase, Party } from '../knowledge/schema.js';
import type { Lang, Reply, ReplySection, Source } from '../reply.js';
import { reply } from '../reply.js';
import { joinList } from '../i18n.js';
import type { Candidate } from './candidates.js';
import type { AnswerHooks } from './types.js';

/** Capitalises the first letter (names like "työ- ja elinkeinoministeriö" start sentences). */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Resolves source ids to titled links, without duplicates. */
export function sourcesFor(kb: KnowledgeBase, ids: string[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const id of ids) {
    const s = kb.sources.get(id);
    if (s && !seen.has(id)) {
      seen.add(id);
      out.push({ id: s.id, title: s.title, url: s.url });
    }
  }
  return out;
}

/** The few sources most entries of a list cite: a list answer stays short. */
export function mainSourcesFor(kb: KnowledgeBase, lists: string[][], max = 3): Source[] {
  const counts = new Map<string, number>();
  for (const ids of lists) for (const id of new Set(ids)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, max).map(([id]) => id);
  return sourcesFor(kb, top);
}

/** "15", "at least 2", "more than 20" / "15", "vähintään 2", "yli 20". */
export function targetPhrase(goal: Goal, lang: Lang): string {
  if (goal.target === null) return lang === 'fi' ? 'laadullinen tavoite' : 'qualitative goal';
  const n = goal.target;
  if (goal.comparator === 'at-least') return lang === 'fi' ? `vähintään ${n}` : `at least ${n}`;
  if (goal.comparator === 'more-than') return lang === 'fi' ? `yli ${n}` : `more than ${n}`;
  return String(n);
}

/** "Kajaani University of Applied Sciences (KAMK)"; the short name only where it adds something. */
function partyLabel(p: Party, lang: Lang): string {
  const name = p.name[lang].replace(/\s*\(([^)]*)\)$/, ', $1');
  return name.toLowerCase().includes(p.shortName.toLowerCase()) ? name : `${name} (${p.shortName})`;
}

function partyAnswer(kb: KnowledgeBase, p: Party, lang: Lang): Reply {
  const cemis = p.cemis && !p.role[lang].includes('CEMIS') ? (lang === 'fi' ? ' Se on mukana CEMIS-yhteistyössä.' : ' It is one of the CEMIS partners.') : '';
  const lead =
    lang === 'fi'
      ? `${capitalize(partyLabel(p, 'fi'))} on sopimuksen osapuoli (${p.role.fi}).`
      : `${capitalize(partyLabel(p, 'en'))} is a party to the agreement (${p.role.en}).`;
  return reply(lang, `${lead} ${p.description[lang]}${cemis}`, { sources: sourcesFor(kb, p.sources) });
}

/** "the state, represented by …" for the party that signs for the state. */
function contractingLabel(p: Party, lang: Lang): string {
  const forState = /state|valtio/i.test(p.role.en + p.role.fi);
  if (!forState) return partyLabel(p, lang);
  return lang === 'fi' ? `valtio, jota edustaa ${partyLabel(p, 'fi')}` : `the state, represented by the ${partyLabel(p, 'en')}`;
}

/** "“Nokia” is not among the agreement's parties. " for names asked about that are not parties. */
export function notPartyNote(lang: Lang, names: string[]): string {
  if (names.length === 0) return '';
  const quoted = names.map((n) => `“${n}”`);
  return lang === 'fi' ? `${joinList('fi', quoted)} ei ole sopimuksen osapuolten joukossa. ` : `${joinList('en', quoted)} is not among the agreement's parties. `;
}

/**
 * The parties, grouped by role. `notFound` are names the asker mentioned that are not
 * parties ("Is Nokia a party?"): the answer says so first.
 */
function partiesAnswer(kb: KnowledgeBase, lang: Lang, notFound: string[] = []): Reply {
  const group = (kind: Party['kind']) => kb.parties.filter((p) => p.kind === kind).map((p) => (kind === 'contracting' ? contractingLabel(p, lang) : partyLabel(p, lang)));
  const sections: ReplySection[] =
    lang === 'fi'
      ? [
          { heading: 'Sopijaosapuolet', lines: [joinList('fi', group('contracting'))] },
          { heading: 'Yhteistyöosapuolet', lines: [joinList('fi', group('cooperation'))] },
          { heading: 'Toteutukseen osallistuvat aluekehitysviranomaiset', lines: [joinList('fi', group('regional-authority'))] },
        ]
      : [
          { heading: 'Contracting parties', lines: [joinList('en', group('contracting'))] },
          { heading: 'Cooperation parties', lines: [joinList('en', group('cooperation'))] },
          { heading: 'Regional development authorities in implementation', lines: [joinList('en', group('regional-authority'))] },
        ];
  const text =
    notPartyNote(lang, notFound) +
    (lang === 'fi'
      ? `Sopimuksella on ${kb.parties.length} osapuolta: Kajaani, Sotkamo ja valtio sekä yhteistyöosapuolet ja alueen viranomaiset.`
      : `The agreement has ${kb.parties.length} parties: Kajaani, Sotkamo and the state, plus cooperation parties and regional authorities.`);
  return reply(lang, text, { sections, sources: mainSourcesFor(kb, kb.parties.map((p) => p.sources)) });
}

function goalAnswer(kb: KnowledgeBase, g: Goal, lang: Lang, hooks: AnswerHooks, progressAsked: boolean): Reply {
  const period = `${g.period.from}–${g.period.to}`;
  let text = `${capitalize(g.name[lang])}: ${g.description[lang]}`;
  if (g.target !== null) {
    const met = g.comparator === 'more-than' ? (lang === 'fi' ? `, täyttyy luvulla ${g.target + 1}` : `, met at ${g.target + 1}`) : '';
    text += lang === 'fi' ? ` Tavoite: ${targetPhrase(g, lang)}${met}.` : ` Target: ${targetPhrase(g, lang)}${met}.`;
  }
  const live = hooks.goalProgress?.(g, lang) ?? null;
  const r = reply(lang, text, { sources: sourcesFor(kb, g.sources) });
  if (live) {
    r.progress.push(live.row);
    if (live.lines.length > 0) r.sections.push({ lines: live.lines });
  } else if (progressAsked) {
    r.sections.push({
      lines: [lang === 'fi' ? `Toteutuneita tuloksia ei ole vielä kirjattu. Tavoitekausi on ${period}.` : `No outcomes have been recorded yet. The goal period is ${period}.`],
    });
  }
  return r;
}

function goalsAnswer(kb: KnowledgeBase, lang: Lang, hooks: AnswerHooks): Reply {
  const lines = kb.goals.map((g) => `• ${capitalize(g.name[lang])}: ${targetPhrase(g, lang)}`);
  const text =
    lang === 'fi'
      ? `Sopimuksen tavoitteet vuosille ${kb.agreement.period.from}–${kb.agreement.period.to}:`
      : `The agreement's goals for ${kb.agreement.period.from}–${kb.agreement.period.to}:`;
  const r = reply(lang, text, { sections: [{ lines }], sources: mainSourcesFor(kb, kb.goals.map((g) => g.sources)) });
  for (const g of kb.goals) {
    const live = hooks.goalProgress?.(g, lang);
    if (live) r.progress.push(live.row);
  }
  return r;
}

/** The first sentence of a text. */
function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/.exec(text);
  return m ? m[0] : text;
}

function focusAreasAnswer(kb: KnowledgeBase, lang: Lang): Reply {
  const names = kb.focusAreas.map((a) => `${a.number}) ${a.name[lang]}`);
  const text = lang === 'fi' ? `Sopimuksen painopisteet ovat ${joinList('fi', names)}.` : `The agreement focuses on ${joinList('en', names)}.`;
  const why = kb.focusAreas.map((a) => `${a.number}) ${firstSentence(a.why[lang])}`);
  return reply(lang, text, { sections: [{ heading: lang === 'fi' ? 'Miksi' : 'Why', lines: why }], sources: mainSourcesFor(kb, kb.focusAreas.map((a) => a.sources)) });
}

/** What the question said beyond the chosen answer. */
export interface ComposeContext {
  progressAsked: boolean;
  /** Names in the question the knowledge base does not know (as typed). */
  unknownNames: string[];
}

/** Composes the reply for a candidate. */
export function compose(kb: KnowledgeBase, c: Candidate, lang: Lang, hooks: AnswerHooks, q: ComposeContext): Reply {
  switch (c.kind) {
    case 'party': {
      const p = kb.parties.find((x) => x.id === c.ref)!;
      return partyAnswer(kb, p, lang);
    }
    case 'parties':
      return partiesAnswer(kb, lang, q.unknownNames);
    case 'goal':
      return goalAnswer(kb, kb.goals.find((g) => g.id === c.ref)!, lang, hooks, q.progressAsked);
    case 'goals':
      return goalsAnswer(kb, lang, hooks);
    case 'focus': {
      const a = kb.focusAreas.find((x) => x.id === c.ref)!;
      const lead = lang === 'fi' ? `Painopiste ${a.number}: ${a.name.fi}.` : `Focus area ${a.number}: ${a.name.en}.`;
      return reply(lang, `${lead} ${a.why[lang]}`, { sources: sourcesFor(kb, a.sources) });
    }
    case 'focus-areas':
      return focusAreasAnswer(kb, lang);
    case 'place': {
      const pl = kb.places.find((x) => x.id === c.ref)!;
      return reply(lang, `${pl.name[lang]}: ${pl.description[lang]}`, { sources: sourcesFor(kb, pl.sources) });
    }
    case 'fact': {
      const f = [...kb.agreement.facts, ...kb.faq].find((x) => x.id === c.ref)!;
      return reply(lang, f.answer[lang], { sources: sourcesFor(kb, f.sources) });
    }
    case 'help':
      return reply(lang, '', {});
  }
}

/** A short label for offering an alternative reading ("Did you mean …?"). */
export function candidateLabel(kb: KnowledgeBase, c: Candidate, lang: Lang): string {
  switch (c.kind) {
    case 'party':
      return partyLabel(kb.parties.find((x) => x.id === c.ref)!, lang);
    case 'goal':
      return (lang === 'fi' ? 'tavoite: ' : 'the goal: ') + kb.goals.find((g) => g.id === c.ref)!.name[lang];
    case 'focus':
      return (lang === 'fi' ? 'painopiste: ' : 'the focus area: ') + kb.focusAreas.find((a) => a.id === c.ref)!.name[lang];
    case 'place':
      return kb.places.find((p) => p.id === c.ref)!.name[lang];
    case 'fact':
      return [...kb.agreement.facts, ...kb.faq].find((x) => x.id === c.ref)!.label[lang];
    case 'parties':
      return lang === 'fi' ? 'sopimuksen osapuolet' : 'the parties to the agreement';
    case 'goals':
      return lang === 'fi' ? 'kaikki tavoitteet' : 'all the goals';
    case 'focus-areas':
      return lang === 'fi' ? 'painopisteet' : 'the focus areas';
    case 'help':
      return lang === 'fi' ? 'ohjeet' : 'help';
  }
}
