/**
 * Answers questions only the outcome store can answer ("how many companies so far?",
 * "what has KAMK reported?", "companies in 2025?") in the asker's language. The answer
 * engine recognises the entities; this decides whether the store should answer and how.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import { reply, type Lang, type Reply } from '../reply.js';
import type { Store } from '../../store/store.js';
import { listOutcomes } from '../../store/outcomes.js';
import { countsForParty } from '../../store/progress.js';
import { goalLabel, outcomeLine } from './format.js';
import { goalProgress, goalSources, headline } from './goal-progress.js';
import { nothingReported } from './progress.js';
import { goalById, partyById } from './resolve.js';
import type { StoreQuestion } from '../answer/types.js';

/** What the answer engine understood of a question: one shape, declared beside the answer hooks that pass it. */
export type OutcomeQuestion = StoreQuestion;

/** What the store-backed answer needs. */
export interface OutcomeQuestionDeps {
  store: Store;
  kb: KnowledgeBase;
  /** Today's ISO date in BOT_TIMEZONE. */
  today: string;
}

/** Words asking what someone has reported / produced. */
const REPORT_WORDS = /\b(report|reported|reports|produced|achieved)\b|raportoi|ilmoitt|kirjann|kirjaam|tuottan|saanut aikaan/i;
/** At most this many outcomes are listed in an answer; /outcomes and /export give more. */
const LISTED = 10;

function listing(deps: OutcomeQuestionDeps, lang: Lang, lead: string, outcomes: ReturnType<typeof listOutcomes>, withGoal: boolean): string[] {
  const lines = outcomes.slice(0, LISTED).map((o) => outcomeLine(deps.kb, o, lang, withGoal));
  if (outcomes.length > LISTED) lines.push(lang === 'fi' ? `…ja ${outcomes.length - LISTED} muuta (/outcomes).` : `…and ${outcomes.length - LISTED} more (/outcomes).`);
  return lead ? [lead, ...lines] : lines;
}

/**
 * A reply from the outcome store, or null when the question is not one for the store (the
 * answer engine then answers from the knowledge base, with progress through its hook).
 */
export function outcomeQuestionAnswer(q: OutcomeQuestion, deps: OutcomeQuestionDeps): Reply | null {
  const { lang } = q;
  const { kb } = deps;
  const fi = lang === 'fi';
  const goal = q.goals.map((id) => goalById(kb, id)).find((g) => g !== undefined);
  const party = q.parties.map((id) => partyById(kb, id)).find((p) => p !== undefined);
  // One year is a filter ("companies in 2025?"); a range ("2021–2029") names the goal period.
  const year = q.years.length === 1 ? q.years.find((y) => y >= 2000 && y <= 2100) : undefined;
  const reportAsked = REPORT_WORDS.test(q.text);
  // A party named in passing ("the Kajaani agreement") is not a filter unless reports are asked about.
  const partyFilter = party && (reportAsked || q.progressAsked) ? party : undefined;

  if (goal && (year !== undefined || partyFilter)) {
    const rows = listOutcomes(deps.store, { goalId: goal.id, year, partyId: partyFilter?.id, limit: 1000 });
    const scope = [partyFilter?.shortName, year].filter(Boolean).join(', ');
    const text = fi
      ? `${goalLabel(kb, goal.id, lang)} (${scope}): ${rows.length} ${rows.length === 1 ? 'tulos' : 'tulosta'}.`
      : `${goalLabel(kb, goal.id, lang)} (${scope}): ${rows.length} outcome${rows.length === 1 ? '' : 's'}.`;
    const p = goalProgress(deps.store, kb, goal, lang, deps.today);
    return reply(lang, text, {
      sections: rows.length ? [{ lines: listing(deps, lang, '', rows, false) }] : [],
      progress: [p.row],
      sources: goalSources(kb, goal),
      data: { count: rows.length },
    });
  }

  if (party && !goal && (reportAsked || q.progressAsked)) {
    const counts = countsForParty(deps.store, party.id);
    const total = counts.reduce((n, c) => n + c.count, 0);
    const latest = listOutcomes(deps.store, { partyId: party.id, year, limit: LISTED + 1 });
    if (total === 0) {
      return reply(lang, fi ? `${party.shortName} ei ole vielä raportoinut tuloksia.` : `${party.shortName} has not reported any outcomes yet.`, { data: { count: 0 } });
    }
    const perGoal = counts.map((c) => `${goalLabel(kb, c.goalId, lang)}: ${c.count}`).join(', ');
    const text = fi ? `${party.shortName} on raportoinut ${total} tulosta: ${perGoal}.` : `${party.shortName} has reported ${total} outcome${total === 1 ? '' : 's'}: ${perGoal}.`;
    return reply(lang, text, {
      sections: [{ heading: fi ? 'Viimeisimmät' : 'Latest', lines: listing(deps, lang, '', latest, true) }],
      data: { count: total },
    });
  }

  if (goal && q.progressAsked) {
    const p = goalProgress(deps.store, kb, goal, lang, deps.today);
    // Nothing reported: "0 of 15 so far … Pace: 0.0 a month" would read like a fact about the world.
    if (p.row.count === 0) return reply(lang, nothingReported(goal, lang), { sources: goalSources(kb, goal), data: { count: 0 } });
    return reply(lang, headline(goal, p.row.count, deps.today, lang), {
      sections: [{ lines: p.lines.slice(1) }],
      progress: [p.row],
      sources: goalSources(kb, goal),
      data: { count: p.row.count },
    });
  }
  return null;
}
