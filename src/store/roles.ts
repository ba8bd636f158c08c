/** Stored role grants (admins from BOT_ADMINS are not stored; they come from configuration). */
import { appendAudit } from './audit.js';
import { writeTransaction, type Store } from './store.js';
import { stmt } from './statements.js';

/** A role a user can hold. */
export type Role = 'reporter' | 'admin';

/** One stored grant. */
export interface RoleGrant {
  user: string;
  role: Role;
  grantedBy: string;
  grantedAt: string;
  /** The party a reporter reports for (`/grant … reporter party=KAMK`), if given. */
  partyId: string | null;
}

const SELECT = 'SELECT user_id AS user, role, granted_by AS grantedBy, granted_at AS grantedAt, party_id AS partyId FROM roles';

/** The roles stored for a user. */
export function storedRoles(store: Store, user: string): Role[] {
  return (stmt(store, 'SELECT role FROM roles WHERE user_id = ? ORDER BY role').all(user) as { role: Role }[]).map((r) => r.role);
}

/** Every stored grant, by user then role. */
export function listGrants(store: Store): RoleGrant[] {
  return stmt(store, `${SELECT} ORDER BY user_id, role`).all() as RoleGrant[];
}

/**
 * Grants a role and records it in the audit history. When the user already holds it, the
 * grant is kept, except that a `partyId` given and different from the stored one replaces
 * it (audited too); otherwise nothing is recorded.
 */
export function grantRole(
  store: Store,
  user: string,
  role: Role,
  actor: string,
  at: string,
  partyId?: string | null,
): { created: boolean; partyChanged: boolean; grant: RoleGrant } {
  return writeTransaction(store, () => {
    const existing = stmt(store, `${SELECT} WHERE user_id = ? AND role = ?`).get(user, role) as RoleGrant | undefined;
    if (existing) {
      if (partyId === undefined || partyId === existing.partyId) return { created: false, partyChanged: false, grant: existing };
      stmt(store, 'UPDATE roles SET party_id = ? WHERE user_id = ? AND role = ?').run(partyId, user, role);
      const grant: RoleGrant = { ...existing, partyId };
      appendAudit(store, { at, actor, action: 'grant', subject: user, before: existing, after: grant });
      return { created: false, partyChanged: true, grant };
    }
    stmt(store, 'INSERT INTO roles (user_id, role, granted_by, granted_at, party_id) VALUES (?, ?, ?, ?, ?)').run(user, role, actor, at, partyId ?? null);
    const grant: RoleGrant = { user, role, grantedBy: actor, grantedAt: at, partyId: partyId ?? null };
    appendAudit(store, { at, actor, action: 'grant', subject: user, before: null, after: grant });
    return { created: true, partyChanged: false, grant };
  });
}

/**
 * Revokes a stored role (audited). Returns the removed grant, or null if there was none.
 * With `keepAnAdmin`, the last stored admin grant is never removed (the answer is then
 * `'last-admin'`): checked in the same transaction, so two admins revoking each other at the
 * same moment cannot leave nobody.
 */
export function revokeRole(store: Store, user: string, role: Role, actor: string, at: string, opts: { keepAnAdmin?: boolean } = {}): RoleGrant | null | 'last-admin' {
  return writeTransaction(store, () => {
    const existing = stmt(store, `${SELECT} WHERE user_id = ? AND role = ?`).get(user, role) as RoleGrant | undefined;
    if (!existing) return null;
    if (role === 'admin' && opts.keepAnAdmin) {
      const others = stmt(store, "SELECT COUNT(*) FROM roles WHERE role = 'admin' AND user_id <> ?").pluck().get(user) as number;
      if (others === 0) return 'last-admin';
    }
    stmt(store, 'DELETE FROM roles WHERE user_id = ? AND role = ?').run(user, role);
    appendAudit(store, { at, actor, action: 'revoke', subject: user, before: existing, after: null });
    return existing;
  });
}
