/**
 * Exactly-once claims, shared by everything the bot sends on a schedule: the weekly digest
 * (one row per period and channel, `digest_posts`) and the check-in reminders (one row per
 * period and user, `reminder_sends`). A row is claimed in an IMMEDIATE transaction before
 * anything is sent and finished with the platform's message id after; the primary key is
 * the guarantee, so two processes on one file never both send.
 *
 * Timestamps are ISO strings from `Date.toISOString()`, so comparing them as text compares
 * instants.
 */
import { writeTransaction, type Store } from './store.js';
import { stmt } from './statements.js';

/** Each claim table and the column naming what is claimed (fixed names: never user input). */
const TABLES = {
  digest: { table: 'digest_posts', key: 'channel' },
  reminder: { table: 'reminder_sends', key: 'user_id' },
} as const;

/** Which claim table. */
export type ClaimTable = keyof typeof TABLES;

/**
 * A claim's state: `claimed` while a process sends; `failed` waits for its back-off;
 * `done` was sent; `skipped` needs no sending (a quiet digest week, a user who already
 * answered); `abandoned` failed too often; `unreachable` the platform refused for good
 * (a user the bot cannot DM). Each table's CHECK lists the states it uses.
 */
export type ClaimStatus = 'claimed' | 'failed' | 'done' | 'skipped' | 'abandoned' | 'unreachable';

/** The bookkeeping row of one (period, key). */
export interface Claim {
  period: string;
  /** The channel key (digest) or the user id (reminders). */
  key: string;
  status: ClaimStatus;
  owner: string;
  claimedAt: string;
  leaseUntil: string;
  attempts: number;
  nextAttemptAt: string | null;
  messageId: string | null;
  lastError: string | null;
  doneAt: string | null;
}

/** What a claim attempt found. */
export type ClaimResult =
  | { kind: 'claimed'; claim: Claim }
  | { kind: 'done' | 'skipped' | 'abandoned' | 'unreachable'; claim: Claim }
  /** Another process holds a live claim. */
  | { kind: 'busy'; claim: Claim }
  /** It failed before and its back-off has not passed. */
  | { kind: 'waiting'; claim: Claim };

/** Finished states: a claim in one of these is never taken again. */
const FINAL: ReadonlySet<ClaimStatus> = new Set(['done', 'skipped', 'abandoned', 'unreachable']);

function columns(t: ClaimTable): string {
  return `period, ${TABLES[t].key} AS key, status, owner, claimed_at AS claimedAt, lease_until AS leaseUntil, attempts,
    next_attempt_at AS nextAttemptAt, message_id AS messageId, last_error AS lastError, done_at AS doneAt`;
}

/** The row for (period, key), if any. */
export function getClaim(store: Store, t: ClaimTable, period: string, key: string): Claim | null {
  const { table, key: col } = TABLES[t];
  return (stmt(store, `SELECT ${columns(t)} FROM ${table} WHERE period = ? AND ${col} = ?`).get(period, key) as Claim | undefined) ?? null;
}

/** Every row of a period (or all), by key. */
export function listClaims(store: Store, t: ClaimTable, period?: string): Claim[] {
  const { table, key } = TABLES[t];
  if (period === undefined) return stmt(store, `SELECT ${columns(t)} FROM ${table} ORDER BY period, ${key}`).all() as Claim[];
  return stmt(store, `SELECT ${columns(t)} FROM ${table} WHERE period = ? ORDER BY ${key}`).all(period) as Claim[];
}

/** Failed claims whose next attempt is due at `now`. */
export function dueClaims(store: Store, t: ClaimTable, now: string): Claim[] {
  return stmt(store, `SELECT ${columns(t)} FROM ${TABLES[t].table} WHERE status = 'failed' AND next_attempt_at <= ? ORDER BY next_attempt_at`).all(now) as Claim[];
}

/**
 * Claims (period, key) for `owner` in one IMMEDIATE transaction: a new row, a failed row
 * whose back-off has passed (or `ignoreBackoff`), or a claim whose lease expired (its
 * process died). Anything else is reported back unchanged.
 */
export function takeClaim(
  store: Store,
  t: ClaimTable,
  a: { period: string; key: string; owner: string; now: string; leaseUntil: string; ignoreBackoff?: boolean },
): ClaimResult {
  const { table, key } = TABLES[t];
  return writeTransaction(store, () => {
    const existing = getClaim(store, t, a.period, a.key);
    if (!existing) {
      stmt(store, `INSERT INTO ${table} (period, ${key}, status, owner, claimed_at, lease_until) VALUES (?, ?, 'claimed', ?, ?, ?)`).run(a.period, a.key, a.owner, a.now, a.leaseUntil);
      return { kind: 'claimed', claim: getClaim(store, t, a.period, a.key)! };
    }
    if (FINAL.has(existing.status)) return { kind: existing.status as 'done' | 'skipped' | 'abandoned' | 'unreachable', claim: existing };
    if (existing.status === 'claimed' && existing.leaseUntil > a.now) return { kind: 'busy', claim: existing };
    if (existing.status === 'failed' && !a.ignoreBackoff && (existing.nextAttemptAt ?? '') > a.now) return { kind: 'waiting', claim: existing };
    stmt(store, `UPDATE ${table} SET status = 'claimed', owner = ?, claimed_at = ?, lease_until = ? WHERE period = ? AND ${key} = ?`).run(a.owner, a.now, a.leaseUntil, a.period, a.key);
    return { kind: 'claimed', claim: getClaim(store, t, a.period, a.key)! };
  });
}

/** Records the platform message id as soon as the message exists (before any later step can fail). */
export function recordClaimMessage(store: Store, t: ClaimTable, a: { period: string; key: string; owner: string; messageId: string }): void {
  const { table, key } = TABLES[t];
  writeTransaction(store, () => {
    stmt(store, `UPDATE ${table} SET message_id = ? WHERE period = ? AND ${key} = ? AND owner = ?`).run(a.messageId, a.period, a.key, a.owner);
  });
}

/**
 * Finishes a claim this owner holds: `done` with the message id, `skipped`, or `unreachable`
 * with the platform's reason in `error`. False when the claim was no longer this owner's.
 */
export function finishClaim(
  store: Store,
  t: ClaimTable,
  a: { period: string; key: string; owner: string; now: string; status: 'done' | 'skipped' | 'unreachable'; messageId: string | null; error?: string },
): boolean {
  const { table, key } = TABLES[t];
  return writeTransaction(store, () => {
    const info = stmt(store,
        `UPDATE ${table} SET status = ?, message_id = COALESCE(?, message_id), done_at = ?, last_error = ?, next_attempt_at = NULL
         WHERE period = ? AND ${key} = ? AND owner = ? AND status = 'claimed'`,
      )
      .run(a.status, a.messageId, a.now, a.error?.slice(0, 1000) ?? null, a.period, a.key, a.owner);
    return info.changes === 1;
  });
}

/** Records a failed attempt: `failed` with the next attempt time, or `abandoned` when `nextAttemptAt` is null. */
export function failClaim(store: Store, t: ClaimTable, a: { period: string; key: string; owner: string; error: string; nextAttemptAt: string | null }): Claim | null {
  const { table, key } = TABLES[t];
  return writeTransaction(store, () => {
    stmt(store,
        `UPDATE ${table} SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?
         WHERE period = ? AND ${key} = ? AND owner = ? AND status = 'claimed'`,
      )
      .run(a.nextAttemptAt === null ? 'abandoned' : 'failed', a.error.slice(0, 1000), a.nextAttemptAt, a.period, a.key, a.owner);
    return getClaim(store, t, a.period, a.key);
  });
}
