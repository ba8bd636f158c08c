/**
 * The digest's content for a seeded store: golden texts in English and Finnish, the period's
 * exact bounds, a quiet week, the length cap, and the chart (valid, deterministic PNG).
 * Regenerate the golden files with UPDATE_GOLDEN=1 after an intended change, and look at
 * test/golden/digest-chart.png.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/store.js';
import { insertOutcome } from '../../src/store/outcomes.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import type { KnowledgeBase } from '../../src/core/knowledge/schema.js';
import { digestFor, renderFor } from '../../src/core/digest/build.js';
import { parsePeriod, type DigestPeriod } from '../../src/core/digest/period.js';
import { renderDigest } from '../../src/core/digest/render.js';
import { replyToPlainText } from '../../src/core/reply.js';
import { fields } from '../helpers/store.js';
import { tempDbPath } from '../helpers/temp.js';
import { SEED_PERIOD, seedStore } from './seed.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const goldenDir = path.join(root, 'test', 'golden');
const TZ = 'Europe/Helsinki';

/** Compares with a golden file, or writes it when UPDATE_GOLDEN=1 (or it does not exist yet). */
function golden(name: string, actual: string | Buffer): void {
  const file = path.join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file);
  expect(typeof actual === 'string' ? actual : actual.toString('base64')).toBe(typeof actual === 'string' ? expected.toString('utf8') : expected.toString('base64'));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

let kb: KnowledgeBase;
let store: Store;
let period: DigestPeriod;

beforeAll(() => {
  kb = loadKnowledge(path.join(root, 'knowledge'));
  store = openStore(tempDbPath());
  seedStore(store);
  period = parsePeriod(SEED_PERIOD, TZ)!;
  return () => store.close();
});

describe('digest content', () => {
  it('matches the golden English and Finnish texts for the seeded week', () => {
    const d = digestFor(store, kb, period);
    golden('digest-2026-W48.en.txt', `${renderFor(kb, d, 'en').text}\n`);
    golden('digest-2026-W48.fi.txt', `${renderFor(kb, d, 'fi').text}\n`);
  });

  it('counts what was reported between local Monday 00:00 and Sunday 24:00, net of retractions', () => {
    const d = digestFor(store, kb, period);
    const companies = d.goals.find((g) => g.goalId === 'companies')!;
    // 4 before (one of them retracted in the week) + 2 new in the week; "Next week Oy" is out.
    expect(companies).toMatchObject({ count: 5, change: 1, added: 2, target: 15, needed: 15, met: false });
    expect(d.goals.find((g) => g.goalId === 'service-products')).toMatchObject({ count: 11, change: 1, added: 1, needed: 21 });
    expect(d.goals.find((g) => g.goalId === 'data-centre-operators')).toMatchObject({ count: 2, met: true, onTrack: true });
    expect(d.goals.find((g) => g.goalId === 'sports-data-pool')).toMatchObject({ kind: 'qualitative', added: 1, onTrack: null });
    expect(d.added.total).toBe(5);
    expect(d.added.items.map((i) => i.title)).toContain('Late Sunday service');
    expect(d.added.items.map((i) => i.title)).not.toContain('Next week Oy');
    expect(d.verified.items.map((i) => i.title)).toEqual(['Kajaani Analytics Oy']);
    expect(d.retracted.items).toMatchObject([{ title: 'Kajaani Analytics Ltd', reason: 'duplicate of #1' }]);
    expect(d.activity).toEqual([
      { partyId: 'CSC', reported: 2 },
      { partyId: 'JYU-Vuokatti', reported: 1 },
      { partyId: 'KAMK', reported: 1 },
      { partyId: 'VTT-MIKES', reported: 1 },
    ]);
  });

  it('gives a quiet week a two-line digest', () => {
    const quiet = digestFor(store, kb, parsePeriod('2026-W40', TZ)!);
    expect(quiet.quiet).toBe(true);
    for (const lang of ['en', 'fi'] as const) {
      const text = replyToPlainText(renderDigest(kb, quiet, lang));
      expect(text.split('\n').filter((l) => l.trim() !== '')).toHaveLength(2);
    }
    expect(replyToPlainText(renderDigest(kb, quiet, 'en'))).toBe(
      'Weekly digest: week 40/2026 (28 Sep–4 Oct 2026)\n\nA quiet week: nothing was reported, verified or retracted. Where things stand: /progress',
    );
  });

  it('writes both languages for "both", Finnish first', () => {
    const text = renderFor(kb, digestFor(store, kb, period), 'both').text;
    expect(text.indexOf('Viikkokooste')).toBe(0);
    expect(text).toContain('Weekly digest: week 48/2026');
  });

  it('caps long weeks with "…and N more" and the command for the full list, within the length limit', () => {
    const busy = openStore(tempDbPath());
    try {
      for (let i = 0; i < 60; i++) {
        insertOutcome(busy, fields({ title: `Busy week company ${i} with a fairly long descriptive name Oy`, link: `https://example.org/evidence/${i}` }), 'slack:U1', `2026-11-24T0${i % 10}:00:00.000Z`, true);
      }
      const d = digestFor(busy, kb, period);
      expect(d.added.total).toBe(60);
      for (const lang of ['en', 'fi'] as const) {
        const text = replyToPlainText(renderDigest(kb, d, lang));
        expect(text.length).toBeLessThanOrEqual(2800);
        const shown = text.split('\n').filter((l) => l.includes('Busy week company')).length;
        expect(shown).toBeGreaterThan(0);
        expect(shown).toBeLessThanOrEqual(10);
        expect(text).toContain(lang === 'en' ? `…and ${60 - shown} more: /outcomes` : `…ja ${60 - shown} muuta: /outcomes`);
      }
      const tight = replyToPlainText(renderDigest(kb, d, 'en', { maxAdded: 10, maxChanged: 5, maxChars: 1500 }));
      expect(tight.length).toBeLessThanOrEqual(1500);
    } finally {
      busy.close();
    }
  });
});

