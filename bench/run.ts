/**
 * `npm run bench` (build first, then `tsx bench/run.ts [answer|slack|writes|scale|start|tokenize|discord|import ...]`).
 * A benchmark, never a test: it prints a table and writes bench/results.json, and it does not
 * fail on a missed target. Every figure is measured beside a baseline in the same run, so the
 * ratios hold on any machine; absolute numbers are given for context, with the load average
 * (this may run beside other work). Traffic stays on 127.0.0.1; every server and child
 * process is closed at the end.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchAnswer } from './answer.js';
import { benchSlack } from './slack-http.js';
import { benchDurableWrites } from './durable-writes.js';
import { benchScale } from './scale.js';
import { benchStartup } from './startup.js';
import { benchTokenizer } from './tokenizer.js';
import { benchDiscord } from './discord.js';
import { benchImport } from './import.js';
import { table, type Figure } from './lib/figures.js';
import { root } from './lib/env.js';
import { killAll } from './lib/proc.js';

/** A benchmark's output: its figures, raw detail for results.json, and lines printed after the table. */
type BenchResult = { figures: Figure[]; detail: Record<string, unknown>; notes?: string[] };
type Bench = () => Promise<BenchResult> | BenchResult;

const BENCHES: [string, Bench][] = [
  ['answer', benchAnswer],
  ['slack', benchSlack],
  ['writes', benchDurableWrites],
  ['scale', benchScale],
  ['start', benchStartup],
  ['tokenize', benchTokenizer],
  ['discord', benchDiscord],
  ['import', benchImport],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => !BENCHES.some(([name]) => name === n));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${BENCHES.map(([n]) => n).join(', ')}`);
  const selected = BENCHES.filter(([name]) => only.length === 0 || only.includes(name));
  const loadBefore = os.loadavg();
  const t0 = performance.now();
  const figures: Figure[] = [];
  const notes: string[] = [];
  const details: Record<string, unknown> = {};
  for (const [name, bench] of selected) {
    const s = performance.now();
    const load = os.loadavg()[0]!;
    process.stderr.write(`bench: ${name}… `);
    const r = await bench();
    figures.push(...r.figures);
    notes.push(...(r.notes ?? []));
    details[name] = { ...r.detail, seconds: (performance.now() - s) / 1000, loadavg1: { before: load, after: os.loadavg()[0] } };
    process.stderr.write(`${((performance.now() - s) / 1000).toFixed(1)} s (load average ${load.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)})\n`);
  }
  const loadAfter = os.loadavg();
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadavgBefore: loadBefore, loadavgAfter: loadAfter };
  const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  process.stdout.write(
    `kajaani-bot bench: ${machine.cpus} CPUs, Node ${machine.node}, load average ${la(loadBefore)} before, ${la(loadAfter)} after, ${((performance.now() - t0) / 1000).toFixed(0)} s\n\n`,
  );
  process.stdout.write(`${table(figures)}\n\n`);
  process.stdout.write('ours / baseline: medians over the rounds (n). ratio: the median of the per-round ratios (each round measures both\n');
  process.stdout.write('sides back to back), with their min–max. Baselines: fuse.js search (1), a bare Bolt app that only acks (2), a plain\n');
  process.stdout.write('better-sqlite3 INSERT with the same pragmas (3), a bare GROUP BY count on the same 100k-row database (4), bare\n');
  process.stdout.write('`node -e 0` (5), a bare discord.js client with the same options that replies "ok" (6), a plain better-sqlite3\n');
  process.stdout.write('INSERT loop of the same 10,000 rows in one transaction, no checks or audit (7).\n');
  if (notes.length > 0) process.stdout.write(`\n${notes.join('\n')}\n`);
  const missed = figures.filter((f) => f.met === false);
  if (missed.length > 0) process.stdout.write(`Missed: ${missed.map((f) => `${f.group}: ${f.name}`).join('; ')}\n`);
  const out = path.join(root, 'bench', 'results.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), machine, figures, details }, null, 2)}\n`);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), out)}\n`);
}

// A failure or Ctrl-C must not leave a bot process behind.
process.once('SIGINT', () => {
  killAll();
  process.exit(130);
});
main().catch((err: unknown) => {
  killAll();
  process.stderr.write(`\nbench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
