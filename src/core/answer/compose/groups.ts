/**
 * Groups of entities a question can count or list: the parties (all, contracting,
 * cooperation, regional authorities, ministries, CEMIS partners), the goals (all, with
 * numeric targets, qualitative) and the focus areas. Members and counts come from the
 * knowledge base, so they stay right when it changes.
 */
import type { KnowledgeBase } from '../../knowledge/schema.js';
import { reply, type Lang, type Reply } from '../../reply.js';
import { capitalise, joinList } from '../../i18n.js';
import { contractingLabel, mainSourcesFor, partyLabel, targetPhrase } from './entities.js';

/** A group: what it is made of, and which of those. */
export interface Group {
  of: 'parties' | 'goals' | 'focus-areas';
  name: 'all' | 'contracting' | 'cooperation' | 'authority' | 'ministry' | 'cemis' | 'quantitative' | 'qualitative';
}

/** Group names and the features that ask for them, most specific first. */
export const GROUP_FEATURES: [Group, string[]][] = [
  [{ of: 'parties', name: 'cemis' }, ['place:cemis']],
  [{ of: 'parties', name: 'contracting' }, ['c:contracting']],
  [{ of: 'parties', name: 'cooperation' }, ['c:cooperation']],
  [{ of: 'parties', name: 'authority' }, ['c:authority']],
  [{ of: 'parties', name: 'ministry' }, ['c:ministry']],
  [{ of: 'goals', name: 'quantitative' }, ['c:quantitative']],
  [{ of: 'goals', name: 'qualitative' }, ['c:qualitative']],
  [{ of: 'parties', name: 'all' }, ['c:party']],
  [{ of: 'goals', name: 'all' }, ['c:goal']],
  [{ of: 'focus-areas', name: 'all' }, ['c:focus']],
];

/** A member of a group: its candidate id and how it is listed. */
export interface Member {
  id: string;
  label: string;
}

/** The members of a group, in the knowledge base's order. */
export function members(kb: KnowledgeBase, g: Group, lang: Lang): Member[] {
  if (g.of === 'goals') {
    const goals = kb.goals.filter((x) => g.name === 'all' || (g.name === 'quantitative') === (x.target !== null));
    return goals.map((x) => ({ id: `goal:${x.id}`, label: x.target === null ? x.name[lang] : `${x.name[lang]} (${targetPhrase(x, lang)})` }));
  }
  if (g.of === 'focus-areas') return kb.focusAreas.map((a) => ({ id: `focus:${a.id}`, label: `${a.number}) ${a.name[lang]}` }));
  const parties = kb.parties.filter((p) => {
    switch (g.name) {
      case 'contracting':
        return p.kind === 'contracting';
      case 'cooperation':
        return p.kind === 'cooperation';
      case 'authority':
        return p.kind === 'regional-authority';
      case 'cemis':
        return p.cemis;
      case 'ministry':
        return /ministry|ministeriö/i.test(p.name.en + p.name.fi);
      default:
        return true;
    }
  });
  return parties.map((p) => ({ id: `party:${p.id}`, label: p.kind === 'contracting' ? contractingLabel(p, lang) : partyLabel(p, lang) }));
}

/** What a group is called, in the plural: "cooperation parties", "yhteistyöosapuolet". */
const TITLES: Record<string, { en: string; fi: string; fiPartitive: string }> = {
  'parties/all': { en: 'parties', fi: 'osapuolet', fiPartitive: 'osapuolta' },
  'parties/contracting': { en: 'contracting parties', fi: 'sopijaosapuolet', fiPartitive: 'sopijaosapuolta' },
  'parties/cooperation': { en: 'cooperation parties', fi: 'yhteistyöosapuolet', fiPartitive: 'yhteistyöosapuolta' },
  'parties/authority': { en: 'regional development authorities taking part in implementation', fi: 'toteutukseen osallistuvat aluekehitysviranomaiset', fiPartitive: 'toteutukseen osallistuvaa aluekehitysviranomaista' },
  'parties/ministry': { en: 'ministries among the parties', fi: 'ministeriöt osapuolten joukossa', fiPartitive: 'ministeriötä osapuolten joukossa' },
  'parties/cemis': { en: 'CEMIS partners among the parties', fi: 'CEMIS-kumppanit osapuolten joukossa', fiPartitive: 'CEMIS-kumppania osapuolten joukossa' },
  'goals/all': { en: 'goals', fi: 'tavoitteet', fiPartitive: 'tavoitetta' },
  'goals/quantitative': { en: 'goals with numeric targets', fi: 'määrälliset tavoitteet', fiPartitive: 'määrällistä tavoitetta' },
  'goals/qualitative': { en: 'qualitative goals', fi: 'laadulliset tavoitteet', fiPartitive: 'laadullista tavoitetta' },
  'focus-areas/all': { en: 'focus areas', fi: 'painopisteet', fiPartitive: 'painopistettä' },
};

