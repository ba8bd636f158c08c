/**
 * `npm run eval [-- --check] [-- --verbose]`: accuracy of the sample set, the project's own
 * single questions and conversations, and the held-out sets. With --check it exits 1 when
 * a floor is missed: single questions below 95 % (own set: English, Finnish and declines
 * each below 93 %), or follow-up turns of the own conversations below 90 %. Held-out sets
 * are reported, never floored; the blind v2 sets only as aggregate lines.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../config.js';
import { createApp } from '../main.js';
import {
  loadConversations,
  loadProgressQuestions,
  loadQuestionSet,
  runConversations,
  runSet,
  seedProgress,
  share,
  summarize,
  type EvalResult,
  type Summary,
  type Tally,
} from './eval-core.js';

/** Single questions, overall (issue 10). */
const FLOOR = 0.95;
/** Own single questions per language and for declines. */
const PART_FLOOR = 0.93;
/** Follow-up turns of the own conversations. */
const FOLLOW_UP_FLOOR = 0.9;

function pct(t: Tally): string {
  return t.total === 0 ? 'n/a' : `${((100 * t.passed) / t.total).toFixed(1)} % (${t.passed}/${t.total})`;
}

function line(name: string, s: Summary): string {
  return `${name.padEnd(12)} ${pct(s).padEnd(20)} en ${pct(s.byLang.en).padEnd(20)} fi ${pct(s.byLang.fi).padEnd(20)} declines ${pct(s.outOfScope)}`;
}

function turnsLine(s: Summary): string {
  return `${''.padEnd(12)} first turns ${pct(s.byPosition.first).padEnd(20)} follow-ups ${pct(s.byPosition['follow-up'])}`;
}

function kindsLine(s: Summary): string {
  const kinds = [...s.byKind.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  return `${''.padEnd(12)} by kind: ${kinds.map(([k, t]) => `${k} ${t.total === 0 ? 'n/a' : `${Math.round((100 * t.passed) / t.total)} %`} (${t.passed}/${t.total})`).join(', ')}`;
}

function failures(results: EvalResult[]): string {
  return results
    .filter((x) => !x.pass)
    .map((r) => `  FAIL [${r.question.lang}]${r.conversation ? ` ${r.conversation}` : ''} ${r.question.q}\n    ${r.why}\n    → ${r.answer.replace(/\n+/g, ' ¶ ').slice(0, 200)}\n`)
    .join('');
}

interface Run {
  name: string;
  results: EvalResult[];
  /** Floored sets fail --check below their floors. */
  floor: 'single' | 'own-single' | 'conversations' | 'none';
  /** Blind sets: aggregate lines only, never individual questions. */
  blind?: boolean;
  conversations?: boolean;
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const evalDir = path.join(packageRoot, 'test', 'eval');
  const shared = path.resolve(packageRoot, '..', 'shared', 'eval', 'sample-questions.json');
  const sets = [
    { name: 'sample', file: existsSync(shared) ? shared : path.join(evalDir, 'sample-questions.json'), floor: 'single' as const },
    { name: 'own', file: path.join(evalDir, 'questions.json'), floor: 'own-single' as const },
  ];
  // No longer blind; reported as before, not held to a floor.
  const heldout = path.join(evalDir, 'heldout.json');
  // Written blind by someone who never saw the tuning sets or the knowledge files: reported
  // in aggregate only when present, never floored, never listed question by question.
  const heldoutV2 = path.join(evalDir, 'heldout-v2.json');
  const heldoutV2Conversations = path.join(evalDir, 'heldout-v2-conversations.json');
  const heldoutV3 = path.join(evalDir, 'heldout-v3.json');
  const heldoutV3Conversations = path.join(evalDir, 'heldout-v3-conversations.json');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'kajaani-eval-'));
  const admin = 'console:eval-admin';
  const app = createApp({ ...process.env, BOT_DB_PATH: path.join(dir, 'eval.db'), LOG_LEVEL: 'silent', BOT_ADMINS: admin });
  let ok = true;
  try {
    const runs: Run[] = [];
    for (const set of sets) runs.push({ name: set.name, results: await runSet(app.bot, loadQuestionSet(set.file)), floor: set.floor });
    if (existsSync(heldout)) runs.push({ name: 'heldout', results: await runSet(app.bot, loadQuestionSet(heldout)), floor: 'none' });
    runs.push({ name: 'own-conv', results: await runConversations(app.bot, loadConversations(path.join(evalDir, 'conversations.json')), 'own'), floor: 'conversations', conversations: true });
    const blind = async (name: string, file: string, load: () => Promise<EvalResult[]>, conversations = false) => {
      if (!existsSync(file)) return;
      try {
        runs.push({ name, results: await load(), floor: 'none', blind: true, conversations });
      } catch {
        process.stdout.write(`${name.padEnd(12)} could not be read (see test/eval/FORMAT.md)\n`);
      }
    };
    await blind('heldout-v2', heldoutV2, () => runSet(app.bot, loadQuestionSet(heldoutV2)));
    await blind('heldout-v2-c', heldoutV2Conversations, () => runConversations(app.bot, loadConversations(heldoutV2Conversations), 'heldout-v2'), true);
    await blind('heldout-v3', heldoutV3, () => runSet(app.bot, loadQuestionSet(heldoutV3)));
    await blind('heldout-v3-c', heldoutV3Conversations, () => runConversations(app.bot, loadConversations(heldoutV3Conversations), 'heldout-v3'), true);
    // Then report outcomes and ask the sets' progress questions on the same store.
    await seedProgress(app.bot, admin);
    for (const set of sets) {
      const progress = loadProgressQuestions(set.file);
      if (progress.length > 0) runs.push({ name: `${set.name}+`, results: await runSet(app.bot, progress), floor: 'single' });
    }
    for (const run of runs) {
      const s = summarize(run.results);
      process.stdout.write(`${line(run.name, s)}\n`);
      if (run.conversations) process.stdout.write(`${turnsLine(s)}\n`);
      if (!run.blind && (run.floor === 'own-single' || run.conversations)) process.stdout.write(`${kindsLine(s)}\n`);
      if (run.floor === 'single' && s.accuracy < FLOOR) ok = false;
      if (run.floor === 'own-single' && (s.accuracy < FLOOR || [s.byLang.en, s.byLang.fi, s.outOfScope].some((t) => share(t) < PART_FLOOR))) ok = false;
      if (run.floor === 'conversations' && share(s.byPosition['follow-up']) < FOLLOW_UP_FLOOR) ok = false;
      if (args.has('--verbose') && !run.blind) process.stdout.write(failures(run.results));
    }
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (args.has('--check') && !ok) {
    process.stderr.write(
      `Answer accuracy is below a floor: single questions ${FLOOR * 100} % (own set per language and declines ${PART_FLOOR * 100} %), follow-up turns ${FOLLOW_UP_FLOOR * 100} %.\n`,
    );
    process.exit(1);
  }
}

await main();
