/**
 * Reminder periods: calendar months in the bot's time zone, with their exact UTC bounds
 * (local midnight of the 1st to local midnight of the next 1st, from the zone's real offsets,
 * so a month with a daylight-saving change is an hour shorter or longer).
 */
import { localDay, localMidnightUtc } from '../digest/period.js';
import type { Lang } from '../reply.js';

/** One calendar month in a time zone. */
export interface MonthPeriod {
  /** `2026-12`. */
  label: string;
  year: number;
  /** 1–12. */
  month: number;
  /** `2026-12-01`. */
  firstDay: string;
  /** `2026-12-31` (the last day in the period). */
  lastDay: string;
  /** UTC instant of local midnight starting the 1st (inclusive). */
  startUtc: string;
  /** UTC instant of local midnight starting the next month's 1st (exclusive). */
  endUtc: string;
  timeZone: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function build(year: number, month: number, timeZone: string): MonthPeriod {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const daysIn = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return {
    label: `${year}-${pad(month)}`,
    year,
    month,
    firstDay: `${year}-${pad(month)}-01`,
    lastDay: `${year}-${pad(month)}-${pad(daysIn)}`,
    startUtc: localMidnightUtc(`${year}-${pad(month)}-01`, timeZone).toISOString(),
    endUtc: localMidnightUtc(`${next.year}-${pad(next.month)}-01`, timeZone).toISOString(),
    timeZone,
  };
}

/** The month containing the instant `at` (local time). */
export function monthOf(at: Date, timeZone: string): MonthPeriod {
  const [y, m] = localDay(at, timeZone).split('-').map(Number) as [number, number];
  return build(y, m, timeZone);
}

/** Parses `2026-12`; null when it is not a month (or before the year 2000 / after 2999). */
export function parseMonth(label: string, timeZone: string): MonthPeriod | null {
  const m = /^(2\d{3})-(0[1-9]|1[0-2])$/.exec(label.trim());
  return m ? build(Number(m[1]), Number(m[2]), timeZone) : null;
}

const MONTHS: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fi: ['tammikuu', 'helmikuu', 'maaliskuu', 'huhtikuu', 'toukokuu', 'kesäkuu', 'heinäkuu', 'elokuu', 'syyskuu', 'lokakuu', 'marraskuu', 'joulukuu'],
};

/** "December 2026" / "joulukuu 2026". */
export function monthName(p: Pick<MonthPeriod, 'year' | 'month'>, lang: Lang): string {
  return `${MONTHS[lang][p.month - 1]} ${p.year}`;
}

/** "in December 2026" / "joulukuussa 2026" (the inessive: every Finnish month name ends in -kuu). */
export function inMonth(p: Pick<MonthPeriod, 'year' | 'month'>, lang: Lang): string {
  return lang === 'fi' ? `${MONTHS.fi[p.month - 1]}ssa ${p.year}` : `in ${monthName(p, 'en')}`;
}
