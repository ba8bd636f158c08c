/**
 * Importing past outcomes from a file (`kajaani-bot import`), admins only. The file is read
 * (`import-read.ts`), each row checked like /report (`import-rows.ts`), then, in one
 * transaction, checked for duplicates against the database and the earlier rows of the file
 * and stored with an audit entry each. Nothing is stored when any row fails, unless the
 * importer asks to skip the invalid rows; a dry run checks everything and stores nothing.
 * Problems are values (`ImportProblem`), turned into text by the caller in its language.
 */
import path from 'node:path';
import type { Services } from '../services.js';
import { isAdmin } from './authorize.js';
import { todayIn } from './dates.js';
import { duplicateKeys } from './duplicates.js';
import type { ImportProblem } from './import-problems.js';
import { readImportFile, type ImportFormat } from './import-read.js';
import { checkRow, type CheckedRow } from './import-rows.js';
import type { CsvSeparator } from './import-csv.js';
import { importTransaction, type ImportTransaction } from '../../store/import.js';
import { StoreBusyError } from '../../store/store.js';

/** How to import. */
export interface ImportOptions {
  /** Check everything, store nothing. */
  dryRun?: boolean;
  /** Store the valid rows and skip the others (default: store nothing when any row fails). */
  skipInvalid?: boolean;
  /** Store rows that look like outcomes already stored or earlier in the file. */
  allowDuplicates?: boolean;
}

/** The file and who imports it. */
export interface ImportInput {
  /** A platform-qualified id; must be an admin. */
  user: string;
  /** The file's name (its base name goes into each audit entry). */
  fileName: string;
  bytes: Buffer;
}

/** What happened. */
export interface ImportReport {
  /** Stored (or, in a dry run, would be stored) as asked: no problems, or the valid rows with --skip-invalid. */
  ok: boolean;
  /** The whole import was refused: the user is not an admin, or another process held the database too long. */
  refused?: 'forbidden' | 'busy';
  format: ImportFormat | null;
  separator?: CsvSeparator;
  dryRun: boolean;
  /** Rows the file holds. */
  rows: number;
  /** Rows that passed every check. */
  valid: number;
  stored: number;
  /** Rows left out with --skip-invalid. */
  skipped: number;
  /** By line. */
  problems: ImportProblem[];
  /** Things worth knowing that stopped nothing (a misspelt goal taken as the closest one). */
  notes: ImportProblem[];
}

const byLine = (a: ImportProblem, b: ImportProblem) => (a.line ?? 0) - (b.line ?? 0);

/**
 * The rows to store, in file order: a counted row that duplicates a stored outcome or an
 * earlier row of the file is left out with a problem, unless duplicates are allowed (for all
 * rows, or by the row's own `duplicate=ok`). Retracted rows count for nothing, so they are
 * never duplicates, as /report's rule ignores retracted outcomes.
 */
function uniqueRows(tx: ImportTransaction, rows: CheckedRow[], allowAll: boolean, problems: ImportProblem[]): CheckedRow[] {
  if (allowAll) return rows;
  const seen = new Map<string, number>();
  const keep: CheckedRow[] = [];
  for (const row of rows) {
    const o = row.outcome;
    if (o.status === 'retracted') {
      keep.push(row);
      continue;
    }
    const keys = duplicateKeys(o);
    const at = { line: row.line, ...(row.item !== undefined ? { item: row.item } : {}) };
    const column = (by: 'title' | 'business-id') => (by === 'title' ? row.columns.title : row.columns.businessId);
    if (!row.allowDuplicate) {
      const stored = tx.duplicatesOf(o)[0];
      if (stored) {
        const by = o.businessId !== null && stored.businessId === o.businessId ? 'business-id' : 'title';
        problems.push({ ...at, field: column(by), issue: { code: 'duplicate.store', id: stored.id, title: stored.title, reportedBy: stored.reportedBy, reportedOn: stored.reportedAt.slice(0, 10), by } });
        continue;
      }
      const earlier = keys.find((k) => seen.has(k.key));
      if (earlier) {
        problems.push({ ...at, field: column(earlier.by), issue: { code: 'duplicate.file', other: seen.get(earlier.key)!, by: earlier.by } });
        continue;
      }
    }
    for (const k of keys) if (!seen.has(k.key)) seen.set(k.key, row.line);
    keep.push(row);
  }
  return keep;
}

/** Imports a file as `input.user`; never throws for anything in the file. */
export function importOutcomes(services: Services, input: ImportInput, options: ImportOptions = {}): ImportReport {
  const dryRun = options.dryRun ?? false;
  const skipInvalid = options.skipInvalid ?? false;
  const empty = { dryRun, rows: 0, valid: 0, stored: 0, skipped: 0, problems: [], notes: [] };
  if (!isAdmin({ services, user: input.user })) return { ok: false, refused: 'forbidden', format: null, ...empty };
  const file = path.basename(input.fileName);
  const read = readImportFile(file, input.bytes);
  if (!read.ok) return { ...empty, ok: false, format: read.format, problems: read.problems };

  const now = services.now();
  const env = { today: todayIn(services.config.BOT_TIMEZONE, now), kb: services.knowledge.current, now, importer: input.user };
  const problems: ImportProblem[] = [];
  const notes: ImportProblem[] = [];
  const checked: CheckedRow[] = [];
  for (const raw of read.rows) {
    const r = checkRow(raw, env);
    if (r.ok) {
      checked.push(r.row);
      notes.push(...r.row.notes);
    } else problems.push(...r.problems);
  }
  // Write only when something may be stored; otherwise the duplicate checks read a snapshot.
  const mayWrite = !dryRun && (checked.length === read.rows.length || skipInvalid);
  let kept: CheckedRow[];
  let stored = 0;
  try {
    kept = importTransaction(services.store, { write: mayWrite, actor: input.user, at: now.toISOString() }, (tx) => {
      const keep = uniqueRows(tx, checked, options.allowDuplicates ?? false, problems);
      if (mayWrite && (problems.length === 0 || skipInvalid)) {
        for (const row of keep) tx.insert(row.outcome, { file, line: row.line, ...(row.item !== undefined ? { item: row.item } : {}) });
        stored = keep.length;
      }
      return keep;
    });
  } catch (err) {
    if (!(err instanceof StoreBusyError)) throw err;
    return { ...empty, ok: false, refused: 'busy', format: read.format, rows: read.rows.length };
  }
  const ok = problems.length === 0 || (skipInvalid && kept.length > 0);
  return {
    ok,
    format: read.format,
    ...(read.separator ? { separator: read.separator } : {}),
    dryRun,
    rows: read.rows.length,
    valid: kept.length,
    stored,
    skipped: skipInvalid ? read.rows.length - kept.length : 0,
    problems: problems.sort(byLine),
    notes,
  };
}
