/**
 * Finding the outcome a command refers to (`12` or `#12`) and deciding whether the user may
 * change it: admins may change anything; reporters only what they reported themselves.
 */
import type { CommandContext } from '../commands/types.js';
import type { ArgSpec } from '../commands/spec.js';
import { errorReply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { getOutcome, type Outcome } from '../../store/outcomes.js';
import { canReport, isAdmin, notAllowed } from './authorize.js';

/** The argument naming an outcome, first on /edit, /retract, /verify and /history. */
export const OUTCOME_ID: ArgSpec = {
  name: 'id',
  nameFi: 'numero',
  kind: 'outcome-id',
  required: true,
  position: 'positional',
  limits: { min: 1 },
  label: L('Outcome number', 'Tuloksen numero'),
  description: L('Outcome number (see /outcomes)', 'Tuloksen numero (katso /outcomes)'),
  usage: L('<id>', '<numero>'),
};

/** The outcome with the (checked) number `id`, or the reply saying there is none. */
export function findOutcome(ctx: CommandContext, id: string): { ok: true; outcome: Outcome } | { ok: false; reply: Reply } {
  const outcome = getOutcome(ctx.services.store, Number(id));
  if (!outcome) {
    const fi = ctx.lang === 'fi';
    return {
      ok: false,
      reply: errorReply(ctx.lang, fi ? `Tulosta #${id} ei ole. Katso numerot: /outcomes` : `There is no outcome #${id}. See the numbers with /outcomes`, { data: { error: 'not-found' } }),
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
