/**
 * What the knowledge base says about one entity (a party, goal, focus area, place or fact),
 * as short exact sentences in the asker's language, with its sources. Each fact is said
 * once: a party's role opens its answer, so its description does not repeat it.
 */
import type { Fact, Goal, KnowledgeBase, Party } from '../../knowledge/schema.js';
import type { Lang, Source } from '../../reply.js';
import { capitalise } from '../../i18n.js';
import { withoutRepeats } from './polish.js';

/** Resolves source ids to titled links, without duplicates. */
export function sourcesFor(kb: KnowledgeBase, ids: string[]): Source[] {
  const out: Source[] = [];
  for (const id of new Set(ids)) {
    const s = kb.sources.get(id);
    if (s) out.push({ id: s.id, title: s.title, url: s.url });
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

/** The count that meets a quantitative target ("more than 20" → 21), or null. */
export function neededFor(goal: Goal): number | null {
  if (goal.target === null) return null;
  return goal.comparator === 'more-than' ? goal.target + 1 : goal.target;
}

/** "Kajaani University of Applied Sciences (KAMK)"; the short name only where it adds something. */
export function partyLabel(p: Party, lang: Lang): string {
  const name = p.name[lang].replace(/\s*\(([^)]*)\)$/, ', $1');
  return name.toLowerCase().includes(p.shortName.toLowerCase()) ? name : `${name} (${p.shortName})`;
}

/** True for the party that signs for the state (its role says so). */
export function signsForState(p: Party): boolean {
  return /state|valtio/i.test(p.role.en + p.role.fi);
}

/** "the state, represented by …" for the party that signs for the state. */
export function contractingLabel(p: Party, lang: Lang): string {
  if (!signsForState(p)) return partyLabel(p, lang);
  return lang === 'fi' ? `valtio, jota edustaa ${partyLabel(p, 'fi')}` : `the state, represented by the ${partyLabel(p, 'en')}`;
}

/** One sentence on a party's place in the agreement: its role, and CEMIS when it is a partner. */
export function partyRole(p: Party, lang: Lang): string {
  const name = capitalise(partyLabel(p, lang));
  if (lang === 'fi') {
    if (p.kind === 'contracting') return `${name} on sopimuksen sopijaosapuoli${signsForState(p) ? ' valtion puolesta' : ''}.`;
    if (p.kind === 'regional-authority') return `${name} on aluekehitysviranomainen, joka osallistuu sopimuksen toteutukseen.`;
    return `${name} on sopimuksen yhteistyöosapuoli${p.cemis ? ' ja yksi CEMIS-kumppaneista' : ''}.`;
  }
  if (p.kind === 'contracting') return `${name} is a contracting party to the agreement${signsForState(p) ? ', for the state' : ''}.`;
  if (p.kind === 'regional-authority') return `${name} is a regional development authority that takes part in implementing the agreement.`;
  return `${name} is a cooperation party to the agreement${p.cemis ? ' and one of the CEMIS partners' : ''}.`;
}

/** A party's role followed by what its description adds. */
export function partyText(p: Party, lang: Lang): string {
  const lead = partyRole(p, lang);
  const rest = withoutRepeats(lead, p.description[lang]);
  return rest ? `${lead} ${rest}` : lead;
}

/**
 * A goal's target, said once: its description, and the number from the structured target
 * only when the description does not already give it (so an edited target is never hidden
 * behind stale prose); "more than 20" says where it is met.
 */
export function goalText(g: Goal, lang: Lang): string {
  let text = g.description[lang];
  if (g.target === null) return text;
  if (!new RegExp(`(^|\\D)${g.target}(\\D|$)`).test(text)) text += lang === 'fi' ? ` Tavoite: ${targetPhrase(g, 'fi')}.` : ` Target: ${targetPhrase(g, 'en')}.`;
  if (g.comparator === 'more-than') text += lang === 'fi' ? ` Tavoite täyttyy luvulla ${g.target + 1}.` : ` It is met at ${g.target + 1}.`;
  return text;
}

/** Every agreement fact and FAQ entry, by id. */
export function factById(kb: KnowledgeBase, id: string): Fact | undefined {
  return kb.agreement.facts.find((f) => f.id === id) ?? kb.faq.find((f) => f.id === id);
}

/** Entity texts per knowledge base: composed once, read on every answer. */
const texts = new WeakMap<KnowledgeBase, Map<string, string>>();

/** What the knowledge base says about a candidate (`party:KAMK`, `goal:…`, `fact:…`), or '' for lists. */
export function entityText(kb: KnowledgeBase, id: string, lang: Lang): string {
  let known = texts.get(kb);
  if (!known) texts.set(kb, (known = new Map()));
  const key = `${lang}|${id}`;
  let text = known.get(key);
  if (text === undefined) known.set(key, (text = composeEntityText(kb, id, lang)));
  return text;
}

function composeEntityText(kb: KnowledgeBase, id: string, lang: Lang): string {
  const [kind, ref] = splitId(id);
  if (kind === 'party') {
    const p = kb.parties.find((x) => x.id === ref);
    return p ? partyText(p, lang) : '';
  }
  if (kind === 'goal') {
    const g = kb.goals.find((x) => x.id === ref);
    return g ? goalText(g, lang) : '';
  }
  if (kind === 'focus') {
    const a = kb.focusAreas.find((x) => x.id === ref);
    return a ? `${lang === 'fi' ? `Painopiste ${a.number}: ${a.name.fi}.` : `Focus area ${a.number}: ${a.name.en}.`} ${a.why[lang]}` : '';
  }
  if (kind === 'place') {
    const pl = kb.places.find((x) => x.id === ref);
    return pl ? `${pl.name[lang]}: ${pl.description[lang]}` : '';
  }
  if (kind === 'fact') return factById(kb, ref)?.answer[lang] ?? '';
  return '';
}

/** The source ids behind a candidate. */
export function entitySourceIds(kb: KnowledgeBase, id: string): string[] {
  const [kind, ref] = splitId(id);
  const entry =
    kind === 'party'
      ? kb.parties.find((x) => x.id === ref)
      : kind === 'goal'
        ? kb.goals.find((x) => x.id === ref)
        : kind === 'focus'
          ? kb.focusAreas.find((x) => x.id === ref)
          : kind === 'place'
            ? kb.places.find((x) => x.id === ref)
            : kind === 'fact'
              ? factById(kb, ref)
              : undefined;
  return entry?.sources ?? [];
}

/** A short name for a candidate, for "Or did you mean …?" and honest gaps. */
export function entityName(kb: KnowledgeBase, id: string, lang: Lang): string {
  const [kind, ref] = splitId(id);
  switch (kind) {
    case 'party': {
      const p = kb.parties.find((x) => x.id === ref);
      return p ? partyLabel(p, lang) : ref;
    }
    case 'goal':
      return (lang === 'fi' ? 'tavoite: ' : 'the goal: ') + (kb.goals.find((g) => g.id === ref)?.name[lang] ?? ref);
    case 'focus':
      return (lang === 'fi' ? 'painopiste: ' : 'the focus area: ') + (kb.focusAreas.find((a) => a.id === ref)?.name[lang] ?? ref);
    case 'place':
      return kb.places.find((p) => p.id === ref)?.name[lang] ?? ref;
    case 'fact':
      return factById(kb, ref)?.label[lang] ?? ref;
    case 'list':
      if (ref === 'parties') return lang === 'fi' ? 'sopimuksen osapuolet' : 'the parties to the agreement';
      if (ref === 'goals') return lang === 'fi' ? 'kaikki tavoitteet' : 'all the goals';
      return lang === 'fi' ? 'painopisteet' : 'the focus areas';
    default:
      return lang === 'fi' ? 'ohjeet' : 'help';
  }
}

/** `party:KAMK` → ['party', 'KAMK']. */
export function splitId(id: string): [string, string] {
  const i = id.indexOf(':');
  return i < 0 ? [id, ''] : [id.slice(0, i), id.slice(i + 1)];
}
