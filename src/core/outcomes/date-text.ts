/**
 * Dates and times as replies show them. Stored values stay UTC instants and ISO dates; a
 * reply shows an instant in BOT_TIMEZONE in the reader's language (`2.12.2026 klo 5.17`,
 * `2 Dec 2026 05:17`), and echoes a typed date in the style it was typed (`15.11.2025` for
 * someone who wrote that, `2025-11-15` for someone who wrote ISO).
 */
import type { Lang } from '../reply.js';
import type { DateStyle } from './date-input.js';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const partFormats = new Map<string, Intl.DateTimeFormat>();

/** Local year, month, day, hour and minute of an instant in `timeZone`. */
function localParts(at: Date, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  let f = partFormats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    partFormats.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute') };
}

/** A calendar date (`YYYY-MM-DD`) as the language writes it: `2.12.2026` / `2 Dec 2026`. */
export function calendarText(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return lang === 'fi' ? `${d}.${m}.${y}` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/**
 * A stored UTC instant as local date and time in `timeZone`: `2.12.2026 klo 5.17` in Finnish,
 * `2 Dec 2026 05:17` in English. Text that is not a date is returned as it is.
 */
export function timestampText(instant: string, timeZone: string, lang: Lang): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const p = localParts(at, timeZone);
  const mm = String(p.mi).padStart(2, '0');
  return lang === 'fi' ? `${p.d}.${p.mo}.${p.y} klo ${p.h}.${mm}` : `${p.d} ${MONTHS_EN[p.mo - 1]} ${p.y} ${String(p.h).padStart(2, '0')}:${mm}`;
}

/** The local calendar day of a stored UTC instant, as the language writes it (`2.12.2026` / `2 Dec 2026`). */
export function localDayText(instant: string, timeZone: string, lang: Lang): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const p = localParts(at, timeZone);
  return calendarText(`${p.y}-${String(p.mo).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`, lang);
}

/**
 * An ISO date echoed in the style it was typed: `15.11.2025` for a day-first date, ISO for
 * ISO, for a word (today, eilen) and when no date was typed (the form the usage line teaches).
 */
export function echoDate(iso: string, style: DateStyle | undefined): string {
  if (style !== 'dotted') return iso;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d}.${m}.${y}`;
}
