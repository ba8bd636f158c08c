/** A seeded store for digest tests: history before week 2026-W48, a busy W48, and later noise. */
import { insertOutcome, retractOutcome, verifyOutcome } from '../../src/store/outcomes.js';
import type { Store } from '../../src/store/store.js';
import { fields } from '../helpers/store.js';

/** 2026-W48 is 23–29 Nov 2026; Helsinki is UTC+2 then, so it is [22 Nov 22:00Z, 29 Nov 22:00Z). */
export const SEED_PERIOD = '2026-W48';

function add(store: Store, at: string, over: Parameters<typeof fields>[0]): number {
  const r = insertOutcome(store, fields(over), 'slack:UREPORTER', at, true);
  if (!r.ok) throw new Error('seed insert failed');
  return r.outcome.id;
}

/** Seeds the store; returns the ids that tests refer to. */
export function seedStore(store: Store): Record<string, number> {
  // Before the period.
  const c1 = add(store, '2025-03-01T10:00:00.000Z', { title: 'Kajaani Analytics Oy', happenedOn: '2025-02-20', partyId: 'KAMK' });
  add(store, '2025-06-01T10:00:00.000Z', { title: 'Sotkamo Sports Tech Oy', happenedOn: '2025-05-15', partyId: 'JYU-Vuokatti' });
  const dup = add(store, '2025-09-01T10:00:00.000Z', { title: 'Kajaani Analytics Ltd', happenedOn: '2025-02-20', partyId: 'KAMK' });
  add(store, '2026-02-01T10:00:00.000Z', { title: 'Measurement Robotics Oy', happenedOn: '2026-01-10', partyId: 'VTT-MIKES' });
  for (let i = 0; i < 3; i++) add(store, `2025-0${i + 1}-05T10:00:00.000Z`, { goalId: 'technologies', title: `Sensor licence ${i + 1}`, happenedOn: `2024-1${i}-01`, partyId: 'VTT-MIKES' });
  for (let i = 0; i < 10; i++) add(store, `2024-0${(i % 9) + 1}-10T10:00:00.000Z`, { goalId: 'service-products', title: `Service ${i + 1}`, happenedOn: `2024-0${(i % 9) + 1}-01`, partyId: 'CSC' });
  add(store, '2023-05-01T10:00:00.000Z', { goalId: 'data-centre-operators', title: 'Operator A', happenedOn: '2023-04-01', partyId: 'Kajaani' });
  add(store, '2024-05-01T10:00:00.000Z', { goalId: 'data-centre-operators', title: 'Operator B', happenedOn: '2024-04-01', partyId: 'Kajaani' });
  add(store, '2025-10-01T10:00:00.000Z', { goalId: 'olympic-data-strategy', title: 'Data strategy workshop', happenedOn: '2025-09-20', partyId: 'JYU' });

  // In the period (local Monday 23 Nov 00:00 = 22 Nov 22:00Z, the very first instant).
  const n1 = add(store, '2026-11-22T22:00:00.000Z', {
    title: 'Ice Hall Data Oy',
    happenedOn: '2026-11-20',
    partyId: 'KAMK',
    link: 'https://example.org/ice-hall-data',
  });
  const n2 = add(store, '2026-11-25T09:30:00.000Z', { title: '@everyone <!channel> Launch Oy', happenedOn: '2026-11-24', partyId: 'JYU-Vuokatti' });
  add(store, '2026-11-26T12:00:00.000Z', { goalId: 'technologies', title: 'Snow sensor licence', happenedOn: '2026-11-26', partyId: 'VTT-MIKES', link: 'https://example.org/snow' });
  add(store, '2026-11-27T08:00:00.000Z', { goalId: 'sports-data-pool', title: 'National sports data pool pilot opened', happenedOn: '2026-11-27', partyId: 'CSC' });
  verifyOutcome(store, c1, 'console:admin', '2026-11-24T08:00:00.000Z');
  retractOutcome(store, dup, 'duplicate of #1', 'console:admin', '2026-11-28T10:00:00.000Z');

  // Sunday 29 Nov 23:59 local (21:59Z) is still in; Monday 00:00 local (22:00Z) is not.
  add(store, '2026-11-29T21:59:00.000Z', { goalId: 'service-products', title: 'Late Sunday service', happenedOn: '2026-11-29', partyId: 'CSC' });
  add(store, '2026-11-29T22:00:00.000Z', { title: 'Next week Oy', happenedOn: '2026-11-30', partyId: 'KAMK' });
  return { c1, dup, n1, n2 };
}
