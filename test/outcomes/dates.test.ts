/**
 * Issue 12 item 4: dates as people write them (15.11.2025, 15.11., tänään, eilen, ISO),
 * stored as ISO, echoed in the style typed; `/history` in BOT_TIMEZONE in the reader's
 * format. Unit tests for the reading and writing, then the console contract (built CLI).
 */
import { describe, expect, it } from 'vitest';
import { readTypedDate } from '../../src/core/outcomes/date-input.js';
import { echoDate, localDayText, timestampText } from '../../src/core/outcomes/date-text.js';
import { cliPlace, helsinkiToday } from '../helpers/cli.js';

describe('reading a typed date', () => {
  const today = '2025-06-15';
  it.each([
    ['2025-11-15', '2025-11-15', 'iso'],
    ['15.11.2025', '2025-11-15', 'dotted'],
    ['1.2.2025', '2025-02-01', 'dotted'],
    ['15.11.', '2025-11-15', 'dotted'],
    ['today', '2025-06-15', 'word'],
    ['Tänään', '2025-06-15', 'word'],
    ['tanaan', '2025-06-15', 'word'],
    ['yesterday', '2025-06-14', 'word'],
    ['eilen', '2025-06-14', 'word'],
  ])('%s → %s (%s)', (text, iso, style) => {
    expect(readTypedDate(text, today)).toEqual({ iso, style });
  });

  it('takes yesterday across a month and a year', () => {
    expect(readTypedDate('eilen', '2025-03-01')!.iso).toBe('2025-02-28');
    expect(readTypedDate('yesterday', '2025-01-01')!.iso).toBe('2024-12-31');
  });

  it.each(['31.2.2025', '2025-02-30', '15/11/2025', '15.11.25', '15.11', '32.1.2025', 'huomenna', '2025-1-5', ''])('refuses %j', (text) => {
    expect(readTypedDate(text, today)).toBeNull();
  });
});

describe('writing dates and times', () => {
  it('shows a stored UTC instant in BOT_TIMEZONE, as each language writes it', () => {
    expect(timestampText('2026-12-02T03:17:22.542Z', 'Europe/Helsinki', 'fi')).toBe('2.12.2026 klo 5.17');
    expect(timestampText('2026-12-02T03:17:22.542Z', 'Europe/Helsinki', 'en')).toBe('2 Dec 2026 05:17');
    // Summer time (UTC+3), and the local day after UTC midnight.
    expect(timestampText('2026-06-30T22:05:00.000Z', 'Europe/Helsinki', 'fi')).toBe('1.7.2026 klo 1.05');
    expect(localDayText('2026-06-30T22:05:00.000Z', 'Europe/Helsinki', 'en')).toBe('1 Jul 2026');
  });

  it('echoes a date in the style it was typed', () => {
    expect(echoDate('2025-11-05', 'dotted')).toBe('5.11.2025');
    expect(echoDate('2025-11-05', 'iso')).toBe('2025-11-05');
    expect(echoDate('2025-11-05', 'word')).toBe('2025-11-05');
    expect(echoDate('2025-11-05', undefined)).toBe('2025-11-05');
  });
});

describe('dates through the console', () => {
  const place = cliPlace();
  const today = helsinkiToday();
  const year = today.slice(0, 4);
  const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  it('stores each form as ISO and echoes it as typed in the confirmation', async () => {
    const out = await place.chat('admin', [
      '/report companies "Dotted Oy" date=15.11.2025',
      '/report companies "Iso Oy" date=2025-11-16',
      '/report companies "This Year Oy" date=1.1.',
      '/report companies "Eilen Oy" date=eilen',
      '/report companies "Today Oy" date=today',
      '/report companies "No Date Oy"',
      '/outcomes',
    ]);
    expect(out.slice(0, 6).map((o) => o.ok)).toEqual([true, true, true, true, true, true]);
    expect(out[0]!.reply).toContain('(no party given, 15.11.2025)');
    expect(out[1]!.reply).toContain('(no party given, 2025-11-16)');
    expect(out[2]!.reply).toContain(`(no party given, 1.1.${year})`);
    expect(out[3]!.reply).toContain(`(no party given, ${yesterday})`);
    expect(out[4]!.reply).toContain(`(no party given, ${today})`);
    expect(out[5]!.reply).toContain(`(no party given, ${today})`);
    const listed = out[6]!.reply;
    for (const [title, day] of [['Dotted Oy', '2025-11-15'], ['Iso Oy', '2025-11-16'], ['This Year Oy', `${year}-01-01`], ['Eilen Oy', yesterday]]) {
      expect(listed).toContain(`${title} [new companies] — no party given, ${day}`);
    }
  });

  it('refuses a date that is no date, and a future one as typed; nothing is stored', async () => {
    const [bad, future, list] = await place.chat('admin', ['/report companies "Bad Oy" date=31.2.2025', '/report companies "Future Oy" date=1.1.2999', '/outcomes']);
    expect(bad!.ok).toBe(false);
    expect(bad!.reply).toMatch(/date: "31\.2\.2025" is not a real date\. Write it like 2024-05-31 or 31\.5\.2024/);
    expect(future!.ok).toBe(false);
    expect(future!.reply).toMatch(/date: 1\.1\.2999 is in the future/);
    expect(list!.reply).not.toMatch(/Bad Oy|Future Oy/);
  });

  it('shows /history times in BOT_TIMEZONE in the reader’s format, keeping UTC in the data', async () => {
    const [en] = await place.chat('admin', ['/history 1']);
    const [fi] = await place.chat('admin', ['/lang fi', '/historia 1']).then((r) => r.slice(1));
    const at = (en!.history as { at: string }[])[0]!.at;
    expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Helsinki', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' })
        .formatToParts(new Date(at))
        .map((p) => [p.type, p.value]),
    );
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(parts.month) - 1];
    expect(en!.reply).toContain(`${parts.day} ${month} ${parts.year} ${parts.hour!.padStart(2, '0')}:${parts.minute} console:admin reported`);
    expect(fi!.reply).toContain(`${parts.day}.${parts.month}.${parts.year} klo ${Number(parts.hour)}.${parts.minute} console:admin raportoi`);
    for (const r of [en, fi]) expect(r!.reply).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  });
});
