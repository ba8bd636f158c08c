/**
 * Progress arithmetic (pure): a goal's count against its target and comparator, what
 * remains, and the pace needed per month to reach it by 31 Dec 2029 against the pace so far.
 */
import type { Goal } from '../knowledge/schema.js';
import type { Comparator, Lang, ProgressRow } from '../reply.js';
import { DEADLINE_EXCLUSIVE, monthsBetween, PERIOD_START } from './dates.js';
import { percentOf } from '../percent.js';

/** The number that meets a target: "more than 20" is met at 21; "exactly"/"at least" at the target. */
export function neededFor(target: number, comparator: Comparator): number {
  return comparator === 'more-than' ? target + 1 : target;
}

/** A goal's progress figures on a given day. */
export interface ProgressFigures {
  row: ProgressRow;
  /** 0–100+ (rounded to nearest, 100 only when met: `percentOf`). Null for qualitative goals. */
  percent: number | null;
  /** How many more are needed; 0 when met. Null for qualitative goals. */
  remaining: number | null;
  /** Counted outcomes per month since 2021-01-01. */
  pacePerMonth: number;
  /** Outcomes per month needed from today to reach the target by 31 Dec 2029; null when met, qualitative or past the deadline. */
  neededPerMonth: number | null;
  /** Months from today to the end of 2029 (0 after it). */
  monthsLeft: number;
}

/** Computes progress for `count` counted outcomes on `today` (ISO date). */
export function progressFigures(goal: Goal, count: number, today: string, lang: Lang): ProgressFigures {
  const label = goal.name[lang];
  const monthsSoFar = Math.max(monthsBetween(PERIOD_START, today), 1);
  // The deadline is the end of 31 Dec 2029, i.e. the start of 2030.
  const monthsLeft = Math.max(monthsBetween(today, DEADLINE_EXCLUSIVE), 0);
  const pacePerMonth = count / monthsSoFar;
  if (goal.target === null || goal.comparator === null) {
    return {
      row: { goalId: goal.id, label, count, target: null, comparator: null, needed: null, met: false },
      percent: null,
      remaining: null,
      pacePerMonth,
      neededPerMonth: null,
      monthsLeft,
    };
  }
  const needed = neededFor(goal.target, goal.comparator);
  const remaining = Math.max(needed - count, 0);
  const met = remaining === 0;
  return {
    row: { goalId: goal.id, label, count, target: goal.target, comparator: goal.comparator, needed, met },
    percent: percentOf(count, needed),
    remaining,
    pacePerMonth,
    neededPerMonth: met || monthsLeft <= 0 ? null : remaining / monthsLeft,
    monthsLeft,
  };
}

/** "15", "at least 2", "more than 20" / "15", "vähintään 2", "yli 20". */
export function targetText(goal: Goal, lang: Lang): string {
  if (goal.target === null || goal.comparator === null) return '';
  const words: Record<Comparator, [string, string]> = { exactly: ['', ''], 'at-least': ['at least ', 'vähintään '], 'more-than': ['more than ', 'yli '] };
  return `${words[goal.comparator][lang === 'fi' ? 1 : 0]}${goal.target}`;
}

/**
 * What a goal's progress says while nothing has been reported: "New companies: nothing
 * reported towards this goal yet (target 15)." (not "0 of 15 … Pace: 0.0 a month").
 */
export function nothingReported(goal: Goal, lang: Lang): string {
  const name = goal.name[lang].charAt(0).toUpperCase() + goal.name[lang].slice(1);
  const target = goal.target === null ? '' : ` (${lang === 'fi' ? 'tavoite' : 'target'} ${targetText(goal, lang)})`;
  return lang === 'fi' ? `${name}: tämän tavoitteen osalta ei ole vielä raportoitu mitään${target}.` : `${name}: nothing reported towards this goal yet${target}.`;
}

/**
 * Same output as n.toLocaleString(locale, options), without building a formatter per call.
 * Built on first use, not at import: the first Intl formatter of a process loads ICU's locale
 * data (~10 ms), which answers that show no rate should not pay.
 */
const rateFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** A per-month rate with one decimal, in the language's number format. */
export function rate(n: number, lang: Lang): string {
  rateFormats[lang] ??= new Intl.NumberFormat(lang === 'fi' ? 'fi-FI' : 'en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 1 });
  return rateFormats[lang].format(n);
}

