/** `/verify <id>`: an admin confirms a reported outcome (audited). */
import type { Command, CommandArgs, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { isAdmin, notAllowed } from '../outcomes/authorize.js';
import { findOutcome } from '../outcomes/access.js';
import { nowIso, storeGuard } from '../outcomes/guard.js';
import { verifyOutcome } from '../../store/outcomes.js';

function run(ctx: CommandContext, args: CommandArgs): Reply {
  if (!isAdmin(ctx)) return notAllowed(ctx, 'admin', { en: 'verify outcomes', fi: 'tulosten vahvistaminen' });
  const found = findOutcome(ctx, args.positional[0], '/verify 12');
  if (!found.ok) return found.reply;
  const o = found.outcome;
  const fi = ctx.lang === 'fi';
  if (o.status !== 'reported') {
    const why =
      o.status === 'verified'
        ? fi
          ? `Tulos #${o.id} on jo vahvistettu (${o.verifiedBy}, ${o.verifiedAt?.slice(0, 10)}).`
          : `Outcome #${o.id} is already verified (by ${o.verifiedBy} on ${o.verifiedAt?.slice(0, 10)}).`
        : fi
          ? `Tulos #${o.id} on peruttu, eikä sitä voi vahvistaa.`
          : `Outcome #${o.id} is retracted and cannot be verified.`;
    return errorReply(ctx.lang, why, { data: { error: 'state', status: o.status } });
  }
  const after = verifyOutcome(ctx.services.store, o.id, ctx.user, nowIso(ctx))!;
  return reply(ctx.lang, fi ? `Vahvistettu: #${after.id} "${after.title}".` : `Verified: #${after.id} "${after.title}".`, {
    data: { outcome: { id: after.id, goal: after.goalId, status: after.status } },
  });
}

export const verifyCommand: Command = {
  name: 'verify',
  aliases: ['vahvista'],
  summary: { en: 'Verify a reported outcome (admins)', fi: 'Vahvista raportoitu tulos (ylläpitäjät)' },
  usage: '/verify <id>',
  run: storeGuard(run),
};