function title(g: Group) {
  return TITLES[`${g.of}/${g.name}`]!;
}

/** How the parties divide by kind: "3 contracting parties, 8 cooperation parties and 2 …". */
function partyBreakdown(kb: KnowledgeBase, lang: Lang): string {
  const kinds: Group['name'][] = ['contracting', 'cooperation', 'authority'];
  return joinList(
    lang,
    kinds.map((k) => {
      const n = members(kb, { of: 'parties', name: k }, lang).length;
      return `${n} ${lang === 'fi' ? title({ of: 'parties', name: k }).fiPartitive : title({ of: 'parties', name: k }).en}`;
    }),
  );
}

/**
 * A reply counting or listing a group. `exclude` leaves out members already named ("who
 * else?" after KAMK), and the sentence then speaks of "the other …".
 */
export function groupReply(kb: KnowledgeBase, g: Group, lang: Lang, opts: { count: boolean; exclude?: string[] }): Reply {
  const fi = lang === 'fi';
  const all = members(kb, g, lang);
  const list = all.filter((m) => !(opts.exclude ?? []).includes(m.id));
  const names = joinList(lang, list.map((m) => m.label));
  const t = title(g);
  let text: string;
  if (opts.exclude && opts.exclude.length > 0) {
    text = list.length === 0 ? (fi ? `Muita ${t.fiPartitive} ei ole.` : `There are no other ${t.en}.`) : fi ? `Muut ${t.fi}: ${names}.` : `The other ${t.en} are ${names}.`;
  } else if (opts.count && g.of === 'parties' && g.name === 'all') {
    text = fi ? `Sopimuksella on ${all.length} ${t.fiPartitive}: ${partyBreakdown(kb, lang)}.` : `The agreement has ${all.length} ${t.en}: ${partyBreakdown(kb, lang)}.`;
  } else if (opts.count && g.of === 'goals' && g.name === 'all') {
    const q = members(kb, { of: 'goals', name: 'quantitative' }, lang);
    const l = members(kb, { of: 'goals', name: 'qualitative' }, lang);
    text = fi
      ? `Sopimuksessa on ${all.length} tavoitetta: ${q.length} määrällistä (${joinList('fi', q.map((m) => m.label))}) ja ${l.length} laadullista (${joinList('fi', l.map((m) => m.label))}).`
      : `The agreement has ${all.length} goals: ${q.length} with numeric targets (${joinList('en', q.map((m) => m.label))}) and ${l.length} qualitative (${joinList('en', l.map((m) => m.label))}).`;
  } else if (opts.count) {
    text = fi ? `Sopimuksessa on ${all.length} ${t.fiPartitive}: ${names}.` : `There are ${all.length} ${t.en}: ${names}.`;
  } else {
    text = fi ? `${capitalise(t.fi)}: ${names}.` : `The ${t.en} are ${names}.`;
  }
  const sources =
    g.of === 'parties'
      ? mainSourcesFor(kb, kb.parties.map((p) => p.sources))
      : g.of === 'goals'
        ? mainSourcesFor(kb, kb.goals.map((x) => x.sources))
        : mainSourcesFor(kb, kb.focusAreas.map((a) => a.sources));
  return reply(lang, text, { sources });
}
