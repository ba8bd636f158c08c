/**
 * When reminders go out: REMINDER_CRON in BOT_TIMEZONE, read by croner with two settings
 * that make a pattern mean what it says:
 *
 * - Day-of-month AND day-of-week (`domAndDow`). Classic cron (and croner's default) runs
 *   when EITHER matches once both are restricted, so `0 10 1-7 * 1` would run on the 1st to
 *   the 7th and on every Monday. Read with AND it is "a Monday among the 1st–7th": the first
 *   Monday of the month. `1#1` (the first Monday) says the same in croner's own syntax.
 * - Exactly five fields (`mode: '5-part'`): minute hour day-of-month month day-of-week. A
 *   six-field pattern would be read with seconds first, so `0 10 * * 1 *` would silently
 *   mean "hourly in January"; it is refused instead.
 *
 * Daylight-saving changes are croner's: 10:00 stays 10:00 local time all year.
 */
import { Cron } from 'croner';

/** The first Monday of each month at 10:00. */
export const DEFAULT_REMINDER_CRON = '0 10 1-7 * 1';

/** The croner options every reminder schedule uses (see above). */
export const REMINDER_CRON_OPTIONS = { domAndDow: true, mode: '5-part' } as const;

/** What REMINDER_CRON accepts, for error messages. */
export const REMINDER_CRON_FORMAT =
  'must be "off" or a five-field cron pattern (minute hour day-of-month month day-of-week), e.g. "0 10 1-7 * 1" for the first Monday of the month at 10:00';

/** A cron that never fires by itself: for computing run times. */
function schedule(pattern: string, timeZone: string): Cron {
  return new Cron(pattern, { ...REMINDER_CRON_OPTIONS, timezone: timeZone, paused: true });
}

/** True when croner accepts the pattern as a reminder schedule. */
export function isReminderCron(pattern: string): boolean {
  try {
    schedule(pattern, 'UTC').stop();
    return true;
  } catch {
    return false;
  }
}

/** The next run strictly after `from`, or null (a pattern that never matches again). */
export function nextReminderRun(pattern: string, timeZone: string, from: Date): Date | null {
  const cron = schedule(pattern, timeZone);
  const [next] = cron.nextRuns(1, from);
  cron.stop();
  return next ?? null;
}

/** The latest run at or before `now`, or null. */
export function latestReminderRun(pattern: string, timeZone: string, now: Date): Date | null {
  const cron = schedule(pattern, timeZone);
  // previousRuns excludes a run exactly at the reference; a second later includes it.
  const [last] = cron.previousRuns(1, new Date(now.getTime() + 1000));
  cron.stop();
  return last ?? null;
}

/** One formatter per language and zone: building one costs far more than using one. */
const whenFormats = new Map<string, Intl.DateTimeFormat>();

/** "Monday, 4 January 2027 at 10:00" / "maanantaina 4. tammikuuta 2027 klo 10.00", in `timeZone`. */
export function formatRunTime(at: Date, timeZone: string, lang: 'en' | 'fi'): string {
  const key = `${lang}|${timeZone}`;
  let f = whenFormats.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(lang === 'fi' ? 'fi-FI' : 'en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    whenFormats.set(key, f);
  }
  return f.format(at);
}
