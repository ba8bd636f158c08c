/** `/revoke <user> reporter|admin`: an admin removes a stored role (audited). */
import type { Command, CommandArgs, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { isAdmin, notAllowed } from '../outcomes/authorize.js';
import { isIdentity, parseRole } from '../outcomes/identity.js';
import { nowIso, storeGuard } from '../outcomes/guard.js';
import { revokeRole } from '../../store/roles.js';
import { roleUsage } from './grant.js';

function run(ctx: CommandContext, args: CommandArgs): Reply {
  if (!isAdmin(ctx)) return notAllowed(ctx, 'admin', { en: 'revoke roles', fi: 'roolien poistaminen' });
  const [user, roleText] = args.positional;
  const role = parseRole(roleText);
  if (!user || !isIdentity(user) || !role || args.positional.length > 2 || Object.keys(args.named).length > 0) return roleUsage(ctx, 'revoke');
  const fi = ctx.lang === 'fi';
  if (role === 'admin' && ctx.services.config.BOT_ADMINS.includes(user)) {
    return errorReply(
      ctx.lang,
      fi
        ? `${user} on ylläpitäjä BOT_ADMINS-asetuksen kautta; poista hänet sieltä ja käynnistä botti uudelleen.`
        : `${user} is an admin through the BOT_ADMINS setting; remove them there and restart the bot.`,
      { data: { error: 'configured-admin' } },
    );
  }
  const removed = revokeRole(ctx.services.store, user, role, ctx.user, nowIso(ctx));
  if (!removed) {
    return errorReply(ctx.lang, fi ? `Käyttäjällä ${user} ei ole roolia ${role}. Mitään ei muutettu.` : `${user} does not have the ${role} role. Nothing changed.`, {
      data: { error: 'not-found' },
    });
  }
  return reply(ctx.lang, fi ? `Poistettu: ${user} ei ole enää ${role}.` : `Revoked: ${user} no longer has the ${role} role.`, { data: { revoke: { user, role } } });
}

export const revokeCommand: Command = {
  name: 'revoke',
  aliases: ['peru-rooli'],
  summary: { en: 'Remove a role from a user (admins)', fi: 'Poista käyttäjän rooli (ylläpitäjät)' },
  usage: '/revoke <user> reporter|admin',
  run: storeGuard(run),
};
