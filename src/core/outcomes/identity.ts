/** Platform-qualified user ids (`slack:U123`, `discord:8123`, `console:alice`) and role names. */
import type { Role } from '../../store/roles.js';

const IDENTITY = /^(slack|discord|console):[^\s,<>@]+$/;

/** True for a platform-qualified id the core can store and compare. */
export function isIdentity(s: string): boolean {
  return IDENTITY.test(s);
}

/** Parses a role name in English or Finnish. */
export function parseRole(s: string | undefined): Role | null {
  const v = (s ?? '').trim().toLowerCase();
  if (['reporter', 'raportoija'].includes(v)) return 'reporter';
  if (['admin', 'ylläpitäjä', 'yllapitaja'].includes(v)) return 'admin';
  return null;
}
