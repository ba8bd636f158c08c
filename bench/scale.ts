/**
 * Benchmark 4, scale. A store with 100,000 outcomes across 9 years (happened 2021–2029,
 * reported week by week, 5 % verified and 1 % retracted later, all audited), seeded with the
 * store's own helpers. Then, interleaved and against a bare
 * `SELECT goal_id, COUNT(*) FROM outcomes GROUP BY goal_id` on the same database:
 *   - progress for all goals: `/progress` through the core, and `/progress <goal>` (counts,
 *     breakdowns by party and year, latest entries) for each goal (the slowest is reported);
 *   - a full digest for one week: the data (SQL snapshot + composition) and `/digest preview`
 *     through the core (data, text and the PNG chart).
 * Target: under 50 ms each (median).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/main.js';
import { insertOutcomesBulk, retractOutcome, verifyOutcome, type OutcomeFields } from '../src/store/outcomes.js';
import { roundsFigure, type Figure } from './lib/figures.js';
import { botEnv, load1, tempDir } from './lib/env.js';
import { summary } from './lib/stats.js';

export const OUTCOMES = 100_000;
const FIRST_MONDAY = Date.UTC(2021, 0, 4);
const LAST_DAY = Date.UTC(2029, 11, 31);
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const ITERATIONS = 25;
const WARMUP = 3;
/** A week in the middle of the data. */
const PERIOD = '2026-W20';
const USER = 'console:bench-admin';
const NOW = new Date('2026-05-20T09:00:00Z');

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same store. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The digest module, or null while it is not in the tree. */
async function loadDigest() {
  try {
    const [build, periods] = await Promise.all([import('../src/core/digest/build.js'), import('../src/core/digest/period.js')]);
    return { digestFor: build.digestFor, parsePeriod: periods.parsePeriod };
  } catch {
    return null;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function benchScale(): Promise<{ figures: Figure[]; detail: Record<string, unknown> }> {
  const tmp = tempDir('kajaani-bench-scale-');
  const app = createApp(botEnv({ BOT_DB_PATH: path.join(tmp.dir, 'scale.db'), BOT_ADMINS: USER }), { now: () => NOW });
  try {
    const { store } = app.services;
    const kb = app.services.knowledge.current;
    const goals = kb.goals.map((g) => g.id);
    const parties = [...kb.parties.map((p) => p.id), null];
    const random = rng(7);

    // Seed: one bulk insert per week (reported that week), in one outer transaction.
    const t0 = performance.now();
    const weeks = Math.ceil((LAST_DAY - FIRST_MONDAY + DAY) / WEEK);
    const perWeek = OUTCOMES / weeks;
    let id = 0;
    store.db.transaction(() => {
      for (let w = 0; w < weeks; w++) {
        const weekStart = FIRST_MONDAY + w * WEEK;
        const n = Math.round(perWeek * (w + 1)) - Math.round(perWeek * w);
        const rows: OutcomeFields[] = [];
        for (let i = 0; i < n; i++) {
          const title = `Seed outcome ${id + i + 1}`;
          rows.push({
            goalId: goals[Math.floor(random() * goals.length)]!,
            title,
            titleKey: title.toLowerCase(),
            description: null,
            partyId: parties[Math.floor(random() * parties.length)]!,
            happenedOn: iso(Math.min(weekStart + Math.floor(random() * 7) * DAY, LAST_DAY)).slice(0, 10),
            link: null,
            businessId: null,
          });
        }
        const reportedAt = weekStart + 6 * DAY + 20 * 3_600_000; // Sunday evening UTC
        insertOutcomesBulk(store, rows, USER, iso(reportedAt));
        for (let i = 1; i <= n; i++) {
          const oid = id + i;
          if (oid % 20 === 0) verifyOutcome(store, oid, USER, iso(reportedAt + 2 * DAY));
          else if (oid % 100 === 7) retractOutcome(store, oid, 'Reported twice', USER, iso(reportedAt + 3 * DAY));
        }
        id += n;
      }
    })();
    const seedMs = performance.now() - t0;
    const rows = (store.db.prepare('SELECT COUNT(*) AS n FROM outcomes').get() as { n: number }).n;
    const years = store.db.prepare("SELECT MIN(happened_on) AS first, MAX(happened_on) AS last FROM outcomes").get() as { first: string; last: string };

    // The digest is loaded dynamically: the benchmark still runs (and says so) without it.
    const digest = await loadDigest();
    const period = digest?.parsePeriod(PERIOD, app.services.config.BOT_TIMEZONE) ?? null;
    const say = (text: string) => app.bot.handle({ platform: 'console', user: USER, text });
    const cases: Record<string, () => Promise<unknown> | unknown> = {
      baseline: () => store.db.prepare('SELECT goal_id, COUNT(*) FROM outcomes GROUP BY goal_id').all(),
      progressAll: () => say('/progress'),
      ...Object.fromEntries(goals.map((g) => [`progress:${g}`, () => say(`/progress ${g}`)])),
      ...(digest && period
        ? {
            digestData: () => digest.digestFor(store, kb, period),
            digestFull: () => say(`/digest preview ${PERIOD}`),
          }
        : {}),
    };
    // Sanity: the commands answer (not an error reply) before they are timed.
    for (const text of ['/progress', `/progress ${goals[0]}`, ...(digest ? [`/digest preview ${PERIOD}`] : [])]) {
      const r = await say(text);
      if (!r.ok) throw new Error(`${text} failed: ${r.text}`);
    }
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    const l = load1();
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      for (const [name, fn] of Object.entries(cases)) {
        const s = performance.now();
        await fn();
        if (i >= WARMUP) times[name]!.push(performance.now() - s);
      }
    }
    const s = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, summary(v)]));
    // Every iteration timed each case back to back: iteration i is round i of each figure.
    const base = times.baseline!;
    const slowest = goals.reduce((a, b) => (s[`progress:${b}`]!.median > s[`progress:${a}`]!.median ? b : a));
    const target = { kind: 'max', value: 50, text: '< 50 ms' } as const;
    const g = '4 scale';
    return {
      figures: [
        roundsFigure({ group: g, name: `/progress, all goals (${rows.toLocaleString('en')} outcomes)`, unit: 'ms', ours: times.progressAll!, baseline: base, target }),
        roundsFigure({ group: g, name: `/progress <goal>, slowest of ${goals.length} (${slowest})`, unit: 'ms', ours: times[`progress:${slowest}`]!, baseline: base, target }),
        ...(times.digestData && times.digestFull
          ? [
              roundsFigure({ group: g, name: `digest data ${PERIOD} (SQL snapshot + compose)`, unit: 'ms', ours: times.digestData, baseline: base, target }),
              roundsFigure({ group: g, name: `full digest ${PERIOD} (/digest preview + PNG)`, unit: 'ms', ours: times.digestFull, baseline: base, target }),
            ]
          : [roundsFigure({ group: g, name: 'digest: not available (src/core/digest missing)', unit: 'ms', ours: [NaN], baseline: base, target })]),
      ],
      detail: { outcomes: rows, happened: years, weeks, seedMs, period: PERIOD, iterations: ITERATIONS, load: l, loadAfter: load1(), baselineSql: 'SELECT goal_id, COUNT(*) FROM outcomes GROUP BY goal_id', ms: s },
    };
  } finally {
    app.close();
    tmp.remove();
  }
}
