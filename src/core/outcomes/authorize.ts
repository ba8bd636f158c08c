/**
 * Who may do what. Admins come from BOT_ADMINS (configuration) and stored grants; reporters
 * from stored grants or the platform vouching for them (ctx.platformRoles). Admin rights are
 * never taken from a platform: they govern the figures and the audit, so they are granted
 * only in configuration or by another admin, where the audit history records it.
 */
import type { CommandContext } from '../commands/types.js';
import { errorReply, type Reply } from '../reply.js';
import { listGrants, storedRoles, type Role } from '../../store/roles.js';

/** The roles a user holds right now. */
export function rolesOf(ctx: Pick<CommandContext, 'services' | 'user' | 'platformRoles'>): Set<Role> {
  const roles = new Set<Role>(storedRoles(ctx.services.store, ctx.user));
  if (ctx.services.config.BOT_ADMINS.includes(ctx.user)) roles.add('admin');
  if (ctx.platformRoles?.includes('reporter')) roles.add('reporter');
  return roles;
}

/** True when the user is an admin. */
export function isAdmin(ctx: Pick<CommandContext, 'services' | 'user' | 'platformRoles'>): boolean {
  return rolesOf(ctx).has('admin');
}

/** True when the user may report (reporters and admins). */
export function canReport(ctx: Pick<CommandContext, 'services' | 'user' | 'platformRoles'>): boolean {
  const roles = rolesOf(ctx);
  return roles.has('reporter') || roles.has('admin');
}

/** True when the user holds `role` (admins may do what reporters may). */
export function mayRun(ctx: Pick<CommandContext, 'services' | 'user' | 'platformRoles'>, role: Role): boolean {
  return role === 'admin' ? isAdmin(ctx) : canReport(ctx);
}

/** True when anyone at all is an admin: configured in BOT_ADMINS or granted and stored. */
export function anyAdmin(ctx: Pick<CommandContext, 'services'>): boolean {
  return ctx.services.config.BOT_ADMINS.length > 0 || listGrants(ctx.services.store).some((g) => g.role === 'admin');
}

/**
 * The refusal for an unauthorised attempt: which role is needed and that an admin can grant
 * it. Admins are not named: who holds power is for admins to see (`/roles`), and a list of
 * them in every refusal invites a stranger to pester or impersonate them.
 */
export function notAllowed(ctx: CommandContext, needed: Role, action: { en: string; fi: string }): Reply {
  const fi = ctx.lang === 'fi';
  const who = anyAdmin(ctx)
    ? fi
      ? 'Pyydä roolia ylläpitäjältä.'
      : 'Ask an admin to grant it.'
    : fi
      ? 'Ylläpitäjiä ei ole vielä (ne asetetaan BOT_ADMINS-muuttujalla).'
      : 'There are no admins yet (they are set with BOT_ADMINS).';
  const roleName = fi ? (needed === 'admin' ? 'ylläpitäjän (admin)' : 'raportoijan (reporter)') : needed;
  const text = fi
    ? `Sinulla ei ole oikeutta: ${action.fi} vaatii ${roleName} roolin. ${who} Mitään ei muutettu.`
    : `You are not allowed to ${action.en}: it needs the ${roleName} role. ${who} Nothing was changed.`;
  return errorReply(ctx.lang, text, { data: { error: 'forbidden', needed } });
}
