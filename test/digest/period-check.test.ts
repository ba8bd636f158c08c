/**
 * Issue 12 item 8: a digest period that has not started, one before the agreement, or one the
 * year does not have is refused with a clear message (the current week is allowed), in
 * `/digest preview <week>` and `kajaani-bot digest preview|run --period`; `--lang both` gives
 * a chart in both languages. Unit tests with a fixed clock, then the built CLI on the real one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPeriod, isoWeeksIn, periodProblemText } from '../../src/core/digest/period-check.js';
import { weekContaining } from '../../src/core/digest/period.js';
import { cliPlace } from '../helpers/cli.js';

const TZ = 'Europe/Helsinki';
// Wednesday 2 Dec 2026, 10:00 in Helsinki: week 2026-W49.
const NOW = new Date('2026-12-02T08:00:00.000Z');
const problem = (text: string) => {
  const r = checkPeriod(text, TZ, NOW);
  return r.ok ? null : periodProblemText(r.problem, 'en');
};

describe('checkPeriod', () => {
  it('takes past weeks, the first week of the agreement and the current week (so far)', () => {
    for (const week of ['2026-W48', '2021-W01', '2026-W49', '2026w49', '2026-W01']) expect(problem(week), week).toBeNull();
    expect(checkPeriod('2026-W49', TZ, NOW)).toMatchObject({ ok: true, period: { label: '2026-W49', firstDay: '2026-11-30' } });
  });

  it('refuses a week that has not started, naming the current one', () => {
    expect(problem('2026-W50')).toBe('2026-W50 has not started yet. This week is 2026-W49: preview it for the week so far, or give a past week.');
    expect(problem('2031-W01')).toMatch(/has not started yet/);
    // Sunday 23:30 in Helsinki is still W49; Monday 00:00 starts W50.
    expect(checkPeriod('2026-W50', TZ, new Date('2026-12-06T21:30:00.000Z')).ok).toBe(false);
    expect(checkPeriod('2026-W50', TZ, new Date('2026-12-06T22:00:00.000Z')).ok).toBe(true);
  });

  it('refuses a week before the agreement, and says which week digests start from', () => {
    expect(problem('2020-W53')).toBe('2020-W53 is before the agreement period: digests start from 2021-W01.');
    expect(problem('0099-W10')).toMatch(/before the agreement period/);
  });

  it('says how many ISO weeks a year has when the week does not exist', () => {
    expect(isoWeeksIn(2025)).toBe(52);
    expect(isoWeeksIn(2026)).toBe(53);
    expect(problem('2025-W53')).toBe('There is no week 2025-W53: 2025 has 52 ISO weeks (W01–W52).');
    expect(problem('2026-W54')).toBe('There is no week 2026-W54: 2026 has 53 ISO weeks (W01–W53).');
    expect(checkPeriod('2026-W53', TZ, new Date('2027-01-01T12:00:00Z')).ok).toBe(true);
  });

  it('explains a text that is no week at all, in both languages', () => {
    expect(problem('last week')).toBe('"last week" is not a week. Write an ISO week such as 2026-W48.');
    expect(problem('2026-W00')).toMatch(/is not a week/);
    const r = checkPeriod('2025-W53', TZ, NOW);
    expect(r.ok ? '' : periodProblemText(r.problem, 'fi')).toBe('Viikkoa 2025-W53 ei ole: vuodessa 2025 on 52 ISO-viikkoa (W01–W52).');
  });
});

describe('digest periods through the built CLI', () => {
  const place = cliPlace();
  const current = weekContaining(new Date(), TZ);
  const next = weekContaining(new Date(Date.now() + 7 * 86_400_000), TZ);

  it('refuses a future, pre-agreement or missing week with the reason and the usage (exit 2), for preview and run', async () => {
    const cases: [string[], RegExp][] = [
      [['digest', 'preview', '--period', next.label], new RegExp(`--period: ${next.label} has not started yet\\. This week is ${current.label}`)],
      [['digest', 'run', '--period', next.label], /has not started yet/],
      [['digest', 'preview', '--period', '2020-W50'], /--period: 2020-W50 is before the agreement period: digests start from 2021-W01\./],
      [['digest', 'preview', '--period', '2025-W53'], /--period: There is no week 2025-W53: 2025 has 52 ISO weeks/],
    ];
    for (const [args, message] of cases) {
      const r = await place.run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('Usage:');
      expect(r.stdout).toBe('');
    }
  });

  it('previews the current week so far', async () => {
    const r = await place.run(['digest', 'preview', '--period', current.label, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ period: { label: current.label } });
  });

  it('gives --lang both a chart in both languages, with alt text in both, and --chart writes it', async () => {
    const r = await place.run(['digest', 'preview', '--period', '2026-W48', '--lang', 'both', '--json', '--chart', 'both.png']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { text: string; chart: { alt: string; height: number } };
    expect(out.text.startsWith('Viikkokooste')).toBe(true);
    expect(out.chart.alt).toMatch(/^Pylväskaavio tavoitteiden edistymisestä .*\nBar chart of progress per goal /);
    const png = path.join(place.cwd, 'both.png');
    expect(existsSync(png)).toBe(true);
    expect(readFileSync(png).readUInt32BE(20)).toBe(out.chart.height);
    const fi = JSON.parse((await place.run(['digest', 'preview', '--period', '2026-W48', '--lang', 'fi', '--json'])).stdout) as { chart: { height: number } };
    expect(out.chart.height).toBeGreaterThan(fi.chart.height);
  });

  it('refuses the same weeks in /digest preview, in the asker’s language', async () => {
    const [future, missing, fi] = await place.chat('someone', [`/digest preview ${next.label}`, '/digest preview 2025-W53', '/kooste esikatselu 2020-W10']);
    expect(future).toMatchObject({ ok: false, problem: 'future' });
    expect(future!.reply).toContain(`${next.label} has not started yet`);
    expect(missing!.reply).toBe('There is no week 2025-W53: 2025 has 52 ISO weeks (W01–W52).');
    expect(fi).toMatchObject({ ok: false, lang: 'fi' });
    expect(fi!.reply).toBe('Viikko 2020-W10 on ennen sopimuskautta: koosteet alkavat viikosta 2021-W01.');
  });
});
