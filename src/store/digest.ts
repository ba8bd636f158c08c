/**
 * The weekly digest's SQL: the period snapshot (aggregated in SQL so a digest over 100,000
 * outcomes stays well under 50 ms), channel subscriptions, and the (period, channel) claims
 * that make each post happen exactly once, even with two bot processes on one file (kept in
 * claims.ts, shared with the reminders).
 *
 * Timestamps are ISO strings from `Date.toISOString()`, so comparing them as text compares
 * instants.
 */
import { writeTransaction, type Store } from './store.js';
import { stmt } from './statements.js';
import { getClaim, listClaims, takeClaim, type Claim, type ClaimResult } from './claims.js';

/** Counts for one goal at the start and end of a period. */
export interface DigestGoalCounts {
  goalId: string;
  /** Counted (not retracted) outcomes reported before the period started. */
  atStart: number;
  /** Counted outcomes reported before the period ended. */
  atEnd: number;
  /** Outcomes reported in the period that still counted at its end. */
  added: number;
}

/** One outcome listed in a digest. */
export interface DigestItem {
  id: number;
  goalId: string;
  title: string;
  partyId: string | null;
  happenedOn: string;
  link: string | null;
  /** When it was reported, verified or retracted (by list). */
  at: string;
  /** The retraction reason (retracted list only). */
  reason: string | null;
}

/** A list truncated to a limit (in the order things happened), with the full count. */
export interface DigestList {
  items: DigestItem[];
  total: number;
}

/** Reporting activity of one party in the period. */
export interface PartyActivity {
  partyId: string | null;
  reported: number;
}

/** Everything the digest needs about one period, read in one snapshot. */
export interface DigestSnapshot {
  goals: DigestGoalCounts[];
  added: DigestList;
  verified: DigestList;
  retracted: DigestList;
  activity: PartyActivity[];
}

/**
 * Reads the snapshot for `[startUtc, endUtc)` for `goalIds`. Lists hold at most `limit` items
 * each (the renderer shows fewer); totals are always exact. Runs in one read transaction, so
 * the numbers agree with each other even while reports keep arriving.
 *
 * "Counted at instant t" is reported before t and not retracted before t. A retraction never
 * precedes its report, so that is (reported before t) − (retracted before t): one index range
 * count per goal plus small queries over the period and the (few) retracted rows, instead of
 * evaluating conditions on every row.
 */
export function digestSnapshot(store: Store, goalIds: string[], startUtc: string, endUtc: string, limit = 50): DigestSnapshot {
  const p = { start: startUtc, end: endUtc, limit };
  const read = store.db.transaction((): DigestSnapshot => {
    const reportedBefore = stmt(store, 'SELECT COUNT(*) AS n FROM outcomes WHERE goal_id = ? AND reported_at < ?');
    const inPeriod = new Map(
      (
        stmt(store,
            `SELECT goal_id AS goalId, COUNT(*) AS reported, COALESCE(SUM(status = 'retracted' AND retracted_at < :end), 0) AS gone
             FROM outcomes WHERE reported_at >= :start AND reported_at < :end GROUP BY goal_id`,
          )
          .all(p) as { goalId: string; reported: number; gone: number }[]
      ).map((r) => [r.goalId, r]),
    );
    const retracted = new Map(
      (
        stmt(store,
            `SELECT goal_id AS goalId, COALESCE(SUM(retracted_at < :start), 0) AS beforeStart, COUNT(*) AS beforeEnd
             FROM outcomes WHERE status = 'retracted' AND retracted_at < :end GROUP BY goal_id`,
          )
          .all(p) as { goalId: string; beforeStart: number; beforeEnd: number }[]
      ).map((r) => [r.goalId, r]),
    );
    const goals = goalIds.map((goalId): DigestGoalCounts => {
      const before = (reportedBefore.get(goalId, startUtc) as { n: number }).n;
      const period = inPeriod.get(goalId) ?? { reported: 0, gone: 0 };
      const gone = retracted.get(goalId) ?? { beforeStart: 0, beforeEnd: 0 };
      return {
        goalId,
        atStart: before - gone.beforeStart,
        atEnd: before + period.reported - gone.beforeEnd,
        added: period.reported - period.gone,
      };
    });
    const itemCols = 'o.id, o.goal_id AS goalId, o.title, o.party_id AS partyId, o.happened_on AS happenedOn, o.link';
    const addedItems = stmt(store,
        `SELECT ${itemCols}, o.reported_at AS at, NULL AS reason FROM outcomes o
         WHERE o.reported_at >= :start AND o.reported_at < :end AND NOT (o.status = 'retracted' AND o.retracted_at < :end)
         ORDER BY o.reported_at, o.id LIMIT :limit`,
      )
      .all(p) as DigestItem[];
    const addedTotal = [...inPeriod.values()].reduce((n, g) => n + g.reported - g.gone, 0);
    const auditList = (action: 'verify' | 'retract'): DigestList => {
      const reason = action === 'retract' ? "json_extract(a.after, '$.retractReason')" : 'NULL';
      const items = stmt(store,
          `SELECT ${itemCols}, a.at AS at, ${reason} AS reason FROM audit a JOIN outcomes o ON o.id = a.outcome_id
           WHERE a.action = '${action}' AND a.at >= :start AND a.at < :end
           ORDER BY a.at, a.id LIMIT :limit`,
        )
        .all(p) as DigestItem[];
      const { n } = stmt(store, `SELECT COUNT(*) AS n FROM audit WHERE action = '${action}' AND at >= :start AND at < :end`).get(p) as { n: number };
      return { items, total: n };
    };
    const activity = stmt(store,
        `SELECT party_id AS partyId, COUNT(*) AS reported FROM outcomes
         WHERE reported_at >= :start AND reported_at < :end AND NOT (status = 'retracted' AND retracted_at < :end)
         GROUP BY party_id ORDER BY reported DESC, party_id`,
      )
      .all(p) as PartyActivity[];
    return { goals, added: { items: addedItems, total: addedTotal }, verified: auditList('verify'), retracted: auditList('retract'), activity };
  });
  return read();
}

