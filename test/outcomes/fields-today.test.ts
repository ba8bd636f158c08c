import { describe, expect, it } from 'vitest';
import { validateFields } from '../../src/core/outcomes/fields.js';
import { todayIn } from '../../src/core/outcomes/dates.js';
import { rate } from '../../src/core/outcomes/progress.js';
import { openStore } from '../../src/store/store.js';
import { stmt } from '../../src/store/statements.js';

describe('validateFields with schemas built once', () => {
  it('checks a future date against the today passed in, not one captured earlier', () => {
    expect(validateFields({ goal: 'g', title: 'Acme Oy', date: '2026-06-16' }, '2026-06-15').ok).toBe(false);
    expect(validateFields({ goal: 'g', title: 'Acme Oy', date: '2026-06-16' }, '2026-06-16').ok).toBe(true);
    expect(validateFields({ goal: 'g', title: 'Acme Oy', date: ' 2026-06-16 ' }, '2026-06-15')).toEqual({
      ok: false,
      problems: [{ field: 'date', code: 'date.future', value: '2026-06-16' }],
    });
  });

  it('keeps the schema order of problems around a future date (fields, then unknown keys)', () => {
    const r = validateFields({ goal: 'g', title: 'x', date: '2027-01-01', link: 'ftp://x', bogus: '1' }, '2026-06-15');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => `${p.field}:${p.code}`)).toEqual(['title:title.length', 'date:date.future', 'link:link.invalid', 'bogus:unknown-field']);
    const onlyUnknown = validateFields({ goal: 'g', title: 'Acme Oy', date: '2027-01-01', bogus: '1' }, '2026-06-15', true);
    if (!onlyUnknown.ok) expect(onlyUnknown.problems.map((p) => p.code)).toEqual(['date.future', 'unknown-field']);
    else expect.unreachable();
  });

  it('reports an invalid or early date, never as future', () => {
    const r = validateFields({ goal: 'g', title: 'Acme Oy', date: '2099-02-30' }, '2026-06-15');
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['date.invalid']);
  });
});

describe('cached formatters', () => {
  it('todayIn gives each time zone its own date', () => {
    const now = new Date('2026-06-15T22:30:00Z');
    expect(todayIn('Europe/Helsinki', now)).toBe('2026-06-16');
    expect(todayIn('UTC', now)).toBe('2026-06-15');
    expect(todayIn('Europe/Helsinki', now)).toBe('2026-06-16');
    expect(() => todayIn('Not/AZone', now)).toThrow();
  });

  it('todayIn turns the date at local midnight, back and forth, although it remembers the last minute', () => {
    // Helsinki is UTC+2 in winter: midnight is 22:00 UTC.
    const before = new Date('2026-01-14T21:59:59.999Z');
    const after = new Date('2026-01-14T22:00:00.000Z');
    expect(todayIn('Europe/Helsinki', before)).toBe('2026-01-14');
    expect(todayIn('Europe/Helsinki', new Date('2026-01-14T21:59:00.000Z'))).toBe('2026-01-14');
    expect(todayIn('Europe/Helsinki', after)).toBe('2026-01-15');
    expect(todayIn('Europe/Helsinki', before)).toBe('2026-01-14');
    expect(todayIn('Europe/Helsinki', new Date('2026-01-14T22:00:59.999Z'))).toBe('2026-01-15');
  });

  it('rate formats as toLocaleString did', () => {
    for (const n of [0, 1, 1.25, 0.333333, 1234.5]) {
      expect(rate(n, 'fi')).toBe(n.toLocaleString('fi-FI', { maximumFractionDigits: 2, minimumFractionDigits: 1 }));
      expect(rate(n, 'en')).toBe(n.toLocaleString('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 1 }));
    }
  });
});

describe('stmt', () => {
  it('prepares a statement once per connection', () => {
    const a = openStore(':memory:');
    const b = openStore(':memory:');
    try {
      expect(stmt(a, 'SELECT 1')).toBe(stmt(a, 'SELECT 1'));
      expect(stmt(a, 'SELECT 1')).not.toBe(stmt(b, 'SELECT 1'));
      expect(stmt(a, 'SELECT 2 AS n').get()).toEqual({ n: 2 });
    } finally {
      a.close();
      b.close();
    }
  });
});
