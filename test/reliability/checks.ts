/**
 * Shared checks for the reliability tests: what a "clear message" is, and a snapshot of
 * every table so a test can prove that nothing changed.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Reply } from '../../src/core/reply.js';
import { replyToPlainText } from '../../src/core/reply.js';
import { consoleJson } from '../../src/adapters/console/render.js';

/** Text that must never reach a user unless they typed it themselves. */
const LEAKS: readonly [string, RegExp][] = [
  ['undefined', /\bundefined\b/],
  ['[object Object]', /\[object Object\]/],
  ['NaN', /\bNaN\b/],
  ['[native code]', /\[native code\]/],
  ['a stack trace', /\n\s+at \S.*[:(]\d+:\d+\)?/],
  ['an exception name', /\b(TypeError|RangeError|ReferenceError|SyntaxError|SqliteError|ZodError)\b/],
  ['an SQLite error code', /SQLITE_[A-Z]+/],
];

/**
 * Why `r` is not a clear answer to `input` (empty when it is): the text is non-empty, the
 * flags are booleans, it serialises for `--json`, it leaks no internals, and it is not the
 * "something went wrong" apology (which would mean an exception escaped a command).
 */
export function replyProblems(input: string, r: Reply): string[] {
  const problems: string[] = [];
  if (typeof r.text !== 'string' || r.text.trim() === '') problems.push('empty text');
  if (typeof r.ok !== 'boolean') problems.push('ok is not a boolean');
  if (typeof r.answered !== 'boolean') problems.push('answered is not a boolean');
  if (r.lang !== 'en' && r.lang !== 'fi') problems.push(`lang is ${String(r.lang)}`);
  if (r.data && 'reference' in r.data) problems.push(`internal error (reference ${String(r.data.reference)}): ${r.text}`);
  let plain = '';
  try {
    plain = replyToPlainText(r);
    JSON.parse(JSON.stringify(consoleJson(r)));
  } catch (err) {
    problems.push(`does not render: ${(err as Error).message}`);
  }
  for (const [what, re] of LEAKS) {
    if (re.test(plain) && !re.test(input)) problems.push(`shows ${what}: ${JSON.stringify(plain.slice(0, 300))}`);
  }
  return problems;
}

/** A digest of every table's rows (sqlite_sequence included), by table name. */
export function snapshotTables(db: Database.Database): Record<string, { rows: number; sha256: string }> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const t of tables) {
    const rows = db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}" ORDER BY rowid`).raw().all();
    out[t] = { rows: rows.length, sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
  }
  return out;
}

/** Runs `count` inputs with a bounded report of failures (the first 20 in full). */
export interface FuzzFailure {
  index: number;
  input: string;
  problems: string[];
}

/** An input shortened for a failure message (100 kB lines stay readable). */
export function shown(input: string): string {
  return JSON.stringify(input.length > 200 ? `${input.slice(0, 200)}…(${input.length} chars)` : input);
}
