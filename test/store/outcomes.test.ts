import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { getOutcome, insertOutcome, listOutcomes, retractOutcome, updateOutcome, verifyOutcome } from '../../src/store/outcomes.js';
import { auditCount, outcomeHistory, roleHistory } from '../../src/store/audit.js';
import { grantRole, revokeRole, storedRoles } from '../../src/store/roles.js';
import { countsByGoal, countsForParty, goalCounts, goalStats } from '../../src/store/progress.js';
import { insertOutcomesBulk } from '../../src/store/outcomes.js';
import { fields } from '../helpers/store.js';
import { tempDbPath } from '../helpers/temp.js';

const store = openStore(tempDbPath());
afterAll(() => store.close());
const T = '2024-06-01T09:00:00.000Z';

describe('outcome rows', () => {
  it('stores hostile titles verbatim and leaves the schema intact', () => {
    const titles = ["x'); DROP TABLE outcomes;--", '@everyone', '<!channel>', '**bold**', 'Kahvila ☕ Oy 🚀'];
    for (const title of titles) {
      const r = insertOutcome(store, fields({ goalId: 'service-products', title, titleKey: title }), 'console:a', T);
      expect(r.ok).toBe(true);
    }
    const stored = listOutcomes(store, { goalId: 'service-products' }).map((o) => o.title);
    expect(stored.sort()).toEqual([...titles].sort());
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'outcomes'").get()).toBeTruthy();
  });

  it('refuses a duplicate title or Business ID unless allowed', () => {
    const a = insertOutcome(store, fields({ title: 'Dup Oy', titleKey: 'dup oy', businessId: '0737546-2' }), 'console:a', T);
    expect(a.ok).toBe(true);
    const sameTitle = insertOutcome(store, fields({ title: 'DUP OY', titleKey: 'dup oy' }), 'console:b', T);
    expect(sameTitle.ok).toBe(false);
    const sameId = insertOutcome(store, fields({ title: 'Other', titleKey: 'other', businessId: '0737546-2' }), 'console:b', T);
    expect(sameId.ok).toBe(false);
    if (!sameId.ok && a.ok) expect(sameId.duplicates[0]!.id).toBe(a.outcome.id);
    expect(insertOutcome(store, fields({ title: 'DUP OY', titleKey: 'dup oy' }), 'console:b', T, true).ok).toBe(true);
  });

  it('edits, verifies and retracts with a full audit history and never deletes', () => {
    const r = insertOutcome(store, fields({ title: 'History Oy', titleKey: 'history oy' }), 'console:rep', T);
    if (!r.ok) throw new Error('insert failed');
    const id = r.outcome.id;
    updateOutcome(store, id, { title: 'History Ltd', titleKey: 'history ltd' }, 'console:rep', '2024-06-02T09:00:00.000Z');
    verifyOutcome(store, id, 'console:admin', '2024-06-03T09:00:00.000Z');
    retractOutcome(store, id, 'counted twice', 'console:admin', '2024-06-04T09:00:00.000Z');
    const o = getOutcome(store, id)!;
    expect(o).toMatchObject({ status: 'retracted', retractedBy: 'console:admin', retractReason: 'counted twice', title: 'History Ltd' });
    const h = outcomeHistory(store, id);
    expect(h.map((e) => e.action)).toEqual(['report', 'edit', 'verify', 'retract']);
    expect(h[1]!.before).toMatchObject({ title: 'History Oy' });
    expect(h[1]!.after).toMatchObject({ title: 'History Ltd' });
    expect(() => store.db.prepare('DELETE FROM outcomes WHERE id = ?').run(id)).toThrow(/never deleted/);
    expect(() => store.db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(() => store.db.prepare("UPDATE audit SET actor = 'x'").run()).toThrow(/append-only/);
  });

  it('excludes retracted outcomes from the counts', () => {
    const before = countsByGoal(store).get('technologies')?.counted ?? 0;
    const r = insertOutcome(store, fields({ goalId: 'technologies', title: 'Tech', titleKey: 'tech' }), 'console:a', T);
    if (!r.ok) throw new Error('insert failed');
    expect(countsByGoal(store).get('technologies')!.counted).toBe(before + 1);
    retractOutcome(store, r.outcome.id, 'wrong goal', 'console:a', T);
    expect(countsByGoal(store).get('technologies')?.counted ?? 0).toBe(before);
    expect(getOutcome(store, r.outcome.id)).not.toBeNull();
  });

  it('breaks a goal down by party and year', () => {
    insertOutcome(store, fields({ goalId: 'data-centre-operators', title: 'A', titleKey: 'a', partyId: 'Kajaani', happenedOn: '2023-02-01' }), 'console:a', T);
    insertOutcome(store, fields({ goalId: 'data-centre-operators', title: 'B', titleKey: 'b', partyId: 'Kajaani', happenedOn: '2025-02-01' }), 'console:a', T);
    insertOutcome(store, fields({ goalId: 'data-centre-operators', title: 'C', titleKey: 'c', partyId: 'CSC', happenedOn: '2025-03-01' }), 'console:a', T);
    const s = goalStats(store, 'data-centre-operators');
    expect(s.counted).toBe(3);
    expect(s.byParty).toEqual([{ partyId: 'Kajaani', count: 2 }, { partyId: 'CSC', count: 1 }]);
    expect(s.byYear).toEqual([{ year: 2023, count: 1 }, { year: 2025, count: 2 }]);
    expect(s.latest[0]!.title).toBe('C');
    expect(listOutcomes(store, { goalId: 'data-centre-operators', year: 2025 })).toHaveLength(2);
  });

  it('keeps the per-goal counts equal to counting the rows, through reports, edits, verifications and retractions', () => {
    const own = openStore(tempDbPath());
    try {
      const recount = (goalId: string) => {
        const r = own.db
          .prepare("SELECT COUNT(*) AS counted, COUNT(*) FILTER (WHERE status = 'verified') AS verified FROM outcomes WHERE goal_id = ? AND status <> 'retracted'")
          .get(goalId) as { counted: number; verified: number };
        return { goalId, ...r };
      };
      const ids: number[] = [];
      for (let i = 0; i < 12; i++) {
        const r = insertOutcome(own, fields({ goalId: i % 3 === 0 ? 'technologies' : 'companies', title: `Count ${i}`, titleKey: `count ${i}` }), 'console:a', T);
        if (r.ok) ids.push(r.outcome.id);
      }
      insertOutcomesBulk(own, [fields({ title: 'Bulk 1', titleKey: 'bulk 1' }), fields({ goalId: 'technologies', title: 'Bulk 2', titleKey: 'bulk 2' })], 'console:a', T);
      verifyOutcome(own, ids[1]!, 'console:admin', T);
      verifyOutcome(own, ids[3]!, 'console:admin', T);
      retractOutcome(own, ids[3]!, 'counted twice', 'console:admin', T); // verified, then retracted
      retractOutcome(own, ids[4]!, 'wrong', 'console:admin', T);
      updateOutcome(own, ids[5]!, { goalId: 'technologies' }, 'console:rep', T); // moved to another goal
      updateOutcome(own, ids[1]!, { title: 'Renamed', titleKey: 'renamed' }, 'console:rep', T, { resetVerification: true }); // verified → reported
      updateOutcome(own, ids[2]!, { title: 'Only the title', titleKey: 'only the title' }, 'console:rep', T);
      updateOutcome(own, ids[7]!, { partyId: null, happenedOn: '2023-03-01' }, 'console:rep', T); // party cleared, another year
      updateOutcome(own, ids[8]!, { partyId: 'CSC', happenedOn: '2024-12-31' }, 'console:rep', T); // another party, same year
      const regroup = (goalId: string, by: 'party_id' | 'year') =>
        own.db
          .prepare(
            `SELECT ${by === 'year' ? "CAST(substr(happened_on, 1, 4) AS INTEGER)" : 'party_id'} AS k, COUNT(*) AS n FROM outcomes
             WHERE goal_id = ? AND status <> 'retracted' GROUP BY k ORDER BY k`,
          )
          .all(goalId) as { k: string | number | null; n: number }[];
      for (const goal of ['companies', 'technologies', 'service-products']) {
        expect(goalCounts(own, goal)).toEqual(recount(goal));
        expect(countsByGoal(own).get(goal) ?? { goalId: goal, counted: 0, verified: 0 }).toEqual(recount(goal));
        const s = goalStats(own, goal);
        expect(s.byYear.map((y) => ({ k: y.year, n: y.count }))).toEqual(regroup(goal, 'year'));
        expect([...s.byParty].sort((a, b) => String(a.partyId).localeCompare(String(b.partyId))).map((p) => ({ k: p.partyId, n: p.count }))).toEqual(
          regroup(goal, 'party_id').sort((a, b) => String(a.k).localeCompare(String(b.k))),
        );
      }
      expect(countsForParty(own, 'CSC')).toEqual([{ goalId: 'companies', count: 1 }]);
      expect(goalCounts(own, 'technologies')).toEqual({ goalId: 'technologies', counted: 5, verified: 0 });
      expect(goalCounts(own, 'companies')).toEqual({ goalId: 'companies', counted: 7, verified: 0 });
      expect(countsByGoal(own).get('companies')).toEqual(goalCounts(own, 'companies'));
    } finally {
      own.close();
    }
  });

  it('grants and revokes roles with audit entries', () => {
    const n = auditCount(store);
    expect(grantRole(store, 'slack:U1', 'reporter', 'console:admin', T).created).toBe(true);
    expect(grantRole(store, 'slack:U1', 'reporter', 'console:admin', T).created).toBe(false);
    expect(storedRoles(store, 'slack:U1')).toEqual(['reporter']);
    expect(revokeRole(store, 'slack:U1', 'reporter', 'console:admin', T)).not.toBeNull();
    expect(storedRoles(store, 'slack:U1')).toEqual([]);
    expect(roleHistory(store, 'slack:U1').map((e) => e.action)).toEqual(['grant', 'revoke']);
    expect(auditCount(store)).toBe(n + 2);
  });
});
