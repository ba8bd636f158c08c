/**
 * Progress aggregation in SQL (GROUP BY over the covering index on goal_id, status,
 * happened_on, party_id), so progress stays fast with 100,000 outcomes.
 */
import type { Outcome } from './outcomes.js';
import { listOutcomes } from './outcomes.js';
import type { Store } from './store.js';

/** Counted (reported + verified) and verified outcomes for one goal. */
export interface GoalCounts {
  goalId: string;
  counted: number;
  verified: number;
}

/** The numbers behind one goal's progress. */
export interface GoalStats extends GoalCounts {
  /** Counted outcomes per party (null party = not given), largest first. */
  byParty: { partyId: string | null; count: number }[];
  /** Counted outcomes per year it happened, oldest first. */
  byYear: { year: number; count: number }[];
  /** The most recent counted outcomes. */
  latest: Outcome[];
}

/** Counts for every goal that has outcomes. */
export function countsByGoal(store: Store): Map<string, GoalCounts> {
  const rows = store.db
    .prepare(
      `SELECT goal_id AS goalId, COUNT(*) AS counted, SUM(status = 'verified') AS verified
       FROM outcomes WHERE status IN ('reported', 'verified') GROUP BY goal_id`,
    )
    .all() as GoalCounts[];
  return new Map(rows.map((r) => [r.goalId, r]));
}

/** Counts, breakdowns and the latest entries for one goal (optionally limited to a year). */
export function goalStats(store: Store, goalId: string, latestLimit = 5): GoalStats {
  const counts = (store.db
    .prepare(
      `SELECT COUNT(*) AS counted, COALESCE(SUM(status = 'verified'), 0) AS verified
       FROM outcomes WHERE goal_id = ? AND status IN ('reported', 'verified')`,
    )
    .get(goalId) as { counted: number; verified: number }) ?? { counted: 0, verified: 0 };
  const byParty = store.db
    .prepare(
      `SELECT party_id AS partyId, COUNT(*) AS count FROM outcomes
       WHERE goal_id = ? AND status IN ('reported', 'verified') GROUP BY party_id ORDER BY count DESC, party_id`,
    )
    .all(goalId) as GoalStats['byParty'];
  const byYear = store.db
    .prepare(
      `SELECT CAST(substr(happened_on, 1, 4) AS INTEGER) AS year, COUNT(*) AS count FROM outcomes
       WHERE goal_id = ? AND status IN ('reported', 'verified') GROUP BY year ORDER BY year`,
    )
    .all(goalId) as GoalStats['byYear'];
  const latest = listOutcomes(store, { goalId, limit: latestLimit });
  return { goalId, counted: counts.counted, verified: counts.verified, byParty, byYear, latest };
}

/** Counted outcomes per goal reported by one party. */
export function countsForParty(store: Store, partyId: string): { goalId: string; count: number }[] {
  return store.db
    .prepare(
      `SELECT goal_id AS goalId, COUNT(*) AS count FROM outcomes
       WHERE party_id = ? AND status IN ('reported', 'verified') GROUP BY goal_id ORDER BY count DESC, goal_id`,
    )
    .all(partyId) as { goalId: string; count: number }[];
}
