/**
 * A `Digest` as a neutral `Reply` in one language (plain text; adapters escape it). Lists are
 * capped by count and the whole text by length, with "…and N more" pointing at /outcomes,
 * so a digest always fits one Slack message and one Discord embed.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import { progressBar, reply, replyToPlainText, type Lang, type Reply, type ReplySection } from '../reply.js';
import { goalLabel, partyShortName, titleLine } from '../outcomes/format.js';
import { goalById } from '../outcomes/resolve.js';
import { rate, targetText } from '../outcomes/progress.js';
import type { DigestItem, DigestList } from '../../store/digest.js';
import { groupByGoal, type Digest, type DigestGoal } from './compose.js';
import type { DigestPeriod } from './period.js';

/** Caps on what one digest shows. */
export interface RenderLimits {
  /** New outcomes listed (the rest are counted in "…and N more"). */
  maxAdded: number;
  /** Verified and retracted outcomes listed, each. */
  maxChanged: number;
  /**
   * Characters of plain text per language. 2,800 keeps both languages (5,600) under Discord's
   * 6,000-character total for a message's embeds, and each language under Slack's 3,000 per
   * block once split into sections.
   */
  maxChars: number;
}

export const DEFAULT_LIMITS: RenderLimits = { maxAdded: 10, maxChanged: 5, maxChars: 2800 };

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `23–29 Nov 2026` / `23.–29.11.2026` (month and year shown on both sides when they differ). */
export function periodDates(p: DigestPeriod, lang: Lang): string {
  const [y1, m1, d1] = p.firstDay.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = p.lastDay.split('-').map(Number) as [number, number, number];
  if (lang === 'fi') {
    const left = y1 !== y2 ? `${d1}.${m1}.${y1}` : m1 !== m2 ? `${d1}.${m1}.` : `${d1}.`;
    return `${left}–${d2}.${m2}.${y2}`;
  }
  const left = y1 !== y2 ? `${d1} ${MONTHS_EN[m1 - 1]} ${y1}` : m1 !== m2 ? `${d1} ${MONTHS_EN[m1 - 1]}` : `${d1}`;
  return `${left}–${d2} ${MONTHS_EN[m2 - 1]} ${y2}`;
}

