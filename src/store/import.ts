/**
 * Storing imported outcomes (`kajaani-bot import`): the rows of one file are checked against
 * the database and written in one transaction, so an import is stored whole or not at all,
 * and another process cannot slip a duplicate in between the check and the write. Each row
 * keeps its status and who reported, verified or retracted it (as the export carries them)
 * and gets one `import` audit entry naming the file and line; the per-goal counts follow
 * through their triggers like for any other insert.
 */
import { appendAudit } from './audit.js';
import { findDuplicates, type Outcome, type OutcomeFields, type OutcomeStatus } from './outcomes.js';
import { writeTransaction, type Store } from './store.js';
import { stmt } from './statements.js';

/** An outcome as an import stores it: the reporter's fields plus its status and who did what, when. */
export interface ImportedOutcome extends OutcomeFields {
  status: OutcomeStatus;
  reportedBy: string;
  reportedAt: string;
  verifiedBy: string | null;
  verifiedAt: string | null;
  retractedBy: string | null;
  retractedAt: string | null;
  retractReason: string | null;
}

/** Where a row came from, for its audit entry: the file's base name and the line (and JSON item) it starts on. */
export interface ImportSource {
  file: string;
  line: number;
  item?: number;
}

/** What the body of an import transaction can do. */
export interface ImportTransaction {
  /** Counted outcomes already stored that `f` duplicates (the /report rule: same goal and title, or same Business ID). */
  duplicatesOf(f: Pick<OutcomeFields, 'goalId' | 'titleKey' | 'businessId'>): Outcome[];
  /** Stores one outcome with its `import` audit entry; returns its id. Refused in a dry run. */
  insert(o: ImportedOutcome, source: ImportSource): number;
}

const INSERT = `INSERT INTO outcomes (goal_id, title, title_key, description, party_id, happened_on, link, business_id, extra,
    reported_by, reported_at, status, verified_by, verified_at, retracted_by, retracted_at, retract_reason, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Runs `body` in one transaction: a write transaction (the write lock taken first) when
 * `write`, else a read-only snapshot for a dry run. Whatever `body` throws rolls every insert
 * back. `actor` is the importing user and `at` the import time (the audit entry's time and
 * each row's `updated_at`).
 */
export function importTransaction<T>(store: Store, opts: { write: boolean; actor: string; at: string }, body: (tx: ImportTransaction) => T): T {
  const insert = stmt(store, INSERT);
  const tx: ImportTransaction = {
    duplicatesOf: (f) => findDuplicates(store, f),
    insert(o, source) {
      if (!opts.write) throw new Error('a dry run stores nothing');
      const info = insert.run(
        o.goalId, o.title, o.titleKey, o.description, o.partyId, o.happenedOn, o.link, o.businessId, o.extra ?? null,
        o.reportedBy, o.reportedAt, o.status, o.verifiedBy, o.verifiedAt, o.retractedBy, o.retractedAt, o.retractReason, opts.at,
      );
      // The row as stored (a STRICT table keeps every value as given), without reading it back:
      // at 10,000 rows, RETURNING every column cost a tenth of the import.
      const stored: Outcome = {
        id: Number(info.lastInsertRowid), goalId: o.goalId, title: o.title, description: o.description, partyId: o.partyId, happenedOn: o.happenedOn,
        link: o.link, businessId: o.businessId, reportedBy: o.reportedBy, reportedAt: o.reportedAt, status: o.status, verifiedBy: o.verifiedBy,
        verifiedAt: o.verifiedAt, retractedBy: o.retractedBy, retractedAt: o.retractedAt, retractReason: o.retractReason, updatedAt: opts.at, extra: o.extra ?? null,
      };
      appendAudit(store, { at: opts.at, actor: opts.actor, action: 'import', outcomeId: stored.id, before: null, after: { ...stored, importedFrom: source } });
      return stored.id;
    },
  };
  // A dry run only reads: a deferred transaction is one consistent snapshot and takes no write lock.
  return opts.write ? writeTransaction(store, () => body(tx)) : store.db.transaction(() => body(tx))();
}
