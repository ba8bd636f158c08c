/**
 * `npm run bench`: speed and memory, each figure next to a baseline measured in the same
 * run (so the ratios mean something on any machine). Not a test: it never fails a build.
 *   1. Answer latency per question over the eval sets, in process (median, p99), against a
 *      plain fuse.js search over the same knowledge entries (the naive approach).
 *   2. One-shot `kajaani-bot ask` wall time (cold process) against a bare `node -e 0`.
 *   3. Peak RSS of the one-shot process against the bare Node process.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { packageRoot } from '../config.js';
import { loadKnowledge } from '../core/knowledge/load.js';
import { buildAnswerer } from '../core/answer/answerer.js';
import { loadQuestionSet } from './eval-core.js';

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function timeEach(questions: string[], rounds: number, fn: (q: string) => unknown): { median: number; p99: number } {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t0 = performance.now();
      fn(q);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

/** Runs a command `n` times; median wall ms and max RSS (KB, from /usr/bin/time when present). */
function wall(cmd: string, args: string[], n: number, env: NodeJS.ProcessEnv): { median: number; rssKb: number | null } {
  const times: number[] = [];
  let rss: number | null = null;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { env, encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.error) {
      // No /usr/bin/time: time the command alone.
      const t1 = performance.now();
      spawnSync(cmd, args, { env });
      times[times.length - 1] = performance.now() - t1;
      continue;
    }
    const kb = Number(r.stderr.trim().split('\n').pop());
    if (Number.isFinite(kb)) rss = Math.max(rss ?? 0, kb);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), rssKb: rss };
}

const f2 = (n: number) => n.toFixed(3);

function main(): void {
  const kb = loadKnowledge(path.join(packageRoot, 'knowledge'));
  const answerer = buildAnswerer(kb);
  const questions = [
    ...loadQuestionSet(path.join(packageRoot, 'test', 'eval', 'sample-questions.json')),
    ...loadQuestionSet(path.join(packageRoot, 'test', 'eval', 'questions.json')),
  ].map((q) => q.q);

  // Baseline: fuse.js over every entry's names, aliases and questions (what a naive bot does).
  const docs = [
    ...kb.parties.map((p) => ({ id: p.id, text: [p.name.en, p.name.fi, ...p.aliases.en, ...p.aliases.fi].join(' ') })),
    ...kb.goals.map((g) => ({ id: g.id, text: [g.name.en, g.name.fi, ...g.aliases.en, ...g.aliases.fi].join(' ') })),
    ...[...kb.agreement.facts, ...kb.faq].map((f) => ({ id: f.id, text: [...f.questions.en, ...f.questions.fi].join(' ') })),
  ];
  const fuse = new Fuse(docs, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 });

  // Warm-up, then measure both in the same process.
  timeEach(questions, 2, (q) => answerer.answer(q, { lang: answerer.detectLanguage(q, 'en'), hooks: {} }));
  timeEach(questions, 2, (q) => fuse.search(q, { limit: 3 }));
  const ours = timeEach(questions, 10, (q) => answerer.answer(q, { lang: answerer.detectLanguage(q, 'en'), hooks: {} }));
  const base = timeEach(questions, 10, (q) => fuse.search(q, { limit: 3 }));

  const dir = mkdtempSync(path.join(os.tmpdir(), 'kajaani-bench-'));
  const env = { ...process.env, BOT_DB_PATH: path.join(dir, 'bench.db'), LOG_LEVEL: 'silent' };
  const cli = path.join(packageRoot, 'dist', 'cli.js');
  const bare = wall(process.execPath, ['-e', '0'], 7, env);
  const oneShot = wall(process.execPath, [cli, 'ask', 'How many new companies is the goal?'], 7, env);
  rmSync(dir, { recursive: true, force: true });

  const results = {
    machine: { cpus: os.cpus().length, node: process.version, loadavg: os.loadavg() },
    questions: questions.length,
    answerMs: { median: ours.median, p99: ours.p99, baselineFuseMedian: base.median, baselineFuseP99: base.p99, ratioP99: ours.p99 / base.p99 },
    oneShotAskMs: { median: oneShot.median, baselineBareNode: bare.median, ratio: oneShot.median / bare.median },
    peakRssMb: { oneShotAsk: oneShot.rssKb === null ? null : oneShot.rssKb / 1024, baselineBareNode: bare.rssKb === null ? null : bare.rssKb / 1024 },
  };
  const rows = [
    ['answer latency median (ms)', f2(ours.median), f2(base.median), (ours.median / base.median).toFixed(2)],
    ['answer latency p99 (ms)', f2(ours.p99), f2(base.p99), (ours.p99 / base.p99).toFixed(2)],
    ['one-shot ask wall (ms)', oneShot.median.toFixed(0), bare.median.toFixed(0), (oneShot.median / bare.median).toFixed(2)],
    [
      'peak RSS one-shot (MB)',
      results.peakRssMb.oneShotAsk?.toFixed(1) ?? 'n/a',
      results.peakRssMb.baselineBareNode?.toFixed(1) ?? 'n/a',
      oneShot.rssKb && bare.rssKb ? (oneShot.rssKb / bare.rssKb).toFixed(2) : 'n/a',
    ],
  ];
  process.stdout.write(`kajaani-bot bench: ${questions.length} questions, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(2)}\n`);
  process.stdout.write(`${'figure'.padEnd(30)}${'ours'.padStart(10)}${'baseline'.padStart(10)}${'ratio'.padStart(8)}\n`);
  for (const r of rows) process.stdout.write(`${r[0]!.padEnd(30)}${r[1]!.padStart(10)}${r[2]!.padStart(10)}${r[3]!.padStart(8)}\n`);
  process.stdout.write('baselines: fuse.js search over the same entries (answer); bare `node -e 0` (process start, RSS)\n');
  mkdirSync(path.join(packageRoot, 'bench'), { recursive: true });
  writeFileSync(path.join(packageRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main();
