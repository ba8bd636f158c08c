/**
 * Answer-quality evaluation: runs question sets and conversations through the real bot
 * pipeline and checks each answer for the facts it must contain (format:
 * shared/eval/sample-questions.json, extended by test/eval/FORMAT.md).
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
  /** None of these may appear in the reply. */
  not_expect: z.array(z.string()).optional(),
  /** The reply must start with one of these (yes/no questions). */
  starts_with: z.array(z.string()).optional(),
  answered: z.boolean(),
  kind: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof questionSchema>;

const setSchema = z.object({
  questions: z.array(questionSchema),
  /** Questions asked after outcomes were reported (3 companies and 1 data centre operator). */
  progress: z.object({ questions: z.array(questionSchema) }).optional(),
});

const conversationSchema = z.object({ id: z.string(), lang: z.enum(['en', 'fi']), turns: z.array(questionSchema).min(1) });
export type EvalConversation = z.infer<typeof conversationSchema>;
const conversationSetSchema = z.object({ conversations: z.array(conversationSchema) });

/** Reads a question set file (the plain questions). */
export function loadQuestionSet(file: string): EvalQuestion[] {
  return setSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).questions;
}

/** Reads a set's progress questions (empty when it has none). */
export function loadProgressQuestions(file: string): EvalQuestion[] {
  return setSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).progress?.questions ?? [];
}

/** Reads a conversation set file. */
export function loadConversations(file: string): EvalConversation[] {
  return conversationSetSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).conversations;
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

/** Where a question stood: alone, or the first turn / a later turn of a conversation. */
export type Position = 'single' | 'first' | 'follow-up';

export interface EvalResult {
  question: EvalQuestion;
  pass: boolean;
  why: string;
  answer: string;
  lang: Lang;
  position: Position;
  /** The conversation id, for conversation turns. */
  conversation?: string;
}

/** Checks one reply against a question's expectations. */
export function judge(q: EvalQuestion, answer: string, answered: boolean, lang: Lang): { pass: boolean; why: string } {
  if (answered !== q.answered) return { pass: false, why: q.answered ? 'declined but should answer' : 'answered but should decline' };
  if (lang !== q.lang) return { pass: false, why: `answered in ${lang}, asked in ${q.lang}` };
  const text = answer.toLowerCase();
  if (q.starts_with && !q.starts_with.some((s) => text.trimStart().startsWith(s.toLowerCase()))) {
    return { pass: false, why: `does not start with one of ${JSON.stringify(q.starts_with)}` };
  }
  for (const e of q.expect ?? []) if (!text.includes(e.toLowerCase())) return { pass: false, why: `missing "${e}"` };
  for (const group of q.expect_any ?? []) {
    if (!group.some((e) => text.includes(e.toLowerCase()))) return { pass: false, why: `missing one of ${JSON.stringify(group)}` };
  }
  for (const e of q.not_expect ?? []) if (text.includes(e.toLowerCase())) return { pass: false, why: `contains "${e}"` };
  return { pass: true, why: '' };
}

/** Runs a set through the bot, each question on its own (no conversation id: stateless). */
export async function runSet(bot: Bot, questions: EvalQuestion[]): Promise<EvalResult[]> {
  const out: EvalResult[] = [];
  for (const q of questions) {
    const r = await bot.handle({ platform: 'console', user: 'console:eval', text: q.q });
    const answer = replyToPlainText(r);
    out.push({ question: q, ...judge(q, answer, r.answered, r.lang), answer, lang: r.lang, position: 'single' });
  }
  return out;
}

/**
 * Runs conversations: each in a fresh conversation id of its own, turn by turn through
 * `bot.handle`, exactly as one `kajaani-bot console` session sends them.
 */
export async function runConversations(bot: Bot, conversations: EvalConversation[], tag: string): Promise<EvalResult[]> {
  const out: EvalResult[] = [];
  for (const c of conversations) {
    const conversationId = `console:eval-${tag}-${c.id}`;
    for (const [i, q] of c.turns.entries()) {
      const r = await bot.handle({ platform: 'console', user: 'console:eval', text: q.q, conversationId });
      const answer = replyToPlainText(r);
      out.push({ question: q, ...judge(q, answer, r.answered, r.lang), answer, lang: r.lang, position: i === 0 ? 'first' : 'follow-up', conversation: c.id });
    }
  }
  return out;
}

/** Passed out of total. */
export interface Tally {
  total: number;
  passed: number;
}

export interface Summary extends Tally {
  accuracy: number;
  byLang: Record<Lang, Tally>;
  /** Questions the bot must not answer (declines and honest gaps). */
  outOfScope: Tally;
  byKind: Map<string, Tally>;
  byPosition: Record<Position, Tally>;
}

function count(t: Tally, pass: boolean): void {
  t.total++;
  if (pass) t.passed++;
}

/** Accuracy overall, per language, for declines, per kind and per turn position. */
export function summarize(results: EvalResult[]): Summary {
  const byLang: Summary['byLang'] = { en: { total: 0, passed: 0 }, fi: { total: 0, passed: 0 } };
  const outOfScope = { total: 0, passed: 0 };
  const byKind = new Map<string, Tally>();
  const byPosition: Summary['byPosition'] = { single: { total: 0, passed: 0 }, first: { total: 0, passed: 0 }, 'follow-up': { total: 0, passed: 0 } };
  let passed = 0;
  for (const r of results) {
    count(byLang[r.question.lang], r.pass);
    count(byPosition[r.position], r.pass);
    const kind = r.question.kind ?? '(none)';
    if (!byKind.has(kind)) byKind.set(kind, { total: 0, passed: 0 });
    count(byKind.get(kind)!, r.pass);
    if (r.pass) passed++;
    if (!r.question.answered) count(outOfScope, r.pass);
  }
  return { total: results.length, passed, accuracy: results.length === 0 ? 0 : passed / results.length, byLang, outOfScope, byKind, byPosition };
}

/** The share passed, 1 when there is nothing to pass. */
export function share(t: Tally): number {
  return t.total === 0 ? 1 : t.passed / t.total;
}
