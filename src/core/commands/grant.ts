/** `/grant <user> reporter|admin`: an admin gives a role; stored with who granted it, audited. */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import type { ArgSpec } from './spec.js';
import { reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { dayOf, nowIso } from '../outcomes/guard.js';
import { grantRole, type Role } from '../../store/roles.js';

/** The arguments of /grant and /revoke: who, and which role. */
export const ROLE_ARGS: readonly ArgSpec[] = [
  {
    name: 'user',
    nameFi: 'käyttäjä',
    keyAliases: ['kayttaja'],
    kind: 'user',
    required: true,
    position: 'positional',
    label: L('User', 'Käyttäjä'),
    description: L('The user, as a platform id (slack:U…, discord:…, console:…)', 'Käyttäjä alustan tunnuksena (slack:U…, discord:…, console:…)'),
  },
  {
    name: 'role',
    nameFi: 'rooli',
    keyAliases: ['rooli'],
    kind: 'choice',
    choices: [
      { value: 'reporter', label: L('reporter', 'raportoija'), aliases: ['raportoija'] },
      { value: 'admin', label: L('admin', 'ylläpitäjä'), aliases: ['ylläpitäjä', 'yllapitaja'] },
    ],
    required: true,
    position: 'positional',
    label: L('Role', 'Rooli'),
    description: L('The role', 'Rooli'),
  },
];

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  const user = values.user!;
  const role = values.role as Role;
  const { created, grant } = grantRole(ctx.services.store, user, role, ctx.user, nowIso(ctx));
  const fi = ctx.lang === 'fi';
  const text = created
    ? fi
      ? `Myönnetty: ${user} on nyt ${role}.`
      : `Granted: ${user} is now ${role === 'admin' ? 'an admin' : 'a reporter'}.`
    : fi
      ? `${user} on jo ${role} (myönsi ${grant.grantedBy} ${dayOf(ctx, grant.grantedAt)}). Mitään ei muutettu.`
      : `${user} already has the ${role} role (granted by ${grant.grantedBy} on ${dayOf(ctx, grant.grantedAt)}). Nothing changed.`;
  return reply(ctx.lang, text, { data: { grant: { user, role, created } } });
}

export const grantCommand: Command = {
  name: 'grant',
  aliases: ['myonna', 'myönnä'],
  summary: L('Give a user a role (admins)', 'Myönnä käyttäjälle rooli (ylläpitäjät)'),
  args: ROLE_ARGS,
  role: 'admin',
  roleAction: L('grant roles', 'roolien myöntäminen'),
  writes: true,
  private: true,
  examples: {
    en: ['/grant slack:U012AB reporter', '/grant discord:81234567 admin'],
    fi: ['/grant slack:U012AB raportoija', '/grant discord:81234567 ylläpitäjä'],
  },
  run,
};
