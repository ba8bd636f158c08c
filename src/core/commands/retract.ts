/** `/retract <id> reason="..."`: withdraws an outcome; the row stays, it just stops counting. */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { findOutcome, mayChange, OUTCOME_ID } from '../outcomes/access.js';
import { nowIso } from '../outcomes/guard.js';
import { RETRACT_REASON_ARG } from '../outcomes/fields.js';
import { retractOutcome } from '../../store/outcomes.js';

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  const found = findOutcome(ctx, values.id!);
  if (!found.ok) return found.reply;
  const o = found.outcome;
  const denied = mayChange(ctx, o, { en: 'retract', fi: 'peruminen' });
  if (denied) return denied;
  const fi = ctx.lang === 'fi';
  if (o.status === 'retracted') {
    return errorReply(ctx.lang, fi ? `Tulos #${o.id} on jo peruttu (${o.retractedBy}: ${o.retractReason}).` : `Outcome #${o.id} is already retracted (${o.retractedBy}: ${o.retractReason}).`, {
      data: { error: 'state', status: o.status },
    });
  }
  const after = retractOutcome(ctx.services.store, o.id, values.reason!, ctx.user, nowIso(ctx))!;
  return reply(
    ctx.lang,
    fi ? `Peruttu: #${after.id} "${after.title}". Se ei enää näy laskuissa, mutta säilyy historiassa (/history ${after.id}).` : `Retracted: #${after.id} "${after.title}". It no longer counts, but stays in the history (/history ${after.id}).`,
    { data: { outcome: { id: after.id, goal: after.goalId, status: after.status } } },
  );
}

export const retractCommand: Command = {
  name: 'retract',
  aliases: ['peru', 'peruuta'],
  summary: L('Withdraw an outcome, with a reason', 'Peru tulos syineen'),
  args: [
    OUTCOME_ID,
    RETRACT_REASON_ARG,
  ],
  role: 'reporter',
  roleAction: L('retract', 'peruminen'),
  writes: true,
  private: true,
  examples: {
    en: ['/retract 12 reason="reported twice"', '/retract 7 reason="not in the agreement area"'],
    fi: ['/retract 12 reason="kirjattu kahdesti"', '/retract 7 reason="ei sopimusalueella"'],
  },
  run,
};
