/**
 * A goal's progress from the store, in the asker's language: the row for the progress bar
 * and short lines (count against target, remaining, pace, breakdowns, latest entries).
 * This is what the answer engine's `goalProgress` hook and `/progress` show.
 */
import type { Goal, KnowledgeBase } from '../knowledge/schema.js';
import type { Lang, ProgressRow, Source } from '../reply.js';
import type { Store } from '../../store/store.js';
import { goalCounts, goalStats } from '../../store/progress.js';
import { outcomeLine, partyShortName } from './format.js';
import { progressFigures, rate, targetText } from './progress.js';

/** Same shape as the answer engine's `GoalProgressView`. */
export interface GoalProgress {
  row: ProgressRow;
  lines: string[];
}

/** "new companies" → "New companies" at the start of a sentence. */
function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** How many milestones a qualitative goal lists. */
const MILESTONES_SHOWN = 10;

/** The headline: "3 of 15 new companies so far (20%); 12 to go." */
export function headline(goal: Goal, count: number, today: string, lang: Lang): string {
  const f = progressFigures(goal, count, today, lang);
  const fi = lang === 'fi';
  const name = capitalise(goal.name[lang]);
  if (f.percent === null) {
    return fi ? `${name}: ${count} virstanpylvästä raportoitu.` : `${name}: ${count} milestone${count === 1 ? '' : 's'} reported.`;
  }
  const target = targetText(goal, lang);
  if (f.row.met) {
    return fi
      ? `${name}: ${count} / ${target} – tavoite on saavutettu (${f.percent} %).`
      : `${name}: ${count} of ${target} — the target is met (${f.percent}%).`;
  }
  return fi
    ? `${name}: tähän mennessä ${count} / ${target} (${f.percent} %); vielä ${f.remaining} puuttuu.`
    : `${name}: ${count} of ${target} so far (${f.percent}%); ${f.remaining} to go.`;
}

/** The lines every progress view starts with: the headline, the verified count and the pace. */
function summary(goal: Goal, counted: number, verified: number, lang: Lang, today: string): GoalProgress {
  const f = progressFigures(goal, counted, today, lang);
  const fi = lang === 'fi';
  const lines = [headline(goal, counted, today, lang)];
  if (verified > 0) lines.push(fi ? `Vahvistettuja: ${verified}.` : `Verified: ${verified}.`);
  if (f.neededPerMonth !== null) {
    lines.push(
      fi
        ? `Tahti: tähän asti ${rate(f.pacePerMonth, lang)} kuukaudessa; tavoitteeseen 31.12.2029 mennessä tarvitaan ${rate(f.neededPerMonth, lang)} kuukaudessa.`
        : `Pace: ${rate(f.pacePerMonth, lang)} a month so far; ${rate(f.neededPerMonth, lang)} a month needed to reach the target by 31 Dec 2029.`,
    );
  }
  return { row: f.row, lines };
}

/**
 * A goal's progress as a new report's confirmation shows it: the headline, verified count and
 * pace, from one count over the index. The breakdowns by party and year and the latest
 * entries are `/progress <goal>`'s: recomputing them on every write made `/report` cost
 * time that grows with the goal's outcomes.
 */
export function goalProgressSummary(store: Store, goal: Goal, lang: Lang, today: string): GoalProgress {
  const c = goalCounts(store, goal.id);
  return summary(goal, c.counted, c.verified, lang, today);
}

/** Everything `/progress <goal>` shows, computed with SQL aggregation. */
export function goalProgress(store: Store, kb: KnowledgeBase, goal: Goal, lang: Lang, today: string): GoalProgress {
  const qualitative = goal.target === null;
  const stats = goalStats(store, goal.id, qualitative ? MILESTONES_SHOWN : 3);
  const fi = lang === 'fi';
  const { row, lines } = summary(goal, stats.counted, stats.verified, lang, today);
  if (stats.byParty.length > 0) {
    const parts = stats.byParty.map((p) => `${partyShortName(kb, p.partyId, lang)} ${p.count}`).join(', ');
    lines.push(`${fi ? 'Osapuolittain' : 'By party'}: ${parts}`);
  }
  if (stats.byYear.length > 0) {
    lines.push(`${fi ? 'Vuosittain' : 'By year'}: ${stats.byYear.map((y) => `${y.year}: ${y.count}`).join(', ')}`);
  }
  if (stats.latest.length > 0) {
    lines.push(qualitative ? (fi ? 'Virstanpylväät:' : 'Milestones:') : fi ? 'Viimeisimmät:' : 'Latest:');
    for (const o of stats.latest) lines.push(`  ${outcomeLine(kb, o, lang)}`);
  } else if (qualitative) {
    lines.push(fi ? 'Virstanpylväitä ei ole vielä raportoitu.' : 'No milestones reported yet.');
  }
  return { row, lines };
}

/** The knowledge-base sources behind a goal (for replies). */
export function goalSources(kb: KnowledgeBase, goal: Goal): Source[] {
  return goal.sources.map((id) => kb.sources.get(id)).filter((s): s is Source => s !== undefined);
}
