/**
 * Benchmark 1, question answering.
 *   - Latency per question over both eval sets, in process (median, p99), against a plain
 *     fuse.js search over the same knowledge entries (what a naive bot does). Target: p99 < 2 ms.
 *   - One-shot `kajaani-bot ask` wall time (a cold process) and its peak RSS, against a bare
 *     `node -e 0`.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { loadKnowledge } from '../src/core/knowledge/load.js';
import { buildAnswerer } from '../src/core/answer/answerer.js';
import { loadQuestionSet } from '../src/tools/eval-core.js';
import { figure, type Figure } from './lib/figures.js';
import { botEnv, knowledgeDir, root, tempDir } from './lib/env.js';
import { runOnce } from './lib/proc.js';
import { median, summary } from './lib/stats.js';

/** Rounds over the question set. fuse.js is ~100× slower per search, so it gets fewer. */
const OUR_ROUNDS = 10;
const FUSE_ROUNDS = 2;
/** Cold processes per side; interleaved so a load spike hits both. */
const PROCESS_RUNS = 5;

export interface AnswerResult {
  figures: Figure[];
  detail: Record<string, unknown>;
}

export function benchAnswer(): AnswerResult {
  const kb = loadKnowledge(knowledgeDir);
  const answerer = buildAnswerer(kb);
  const questions = [
    ...loadQuestionSet(path.join(root, 'test', 'eval', 'sample-questions.json')),
    ...loadQuestionSet(path.join(root, 'test', 'eval', 'questions.json')),
  ].map((q) => q.q);

  const docs = [
    ...kb.parties.map((p) => ({ id: p.id, text: [p.name.en, p.name.fi, ...p.aliases.en, ...p.aliases.fi].join(' ') })),
    ...kb.goals.map((g) => ({ id: g.id, text: [g.name.en, g.name.fi, ...g.aliases.en, ...g.aliases.fi].join(' ') })),
    ...[...kb.agreement.facts, ...kb.faq].map((f) => ({ id: f.id, text: [...f.questions.en, ...f.questions.fi].join(' ') })),
  ];
  const fuse = new Fuse(docs, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
  const ours = (q: string) => answerer.answer(q, { lang: answerer.detectLanguage(q, 'en'), hooks: {} });
  const base = (q: string) => fuse.search(q, { limit: 3 });

  // Warm-up (JIT, caches), then both measured question by question, interleaved.
  for (const q of questions) {
    ours(q);
    base(q);
  }
  const oursMs: number[] = [];
  const baseMs: number[] = [];
  for (let r = 0; r < OUR_ROUNDS; r++) {
    for (const q of questions) {
      let t0 = performance.now();
      ours(q);
      oursMs.push(performance.now() - t0);
      if (r < FUSE_ROUNDS) {
        t0 = performance.now();
        base(q);
        baseMs.push(performance.now() - t0);
      }
    }
  }
  const o = summary(oursMs);
  const b = summary(baseMs);

  // Cold processes: the built CLI against bare Node, alternating.
  const tmp = tempDir('kajaani-bench-ask-');
  const cli = path.join(root, 'dist', 'cli.js');
  const env = botEnv({ BOT_DB_PATH: path.join(tmp.dir, 'bench.db') });
  const askRuns: { ms: number; rssKb: number | null }[] = [];
  const bareRuns: { ms: number; rssKb: number | null }[] = [];
  try {
    runOnce(process.execPath, [cli, 'ask', 'Who are the parties?'], { env, cwd: tmp.dir }); // creates the database once
    for (let i = 0; i < PROCESS_RUNS; i++) {
      bareRuns.push(runOnce(process.execPath, ['-e', '0'], { env, cwd: tmp.dir }));
      askRuns.push(runOnce(process.execPath, [cli, 'ask', 'How many new companies is the goal?'], { env, cwd: tmp.dir }));
    }
  } finally {
    tmp.remove();
  }
  const askMs = median(askRuns.map((r) => r.ms));
  const bareMs = median(bareRuns.map((r) => r.ms));
  const maxKb = (runs: { rssKb: number | null }[]) => (runs.some((r) => r.rssKb === null) ? null : Math.max(...runs.map((r) => r.rssKb!)) / 1024);

  const g = '1 answer';
  return {
    figures: [
      figure({ group: g, name: 'answer latency median (in process)', unit: 'ms', ours: o.median, baseline: b.median }),
      figure({ group: g, name: 'answer latency p99 (in process)', unit: 'ms', ours: o.p99, baseline: b.p99, target: { kind: 'max', value: 2, text: 'p99 < 2 ms' } }),
      figure({ group: g, name: 'one-shot `ask` wall (cold process)', unit: 'ms', ours: askMs, baseline: bareMs }),
      figure({ group: g, name: 'one-shot `ask` peak RSS', unit: 'MB', ours: maxKb(askRuns), baseline: maxKb(bareRuns) }),
    ],
    detail: {
      questions: questions.length,
      baselines: 'fuse.js search (limit 3) over the same entries; bare `node -e 0`',
      inProcessMs: { ours: o, fuse: b },
      oneShotAskMs: { runs: askRuns.map((r) => r.ms), bareNodeRuns: bareRuns.map((r) => r.ms) },
      cpus: os.cpus().length,
    },
  };
}
