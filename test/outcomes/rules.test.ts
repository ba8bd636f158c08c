import { describe, expect, it } from 'vitest';
import { businessIdCheckDigit, isValidBusinessId } from '../../src/core/outcomes/business-id.js';
import { neededFor, progressFigures } from '../../src/core/outcomes/progress.js';
import { csvCell, toCsv } from '../../src/core/outcomes/csv.js';
import { isRealDate, todayIn } from '../../src/core/outcomes/dates.js';
import { titleKey } from '../../src/core/outcomes/normalise.js';
import type { Goal } from '../../src/core/knowledge/schema.js';

const goal = (target: number | null, comparator: Goal['comparator']): Goal => ({
  id: 'g',
  name: { en: 'things', fi: 'asiat' },
  aliases: { en: [], fi: [] },
  kind: target === null ? 'qualitative' : 'quantitative',
  target,
  comparator,
  period: { from: 2021, to: 2029 },
  description: { en: 'd', fi: 'd' },
  sources: ['s'],
});

describe('Business ID check digit', () => {
  it('accepts real ids and rejects a wrong check digit', () => {
    expect(isValidBusinessId('0112038-9')).toBe(true); // Nokia Oyj
    expect(isValidBusinessId('0112038-8')).toBe(false);
    expect(isValidBusinessId('112038-9')).toBe(true); // old six-digit form gets its leading zero
    expect(isValidBusinessId('01120389')).toBe(false);
  });
  it('uses weights 7,9,10,5,8,4,2: remainder 0 → 0, remainder 1 → invalid, else 11 − remainder', () => {
    expect(businessIdCheckDigit('0000000')).toBe(0);
    // 1·7 + 0… = 7 → remainder 7 → check 4
    expect(businessIdCheckDigit('1000000')).toBe(4);
    // 0000003 → 3·2 = 6 → 5; 0000006 → 12 → remainder 1 → no valid id
    expect(businessIdCheckDigit('0000003')).toBe(5);
    expect(businessIdCheckDigit('0000006')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidBusinessId(`0000006-${d}`)).toBe(false);
  });
});

describe('progress arithmetic', () => {
  it('"more than 20" is met at 21, "at least 2" at 2, "exactly 15" at 15', () => {
    expect(neededFor(20, 'more-than')).toBe(21);
    expect(progressFigures(goal(20, 'more-than'), 20, '2025-01-01', 'en').row.met).toBe(false);
    expect(progressFigures(goal(20, 'more-than'), 21, '2025-01-01', 'en').row.met).toBe(true);
    expect(progressFigures(goal(2, 'at-least'), 2, '2025-01-01', 'en').row.met).toBe(true);
    expect(progressFigures(goal(15, 'exactly'), 14, '2025-01-01', 'en').remaining).toBe(1);
  });
  it('gives percentage, remaining and the pace needed by 31 Dec 2029 against the pace so far', () => {
    // 2021-01-01 → 2025-01-01 is 48 months; 2025-01-01 → 2030-01-01 is 60 months.
    const f = progressFigures(goal(15, 'exactly'), 3, '2025-01-01', 'en');
    expect(f.percent).toBe(20);
    expect(f.remaining).toBe(12);
    expect(f.pacePerMonth).toBeCloseTo(3 / 48, 6);
    expect(f.neededPerMonth).toBeCloseTo(12 / 60, 6);
    expect(progressFigures(goal(15, 'exactly'), 3, '2030-02-01', 'en').neededPerMonth).toBeNull();
  });
  it('has no target or percentage for a qualitative goal', () => {
    const f = progressFigures(goal(null, null), 4, '2025-01-01', 'fi');
    expect(f.row).toMatchObject({ count: 4, target: null, needed: null, met: false, label: 'asiat' });
    expect(f.percent).toBeNull();
  });
});

describe('dates and titles', () => {
  it('knows real dates and today in a time zone', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2024-2-1')).toBe(false);
    expect(todayIn('Europe/Helsinki', new Date('2024-12-31T22:30:00Z'))).toBe('2025-01-01');
  });
  it('normalises titles for duplicate detection only', () => {
    expect(titleKey('  ACME  Oy. ')).toBe(titleKey('acme oy'));
  });
});

describe('CSV export', () => {
  it('quotes per RFC 4180 and neutralises formula injection', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const s of ['+1', '-1', '@SUM(A1)']) expect(csvCell(s)).toBe(`'${s}`);
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });
  it('starts with a UTF-8 BOM and ends rows with CRLF', () => {
    const buf = toCsv(['a', 'b'], [['ä', 'ö']]);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.toString('utf8')).toBe('\uFEFFa,b\r\nä,ö\r\n');
  });
});
