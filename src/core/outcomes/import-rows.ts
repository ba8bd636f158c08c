/**
 * Checks one imported row: its outcome fields exactly as `/report` checks them (the same
 * spec and `validateRecord`, so a rule added there holds here too), except that the date is
 * required (a past outcome has its own, never "today"); then its status and who reported,
 * verified or retracted it, as the export writes them. Pure: the duplicate checks need the
 * store and the other rows, and happen in `import.ts`.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { ArgSpec, Choice } from '../commands/spec.js';
import { choiceFor, validateRecord } from '../commands/validate.js';
import { L } from '../i18n.js';
import type { ImportedOutcome } from '../../store/import.js';
import type { OutcomeStatus } from '../../store/outcomes.js';
import { extraWith, OUTCOME_ARGS, RETRACT_REASON_ARG } from './fields.js';
import { isRealDate } from './dates.js';
import { isIdentity } from './identity.js';
import { titleKey } from './normalise.js';
import type { FieldProblem } from './field-messages.js';
import type { ImportIssue, ImportProblem } from './import-problems.js';
import { namesFor, type StatusColumn } from './import-columns.js';
import type { RawRow } from './import-read.js';

/** What checking a row needs besides the row. */
export interface RowEnv {
  /** Today in BOT_TIMEZONE (dates may not be later). */
  today: string;
  kb: KnowledgeBase;
  /** The import's time: timestamps may not be later, and rows without one get it. */
  now: Date;
  /** Who imports: the reporter of rows that name none, the verifier of verified rows that name none. */
  importer: string;
}

/** A row that passed, ready for the duplicate checks and the store. */
export interface CheckedRow {
  line: number;
  item?: number;
  outcome: ImportedOutcome;
  /** The row says `duplicate=ok`, as /report allows. */
  allowDuplicate: boolean;
  /** The title and Business ID columns as the file names them, for duplicate problems. */
  columns: { title: string; businessId: string };
  /** Close matches taken (a misspelt goal or party), to tell the importer. */
  notes: ImportProblem[];
}

export type RowCheck = { ok: true; row: CheckedRow } | { ok: false; problems: ImportProblem[] };

/** /report's fields with the date required and without its "today" default. */
export const IMPORT_ARGS: readonly ArgSpec[] = OUTCOME_ARGS.map((a) => {
  if (a.name !== 'date') return a;
  const { default: _today, ...date } = a;
  return { ...date, required: true };
});

const STATUSES: readonly Choice[] = [
  { value: 'reported', label: L('reported', 'raportoitu'), aliases: ['raportoitu'] },
  { value: 'verified', label: L('verified', 'vahvistettu'), aliases: ['vahvistettu'] },
  { value: 'retracted', label: L('retracted', 'peruttu'), aliases: ['peruttu'] },
];

/** An ISO 8601 time with a zone, as the export writes it (2025-06-15T09:00:00.000Z). */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The export's own form, which is already the UTC ISO form when it is a real time. */
const EXPORTED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The UTC ISO form of a timestamp, or null when it is not one. */
export function isoTimestamp(text: string): string | null {
  // Every row of an export has up to three: the common form costs one Date, not three.
  if (EXPORTED.test(text)) {
    const t = new Date(text);
    if (!Number.isNaN(t.getTime()) && t.toISOString() === text) return text;
  }
  const m = TIMESTAMP.exec(text);
  if (!m || !isRealDate(m[1]!)) return null;
  const t = new Date(text);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}

/** The extra fields a row carries (the export's JSON object of texts), or null when they are not one. */
function extraFields(value: unknown): Record<string, string> | null {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const entries = Object.entries(v as Record<string, unknown>);
  return entries.every(([, x]) => typeof x === 'string') ? (Object.fromEntries(entries) as Record<string, string>) : null;
}

