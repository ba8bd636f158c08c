/**
 * Outcome rows: insert (with the duplicate check in the same transaction), edit, verify,
 * retract, look-ups and listings. Every change appends to the audit history in the same
 * transaction, so a change and its record are written together or not at all.
 */
import { appendAudit } from './audit.js';
import { writeTransaction, type Store } from './store.js';
import { stmt } from './statements.js';

/** reported → verified (by an admin) or retracted (with a reason). */
export type OutcomeStatus = 'reported' | 'verified' | 'retracted';

/** An outcome as stored. */
export interface Outcome {
  id: number;
  goalId: string;
  title: string;
  description: string | null;
  partyId: string | null;
  /** ISO date (YYYY-MM-DD) it happened. */
  happenedOn: string;
  link: string | null;
  businessId: string | null;
  reportedBy: string;
  reportedAt: string;
  status: OutcomeStatus;
  verifiedBy: string | null;
  verifiedAt: string | null;
  retractedBy: string | null;
  retractedAt: string | null;
  retractReason: string | null;
  updatedAt: string;
  /** Fields without a column of their own, as a JSON object (name → text), or null. */
  extra: string | null;
}

/** The fields a reporter supplies (already validated). */
export interface OutcomeFields {
  goalId: string;
  title: string;
  /** Normalised title used to spot duplicates. */
  titleKey: string;
  description: string | null;
  partyId: string | null;
  happenedOn: string;
  link: string | null;
  businessId: string | null;
  /** Fields without a column of their own, as a JSON object (name → text). */
  extra?: string | null;
}

/** Filters for listings; all optional. */
export interface OutcomeFilter {
  goalId?: string;
  partyId?: string;
  year?: number;
  status?: OutcomeStatus;
  /** Default true: retracted rows are left out unless `status` asks for them. */
  excludeRetracted?: boolean;
  limit?: number;
}

/** The columns of an `Outcome`, named as its fields. */
export const OUTCOME_COLUMNS = `id, goal_id AS goalId, title, description, party_id AS partyId, happened_on AS happenedOn, link,
  business_id AS businessId, reported_by AS reportedBy, reported_at AS reportedAt, status,
  verified_by AS verifiedBy, verified_at AS verifiedAt, retracted_by AS retractedBy,
  retracted_at AS retractedAt, retract_reason AS retractReason, updated_at AS updatedAt, extra`;

/** One outcome by id. */
export function getOutcome(store: Store, id: number): Outcome | null {
  return (stmt(store, `SELECT ${OUTCOME_COLUMNS} FROM outcomes WHERE id = ?`).get(id) as Outcome | undefined) ?? null;
}

/** Counted (not retracted) outcomes that look like the same thing: same goal and title, or same Business ID. */
export function findDuplicates(store: Store, f: Pick<OutcomeFields, 'goalId' | 'titleKey' | 'businessId'>, excludeId = 0): Outcome[] {
  return stmt(store,
      `SELECT ${OUTCOME_COLUMNS} FROM outcomes
       WHERE status <> 'retracted' AND id <> ? AND ((goal_id = ? AND title_key = ?) OR (? IS NOT NULL AND business_id = ?))
       ORDER BY id LIMIT 5`,
    )
    .all(excludeId, f.goalId, f.titleKey, f.businessId, f.businessId) as Outcome[];
}

/** Result of an insert: the stored row, or the existing rows it duplicates. */
export type InsertResult = { ok: true; outcome: Outcome } | { ok: false; duplicates: Outcome[] };

/** Stores a new outcome (status `reported`) unless it duplicates one and `allowDuplicate` is false. */
export function insertOutcome(store: Store, f: OutcomeFields, actor: string, at: string, allowDuplicate = false): InsertResult {
  return writeTransaction(store, () => {
    if (!allowDuplicate) {
      const duplicates = findDuplicates(store, f);
      if (duplicates.length > 0) return { ok: false, duplicates };
    }
    // RETURNING hands back the stored row (defaults included) without a second look-up.
    const outcome = stmt(store,
        `INSERT INTO outcomes (goal_id, title, title_key, description, party_id, happened_on, link, business_id, extra, reported_by, reported_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${OUTCOME_COLUMNS}`,
      )
      .get(f.goalId, f.title, f.titleKey, f.description, f.partyId, f.happenedOn, f.link, f.businessId, f.extra ?? null, actor, at, at) as Outcome;
    appendAudit(store, { at, actor, action: 'report', outcomeId: outcome.id, before: null, after: outcome });
    return { ok: true, outcome };
  });
}

/** Editable columns and their SQL names. */
const EDITABLE: Record<keyof OutcomeFields, string> = {
  goalId: 'goal_id',
  title: 'title',
  titleKey: 'title_key',
  description: 'description',
  partyId: 'party_id',
  happenedOn: 'happened_on',
  link: 'link',
  businessId: 'business_id',
  extra: 'extra',
};

