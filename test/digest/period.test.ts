/** ISO-week periods in Europe/Helsinki and the schedule's run times across DST changes. */
import { describe, expect, it } from 'vitest';
import { localMidnightUtc, parsePeriod, previousWeek, weekContaining } from '../../src/core/digest/period.js';
import { latestDigestRun, nextDigestRuns } from '../../src/delivery/scheduler.js';
import { DEFAULT_DIGEST_CRON, loadDigestConfig } from '../../src/delivery/config.js';

const TZ = 'Europe/Helsinki';
const hours = (p: { startUtc: string; endUtc: string }) => (Date.parse(p.endUtc) - Date.parse(p.startUtc)) / 3_600_000;

describe('digest periods', () => {
  it('is Monday 00:00 to Sunday 24:00 local time, as UTC bounds', () => {
    const p = parsePeriod('2026-W48', TZ)!;
    expect(p).toMatchObject({ label: '2026-W48', firstDay: '2026-11-23', lastDay: '2026-11-29', startUtc: '2026-11-22T22:00:00.000Z', endUtc: '2026-11-29T22:00:00.000Z' });
    expect(hours(p)).toBe(168);
  });

  it('is 167 hours long in the week clocks go forward (29 March 2026) and 169 in the week they go back (25 October 2026)', () => {
    const march = parsePeriod('2026-W13', TZ)!;
    expect(march).toMatchObject({ firstDay: '2026-03-23', startUtc: '2026-03-22T22:00:00.000Z', endUtc: '2026-03-29T21:00:00.000Z' });
    expect(hours(march)).toBe(167);
    const october = parsePeriod('2026-W43', TZ)!;
    expect(october).toMatchObject({ firstDay: '2026-10-19', startUtc: '2026-10-18T21:00:00.000Z', endUtc: '2026-10-25T22:00:00.000Z' });
    expect(hours(october)).toBe(169);
  });

  it('takes the previous ISO week of a Monday morning, across a year boundary', () => {
    // Monday 4 Jan 2027 09:00 Helsinki: the previous week is 2026-W53 (28 Dec – 3 Jan).
    const p = previousWeek(new Date('2027-01-04T07:00:00Z'), TZ);
    expect(p).toMatchObject({ label: '2026-W53', firstDay: '2026-12-28', lastDay: '2027-01-03' });
    // Sunday 23:30 local is still in its own week; Monday 00:30 local is the next one.
    expect(weekContaining(new Date('2026-11-29T21:30:00Z'), TZ).label).toBe('2026-W48');
    expect(weekContaining(new Date('2026-11-29T22:30:00Z'), TZ).label).toBe('2026-W49');
  });

  it('rejects weeks that do not exist', () => {
    expect(parsePeriod('2025-W53', TZ)).toBeNull();
    expect(parsePeriod('2026-W00', TZ)).toBeNull();
    expect(parsePeriod('last week', TZ)).toBeNull();
    expect(parsePeriod('2026W05', TZ)?.label).toBe('2026-W05');
  });

  it('finds local midnight in UTC on both sides of a change', () => {
    expect(localMidnightUtc('2026-03-29', TZ).toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(localMidnightUtc('2026-03-30', TZ).toISOString()).toBe('2026-03-29T21:00:00.000Z');
    expect(localMidnightUtc('2026-10-25', TZ).toISOString()).toBe('2026-10-24T21:00:00.000Z');
    expect(localMidnightUtc('2026-10-26', TZ).toISOString()).toBe('2026-10-25T22:00:00.000Z');
  });
});

describe('digest schedule', () => {
  it('runs Mondays at 09:00 Helsinki by default: 07:00Z in winter, 06:00Z in summer (March change)', () => {
    const runs = nextDigestRuns(DEFAULT_DIGEST_CRON, TZ, new Date('2026-03-16T12:00:00Z'), 3).map((d) => d.toISOString());
    expect(runs).toEqual(['2026-03-23T07:00:00.000Z', '2026-03-30T06:00:00.000Z', '2026-04-06T06:00:00.000Z']);
  });

  it('moves back to 07:00Z after the October change', () => {
    const runs = nextDigestRuns(DEFAULT_DIGEST_CRON, TZ, new Date('2026-10-12T12:00:00Z'), 3).map((d) => d.toISOString());
    expect(runs).toEqual(['2026-10-19T06:00:00.000Z', '2026-10-26T07:00:00.000Z', '2026-11-02T07:00:00.000Z']);
  });

  it('knows the latest run at or before a moment (for catching up after downtime)', () => {
    expect(latestDigestRun(DEFAULT_DIGEST_CRON, TZ, new Date('2026-03-30T06:00:00Z'))?.toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(latestDigestRun(DEFAULT_DIGEST_CRON, TZ, new Date('2026-03-30T05:59:59Z'))?.toISOString()).toBe('2026-03-23T07:00:00.000Z');
  });

  it('reads DIGEST_* settings and names a bad variable', () => {
    const c = loadDigestConfig({ DIGEST_SLACK_CHANNELS: 'C0123ABC, C0456DEF=fi', DIGEST_DISCORD_CHANNELS: '123456789012=both', DIGEST_SKIP_QUIET: 'true' });
    expect(c.DIGEST_CRON).toBe('0 9 * * 1');
    expect(c.DIGEST_SLACK_CHANNELS).toEqual([{ channelId: 'C0123ABC', lang: null }, { channelId: 'C0456DEF', lang: 'fi' }]);
    expect(c.DIGEST_DISCORD_CHANNELS).toEqual([{ channelId: '123456789012', lang: 'both' }]);
    expect(c.DIGEST_SKIP_QUIET).toBe(true);
    expect(() => loadDigestConfig({ DIGEST_CRON: 'every monday' })).toThrow(/DIGEST_CRON: must be a cron pattern/);
    expect(() => loadDigestConfig({ DIGEST_DISCORD_CHANNELS: '#general' })).toThrow(/DIGEST_DISCORD_CHANNELS/);
  });
});
