/** Calendar dates (ISO `YYYY-MM-DD`) in the bot's time zone, and the agreement's time frame. */

/** Outcomes count from the start of the agreement period. */
export const PERIOD_START = '2021-01-01';
/** The goals are to be reached by the end of 2029. */
export const PERIOD_END = '2029-12-31';
/** The first day after the period: months left are counted up to here. */
export const DEADLINE_EXCLUSIVE = '2030-01-01';

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The last answer per time zone, by UTC minute: every message asks for today's date, and
 * formatting costs ~10 µs. Time-zone offsets are whole minutes, so the date cannot change
 * inside a UTC minute.
 */
const lastDay = new Map<string, { minute: number; day: string }>();

/** Today's date in a time zone, e.g. `2025-03-04` in Europe/Helsinki. */
export function todayIn(timeZone: string, now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastDay.get(timeZone);
  if (last !== undefined && last.minute === minute) return last.day;
  let f = dayFormats.get(timeZone);
  if (f === undefined) {
    // en-CA formats dates as YYYY-MM-DD. An invalid zone throws here and is not cached.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  const day = f.format(now);
  lastDay.set(timeZone, { minute, day });
  return day;
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2023-02-30). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Months (fractional) from `from` to `to`, both ISO dates; negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const days = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  return (ty - fy) * 12 + (tm - fm) + (td - 1) / days(ty, tm) - (fd - 1) / days(fy, fm);
}
