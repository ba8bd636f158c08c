/**
 * The digest's content, as data: a pure function of the knowledge base's goals, one period's
 * snapshot from the store and the period itself. Rendering (text per language, chart) is
 * separate, so the same `Digest` feeds the preview, the posts and `--json`.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { Comparator } from '../reply.js';
import { progressFigures } from '../outcomes/progress.js';
import type { DigestItem, DigestList, DigestSnapshot, PartyActivity } from '../../store/digest.js';
import type { DigestPeriod } from './period.js';

/** One goal's state at the end of the period. */
export interface DigestGoal {
  goalId: string;
  kind: 'quantitative' | 'qualitative';
  /** Counted at the end of the period. */
  count: number;
  /** Net change over the period (new minus retracted). */
  change: number;
  /** Reported in the period and still counted (qualitative: new milestones). */
  added: number;
  target: number | null;
  comparator: Comparator | null;
  needed: number | null;
  met: boolean;
  /** Per month since 2021 at the period's end. */
  pacePerMonth: number;
  /** Per month needed from the period's end to the end of 2029 (null when met or qualitative). */
  neededPerMonth: number | null;
  /** Whether the pace so far reaches the target by the end of 2029; null for qualitative goals. */
  onTrack: boolean | null;
}

/** The digest of one period. */
export interface Digest {
  period: DigestPeriod;
  /** Nothing was reported, verified or retracted in the period. */
  quiet: boolean;
  goals: DigestGoal[];
  /** New outcomes (ordered by goal, then date). */
  added: DigestList;
  verified: DigestList;
  retracted: DigestList;
  activity: PartyActivity[];
}

/** Builds the digest from a snapshot. Goals follow the knowledge base's order. */
export function composeDigest(kb: Pick<KnowledgeBase, 'goals'>, snapshot: DigestSnapshot, period: DigestPeriod): Digest {
  const byGoal = new Map(snapshot.goals.map((g) => [g.goalId, g]));
  const goals = kb.goals.map((goal): DigestGoal => {
    const c = byGoal.get(goal.id) ?? { atStart: 0, atEnd: 0, added: 0 };
    // Pace is judged on the period's last day, so a digest reads the same whenever it is rendered.
    const f = progressFigures(goal, c.atEnd, period.lastDay, 'en');
    const quantitative = f.row.target !== null;
    return {
      goalId: goal.id,
      kind: goal.kind,
      count: c.atEnd,
      change: c.atEnd - c.atStart,
      added: c.added,
      target: f.row.target,
      comparator: f.row.comparator,
      needed: f.row.needed,
      met: f.row.met,
      pacePerMonth: f.pacePerMonth,
      neededPerMonth: f.neededPerMonth,
      onTrack: quantitative ? f.row.met || (f.neededPerMonth !== null && f.pacePerMonth >= f.neededPerMonth) : null,
    };
  });
  const quiet = snapshot.added.total === 0 && snapshot.verified.total === 0 && snapshot.retracted.total === 0;
  return { period, quiet, goals, added: snapshot.added, verified: snapshot.verified, retracted: snapshot.retracted, activity: snapshot.activity };
}

/** Groups items by goal, keeping the knowledge base's goal order (unknown goals last). */
export function groupByGoal(kb: Pick<KnowledgeBase, 'goals'>, items: DigestItem[]): { goalId: string; items: DigestItem[] }[] {
  const order = new Map(kb.goals.map((g, i) => [g.id, i]));
  const groups = new Map<string, DigestItem[]>();
  for (const item of items) {
    const list = groups.get(item.goalId) ?? [];
    list.push(item);
    groups.set(item.goalId, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b))
    .map(([goalId, list]) => ({ goalId, items: list }));
}
