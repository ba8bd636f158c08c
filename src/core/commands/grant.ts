/**
 * `/grant <user> reporter|admin [party=<id>]`: an admin gives a role; stored with who granted
 * it, audited. A reporter's party (optional) is who their check-in reminders speak for; given
 * again for an existing reporter, it changes the party.
 */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import type { ArgSpec } from './spec.js';
import { reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { dayOf, nowIso } from '../outcomes/guard.js';
import { grantRole, type Role } from '../../store/roles.js';
import { PARTY_ARG } from '../outcomes/fields.js';
import { partyShortName } from '../outcomes/format.js';

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

/** The party a reporter reports for: only with the reporter role. */
const REPORTER_PARTY: ArgSpec = {
  ...PARTY_ARG,
  onlyWith: { arg: 'role', values: ['reporter'] },
  description: L("The reporter's party (their reminders show its figures)", 'Raportoijan osapuoli (muistutukset näyttävät sen luvut)'),
};

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  const user = values.user!;
  const role = values.role as Role;
  const kb = ctx.services.knowledge.current;
  const { created, partyChanged, grant } = grantRole(ctx.services.store, user, role, ctx.user, nowIso(ctx), values.party);
  const fi = ctx.lang === 'fi';
  const party = grant.partyId ? partyShortName(kb, grant.partyId, ctx.lang) : null;
  const forParty = party ? (fi ? ` (osapuoli ${party})` : ` for ${party}`) : '';
  const text = created
    ? fi
      ? `Myönnetty: ${user} on nyt ${role}${forParty}.`
      : `Granted: ${user} is now ${role === 'admin' ? 'an admin' : 'a reporter'}${forParty}.`
    : partyChanged
      ? fi
        ? `${user} raportoi nyt osapuolelle ${party}.`
        : `${user} now reports for ${party}.`
      : fi
        ? `${user} on jo ${role}${forParty} (myönsi ${grant.grantedBy} ${dayOf(ctx, grant.grantedAt)}). Mitään ei muutettu.`
        : `${user} already has the ${role} role${forParty} (granted by ${grant.grantedBy} on ${dayOf(ctx, grant.grantedAt)}). Nothing changed.`;
  return reply(ctx.lang, text, { data: { grant: { user, role, created, party: grant.partyId } } });
}

export const grantCommand: Command = {
  name: 'grant',
  aliases: ['myonna', 'myönnä'],
  summary: L('Give a user a role (admins)', 'Myönnä käyttäjälle rooli (ylläpitäjät)'),
  args: [...ROLE_ARGS, REPORTER_PARTY],
  role: 'admin',
  roleAction: L('grant roles', 'roolien myöntäminen'),
  writes: true,
  private: true,
  examples: {
    en: ['/grant slack:U012AB reporter', '/grant slack:U012AB reporter party=KAMK', '/grant discord:81234567 admin'],
    fi: ['/grant slack:U012AB raportoija', '/grant slack:U012AB raportoija osapuoli=KAMK', '/grant discord:81234567 ylläpitäjä'],
  },
  run,
};
