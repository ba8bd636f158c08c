/** `/verify <id>`: an admin confirms a reported outcome (audited). */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { findOutcome, OUTCOME_ID } from '../outcomes/access.js';
import { nowIso } from '../outcomes/guard.js';
import { verifyOutcome } from '../../store/outcomes.js';

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  const found = findOutcome(ctx, values.id!);
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
  summary: L('Verify a reported outcome (admins)', 'Vahvista raportoitu tulos (ylläpitäjät)'),
  args: [OUTCOME_ID],
  role: 'admin',
  roleAction: L('verify outcomes', 'tulosten vahvistaminen'),
  writes: true,
  private: true,
  examples: { en: ['/verify 12', '/verify #7'], fi: ['/verify 12', '/verify #7'] },
  run,
};
