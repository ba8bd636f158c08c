/** `/grant <user> reporter|admin`: an admin gives a role; stored with who granted it, audited. */
import type { Command, CommandArgs, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { isAdmin, notAllowed } from '../outcomes/authorize.js';
import { isIdentity, parseRole } from '../outcomes/identity.js';
import { nowIso, storeGuard } from '../outcomes/guard.js';
import { grantRole } from '../../store/roles.js';

/** The usage error shared by /grant and /revoke. */
export function roleUsage(ctx: CommandContext, verb: 'grant' | 'revoke'): Reply {
  return errorReply(
    ctx.lang,
    ctx.lang === 'fi'
      ? `Käyttö: /${verb} <käyttäjä> reporter|admin, esim. /${verb} slack:U012AB reporter. Käyttäjä annetaan alustan tunnuksena (slack:…, discord:… tai console:…).`
      : `Usage: /${verb} <user> reporter|admin, e.g. /${verb} slack:U012AB reporter. Give the user as a platform id (slack:…, discord:… or console:…).`,
    { data: { error: 'invalid' } },
  );
}

function run(ctx: CommandContext, args: CommandArgs): Reply {
  if (!isAdmin(ctx)) return notAllowed(ctx, 'admin', { en: 'grant roles', fi: 'roolien myöntäminen' });
  const [user, roleText] = args.positional;
  const role = parseRole(roleText);
  if (!user || !isIdentity(user) || !role || args.positional.length > 2 || Object.keys(args.named).length > 0) return roleUsage(ctx, 'grant');
  const { created, grant } = grantRole(ctx.services.store, user, role, ctx.user, nowIso(ctx));
  const fi = ctx.lang === 'fi';
  const text = created
    ? fi
      ? `Myönnetty: ${user} on nyt ${role}.`
      : `Granted: ${user} is now ${role === 'admin' ? 'an admin' : 'a reporter'}.`
    : fi
      ? `${user} on jo ${role} (myönsi ${grant.grantedBy} ${grant.grantedAt.slice(0, 10)}). Mitään ei muutettu.`
      : `${user} already has the ${role} role (granted by ${grant.grantedBy} on ${grant.grantedAt.slice(0, 10)}). Nothing changed.`;
  return reply(ctx.lang, text, { data: { grant: { user, role, created } } });
}

export const grantCommand: Command = {
  name: 'grant',
  aliases: ['myonna'],
  summary: { en: 'Give a user a role (admins)', fi: 'Myönnä käyttäjälle rooli (ylläpitäjät)' },
  usage: '/grant <user> reporter|admin',
  run: storeGuard(run),
};
