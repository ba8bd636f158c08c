/** `/edit <id> field=value...`: corrects an outcome; the audit history keeps the old values. */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { findOutcome, mayChange, OUTCOME_ID } from '../outcomes/access.js';
import { isAdmin } from '../outcomes/authorize.js';
import { duplicateReply } from '../outcomes/duplicates.js';
import { EDITABLE_ARGS, extraWith } from '../outcomes/fields.js';
import { outcomeLine } from '../outcomes/format.js';
import { echoDate } from '../outcomes/date-text.js';
import { nowIso } from '../outcomes/guard.js';
import { titleKey } from '../outcomes/normalise.js';
import { findDuplicates, updateOutcome, type OutcomeFields } from '../../store/outcomes.js';

/** The outcome fields (store names) each argument changes; '' clears an optional one. */
function changesFrom(v: Readonly<Record<string, string>>, extraBefore: string | null): Partial<OutcomeFields> {
  const changes: Partial<OutcomeFields> = {};
  const extra = extraWith(extraBefore, v);
  if (extra !== undefined) changes.extra = extra;
  const orNull = (x: string) => (x === '' ? null : x);
  if (v.goal !== undefined) changes.goalId = v.goal;
  if (v.party !== undefined) changes.partyId = orNull(v.party);
  if (v.title !== undefined) Object.assign(changes, { title: v.title, titleKey: titleKey(v.title) });
  if (v.date !== undefined) changes.happenedOn = v.date;
  if (v.link !== undefined) changes.link = orNull(v.link);
  if (v['business-id'] !== undefined) changes.businessId = orNull(v['business-id']);
  if (v.note !== undefined) changes.description = orNull(v.note);
  return changes;
}

function run(ctx: CommandContext, args: CheckedArgs): Reply {
  const { lang, services } = ctx;
  const fi = lang === 'fi';
  const example = editCommand.examples[lang][0];
  const found = findOutcome(ctx, args.values.id!);
  if (!found.ok) return found.reply;
  const o = found.outcome;
  const denied = mayChange(ctx, o, { en: 'edit', fi: 'muokkaus' });
  if (denied) return denied;
  if (o.status === 'retracted') return errorReply(lang, fi ? `Tulos #${o.id} on peruttu, eikä sitä voi muokata. Raportoi tarvittaessa uusi.` : `Outcome #${o.id} is retracted and cannot be edited. Report a new one if needed.`, { data: { error: 'state' } });
  const { id: _id, duplicate, ...fields } = args.values;
  if (Object.keys(fields).length === 0) return errorReply(lang, fi ? `Anna muutettavat kentät muodossa kenttä=arvo, esim. ${example}` : `Give the fields to change as field=value, e.g. ${example}`, { data: { error: 'invalid' } });

  const kb = services.knowledge.current;
  const changes = changesFrom(fields, o.extra);
  const identityChanged = changes.goalId !== undefined || changes.titleKey !== undefined || changes.businessId !== undefined;
  if (identityChanged && duplicate === undefined) {
    const dups = findDuplicates(services.store, { goalId: changes.goalId ?? o.goalId, titleKey: changes.titleKey ?? titleKey(o.title), businessId: changes.businessId === undefined ? o.businessId : changes.businessId }, o.id);
    if (dups.length > 0) return duplicateReply(ctx, dups);
  }
  const reset = !isAdmin(ctx) && o.status === 'verified';
  const after = updateOutcome(services.store, o.id, changes, ctx.user, nowIso(ctx), { resetVerification: reset })!;
  const note = reset ? (fi ? ' Tulos palasi tilaan raportoitu: ylläpitäjän pitää vahvistaa se uudelleen.' : ' It is back to reported: an admin needs to verify it again.') : '';
  const day = echoDate(after.happenedOn, args.dateStyles.date);
  return reply(lang, `${fi ? 'Muokattu' : 'Edited'}: ${outcomeLine(kb, after, lang, true, day)}.${note} ${fi ? 'Vanhat arvot' : 'Old values'}: /history ${after.id}`, {
    data: { outcome: { id: after.id, goal: after.goalId, status: after.status } },
  });
}

export const editCommand: Command = {
  name: 'edit',
  aliases: ['muokkaa'],
  summary: L('Correct an outcome (your own, or any as admin)', 'Korjaa tulosta (omaa, tai mitä tahansa ylläpitäjänä)'),
  args: [OUTCOME_ID, ...EDITABLE_ARGS],
  role: 'reporter',
  roleAction: L('edit', 'muokkaus'),
  writes: true,
  private: true,
  examples: {
    en: ['/edit 12 title="Acme Oy" date=2024-05-31', '/edit 12 party=KAMK link=https://example.fi/news', '/edit 12 note=""'],
    fi: ['/edit 12 title="Acme Oy" date=2024-05-31', '/edit 12 party=KAMK link=https://esimerkki.fi/uutinen', '/edit 12 note=""'],
  },
  run,
};
