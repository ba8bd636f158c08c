/**
 * A digest period someone asked for (`--period 2026-W48`, `/digest preview 2026-W48`),
 * checked: a real ISO week (2025 has 52, so `2025-W53` says so), not before the agreement's
 * first week, and already started (the current week is allowed: a preview of the week so
 * far). Problems are values, turned into text in both languages here.
 */
import type { Lang } from '../reply.js';
import { isoWeekOf, parsePeriod, weekContaining, type DigestPeriod } from './period.js';

/** The first week a digest can cover: the agreement period starts in 2021. */
export const FIRST_WEEK = { isoYear: 2021, week: 1, label: '2021-W01' } as const;

/** Why a requested period is refused. */
export type PeriodProblem =
  | { code: 'format'; text: string }
  | { code: 'no-such-week'; text: string; isoYear: number; weeks: number }
  | { code: 'before-agreement'; label: string }
  | { code: 'future'; label: string; current: string };

/** How many ISO weeks `isoYear` has (52 or 53): 28 December is always in the year's last week. */
export function isoWeeksIn(isoYear: number): number {
  return isoWeekOf(`${String(isoYear).padStart(4, '0')}-12-28`).week;
}

/** Checks a typed week against the calendar and the agreement, as of `now`. */
export function checkPeriod(text: string, timeZone: string, now: Date): { ok: true; period: DigestPeriod } | { ok: false; problem: PeriodProblem } {
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(text.trim());
  if (!m || Number(m[2]) < 1) return { ok: false, problem: { code: 'format', text } };
  const isoYear = Number(m[1]);
  const label = `${m[1]}-W${m[2]!.padStart(2, '0')}`;
  // Before any calendar arithmetic: years below 100 would be read as 19xx by Date.UTC.
  if (isoYear < FIRST_WEEK.isoYear) return { ok: false, problem: { code: 'before-agreement', label } };
  const weeks = isoWeeksIn(isoYear);
  const period = Number(m[2]) <= weeks ? parsePeriod(text, timeZone) : null;
  if (!period) return { ok: false, problem: { code: 'no-such-week', text, isoYear, weeks } };
  const current = weekContaining(now, timeZone);
  if (period.startUtc > current.startUtc) return { ok: false, problem: { code: 'future', label: period.label, current: current.label } };
  return { ok: true, period };
}

/** A refused period as one sentence in `lang`. */
export function periodProblemText(p: PeriodProblem, lang: Lang): string {
  const fi = lang === 'fi';
  switch (p.code) {
    case 'format':
      return fi ? `Viikko "${p.text}" ei kelpaa. Kirjoita ISO-viikko, esim. 2026-W48.` : `"${p.text}" is not a week. Write an ISO week such as 2026-W48.`;
    case 'no-such-week':
      return fi
        ? `Viikkoa ${p.text} ei ole: vuodessa ${p.isoYear} on ${p.weeks} ISO-viikkoa (W01–W${p.weeks}).`
        : `There is no week ${p.text}: ${p.isoYear} has ${p.weeks} ISO weeks (W01–W${p.weeks}).`;
    case 'before-agreement':
      return fi
        ? `Viikko ${p.label} on ennen sopimuskautta: koosteet alkavat viikosta ${FIRST_WEEK.label}.`
        : `${p.label} is before the agreement period: digests start from ${FIRST_WEEK.label}.`;
    case 'future':
      return fi
        ? `Viikko ${p.label} ei ole vielä alkanut. Nyt on viikko ${p.current}: sen koosteen voi esikatsella tähänastisesta, tai anna mennyt viikko.`
        : `${p.label} has not started yet. This week is ${p.current}: preview it for the week so far, or give a past week.`;
  }
}
