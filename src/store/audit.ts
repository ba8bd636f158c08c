/**
 * The append-only audit history: every report, import, edit, verification, retraction and role
 * change, with who, when and the values before and after (as JSON).
 */
import type { Store } from './store.js';
import { stmt } from './statements.js';

/** What changed. `import`: an outcome stored by `kajaani-bot import` (its `after` says from which file and line). */
export type AuditAction = 'report' | 'edit' | 'verify' | 'retract' | 'grant' | 'revoke' | 'import';

/** One audit entry as stored. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  outcomeId: number | null;
  /** The user a role change is about. */
  subject: string | null;
  before: unknown;
  after: unknown;
}

/** An entry to append; `before`/`after` are serialised as JSON. */
export interface NewAuditEntry {
  at: string;
  actor: string;
  action: AuditAction;
  outcomeId?: number | null;
  subject?: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** Appends one entry. Call inside the write transaction of the change it records. */
export function appendAudit(store: Store, e: NewAuditEntry): void {
  stmt(store, 'INSERT INTO audit (at, actor, action, outcome_id, subject, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(e.at, e.actor, e.action, e.outcomeId ?? null, e.subject ?? null, json(e.before), json(e.after));
}

interface AuditRaw {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  outcomeId: number | null;
  subject: string | null;
  before: string | null;
  after: string | null;
}

const SELECT = 'SELECT id, at, actor, action, outcome_id AS outcomeId, subject, before, after FROM audit';

function toEntry(r: AuditRaw): AuditEntry {
  return { ...r, before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after) };
}

/** The history of one outcome, oldest first. */
export function outcomeHistory(store: Store, outcomeId: number): AuditEntry[] {
  return (stmt(store, `${SELECT} WHERE outcome_id = ? ORDER BY id`).all(outcomeId) as AuditRaw[]).map(toEntry);
}

/** The role changes about one user, oldest first. */
export function roleHistory(store: Store, user: string): AuditEntry[] {
  return (stmt(store, `${SELECT} WHERE subject = ? AND action IN ('grant', 'revoke') ORDER BY id`).all(user) as AuditRaw[]).map(toEntry);
}

/** Number of audit entries (tests and health checks). */
export function auditCount(store: Store): number {
  return (stmt(store, 'SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
}
