/**
 * The check-in reminders' SQL: each user's opt-out and reachability, the "nothing this time"
 * answers, and the figures a reminder shows (what a party or a user reported in a month and
 * in total). The (period, user) send claims are in claims.ts (table `reminder`).
 */
import { writeTransaction, type Store } from './store.js';
import { stmt } from './statements.js';
import { getClaim, type Claim } from './claims.js';

/** A user's reminder settings; a user without a row gets reminders. */
export interface ReminderUser {
  user: string;
  optedOut: boolean;
  changedAt: string | null;
  /** When the platform first refused a DM to this user (null when reachable). */
  unreachableSince: string | null;
  /** The platform's code for that refusal (`cannot_dm_bot`, `50007`…). */
  unreachableError: string | null;
}

const USER_COLUMNS = 'user_id AS user, opted_out AS optedOut, changed_at AS changedAt, unreachable_since AS unreachableSince, unreachable_error AS unreachableError';

type UserRow = Omit<ReminderUser, 'optedOut'> & { optedOut: number };
const toUser = (r: UserRow): ReminderUser => ({ ...r, optedOut: r.optedOut === 1 });

/** One user's settings, or null (never changed: reminders on). */
export function reminderUser(store: Store, user: string): ReminderUser | null {
  const r = stmt(store, `SELECT ${USER_COLUMNS} FROM reminder_users WHERE user_id = ?`).get(user) as UserRow | undefined;
  return r ? toUser(r) : null;
}

/** Every user with settings, by id. */
export function reminderUsers(store: Store): Map<string, ReminderUser> {
  const rows = stmt(store, `SELECT ${USER_COLUMNS} FROM reminder_users`).all() as UserRow[];
  return new Map(rows.map((r) => [r.user, toUser(r)]));
}

/**
 * `/remind off` or `/remind on`. Turning reminders on also forgets an earlier "cannot be
 * DMed" (the user is evidently talking to the bot), so the next run tries again.
 */
export function setReminders(store: Store, user: string, on: boolean, at: string): ReminderUser {
  return writeTransaction(store, () => {
    stmt(store,
      `INSERT INTO reminder_users (user_id, opted_out, changed_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET opted_out = excluded.opted_out, changed_at = excluded.changed_at,
         unreachable_since = CASE WHEN excluded.opted_out = 0 THEN NULL ELSE unreachable_since END,
         unreachable_error = CASE WHEN excluded.opted_out = 0 THEN NULL ELSE unreachable_error END`,
    ).run(user, on ? 0 : 1, at);
    return reminderUser(store, user)!;
  });
}

/** Records that the platform refused to DM the user; the first refusal's time is kept. */
export function markUnreachable(store: Store, user: string, error: string, at: string): void {
  writeTransaction(store, () => {
    stmt(store,
      `INSERT INTO reminder_users (user_id, unreachable_since, unreachable_error) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET unreachable_since = COALESCE(unreachable_since, excluded.unreachable_since), unreachable_error = excluded.unreachable_error`,
    ).run(user, at, error.slice(0, 200));
  });
}

/** A (period, user) send row with the user's answer to it. */
export interface ReminderSend extends Claim {
  answer: 'nothing' | null;
  answeredAt: string | null;
}

/** The row for (period, user), if any. */
export function reminderSend(store: Store, period: string, user: string): ReminderSend | null {
  const claim = getClaim(store, 'reminder', period, user);
  if (!claim) return null;
  const a = stmt(store, 'SELECT answer, answered_at AS answeredAt FROM reminder_sends WHERE period = ? AND user_id = ?').get(period, user) as Pick<ReminderSend, 'answer' | 'answeredAt'>;
  return { ...claim, ...a };
}

/** Every row of a period, by user. */
export function reminderSends(store: Store, period: string): Map<string, ReminderSend> {
  const rows = stmt(store,
    `SELECT period, user_id AS key, status, owner, claimed_at AS claimedAt, lease_until AS leaseUntil, attempts, next_attempt_at AS nextAttemptAt,
       message_id AS messageId, last_error AS lastError, done_at AS doneAt, answer, answered_at AS answeredAt
     FROM reminder_sends WHERE period = ?`,
  ).all(period) as ReminderSend[];
  return new Map(rows.map((r) => [r.key, r]));
}

