/** `/retract <id> reason="..."`: withdraws an outcome; the row stays, it just stops counting. */
import type { Command, CommandArgs, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { findOutcome, mayChange } from '../outcomes/access.js';
import { describeProblem } from '../outcomes/field-messages.js';
import { nowIso, storeGuard } from '../outcomes/guard.js';
import { charLength } from '../outcomes/normalise.js';
import { retractOutcome } from '../../store/outcomes.js';

function run(ctx: CommandContext, args: CommandArgs): Reply {
  const found = findOutcome(ctx, args.positional[0], '/retract 12 reason="reported twice"');
  if (!found.ok) return found.reply;
  const o = found.outcome;
  const denied = mayChange(ctx, o, { en: 'retract', fi: 'peruminen' });
  if (denied) return denied;
  const fi = ctx.lang === 'fi';
  const unknown = Object.keys(args.named).filter((k) => !['reason', 'syy'].includes(k));
  if (unknown.length > 0) return errorReply(ctx.lang, describeProblem(ctx.lang, { field: unknown[0]!, code: 'unknown-field', allowed: ['reason'] }), { data: { error: 'invalid' } });
  const reason = (args.named.reason ?? args.named.syy ?? args.positional.slice(1).join(' ')).trim();
  if (charLength(reason) < 3 || charLength(reason) > 500) return errorReply(ctx.lang, describeProblem(ctx.lang, { field: 'reason', code: 'reason.length' }), { data: { error: 'invalid' } });
  if (o.status === 'retracted') {
    return errorReply(ctx.lang, fi ? `Tulos #${o.id} on jo peruttu (${o.retractedBy}: ${o.retractReason}).` : `Outcome #${o.id} is already retracted (${o.retractedBy}: ${o.retractReason}).`, {
      data: { error: 'state', status: o.status },
    });
  }
  const after = retractOutcome(ctx.services.store, o.id, reason, ctx.user, nowIso(ctx))!;
  return reply(
    ctx.lang,
    fi ? `Peruttu: #${after.id} "${after.title}". Se ei enää näy laskuissa, mutta säilyy historiassa (/history ${after.id}).` : `Retracted: #${after.id} "${after.title}". It no longer counts, but stays in the history (/history ${after.id}).`,
    { data: { outcome: { id: after.id, goal: after.goalId, status: after.status } } },
  );
}

export const retractCommand: Command = {
  name: 'retract',
  aliases: ['peru'],
  summary: { en: 'Withdraw an outcome, with a reason', fi: 'Peru tulos syineen' },
  usage: '/retract <id> reason="<why>"',
  run: storeGuard(run),
};
