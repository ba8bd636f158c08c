/**
 * The reminder schedule and its periods in Europe/Helsinki: how REMINDER_CRON is read (day
 * of month AND day of week, five fields), the default's first Mondays across a year with both
 * daylight-saving changes, month bounds, and the variable's validation.
 */
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';
import { monthOf, parseMonth } from '../../src/core/reminders/period.js';
import { DEFAULT_REMINDER_CRON, formatRunTime, latestReminderRun, nextReminderRun } from '../../src/core/reminders/schedule.js';

const TZ = 'Europe/Helsinki';

/** The next `n` runs from `from`, one after another (each strictly after the previous). */
function runs(pattern: string, from: string, n: number): string[] {
  const out: string[] = [];
  let at = new Date(from);
  for (let i = 0; i < n; i++) {
    const next = nextReminderRun(pattern, TZ, at);
    if (!next) break;
    out.push(next.toISOString());
    at = next;
  }
  return out;
}

describe('the default schedule: the first Monday of each month at 10:00 Helsinki time', () => {
  it('runs on the first Monday of every month of 2026, at 10:00 local in winter (08:00Z) and summer (07:00Z)', () => {
    expect(parseConfig({}).REMINDER_CRON).toBe(DEFAULT_REMINDER_CRON);
    expect(runs(DEFAULT_REMINDER_CRON, '2025-12-31T22:00:00Z', 12)).toEqual([
      '2026-01-05T08:00:00.000Z',
      '2026-02-02T08:00:00.000Z',
      '2026-03-02T08:00:00.000Z',
      // Clocks went forward on 29 March: 10:00 EEST is 07:00Z.
      '2026-04-06T07:00:00.000Z',
      '2026-05-04T07:00:00.000Z',
      '2026-06-01T07:00:00.000Z',
      '2026-07-06T07:00:00.000Z',
      '2026-08-03T07:00:00.000Z',
      '2026-09-07T07:00:00.000Z',
      '2026-10-05T07:00:00.000Z',
      // Clocks went back on 25 October: 10:00 EET is 08:00Z again.
      '2026-11-02T08:00:00.000Z',
      '2026-12-07T08:00:00.000Z',
    ]);
    for (const r of runs(DEFAULT_REMINDER_CRON, '2025-12-31T22:00:00Z', 24)) {
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, weekday: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(r));
      expect(local, r).toMatch(/^Mon [1-7],? 10:00$/);
    }
  });

  it('is not what classic cron (day-of-month OR day-of-week) makes of the same pattern', () => {
    // croner's own default reads the pattern with OR: every day 1–7 and every Monday.
    const classic = new Cron(DEFAULT_REMINDER_CRON, { timezone: TZ, paused: true });
    const orRuns = classic.nextRuns(5, new Date('2026-02-25T00:00:00Z')).map((d) => d.toISOString());
    classic.stop();
    expect(orRuns).toEqual(['2026-03-01T08:00:00.000Z', '2026-03-02T08:00:00.000Z', '2026-03-03T08:00:00.000Z', '2026-03-04T08:00:00.000Z', '2026-03-05T08:00:00.000Z']);
    expect(runs(DEFAULT_REMINDER_CRON, '2026-02-25T00:00:00Z', 2)).toEqual(['2026-03-02T08:00:00.000Z', '2026-04-06T07:00:00.000Z']);
    // croner's "first Monday" syntax means the same as the default.
    expect(runs('0 10 * * MON#1', '2025-12-31T22:00:00Z', 12)).toEqual(runs(DEFAULT_REMINDER_CRON, '2025-12-31T22:00:00Z', 12));
  });

  it('finds the latest run at or before an instant (a restart catching up) and the next one after it', () => {
    const at = new Date('2026-12-07T08:00:00Z');
    expect(latestReminderRun(DEFAULT_REMINDER_CRON, TZ, at)?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(latestReminderRun(DEFAULT_REMINDER_CRON, TZ, new Date('2026-12-07T07:59:59Z'))?.toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect(nextReminderRun(DEFAULT_REMINDER_CRON, TZ, at)?.toISOString()).toBe('2027-01-04T08:00:00.000Z');
  });

  it('says the next date in the reader\'s language, in BOT_TIMEZONE', () => {
    const next = new Date('2027-01-04T08:00:00Z');
    expect(formatRunTime(next, TZ, 'en')).toBe('Monday, 4 January 2027 at 10:00');
    expect(formatRunTime(next, TZ, 'fi')).toBe('maanantaina 4. tammikuuta 2027 klo 10.00');
  });
});

describe('REMINDER_CRON', () => {
  it('turns reminders off with "off" (any case) and takes other five-field patterns as given', () => {
    expect(parseConfig({ REMINDER_CRON: 'off' }).REMINDER_CRON).toBeNull();
    expect(parseConfig({ REMINDER_CRON: ' OFF ' }).REMINDER_CRON).toBeNull();
    expect(parseConfig({ REMINDER_CRON: '' }).REMINDER_CRON).toBe(DEFAULT_REMINDER_CRON);
    expect(parseConfig({ REMINDER_CRON: '30  9 * *  2' }).REMINDER_CRON).toBe('30 9 * * 2');
  });

  it.each([
    ['not a pattern', 'monthly'],
    ['six fields (seconds first would make "0 10 * * 1 *" hourly in January)', '0 10 * * 1 *'],
    ['a day that does not exist', '0 10 32 * *'],
    ['four fields', '10 1-7 * 1'],
  ])('refuses %s, naming the variable and what it accepts', (_what, value) => {
    expect(() => parseConfig({ REMINDER_CRON: value })).toThrowError(ConfigError);
    expect(() => parseConfig({ REMINDER_CRON: value })).toThrowError(/REMINDER_CRON: must be "off" or a five-field cron pattern .* \(got ".*"\)/);
  });
});

describe('reminder periods: calendar months in Helsinki', () => {
  const hours = (p: { startUtc: string; endUtc: string }) => (Date.parse(p.endUtc) - Date.parse(p.startUtc)) / 3_600_000;

  it('runs from local midnight on the 1st to local midnight on the next 1st, an hour shorter in March and longer in October', () => {
    expect(parseMonth('2026-12', TZ)).toMatchObject({ firstDay: '2026-12-01', lastDay: '2026-12-31', startUtc: '2026-11-30T22:00:00.000Z', endUtc: '2026-12-31T22:00:00.000Z' });
    const march = parseMonth('2026-03', TZ)!;
    expect(march).toMatchObject({ startUtc: '2026-02-28T22:00:00.000Z', endUtc: '2026-03-31T21:00:00.000Z' });
    expect(hours(march)).toBe(31 * 24 - 1);
    const october = parseMonth('2026-10', TZ)!;
    expect(october).toMatchObject({ startUtc: '2026-09-30T21:00:00.000Z', endUtc: '2026-10-31T22:00:00.000Z' });
    expect(hours(october)).toBe(31 * 24 + 1);
    expect(parseMonth('2028-02', TZ)!.lastDay).toBe('2028-02-29');
  });

  it('puts an instant in its local month: the last UTC hours of a month are already the next one in Helsinki', () => {
    expect(monthOf(new Date('2026-11-30T21:59:59Z'), TZ).label).toBe('2026-11');
    expect(monthOf(new Date('2026-11-30T22:00:00Z'), TZ).label).toBe('2026-12');
    expect(monthOf(new Date('2026-12-31T22:00:00Z'), TZ).label).toBe('2027-01');
    expect(monthOf(new Date('2026-03-31T20:59:59Z'), TZ).label).toBe('2026-03');
    expect(monthOf(new Date('2026-03-31T21:00:00Z'), TZ).label).toBe('2026-04');
  });

  it('parses YYYY-MM only', () => {
    for (const bad of ['2026-13', '2026-1', '26-12', '2026-W48', '1999-12', 'december']) expect(parseMonth(bad, TZ), bad).toBeNull();
  });
});