/** Checks one row; every problem it has at once. */
export function checkRow(raw: RawRow, env: RowEnv): RowCheck {
  const at = { line: raw.line, ...(raw.item !== undefined ? { item: raw.item } : {}) };
  const problems: ImportProblem[] = [...raw.problems];
  const add = (field: string | null, issue: ImportIssue) => problems.push({ ...at, field, issue });
  const fromExtra = new Set<string>();
  // A field's column as the file names it; a field from `extra` as extra.<name>.
  const heading = (name: string) => raw.headings[`arg:${name}`] ?? raw.headings[`status:${name}`] ?? (fromExtra.has(name) ? `extra.${name}` : (namesFor(name)[0] ?? name));
  const field = (p: FieldProblem) => add(heading(p.field), { code: 'field', problem: p });

  const record: Record<string, string> = { ...raw.args };
  if (raw.extra !== undefined) {
    const extra = extraFields(raw.extra);
    if (extra === null) add(raw.headings.extra ?? 'extra', { code: 'extra.invalid' });
    else {
      for (const [k, v] of Object.entries(extra)) {
        if (record[k] !== undefined || v.trim() === '') continue;
        record[k] = v;
        fromExtra.add(k);
      }
    }
  }
  // A row that is no object has nothing more to check; a field the shape check refused (a
  // nested value in JSON) is not reported again as missing.
  if (raw.problems.some((p) => p.issue.code === 'item.not-object')) return { ok: false, problems };
  const refusedFields = new Set(raw.problems.map((p) => p.field));
  const checked = validateRecord({ args: IMPORT_ARGS }, record, { today: env.today, kb: env.kb });
  if (!checked.ok) checked.problems.filter((p) => !refusedFields.has(heading(p.field))).forEach(field);

  const s = raw.status;
  let status: OutcomeStatus = 'reported';
  if (s.status !== undefined) {
    const c = choiceFor(STATUSES, s.status);
    if (c) status = c.value as OutcomeStatus;
    else field({ field: 'status', code: 'status.invalid', value: s.status.trim() });
  }
  const user = (col: StatusColumn): string | null => {
    const t = s[col]?.trim();
    if (!t) return null;
    if (isIdentity(t)) return t;
    field({ field: col, code: 'user.invalid', value: t });
    return null;
  };
  const nowIso = env.now.toISOString();
  const time = (col: StatusColumn): string | null => {
    const t = s[col]?.trim();
    if (!t) return null;
    const iso = isoTimestamp(t);
    if (iso === null) add(heading(col), { code: 'timestamp.invalid', value: t });
    else if (iso > nowIso) add(heading(col), { code: 'timestamp.future', value: iso });
    return iso;
  };
  const reportedBy = user('reportedBy');
  const reportedAt = time('reportedAt');
  const verifiedBy = user('verifiedBy');
  const verifiedAt = time('verifiedAt');
  const retractedBy = user('retractedBy');
  const retractedAt = time('retractedAt');
  let retractReason: string | null = null;
  if (s.retractReason !== undefined) {
    const r = validateRecord({ args: [RETRACT_REASON_ARG] }, { reason: s.retractReason }, { today: env.today });
    if (r.ok) retractReason = r.values.reason!;
    else r.problems.forEach((p) => field({ ...p, field: 'retractReason' }));
  } else if (status === 'retracted') {
    add(heading('retractReason'), { code: 'reason.missing' });
  }
  if (problems.length > 0 || !checked.ok) return { ok: false, problems };

  const v = checked.values;
  const title = v.title!;
  const notes: ImportProblem[] = Object.entries(checked.corrected).map(([name, typed]) => ({ ...at, field: heading(name), issue: { code: 'corrected', value: typed, to: v[name]! } }));
  return {
    ok: true,
    row: {
      ...at,
      allowDuplicate: v.duplicate !== undefined,
      columns: { title: heading('title'), businessId: heading('business-id') },
      notes,
      outcome: {
        goalId: v.goal!,
        title,
        titleKey: titleKey(title),
        description: v.note ?? null,
        partyId: v.party ?? null,
        happenedOn: v.date!,
        link: v.link ?? null,
        businessId: v['business-id'] ?? null,
        extra: extraWith(null, v) ?? null,
        status,
        reportedBy: reportedBy ?? env.importer,
        reportedAt: reportedAt ?? nowIso,
        // Kept whatever the status (a retracted outcome may have been verified first); a
        // verified one that names no verifier is vouched for by the importing admin, now.
        verifiedBy: verifiedBy ?? (status === 'verified' ? env.importer : null),
        verifiedAt: verifiedAt ?? (status === 'verified' ? nowIso : null),
        retractedBy: retractedBy ?? (status === 'retracted' ? env.importer : null),
        retractedAt: retractedAt ?? (status === 'retracted' ? nowIso : null),
        retractReason,
      },
    },
  };
}
