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
  // Without BOT_ADMINS, the stored admins are the only ones: the last of them stays, or
  // nobody could ever grant a role again short of editing the database.
  const removed = revokeRole(ctx.services.store, user, role, ctx.user, nowIso(ctx), { keepAnAdmin: ctx.services.config.BOT_ADMINS.length === 0 });
  if (removed === 'last-admin') {
    const self = user === ctx.user;
    return errorReply(
      ctx.lang,
      fi
        ? `${self ? 'Olet' : `${user} on`} viimeinen ylläpitäjä, joten roolia ei poistettu: ilman ylläpitäjää kukaan ei voisi enää myöntää rooleja. Myönnä ensin joku toinen ylläpitäjäksi (/grant <käyttäjä> admin) tai aseta BOT_ADMINS.`
        : `${self ? 'You are' : `${user} is`} the last admin, so the role was not removed: without an admin nobody could grant roles again. Make someone else an admin first (/grant <user> admin), or set BOT_ADMINS.`,
      { data: { error: 'last-admin' } },
    );
  }
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
