/**
 * Answer-quality evaluation: runs question sets through the real bot pipeline and checks
 * each answer for the facts it must contain (same format as shared/eval/sample-questions.json).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Bot } from '../core/bot.js';
import { replyToPlainText, type Lang } from '../core/reply.js';

const questionSchema = z.object({
  q: z.string(),
  lang: z.enum(['en', 'fi']),
  expect: z.array(z.string()).optional(),
  expect_any: z.array(z.array(z.string())).optional(),
  answered: z.boolean(),
  kind: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof questionSchema>;

const setSchema = z.object({
  questions: z.array(questionSchema),
  /** Questions asked after outcomes were reported (3 companies and 1 data centre operator). */
  progress: z.object({ questions: z.array(questionSchema) }).optional(),
});

/** Reads a question set file (the plain questions). */
export function loadQuestionSet(file: string): EvalQuestion[] {
  return setSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).questions;
}

/** Reads a set's progress questions (empty when it has none). */
export function loadProgressQuestions(file: string): EvalQuestion[] {
  return setSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).progress?.questions ?? [];
}

/** The reports the progress questions assume: three companies and one data centre operator. */
export const PROGRESS_SEED = [
  '/report companies "Eval Oy 1" party=KAMK date=2024-03-01',
  '/report companies "Eval Oy 2" party=CSC date=2025-05-02',
  '/report companies "Eval Oy 3" party=Kajaani date=2025-09-03',
  '/report data-centre-operators "Eval Datacenter Oy" party=Kajaani date=2025-10-04',
];

/** Reports the seed outcomes as `admin`; throws if any report is refused. */
export async function seedProgress(bot: Bot, admin: string): Promise<void> {
  for (const line of PROGRESS_SEED) {
    const r = await bot.handle({ platform: 'console', user: admin, text: line });
    if (!r.ok) throw new Error(`eval seed refused: ${line}: ${r.text}`);
  }
}

export interface EvalResult {
  question: EvalQuestion;
  pass: boolean;
  why: string;
  answer: string;
  lang: Lang;
}

/** Checks one reply against a question's expectations. */
export function judge(q: EvalQuestion, answer: string, answered: boolean, lang: Lang): { pass: boolean; why: string } {
  if (answered !== q.answered) return { pass: false, why: q.answered ? 'declined but should answer' : 'answered but should decline' };
  if (lang !== q.lang) return { pass: false, why: `answered in ${lang}, asked in ${q.lang}` };
  const text = answer.toLowerCase();
  for (const e of q.expect ?? []) if (!text.includes(e.toLowerCase())) return { pass: false, why: `missing "${e}"` };
  for (const group of q.expect_any ?? []) {
    if (!group.some((e) => text.includes(e.toLowerCase()))) return { pass: false, why: `missing one of ${JSON.stringify(group)}` };
  }
  return { pass: true, why: '' };
}

/** Runs a set through the bot. */
export async function runSet(bot: Bot, questions: EvalQuestion[]): Promise<EvalResult[]> {
  const out: EvalResult[] = [];
  for (const q of questions) {
    const r = await bot.handle({ platform: 'console', user: 'console:eval', text: q.q });
    const answer = replyToPlainText(r);
    const { pass, why } = judge(q, answer, r.answered, r.lang);
    out.push({ question: q, pass, why, answer, lang: r.lang });
  }
  return out;
}

export interface Summary {
  total: number;
  passed: number;
  accuracy: number;
  byLang: Record<Lang, { total: number; passed: number }>;
  outOfScope: { total: number; passed: number };
}

/** Accuracy overall, per language and for out-of-scope declines. */
export function summarize(results: EvalResult[]): Summary {
  const byLang: Summary['byLang'] = { en: { total: 0, passed: 0 }, fi: { total: 0, passed: 0 } };
  const outOfScope = { total: 0, passed: 0 };
  let passed = 0;
  for (const r of results) {
    const l = byLang[r.question.lang];
    l.total++;
    if (r.pass) {
      l.passed++;
      passed++;
    }
    if (!r.question.answered) {
      outOfScope.total++;
      if (r.pass) outOfScope.passed++;
    }
  }
  return { total: results.length, passed, accuracy: results.length === 0 ? 0 : passed / results.length, byLang, outOfScope };
}
