/**
 * Benchmark 3, durable writes. `/report` through the core (bot.handle: parsing, role check,
 * validation, goal/party resolution, duplicate check, insert, audit row, the new progress
 * lines) against a plain better-sqlite3 INSERT of the same row into the same schema with
 * the same pragmas (openStore: WAL, synchronous=FULL). One transaction per report on both
 * sides, so both pay one WAL fsync each. Both databases sit in one temp folder on the same
 * disk. The sides alternate in batches (one batch of each per round, the order turning each
 * round); the figure is the median of the per-round ratios. Target: at least 0.5× the plain
 * insert's rate.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/main.js';
import { openStore } from '../src/store/store.js';
import { roundsFigure, type Figure } from './lib/figures.js';
import { botEnv, load1, tempDir } from './lib/env.js';
import { interleave } from './lib/rounds.js';

/** Paired rounds (one batch per side each); 100 reports a batch outlast a load spike's blip. */
const ROUNDS = 7;
const PER_BATCH = 100;
const WARMUP = 20;
const USER = 'console:bench-admin';
/** A fixed clock (mid-2026) so the default date is inside the agreement period. */
const NOW = new Date('2026-06-15T09:00:00Z');

export async function benchDurableWrites(): Promise<{ figures: Figure[]; detail: Record<string, unknown> }> {
  const tmp = tempDir('kajaani-bench-writes-');
  const app = createApp(botEnv({ BOT_DB_PATH: path.join(tmp.dir, 'core.db'), BOT_ADMINS: USER }), { now: () => NOW });
  const plain = openStore(path.join(tmp.dir, 'plain.db'));
  try {
    const insert = plain.db.prepare(
      `INSERT INTO outcomes (goal_id, title, title_key, description, party_id, happened_on, link, business_id, reported_by, reported_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const plainOne = plain.db.transaction((n: number) => {
      const at = new Date().toISOString();
      insert.run('companies', `Bench Oy ${n}`, `bench oy ${n}`, null, 'KAMK', '2024-05-01', null, null, USER, at, at);
    });
    let seq = 0;
    const coreOne = async () => {
      const n = ++seq;
      const r = await app.bot.handle({ platform: 'console', user: USER, text: `/report companies "Bench Oy ${n}" party=KAMK date=2024-05-01` });
      if (!r.ok) throw new Error(`/report was refused: ${r.text}`);
    };
    let plainSeq = 0;
    for (let i = 0; i < WARMUP; i++) {
      await coreOne();
      plainOne(++plainSeq);
    }
    const l = load1();
    // CPU time per report beside the wall time: the fsync wait is the disk's, the CPU is ours.
    const cpu: Record<'core' | 'plain', number[]> = { core: [], plain: [] };
    const rates = await interleave(['core', 'plain'] as const, ROUNDS, async (side) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < PER_BATCH; i++) {
        if (side === 'core') await coreOne();
        else plainOne(++plainSeq);
      }
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      cpu[side].push((c.user + c.system) / 1000 / PER_BATCH);
      return PER_BATCH / (ms / 1000);
    });
    const perReport = (xs: number[]) => xs.map((r) => 1000 / r);
    return {
      figures: [
        roundsFigure({ group: '3 writes', name: '/report through the core (1 txn each)', unit: 'rep/s', ours: rates.core, baseline: rates.plain, target: { kind: 'min-ratio', value: 0.5, text: '≥ 0.5× plain insert' } }),
        roundsFigure({ group: '3 writes', name: '/report time per report', unit: 'ms', ours: perReport(rates.core), baseline: perReport(rates.plain) }),
        roundsFigure({ group: '3 writes', name: '/report CPU per report (fsync wait excluded)', unit: 'ms', ours: cpu.core, baseline: cpu.plain }),
      ],
      detail: { rounds: ROUNDS, perBatch: PER_BATCH, load: l, loadAfter: load1(), coreRates: rates.core, plainRates: rates.plain, pragmas: 'journal_mode=WAL, synchronous=FULL, foreign_keys=ON' },
    };
  } finally {
    app.close();
    plain.close();
    tmp.remove();
  }
}