describe('digest chart', () => {
  it('hands each caller its own PNG Buffer (a repeat render is cached, never shared)', () => {
    const d = digestFor(store, kb, period);
    const a = renderFor(kb, d, 'en').chart;
    const expected = Buffer.from(a.png);
    a.png.fill(0);
    const b = renderFor(kb, d, 'en').chart;
    expect(b.png.equals(expected)).toBe(true);
    expect(b.png).not.toBe(a.png);
    const fi = renderFor(kb, d, 'fi').chart;
    expect(fi.svg).not.toBe(b.svg);
    expect(fi.png.equals(b.png)).toBe(false);
  });

  it('renders a valid PNG of the expected size, the same bytes every time, with alt text', () => {
    const d = digestFor(store, kb, period);
    const a = renderFor(kb, d, 'en').chart;
    const b = renderFor(kb, d, 'en').chart;
    expect(pngSize(a.png)).toEqual({ width: 800, height: a.height });
    expect(a.height).toBe(96 + 4 * 62 + 40);
    expect(a.png.equals(b.png)).toBe(true);
    expect(a.alt).toContain('New companies 5 of 15 (change +1)');
    expect(a.filename).toBe('digest-2026-W48.png');
    golden('digest-chart.svg', `${a.svg}\n`);
    // The sample a person looks at (and the closing note cites); rewritten with UPDATE_GOLDEN=1.
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path.join(goldenDir, 'digest-chart.png'))) writeFileSync(path.join(goldenDir, 'digest-chart.png'), a.png);
    expect(pngSize(readFileSync(path.join(goldenDir, 'digest-chart.png')))).toEqual({ width: 800, height: a.height });
  });

  it('draws one bilingual chart for "both": every label, status and legend in Finnish then English, the numbers once, alt text in both', () => {
    const d = digestFor(store, kb, period);
    const both = renderFor(kb, d, 'both').chart;
    const fi = renderFor(kb, d, 'fi').chart;
    const en = renderFor(kb, d, 'en').chart;
    // Header, each row and the legend grow by one line per extra language.
    expect(both.height).toBe(96 + 18 + 4 * (62 + 18 + 16) + 40 + 18);
    expect(pngSize(both.png)).toEqual({ width: 800, height: both.height });
    expect(both.svg).toContain('Edistyminen tavoitteittain / Progress per goal');
    for (const text of ['Viikkokooste: viikko 48/2026', 'Weekly digest: week 48/2026', 'Uudet yritykset', 'New companies', 'tahti ei riitä', 'behind pace', 'saavutettu', 'target met', 'vaaleampi osa', 'lighter part']) {
      expect(both.svg, text).toContain(text);
    }
    // Each Finnish line comes before its English one.
    expect(both.svg.indexOf('Uudet yritykset')).toBeLessThan(both.svg.indexOf('New companies'));
    // The numbers once, without words: "more than 20" is "> 20", "at least 2" is "≥ 2".
    expect(both.svg).toContain('11 / &gt; 20 (+1)');
    expect(both.svg).toContain('2 / ≥ 2');
    expect(both.alt).toBe(`${fi.alt}\n${en.alt}`);
    // Within Slack's alt text limit, so neither language is cut.
    expect(both.alt.length).toBeLessThanOrEqual(1000);
    golden('digest-chart.both.svg', `${both.svg}\n`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path.join(goldenDir, 'digest-chart.both.png'))) writeFileSync(path.join(goldenDir, 'digest-chart.both.png'), both.png);
    expect(pngSize(readFileSync(path.join(goldenDir, 'digest-chart.both.png')))).toEqual({ width: 800, height: both.height });
  });

  it('escapes text in the SVG and keeps Finnish letters', () => {
    const d = digestFor(store, kb, period);
    const fi = renderFor(kb, d, 'fi').chart;
    expect(fi.svg).toContain('Uudet datakeskustoimijat Kajaanin Renforsin rannalla');
    expect(fi.svg).toContain('vähintään 2');
    expect(fi.alt.startsWith('Pylväskaavio')).toBe(true);
    expect(fi.svg).not.toMatch(/<text[^>]*>[^<]*&(?!amp;|lt;|gt;|quot;|apos;)/);
  });
});

// Speed targets live in `npm run bench`; this checks the digest is right at that scale.
describe('digest at scale', () => {
  it('counts a week correctly inside a store of 100,000 outcomes', () => {
    const big = openStore(tempDbPath());
    try {
      const insert = big.db.prepare(
        `INSERT INTO outcomes (goal_id, title, title_key, party_id, happened_on, reported_by, reported_at, status, updated_at)
         VALUES (?, ?, ?, ?, ?, 'slack:U1', ?, ?, ?)`,
      );
      const goals = ['companies', 'technologies', 'service-products', 'data-centre-operators', 'olympic-data-strategy'];
      const parties = ['KAMK', 'CSC', 'JYU', 'VTT-MIKES', null];
      big.db.transaction(() => {
        for (let i = 0; i < 100_000; i++) {
          const at = new Date(Date.parse('2022-01-01T00:00:00Z') + i * 15 * 60_000).toISOString();
          insert.run(goals[i % 5], `Outcome ${i}`, `outcome ${i}`, parties[i % 5], at.slice(0, 10), at, 'reported', at);
        }
      })();
      const p = parsePeriod('2024-W40', TZ)!;
      const d = digestFor(big, kb, p);
      expect(d.added.total).toBe(672); // one every 15 minutes for a week
    } finally {
      big.close();
    }
  });
});
