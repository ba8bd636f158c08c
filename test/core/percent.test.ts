/**
 * Issue 12 item 7: percentages round to nearest and never show 100 % (or a full bar) before
 * the target is met — one function for the headline, the text bar and the digest chart; then
 * the console contract (built CLI) for /progress and a question.
 */
import { describe, expect, it } from 'vitest';
import { filledUnits, percentOf } from '../../src/core/percent.js';
import { progressBar, progressLine } from '../../src/core/reply.js';
import { cliPlace } from '../helpers/cli.js';

describe('percentOf and filledUnits', () => {
  it.each([
    [10, 15, 67],
    [13, 15, 87],
    [14, 15, 93],
    [14.9, 15, 99],
    [20, 21, 95],
    [0, 15, 0],
    [15, 15, 100],
    [18, 15, 120],
    [2, 2, 100],
  ])('%d of %d is %d %%', (count, needed, percent) => {
    expect(percentOf(count, needed)).toBe(percent);
  });

  it('never fills the bar before the target is met', () => {
    expect(filledUnits(20, 21, 10)).toBe(9);
    expect(filledUnits(14.9, 15, 10)).toBe(9);
    expect(filledUnits(575.9, 576, 576)).toBe(575);
    expect(filledUnits(15, 15, 10)).toBe(10);
    expect(filledUnits(30, 15, 10)).toBe(10);
    expect(filledUnits(10, 15, 10)).toBe(7);
    // "more than 20" at 20: needed is 21, so the bar is not full.
    expect(progressLine({ goalId: 'service-products', label: 'x', count: 20, target: 20, comparator: 'more-than', needed: 21, met: false })).toBe(`x: ${progressBar(20, 21)} 20 / >20`);
    expect(progressBar(20, 21)).toBe('█████████░');
  });
});

describe('percentages through the console', () => {
  const place = cliPlace();

  it('shows 10 of 15 as 67 % and 20 of more than 20 as 95 %, with bars that are not full', async () => {
    const reports = [
      ...Array.from({ length: 10 }, (_, i) => `/report companies "Percent Company ${i} Oy" party=KAMK date=2025-01-02`),
      ...Array.from({ length: 20 }, (_, i) => `/report service-products "Percent Service ${i}" party=CSC date=2025-01-02`),
    ];
    const out = await place.chat('admin', [...reports, '/progress companies', '/progress service products', 'how many companies so far?', '/progress']);
    expect(out.slice(0, 30).every((o) => o.ok)).toBe(true);
    const [companies, services, question, all] = out.slice(30).map((o) => o.reply);
    expect(companies).toMatch(/^New companies: 10 of 15 so far \(67%\); 5 to go\./);
    expect(services).toMatch(/^New service products: 20 of more than 20 so far \(95%\); 1 to go\./);
    expect(services).not.toContain('100%');
    expect(question).toContain('10 of 15 so far (67%)');
    expect(all).toContain('new companies: ███████░░░ 10 / 15');
    expect(all).toContain('new service products: █████████░ 20 / >20');
  });
});
