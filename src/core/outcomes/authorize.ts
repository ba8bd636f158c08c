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

/** Everyone who can grant roles: configured admins and stored admin grants. */
export function adminList(ctx: Pick<CommandContext, 'services'>): string[] {
  const stored = listGrants(ctx.services.store).filter((g) => g.role === 'admin').map((g) => g.user);
  return [...new Set([...ctx.services.config.BOT_ADMINS, ...stored])];
}

/** The refusal for an unauthorised attempt: which role is needed and who can grant it. */
export function notAllowed(ctx: CommandContext, needed: Role, action: { en: string; fi: string }): Reply {
  const admins = adminList(ctx);
  const who =
    admins.length > 0
      ? admins.join(', ')
      : ctx.lang === 'fi'
        ? 'ei ketään vielä (ylläpitäjät asetetaan BOT_ADMINS-muuttujalla)'
        : 'nobody yet (admins are set with BOT_ADMINS)';
  const roleName = ctx.lang === 'fi' ? (needed === 'admin' ? 'ylläpitäjän (admin)' : 'raportoijan (reporter)') : needed;
  const text =
    ctx.lang === 'fi'
      ? `Sinulla ei ole oikeutta: ${action.fi} vaatii ${roleName} roolin. Roolin voi myöntää ylläpitäjä: ${who}. Mitään ei muutettu.`
      : `You are not allowed to ${action.en}: it needs the ${roleName} role. An admin can grant it: ${who}. Nothing was changed.`;
  return errorReply(ctx.lang, text, { data: { error: 'forbidden', needed } });
}
