/** `/roles`: your own roles, and (for admins) everyone's. */
import type { Command, CommandContext } from './types.js';
import { reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { adminList, rolesOf } from '../outcomes/authorize.js';
import { listGrants } from '../../store/roles.js';
import { dayOf } from '../outcomes/guard.js';

function run(ctx: CommandContext): Reply {
  const fi = ctx.lang === 'fi';
  const mine = [...rolesOf(ctx)];
  const text = mine.length
    ? fi
      ? `Sinun roolisi (${ctx.user}): ${mine.join(', ')}.`
      : `Your roles (${ctx.user}): ${mine.join(', ')}.`
    : fi
      ? `Sinulla (${ctx.user}) ei ole rooleja: voit kysyä ja katsoa edistymistä. Raportoijan roolin voi myöntää ylläpitäjä: ${adminList(ctx).join(', ') || '-'}.`
      : `You (${ctx.user}) have no roles: you can ask and see progress. An admin can make you a reporter: ${adminList(ctx).join(', ') || '-'}.`;
  const configured = ctx.services.config.BOT_ADMINS.map((u) => (fi ? `${u}: admin (BOT_ADMINS)` : `${u}: admin (BOT_ADMINS)`));
  const stored = listGrants(ctx.services.store).map((g) =>
    fi ? `${g.user}: ${g.role} (myönsi ${g.grantedBy} ${dayOf(ctx, g.grantedAt)})` : `${g.user}: ${g.role} (granted by ${g.grantedBy} on ${dayOf(ctx, g.grantedAt)})`,
  );
  return reply(ctx.lang, text, {
    visibility: 'ephemeral',
    sections: [{ heading: fi ? 'Kaikki roolit' : 'All roles', lines: [...configured, ...stored] }],
    data: { roles: mine },
  });
}

export const rolesCommand: Command = {
  name: 'roles',
  aliases: ['roolit'],
  summary: L('Who may report and administer', 'Kuka saa raportoida ja ylläpitää'),
  args: [],
  role: 'anyone',
  writes: false,
  examples: { en: ['/roles', '/roolit'], fi: ['/roolit', '/roles'] },
  run,
};