/**
 * Applies changes to an outcome (audited with before/after). `resetVerification` returns a
 * verified outcome to `reported` (an edit by a non-admin must be checked again).
 */
export function updateOutcome(
  store: Store,
  id: number,
  changes: Partial<OutcomeFields>,
  actor: string,
  at: string,
  opts: { resetVerification?: boolean } = {},
): Outcome | null {
  return writeTransaction(store, () => {
    const before = getOutcome(store, id);
    if (!before) return null;
    const keys = (Object.keys(changes) as (keyof OutcomeFields)[]).filter((k) => changes[k] !== undefined);
    const sets = keys.map((k) => `${EDITABLE[k]} = ?`);
    const values: unknown[] = keys.map((k) => changes[k]);
    if (opts.resetVerification && before.status === 'verified') sets.push("status = 'reported'", 'verified_by = NULL', 'verified_at = NULL');
    sets.push('updated_at = ?');
    values.push(at, id);
    stmt(store, `UPDATE outcomes SET ${sets.join(', ')} WHERE id = ?`).run(...values);
    const after = getOutcome(store, id)!;
    appendAudit(store, { at, actor, action: 'edit', outcomeId: id, before, after });
    return after;
  });
}

/** Marks a reported outcome verified (audited). Returns null when it does not exist. */
export function verifyOutcome(store: Store, id: number, actor: string, at: string): Outcome | null {
  return writeTransaction(store, () => {
    const before = getOutcome(store, id);
    if (!before) return null;
    stmt(store, "UPDATE outcomes SET status = 'verified', verified_by = ?, verified_at = ?, updated_at = ? WHERE id = ?").run(actor, at, at, id);
    const after = getOutcome(store, id)!;
    appendAudit(store, { at, actor, action: 'verify', outcomeId: id, before, after });
    return after;
  });
}

/** Retracts an outcome with a reason (audited). The row stays; it just stops counting. */
export function retractOutcome(store: Store, id: number, reason: string, actor: string, at: string): Outcome | null {
  return writeTransaction(store, () => {
    const before = getOutcome(store, id);
    if (!before) return null;
    stmt(store, "UPDATE outcomes SET status = 'retracted', retracted_by = ?, retracted_at = ?, retract_reason = ?, updated_at = ? WHERE id = ?")
      .run(actor, at, reason, at, id);
    const after = getOutcome(store, id)!;
    appendAudit(store, { at, actor, action: 'retract', outcomeId: id, before, after });
    return after;
  });
}

/** Outcomes matching a filter, newest happening first. */
export function listOutcomes(store: Store, filter: OutcomeFilter = {}): Outcome[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.goalId !== undefined) {
    where.push('goal_id = ?');
    params.push(filter.goalId);
  }
  if (filter.partyId !== undefined) {
    where.push('party_id = ?');
    params.push(filter.partyId);
  }
  if (filter.year !== undefined) {
    // A range on happened_on uses its index, unlike substr().
    where.push('happened_on >= ? AND happened_on < ?');
    params.push(`${filter.year}-01-01`, `${filter.year + 1}-01-01`);
  }
  if (filter.status !== undefined) {
    where.push('status = ?');
    params.push(filter.status);
  } else if (filter.excludeRetracted !== false) {
    where.push("status <> 'retracted'");
  }
  const sql = `SELECT ${OUTCOME_COLUMNS} FROM outcomes ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY happened_on DESC, id DESC ${filter.limit !== undefined ? 'LIMIT ?' : ''}`;
  if (filter.limit !== undefined) params.push(filter.limit);
  return stmt(store, sql).all(...params) as Outcome[];
}

/** Every outcome, retracted included, by id (for exports). */
export function allOutcomes(store: Store): Outcome[] {
  return stmt(store, `SELECT ${OUTCOME_COLUMNS} FROM outcomes ORDER BY id`).all() as Outcome[];
}

/**
 * Stores many outcomes in one transaction (imports, benchmarks), each audited as a report.
 * No duplicate check: the caller vouches for the rows. Returns how many were stored.
 */
export function insertOutcomesBulk(store: Store, rows: OutcomeFields[], actor: string, at: string): number {
  const insert = stmt(store,
    `INSERT INTO outcomes (goal_id, title, title_key, description, party_id, happened_on, link, business_id, reported_by, reported_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return writeTransaction(store, () => {
    for (const f of rows) {
      const info = insert.run(f.goalId, f.title, f.titleKey, f.description, f.partyId, f.happenedOn, f.link, f.businessId, actor, at, at);
      appendAudit(store, { at, actor, action: 'report', outcomeId: Number(info.lastInsertRowid), after: f });
    }
    return rows.length;
  });
}