// ── Subscriptions ────────────────────────────────────────────────────────────────────

/** The language(s) a channel's digest is written in. */
export type DigestLang = 'fi' | 'en' | 'both';

/** A channel that receives the digest. */
export interface DigestSubscription {
  /** `slack:<channel>` or `discord:<channel>`: the claim key. */
  channel: string;
  platform: 'slack' | 'discord';
  /** The conversation id it was subscribed from (`discord:<guild>:<channel>`). */
  conversation: string;
  lang: DigestLang;
  subscribedBy: string;
  subscribedAt: string;
}

const SUB_COLUMNS = 'channel, platform, conversation, lang, subscribed_by AS subscribedBy, subscribed_at AS subscribedAt';

/** Subscribes a channel, or changes its language. Returns whether it was new. */
export function upsertSubscription(store: Store, s: DigestSubscription): { created: boolean } {
  return writeTransaction(store, () => {
    const existing = stmt(store, 'SELECT 1 FROM digest_subscriptions WHERE channel = ?').get(s.channel);
    stmt(store,
        `INSERT INTO digest_subscriptions (channel, platform, conversation, lang, subscribed_by, subscribed_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (channel) DO UPDATE SET lang = excluded.lang, conversation = excluded.conversation`,
      )
      .run(s.channel, s.platform, s.conversation, s.lang, s.subscribedBy, s.subscribedAt);
    return { created: existing === undefined };
  });
}

/** Removes a subscription; returns the removed row or null. */
export function deleteSubscription(store: Store, channel: string): DigestSubscription | null {
  return writeTransaction(store, () => {
    const existing = getSubscription(store, channel);
    if (existing) stmt(store, 'DELETE FROM digest_subscriptions WHERE channel = ?').run(channel);
    return existing;
  });
}

/** One subscription by channel key. */
export function getSubscription(store: Store, channel: string): DigestSubscription | null {
  return (stmt(store, `SELECT ${SUB_COLUMNS} FROM digest_subscriptions WHERE channel = ?`).get(channel) as DigestSubscription | undefined) ?? null;
}

/** Every subscription, by channel. */
export function listSubscriptions(store: Store): DigestSubscription[] {
  return stmt(store, `SELECT ${SUB_COLUMNS} FROM digest_subscriptions ORDER BY channel`).all() as DigestSubscription[];
}

// ── Claims ───────────────────────────────────────────────────────────────────────────
// The (period, channel) rows live in claims.ts, shared with the reminders; these name them
// as the digest does (by channel).

/** The bookkeeping row of one (period, channel). */
export interface DigestPost extends Omit<Claim, 'key'> {
  channel: string;
}

const asPost = ({ key, ...rest }: Claim): DigestPost => ({ channel: key, ...rest });

/** The row for (period, channel), if any. */
export function getPost(store: Store, period: string, channel: string): DigestPost | null {
  const c = getClaim(store, 'digest', period, channel);
  return c ? asPost(c) : null;
}

/** Every row for a period (or all), by channel. */
export function listPosts(store: Store, period?: string): DigestPost[] {
  return listClaims(store, 'digest', period).map(asPost);
}

/** Claims (period, channel) for `owner` (see `takeClaim`). */
export function claimPost(store: Store, a: { period: string; channel: string; owner: string; now: string; leaseUntil: string; ignoreBackoff?: boolean }): ClaimResult {
  const { channel, ...rest } = a;
  return takeClaim(store, 'digest', { ...rest, key: channel });
}
