/** `/revoke <user> reporter|admin`: an admin removes a stored role (audited). */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { nowIso } from '../outcomes/guard.js';
import { revokeRole, type Role } from '../../store/roles.js';
import { ROLE_ARGS } from './grant.js';

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  const user = values.user!;
  const role = values.role as Role;
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
  aliases: ['peru-rooli', 'poista-rooli'],
  summary: L('Remove a role from a user (admins)', 'Poista käyttäjän rooli (ylläpitäjät)'),
  args: ROLE_ARGS,
  role: 'admin',
  roleAction: L('revoke roles', 'roolien poistaminen'),
  writes: true,
  private: true,
  examples: {
    en: ['/revoke slack:U012AB reporter', '/revoke discord:81234567 admin'],
    fi: ['/revoke slack:U012AB raportoija', '/revoke discord:81234567 ylläpitäjä'],
  },
  run,
};
