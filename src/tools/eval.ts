/**
 * `npm run eval [-- --check] [-- --verbose]`: accuracy of the sample set and the project's
 * own set. With --check it exits 1 when either is below 95 %.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../config.js';
import { createApp } from '../main.js';
import { loadProgressQuestions, loadQuestionSet, runSet, seedProgress, summarize, type EvalResult, type Summary } from './eval-core.js';

const FLOOR = 0.95;

function pct(passed: number, total: number): string {
  return total === 0 ? 'n/a' : `${((100 * passed) / total).toFixed(1)} % (${passed}/${total})`;
}

function line(name: string, s: Summary): string {
  return `${name.padEnd(8)} ${pct(s.passed, s.total).padEnd(20)} en ${pct(s.byLang.en.passed, s.byLang.en.total).padEnd(20)} fi ${pct(s.byLang.fi.passed, s.byLang.fi.total).padEnd(20)} declines ${pct(s.outOfScope.passed, s.outOfScope.total)}`;
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const shared = path.resolve(packageRoot, '..', 'shared', 'eval', 'sample-questions.json');
  const sets = [
    { name: 'sample', file: existsSync(shared) ? shared : path.join(packageRoot, 'test', 'eval', 'sample-questions.json') },
    { name: 'own', file: path.join(packageRoot, 'test', 'eval', 'questions.json') },
  ];
  // Written without seeing the tuning set; reported, not held to the floor.
  const heldout = { name: 'heldout', file: path.join(packageRoot, 'test', 'eval', 'heldout.json') };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kajaani-eval-'));
  const admin = 'console:eval-admin';
  const app = createApp({ ...process.env, BOT_DB_PATH: path.join(dir, 'eval.db'), LOG_LEVEL: 'silent', BOT_ADMINS: admin });
  let ok = true;
  try {
    const runs: { name: string; results: EvalResult[] }[] = [];
    for (const set of [...sets, heldout]) runs.push({ name: set.name, results: await runSet(app.bot, loadQuestionSet(set.file)) });
    // Then report outcomes and ask the sets' progress questions on the same store.
    await seedProgress(app.bot, admin);
    for (const set of sets) {
      const progress = loadProgressQuestions(set.file);
      if (progress.length > 0) runs.push({ name: `${set.name}+`, results: await runSet(app.bot, progress) });
    }
    for (const { name, results } of runs) {
      const set = { name };
      const s = summarize(results);
      process.stdout.write(`${line(set.name, s)}\n`);
      if (s.accuracy < FLOOR && name !== heldout.name) ok = false;
      if (args.has('--verbose')) {
        for (const r of results.filter((x) => !x.pass)) {
          process.stdout.write(`  FAIL [${r.question.lang}] ${r.question.q}\n    ${r.why}\n    → ${r.answer.split('\n')[0]?.slice(0, 160)}\n`);
        }
      }
    }
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (args.has('--check') && !ok) {
    process.stderr.write(`Answer accuracy is below the ${FLOOR * 100} % floor.\n`);
    process.exit(1);
  }
}

await main();
