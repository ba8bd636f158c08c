/**
 * Comparisons of goals' targets ("which target is bigger, companies or technologies?",
 * "mikä tavoitteista on suurin?", "is the technologies target higher than the companies
 * one?"), computed from the knowledge base's numbers and comparators: "more than 20" is met
 * at 21, so it is bigger than exactly 20; a qualitative goal has no number to compare.
 */
import type { Goal } from '../../knowledge/schema.js';
import { reply, type Lang } from '../../reply.js';
import { capitalise, joinList } from '../../i18n.js';
import { mainSourcesFor, neededFor, targetPhrase } from '../compose/entities.js';
import { frameOf, type FrameHandler } from '../frame.js';
import { goalsNamed } from '../understand.js';
import { has, refOf } from './helpers.js';

function targetOf(g: Goal, lang: Lang): string {
  const n = neededFor(g);
  const met = g.comparator === 'more-than' && n !== null ? (lang === 'fi' ? `, eli vähintään ${n}` : `, so ${n} or more`) : '';
  return `${targetPhrase(g, lang)}${met}`;
}

const entry = (g: Goal, lang: Lang) => `${g.name[lang]}: ${targetOf(g, lang)}`;

export const comparison: FrameHandler = {
  kind: 'comparison',
  detect(u, ctx) {
    const goals = goalsNamed(u, ctx.engine);
    const compares = has(u, 'c:compare', 'c:compare-more', 'c:compare-less');
    const superlative = has(u, 'c:superlative', 'c:superlative-least');
    if (goals.length >= 2 && (compares || superlative)) return frameOf('comparison', u, { entities: goals });
    if (superlative && goals.length === 0 && has(u, 'c:goal')) return frameOf('comparison', u, { entities: [], group: 'all' });
    return null;
  },
  answer(frame, ctx) {
    const { kb, lang } = ctx;
    const fi = lang === 'fi';
    const u = frame.u;
    const named = frame.entities.map((id) => kb.goals.find((g) => g.id === refOf(id))).filter((g): g is Goal => g !== undefined);
    const goals = frame.group === 'all' ? kb.goals : named;
    const sources = mainSourcesFor(kb, goals.map((g) => g.sources));
    const numeric = goals.filter((g) => neededFor(g) !== null);
    const qualitative = goals.filter((g) => neededFor(g) === null);
    const noNumber =
      qualitative.length > 0 && frame.group !== 'all'
        ? ` ${fi ? `${joinList('fi', qualitative.map((g) => g.name.fi))}: laadullinen tavoite, jossa ei ole lukua verrattavaksi.` : `${joinList('en', qualitative.map((g) => g.name.en))}: a qualitative goal, with no number to compare.`}`
        : '';
    if (numeric.length < 2 && frame.group !== 'all') {
      const text = numeric.map((g) => entry(g, lang)).join('; ');
      return reply(lang, `${text ? `${text}.` : ''}${noNumber}`.trim(), { sources });
    }
    const least = has(u, 'c:compare-less', 'c:superlative-least') && !has(u, 'c:compare-more', 'c:superlative');
    const sorted = [...numeric].sort((a, b) => (neededFor(b)! - neededFor(a)!) * (least ? -1 : 1));
    const [top, ...others] = sorted;
    const equal = others.length === 1 && neededFor(others[0]!) === neededFor(top!);
    if (u.shape.yesNo && named.length >= 2 && neededFor(named[0]!) !== null && neededFor(named[1]!) !== null) {
      const [a, b] = [neededFor(named[0]!)!, neededFor(named[1]!)!];
      const yes = least ? a < b : a > b;
      const verdict = fi ? (yes ? 'Kyllä.' : 'Ei.') : yes ? 'Yes.' : 'No.';
      return reply(lang, `${verdict} ${capitalise(entry(named[0]!, lang))}; ${entry(named[1]!, lang)}.${noNumber}`, { sources });
    }
    let text: string;
    if (equal) {
      text = fi ? `Tavoitteet ovat yhtä suuret: ${entry(top!, lang)} ja ${entry(others[0]!, lang)}.` : `The targets are the same size: ${entry(top!, lang)} and ${entry(others[0]!, lang)}.`;
    } else if (frame.group === 'all' || others.length > 1) {
      const rest = joinList(lang, others.map((g) => entry(g, lang)));
      text = fi
        ? `${least ? 'Pienin' : 'Suurin'} tavoite on ${entry(top!, lang)}. Muut: ${rest}.`
        : `The ${least ? 'smallest' : 'biggest'} target is ${entry(top!, lang)}. The others: ${rest}.`;
    } else {
      text = fi
        ? `${least ? 'Pienempi' : 'Suurempi'} tavoite on ${entry(top!, lang)} (${entry(others[0]!, lang)}).`
        : `The ${least ? 'smaller' : 'bigger'} target is ${entry(top!, lang)} (${entry(others[0]!, lang)}).`;
    }
    return reply(lang, `${text}${noNumber}`, { sources });
  },
};
