/** Plain-text renderings of outcomes for replies (adapters escape them for their platform). */
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { Lang } from '../reply.js';
import type { Outcome, OutcomeStatus } from '../../store/outcomes.js';
import { goalById, partyById } from './resolve.js';
import { extraOf, OUTCOME_ARGS } from './fields.js';

const STATUS: Record<OutcomeStatus, [string, string]> = {
  reported: ['reported', 'raportoitu'],
  verified: ['verified', 'vahvistettu'],
  retracted: ['retracted', 'peruttu'],
};

/** A status word in the language. */
export function statusText(status: OutcomeStatus, lang: Lang): string {
  return STATUS[status][lang === 'fi' ? 1 : 0];
}

/** A party's short name (`KAMK`), or the stored id if the knowledge base no longer has it. Not the full name: see `answer/compose.ts`. */
export function partyShortName(kb: KnowledgeBase, partyId: string | null, lang: Lang): string {
  if (partyId === null) return lang === 'fi' ? 'osapuoli ei tiedossa' : 'no party given';
  return partyById(kb, partyId)?.shortName ?? partyId;
}

/** A goal's name, or its id if unknown. */
export function goalLabel(kb: KnowledgeBase, goalId: string, lang: Lang): string {
  return goalById(kb, goalId)?.name[lang] ?? goalId;
}

/**
 * A stored title as one line of a reply. New titles cannot hold line breaks, but a row stored
 * before that rule could: shown as is, "Acme\n#99 Fake Oy (verified)" forged a line.
 */
export function titleLine(title: string): string {
  return title.replace(/\s*[\r\n\v\f\u0085\u2028\u2029]+\s*/g, ' ');
}

/** `#12 Acme Oy — KAMK, 2024-05-01 (verified)`; `day` shows the date otherwise (as the user typed it). */
export function outcomeLine(kb: KnowledgeBase, o: Outcome, lang: Lang, withGoal = false, day = o.happenedOn): string {
  const goal = withGoal ? ` [${goalLabel(kb, o.goalId, lang)}]` : '';
  return `#${o.id} ${titleLine(o.title)}${goal} — ${partyShortName(kb, o.partyId, lang)}, ${day} (${statusText(o.status, lang)})`;
}

/** Every field of an outcome, one per line (for /history); `time` shows a stored instant (local time). */
export function outcomeDetails(kb: KnowledgeBase, o: Outcome, lang: Lang, time: (instant: string) => string = (t) => t): string[] {
  const fi = lang === 'fi';
  const lines = [
    `${fi ? 'Tavoite' : 'Goal'}: ${goalLabel(kb, o.goalId, lang)} (${o.goalId})`,
    `${fi ? 'Otsikko' : 'Title'}: ${titleLine(o.title)}`,
    `${fi ? 'Osapuoli' : 'Party'}: ${partyShortName(kb, o.partyId, lang)}`,
    `${fi ? 'Päivä' : 'Date'}: ${o.happenedOn}`,
    `${fi ? 'Tila' : 'Status'}: ${statusText(o.status, lang)}`,
    `${fi ? 'Raportoi' : 'Reported by'}: ${o.reportedBy}, ${time(o.reportedAt)}`,
  ];
  if (o.link) lines.push(`${fi ? 'Linkki' : 'Link'}: ${o.link}`);
  if (o.businessId) lines.push(`${fi ? 'Y-tunnus' : 'Business ID'}: ${o.businessId}`);
  if (o.description) lines.push(`${fi ? 'Lisätieto' : 'Note'}: ${o.description}`);
  for (const [name, value] of Object.entries(extraOf(o.extra))) lines.push(`${OUTCOME_ARGS.find((a) => a.name === name)?.label[lang] ?? name}: ${value}`);
  if (o.verifiedBy) lines.push(`${fi ? 'Vahvisti' : 'Verified by'}: ${o.verifiedBy}, ${time(o.verifiedAt ?? '')}`);
  if (o.retractedBy) lines.push(`${fi ? 'Perui' : 'Retracted by'}: ${o.retractedBy}, ${time(o.retractedAt ?? '')}: ${o.retractReason}`);
  return lines;
}
