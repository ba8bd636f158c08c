/**
 * `/roles`: your own roles and where each comes from; admins also see everyone's. Who holds
 * which role is for admins only: a stranger learns nothing about others from this command.
 */
import type { Command, CommandContext } from './types.js';
import { reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { anyAdmin, isAdmin, rolesOf } from '../outcomes/authorize.js';
import { listGrants, type RoleGrant } from '../../store/roles.js';
import { dayOf } from '../outcomes/guard.js';

/** A stored grant as a line: `reporter (granted by slack:U1 on 2025-03-04)`. */
function grantText(ctx: CommandContext, g: RoleGrant, fi: boolean): string {
  return fi ? `${g.role} (myönsi ${g.grantedBy} ${dayOf(ctx, g.grantedAt)})` : `${g.role} (granted by ${g.grantedBy} on ${dayOf(ctx, g.grantedAt)})`;
}

/** An admin from BOT_ADMINS: always an admin, whatever is stored; changed only in the configuration. */
const CONFIGURED = L('admin (BOT_ADMINS: always an admin; change it in the configuration)', 'admin (BOT_ADMINS: aina ylläpitäjä; muutetaan asetuksista)');

function run(ctx: CommandContext): Reply {
  const fi = ctx.lang === 'fi';
  const lang = ctx.lang;
  const grants = listGrants(ctx.services.store);
  const configured = ctx.services.config.BOT_ADMINS;
  const mine = [...rolesOf(ctx)];
  // Where each of the user's roles comes from.
  const sources = [
    ...(configured.includes(ctx.user) ? [CONFIGURED[lang]] : []),
    ...grants.filter((g) => g.user === ctx.user && !(g.role === 'admin' && configured.includes(ctx.user))).map((g) => grantText(ctx, g, fi)),
    ...(ctx.platformRoles?.includes('reporter') && !grants.some((g) => g.user === ctx.user && g.role === 'reporter') ? [fi ? 'reporter (palvelimen rooli)' : 'reporter (server role)'] : []),
  ];
  const ask = anyAdmin(ctx) ? (fi ? 'Raportoijan roolin voi myöntää ylläpitäjä.' : 'Ask an admin to make you a reporter.') : fi ? 'Ylläpitäjät asetetaan BOT_ADMINS-muuttujalla.' : 'Admins are set with BOT_ADMINS.';
  const text = mine.length
    ? fi
      ? `Sinun roolisi (${ctx.user}): ${sources.join('; ')}.`
      : `Your roles (${ctx.user}): ${sources.join('; ')}.`
    : fi
      ? `Sinulla (${ctx.user}) ei ole rooleja: voit kysyä ja katsoa edistymistä. ${ask}`
      : `You (${ctx.user}) have no roles: you can ask and see progress. ${ask}`;
  const everyone = isAdmin(ctx)
    ? [{ heading: fi ? 'Kaikki roolit' : 'All roles', lines: [...configured.map((u) => `${u}: ${CONFIGURED[lang]}`), ...grants.filter((g) => !(g.role === 'admin' && configured.includes(g.user))).map((g) => `${g.user}: ${grantText(ctx, g, fi)}`)] }]
    : [];
  return reply(lang, text, { visibility: 'ephemeral', sections: everyone, data: { roles: mine } });
}

export const rolesCommand: Command = {
  name: 'roles',
  aliases: ['roolit'],
  summary: L('Your roles (admins: everyone’s)', 'Roolisi (ylläpitäjät: kaikkien)'),
  args: [],
  role: 'anyone',
  writes: false,
  examples: { en: ['/roles', '/roolit'], fi: ['/roolit', '/roles'] },
  run,
};
