/**
 * Dates as people type them: ISO `2025-11-15`, the Finnish `15.11.2025` and `15.11.` (this
 * year), and the words `today`/`tänään` and `yesterday`/`eilen`. Each becomes the ISO date
 * that is stored, together with the style it was written in, so a confirmation can echo the
 * date the way the user wrote it (see `date-text.ts`).
 */
import { isRealDate } from './dates.js';

/** How a date was written: ISO, Finnish day-first, or a word (today, eilen…). */
export type DateStyle = 'iso' | 'dotted' | 'word';

/** A typed date read as an ISO date, or null when it is not one. */
export interface TypedDate {
  iso: string;
  style: DateStyle;
}

const DAY_MS = 86_400_000;

/** The words for today and yesterday, lower case (ASCII spellings of tänään too: phones and US keyboards). */
const WORDS: Record<string, 0 | -1> = { today: 0, 'tänään': 0, tanaan: 0, yesterday: -1, eilen: -1 };

/** `day` moved by `days` calendar days (ISO in, ISO out). */
function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Reads a typed date; `today` is today in BOT_TIMEZONE (`YYYY-MM-DD`), which also gives the
 * year of `15.11.`. Null for text that is not a real calendar date in any accepted form
 * (`31.2.2025`, `2025-02-30`, `15/11/2025`, `15.11.25`).
 */
export function readTypedDate(text: string, today: string): TypedDate | null {
  const t = text.trim().toLowerCase();
  const word = WORDS[t];
  if (word !== undefined) return { iso: shiftDay(today, word), style: 'word' };
  if (isRealDate(t)) return { iso: t, style: 'iso' };
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})?$/.exec(t);
  if (!m) return null;
  const iso = `${m[3] ?? today.slice(0, 4)}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isRealDate(iso) ? { iso, style: 'dotted' } : null;
}