/** The digest's heading, e.g. `Weekly digest: week 48/2026 (23–29 Nov 2026)`. */
export function digestTitle(p: DigestPeriod, lang: Lang): string {
  return lang === 'fi'
    ? `Viikkokooste: viikko ${p.week}/${p.isoYear} (${periodDates(p, lang)})`
    : `Weekly digest: week ${p.week}/${p.isoYear} (${periodDates(p, lang)})`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

/** One goal's line: bar, count against target, change, pace. */
export function goalLine(kb: KnowledgeBase, g: DigestGoal, lang: Lang): string {
  const fi = lang === 'fi';
  const goal = goalById(kb, g.goalId);
  const name = capitalise(goalLabel(kb, g.goalId, lang));
  if (g.kind === 'qualitative' || g.target === null || !goal) {
    const total = fi ? `yhteensä ${g.count}` : `${g.count} in total`;
    if (g.added === 0) return fi ? `${name}: ei uusia virstanpylväitä (${total})` : `${name}: no new milestones (${total})`;
    return fi
      ? `${name}: ${g.added} ${g.added === 1 ? 'uusi virstanpylväs' : 'uutta virstanpylvästä'} (${total})`
      : `${name}: ${g.added} new milestone${g.added === 1 ? '' : 's'} (${total})`;
  }
  const head = `${name}: ${progressBar(g.count, g.needed)} ${g.count} / ${targetText(goal, lang)} (${signed(g.change)})`;
  let pace: string;
  if (g.met) pace = fi ? 'tavoite saavutettu' : 'target met';
  else if (g.onTrack) pace = fi ? 'tahti riittää vuoden 2029 loppuun mennessä' : 'on pace to reach it by the end of 2029';
  else if (g.neededPerMonth === null) pace = fi ? 'määräaika on ohi' : 'the deadline has passed';
  else {
    pace = fi
      ? `tahti ei riitä: ${rate(g.pacePerMonth, lang)}/kk, tarvitaan ${rate(g.neededPerMonth, lang)}/kk`
      : `behind pace: ${rate(g.pacePerMonth, lang)}/month so far, ${rate(g.neededPerMonth, lang)}/month needed`;
  }
  return `${head} · ${pace}`;
}

function itemLine(kb: KnowledgeBase, item: DigestItem, lang: Lang, withGoal: boolean): string {
  const goal = withGoal ? ` [${goalLabel(kb, item.goalId, lang)}]` : '';
  const link = item.link ? ` — ${item.link}` : '';
  return `• #${item.id} ${titleLine(item.title)}${goal} — ${partyShortName(kb, item.partyId, lang)}, ${item.happenedOn}${link}`;
}

function more(n: number, lang: Lang): string {
  return lang === 'fi' ? `…ja ${n} muuta: /outcomes` : `…and ${n} more: /outcomes`;
}

/** The new outcomes, grouped by goal, at most `max` lines of items. */
function addedSection(kb: KnowledgeBase, list: DigestList, lang: Lang, max: number): ReplySection {
  const shown = list.items.slice(0, max);
  const lines: string[] = [];
  for (const group of groupByGoal(kb, shown)) {
    lines.push(`${capitalise(goalLabel(kb, group.goalId, lang))}:`);
    for (const item of group.items) lines.push(`  ${itemLine(kb, item, lang, false)}`);
  }
  if (list.total > shown.length) lines.push(more(list.total - shown.length, lang));
  return { heading: lang === 'fi' ? `Uudet tulokset (${list.total})` : `New outcomes (${list.total})`, lines };
}

function changedSection(kb: KnowledgeBase, list: DigestList, lang: Lang, max: number, kind: 'verified' | 'retracted'): ReplySection {
  const fi = lang === 'fi';
  const shown = list.items.slice(0, max);
  const lines = shown.map((item) => {
    const line = itemLine(kb, item, lang, true);
    return kind === 'retracted' ? `${line} — ${fi ? 'syy' : 'reason'}: ${item.reason ?? '?'}` : line;
  });
  if (list.total > shown.length) lines.push(more(list.total - shown.length, lang));
  const heading = kind === 'verified' ? (fi ? `Vahvistetut (${list.total})` : `Verified (${list.total})`) : fi ? `Perutut (${list.total})` : `Retracted (${list.total})`;
  return { heading, lines };
}

function build(kb: KnowledgeBase, d: Digest, lang: Lang, caps: { added: number; changed: number }): Reply {
  const fi = lang === 'fi';
  const title = digestTitle(d.period, lang);
  const data = { period: d.period.label, quiet: d.quiet };
  if (d.quiet) {
    const text = fi
      ? 'Hiljainen viikko: uusia tuloksia, vahvistuksia tai perumisia ei ollut. Tilanne: /progress'
      : 'A quiet week: nothing was reported, verified or retracted. Where things stand: /progress';
    return reply(lang, text, { title, data });
  }
  const sections: ReplySection[] = [{ heading: fi ? 'Tavoitteet' : 'Goals', lines: d.goals.map((g) => goalLine(kb, g, lang)) }];
  if (d.added.total > 0) sections.push(addedSection(kb, d.added, lang, caps.added));
  if (d.verified.total > 0) sections.push(changedSection(kb, d.verified, lang, caps.changed, 'verified'));
  if (d.retracted.total > 0) sections.push(changedSection(kb, d.retracted, lang, caps.changed, 'retracted'));
  if (d.activity.length > 0) {
    const parts = d.activity.map((a) => `${partyShortName(kb, a.partyId, lang)} ${a.reported}`).join(', ');
    sections.push({ heading: fi ? 'Raportointi osapuolittain' : 'Reporting by party', lines: [parts] });
  }
  const text = fi
    ? `Viime viikolla: ${d.added.total} uutta, ${d.verified.total} vahvistettu, ${d.retracted.total} peruttu. Kaikki tulokset: /outcomes`
    : `Last week: ${d.added.total} new, ${d.verified.total} verified, ${d.retracted.total} retracted. Full list: /outcomes`;
  return reply(lang, text, { title, sections, data });
}

/** Renders the digest in one language within `limits`. */
export function renderDigest(kb: KnowledgeBase, d: Digest, lang: Lang, limits: RenderLimits = DEFAULT_LIMITS): Reply {
  const caps = { added: limits.maxAdded, changed: limits.maxChanged };
  let r = build(kb, d, lang, caps);
  // Shrink the longest list first until the text fits; the totals and "…and N more" stay exact.
  while (replyToPlainText(r).length > limits.maxChars && (caps.added > 0 || caps.changed > 0)) {
    if (caps.added >= caps.changed && caps.added > 0) caps.added -= 1;
    else caps.changed -= 1;
    r = build(kb, d, lang, caps);
  }
  return r;
}
