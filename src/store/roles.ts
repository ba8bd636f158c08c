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
}

const SELECT = 'SELECT user_id AS user, role, granted_by AS grantedBy, granted_at AS grantedAt FROM roles';

/** The roles stored for a user. */
export function storedRoles(store: Store, user: string): Role[] {
  return (stmt(store, 'SELECT role FROM roles WHERE user_id = ? ORDER BY role').all(user) as { role: Role }[]).map((r) => r.role);
}

/** Every stored grant, by user then role. */
export function listGrants(store: Store): RoleGrant[] {
  return stmt(store, `${SELECT} ORDER BY user_id, role`).all() as RoleGrant[];
}

/**
 * Grants a role and records it in the audit history. Returns the existing grant unchanged
 * (and records nothing) when the user already holds it.
 */
export function grantRole(store: Store, user: string, role: Role, actor: string, at: string): { created: boolean; grant: RoleGrant } {
  return writeTransaction(store, () => {
    const existing = stmt(store, `${SELECT} WHERE user_id = ? AND role = ?`).get(user, role) as RoleGrant | undefined;
    if (existing) return { created: false, grant: existing };
    stmt(store, 'INSERT INTO roles (user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?)').run(user, role, actor, at);
    const grant: RoleGrant = { user, role, grantedBy: actor, grantedAt: at };
    appendAudit(store, { at, actor, action: 'grant', subject: user, before: null, after: grant });
    return { created: true, grant };
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
