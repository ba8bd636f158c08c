/**
 * Digest periods: ISO weeks (Monday 00:00 to Sunday 24:00) in the bot's time zone, with their
 * exact UTC bounds. A week that contains a daylight-saving change is 167 or 169 hours long;
 * the bounds are computed from the zone's real offset at each local midnight, never by
 * adding 7 × 24 hours.
 */

/** One ISO week in a time zone. */
export interface DigestPeriod {
  /** `2026-W48`. */
  label: string;
  isoYear: number;
  week: number;
  /** Local Monday, `YYYY-MM-DD`. */
  firstDay: string;
  /** Local Sunday, `YYYY-MM-DD` (the last day in the period). */
  lastDay: string;
  /** UTC instant of local Monday 00:00 (inclusive). */
  startUtc: string;
  /** UTC instant of the following local Monday 00:00 (exclusive). */
  endUtc: string;
  timeZone: string;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC-midnight Date. */
function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The zone's offset from UTC (ms, east positive) at an instant. */
export function zoneOffsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The UTC instant of local midnight starting `day` in `timeZone`. */
export function localMidnightUtc(day: string, timeZone: string): Date {
  const wall = parseDay(day).getTime();
  // Two passes settle the offset even when midnight is near a transition.
  let guess = wall - zoneOffsetMs(timeZone, new Date(wall));
  guess = wall - zoneOffsetMs(timeZone, new Date(guess));
  return new Date(guess);
}

/** The local calendar day of an instant, `YYYY-MM-DD`. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** ISO year and week of a calendar day. */
export function isoWeekOf(day: string): { isoYear: number; week: number } {
  const d = parseDay(day);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const jan1 = Date.UTC(isoYear, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
  return { isoYear, week };
}

/** The Monday of ISO week `week` of `isoYear`. */
function mondayOf(isoYear: number, week: number): string {
  const jan4 = new Date(Date.UTC(isoYear, 0, 4));
  const week1Monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  return isoDay(new Date(week1Monday + (week - 1) * 7 * DAY_MS));
}

function build(isoYear: number, week: number, timeZone: string): DigestPeriod {
  const firstDay = mondayOf(isoYear, week);
  const nextMonday = isoDay(new Date(parseDay(firstDay).getTime() + 7 * DAY_MS));
  const lastDay = isoDay(new Date(parseDay(firstDay).getTime() + 6 * DAY_MS));
  return {
    label: `${isoYear}-W${String(week).padStart(2, '0')}`,
    isoYear,
    week,
    firstDay,
    lastDay,
    startUtc: localMidnightUtc(firstDay, timeZone).toISOString(),
    endUtc: localMidnightUtc(nextMonday, timeZone).toISOString(),
    timeZone,
  };
}

/** The ISO week containing the instant `at` (local time). */
export function weekContaining(at: Date, timeZone: string): DigestPeriod {
  const { isoYear, week } = isoWeekOf(localDay(at, timeZone));
  return build(isoYear, week, timeZone);
}

/** The week before the one containing `at`: what a Monday-morning digest reports on. */
export function previousWeek(at: Date, timeZone: string): DigestPeriod {
  const current = weekContaining(at, timeZone);
  const dayBefore = isoDay(new Date(parseDay(current.firstDay).getTime() - DAY_MS));
  const { isoYear, week } = isoWeekOf(dayBefore);
  return build(isoYear, week, timeZone);
}

/** Parses `2026-W48` (or `2026W48`); null when it is not a real ISO week. */
export function parsePeriod(label: string, timeZone: string): DigestPeriod | null {
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(label.trim());
  if (!m) return null;
  const isoYear = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > 53) return null;
  const p = build(isoYear, week, timeZone);
  // Week 53 exists only in some years; build() would roll it into next year's week 1.
  return isoWeekOf(p.firstDay).isoYear === isoYear ? p : null;
}