/**
 * "Nothing this time" for (period, user): kept on the reminder's row. Given before any
 * reminder went out (typed, or the row failed and waits for a retry), the row becomes
 * `skipped`, so none is sent for that period. Returns whether it was already recorded.
 */
export function recordNothing(store: Store, period: string, user: string, at: string): { already: boolean } {
  return writeTransaction(store, () => {
    const existing = reminderSend(store, period, user);
    if (existing?.answer === 'nothing') return { already: true };
    if (!existing) {
      stmt(store,
        `INSERT INTO reminder_sends (period, user_id, status, owner, claimed_at, lease_until, done_at, answer, answered_at)
         VALUES (?, ?, 'skipped', 'user', ?, ?, ?, 'nothing', ?)`,
      ).run(period, user, at, at, at, at);
    } else {
      stmt(store,
        `UPDATE reminder_sends SET answer = 'nothing', answered_at = ?,
           status = CASE WHEN status = 'failed' THEN 'skipped' ELSE status END, next_attempt_at = CASE WHEN status = 'failed' THEN NULL ELSE next_attempt_at END
         WHERE period = ? AND user_id = ?`,
      ).run(at, period, user);
    }
    return { already: false };
  });
}

/** Users with counted (not retracted) outcomes reported in `[startUtc, endUtc)`, with how many. */
export function reportersActiveIn(store: Store, startUtc: string, endUtc: string): Map<string, number> {
  const rows = stmt(store,
    `SELECT reported_by AS user, COUNT(*) AS n FROM outcomes
     WHERE reported_at >= ? AND reported_at < ? AND status <> 'retracted' GROUP BY reported_by`,
  ).all(startUtc, endUtc) as { user: string; n: number }[];
  return new Map(rows.map((r) => [r.user, r.n]));
}

/** The party of the user's latest counted report that named one, or null. */
export function latestPartyOf(store: Store, user: string): string | null {
  const r = stmt(store,
    `SELECT party_id AS partyId FROM outcomes INDEXED BY outcomes_reported_by
     WHERE reported_by = ? AND party_id IS NOT NULL AND status <> 'retracted' ORDER BY reported_at DESC, id DESC LIMIT 1`,
  ).get(user) as { partyId: string } | undefined;
  return r?.partyId ?? null;
}

/** What a party (or one user) has reported: in a period, and in total. */
export interface ReportedFigures {
  /** Counted outcomes reported in the period. */
  inPeriod: number;
  /** Counted outcomes in total. */
  total: number;
  /** Of the total, verified. */
  verified: number;
}

/** A party's figures: totals from the kept counts, the period from the reported_at index. */
export function partyFigures(store: Store, partyId: string, startUtc: string, endUtc: string): ReportedFigures {
  const totals = stmt(store,
    `SELECT COALESCE(SUM(n), 0) AS total, COALESCE(SUM(n) FILTER (WHERE status = 'verified'), 0) AS verified
     FROM goal_counts WHERE party_key = ? AND status IN ('reported', 'verified')`,
  ).get(partyId) as { total: number; verified: number };
  const period = stmt(store,
    `SELECT COUNT(*) AS n FROM outcomes WHERE reported_at >= ? AND reported_at < ? AND party_id = ? AND status <> 'retracted'`,
  ).get(startUtc, endUtc, partyId) as { n: number };
  return { inPeriod: period.n, ...totals };
}

/** One user's own figures (a reporter without a party). */
export function userFigures(store: Store, user: string, startUtc: string, endUtc: string): ReportedFigures {
  return stmt(store,
    `SELECT COALESCE(SUM(reported_at >= ? AND reported_at < ?), 0) AS inPeriod, COUNT(*) AS total, COALESCE(SUM(status = 'verified'), 0) AS verified
     FROM outcomes INDEXED BY outcomes_reported_by WHERE reported_by = ? AND status <> 'retracted'`,
  ).get(startUtc, endUtc, user) as ReportedFigures;
}
