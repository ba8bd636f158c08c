/**
 * Finding the outcome a command refers to (`12` or `#12`) and deciding whether the user may
 * change it: admins may change anything; reporters only what they reported themselves.
 */
import type { CommandContext } from '../commands/types.js';
import { errorReply, type Reply } from '../reply.js';
import { getOutcome, type Outcome } from '../../store/outcomes.js';
import { canReport, isAdmin, notAllowed } from './authorize.js';

/** The outcome named by `idText`, or the reply explaining why there is none. */
export function findOutcome(ctx: CommandContext, idText: string | undefined, usage: string): { ok: true; outcome: Outcome } | { ok: false; reply: Reply } {
  const fi = ctx.lang === 'fi';
  const m = /^#?(\d{1,12})$/.exec((idText ?? '').trim());
  if (!m) {
    return { ok: false, reply: errorReply(ctx.lang, fi ? `Anna tuloksen numero, esim. ${usage}` : `Give the outcome's number, e.g. ${usage}`, { data: { error: 'invalid' } }) };
  }
  const outcome = getOutcome(ctx.services.store, Number(m[1]));
  if (!outcome) {
    return {
      ok: false,
      reply: errorReply(ctx.lang, fi ? `Tulosta #${m[1]} ei ole. Katso numerot: /outcomes` : `There is no outcome #${m[1]}. See the numbers with /outcomes`, { data: { error: 'not-found' } }),
    };
  }
  return { ok: true, outcome };
}

/** Null when the user may change the outcome; otherwise the refusal. */
export function mayChange(ctx: CommandContext, o: Outcome, action: { en: string; fi: string }): Reply | null {
  if (isAdmin(ctx)) return null;
  if (canReport(ctx) && o.reportedBy === ctx.user) return null;
  if (canReport(ctx)) {
    return notAllowed(ctx, 'admin', {
      en: `${action.en} outcome #${o.id} (reported by ${o.reportedBy}; reporters may only change their own)`,
      fi: `tuloksen #${o.id} ${action.fi} (raportoinut ${o.reportedBy}; raportoija voi muuttaa vain omiaan)`,
    });
  }
  return notAllowed(ctx, 'reporter', action);
}
