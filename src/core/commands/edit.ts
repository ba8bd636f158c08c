/** `/edit <id> field=value...`: corrects an outcome; the audit history keeps the old values. */
import type { Command, CommandArgs, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { findOutcome, mayChange } from '../outcomes/access.js';
import { isAdmin } from '../outcomes/authorize.js';
import { duplicateReply } from '../outcomes/duplicates.js';
import { describeProblems, type FieldProblem } from '../outcomes/field-messages.js';
import { canonicalKeys, validateFields } from '../outcomes/fields.js';
import { outcomeLine } from '../outcomes/format.js';
import { nowIso, storeGuard, today } from '../outcomes/guard.js';
import { titleKey } from '../outcomes/normalise.js';
import { resolveGoal, resolveParty } from '../outcomes/resolve.js';
import { findDuplicates, updateOutcome, type OutcomeFields } from '../../store/outcomes.js';

const USAGE = '/edit 12 title="Acme Oy" date=2024-05-31 party=KAMK link=https://… business-id=1234567-8 note="…"';

function run(ctx: CommandContext, args: CommandArgs): Reply {
  const { lang, services } = ctx;
  const fi = lang === 'fi';
  const found = findOutcome(ctx, args.positional[0], USAGE);
  if (!found.ok) return found.reply;
  const o = found.outcome;
  const denied = mayChange(ctx, o, { en: 'edit', fi: 'muokkaus' });
  if (denied) return denied;
  if (o.status === 'retracted') return errorReply(lang, fi ? `Tulos #${o.id} on peruttu, eikä sitä voi muokata. Raportoi tarvittaessa uusi.` : `Outcome #${o.id} is retracted and cannot be edited. Report a new one if needed.`, { data: { error: 'state' } });
  const named = canonicalKeys(args.named);
  const fieldNames = Object.keys(named).filter((k) => k !== 'duplicate');
  if (fieldNames.length === 0 || args.positional.length > 1) return errorReply(lang, fi ? `Anna muutettavat kentät muodossa kenttä=arvo, esim. ${USAGE}` : `Give the fields to change as field=value, e.g. ${USAGE}`, { data: { error: 'invalid' } });

  const checked = validateFields(named, today(ctx), true);
  const problems: FieldProblem[] = checked.ok ? [] : [...checked.problems];
  const kb = services.knowledge.current;
  const changes: Partial<OutcomeFields> = {};
  if (checked.ok) {
    const f = checked.fields;
    if (f.goal !== undefined) {
      const g = resolveGoal(kb, f.goal);
      if (g.ok) changes.goalId = g.value.id;
      else problems.push({ field: 'goal', code: 'unknown-goal', value: f.goal, suggestions: g.suggestions });
    }
    if (f.party !== undefined) {
      const p = f.party === '' ? null : resolveParty(kb, f.party);
      if (p === null) changes.partyId = null;
      else if (p.ok) changes.partyId = p.value.id;
      else problems.push({ field: 'party', code: 'unknown-party', value: f.party, suggestions: p.suggestions });
    }
    if (f.title !== undefined) Object.assign(changes, { title: f.title, titleKey: titleKey(f.title) });
    if (f.date !== undefined) changes.happenedOn = f.date;
    if (f.link !== undefined) changes.link = f.link === '' ? null : f.link;
    if (f['business-id'] !== undefined) changes.businessId = f['business-id'] === '' ? null : f['business-id'];
    if (f.note !== undefined) changes.description = f.note === '' ? null : f.note;
  }
  if (problems.length > 0) return errorReply(lang, describeProblems(lang, problems, 'changed'), { data: { error: 'invalid', problems } });

  const identityChanged = changes.goalId !== undefined || changes.titleKey !== undefined || changes.businessId !== undefined;
  if (identityChanged && named.duplicate === undefined) {
    const dups = findDuplicates(services.store, { goalId: changes.goalId ?? o.goalId, titleKey: changes.titleKey ?? titleKey(o.title), businessId: changes.businessId === undefined ? o.businessId : changes.businessId }, o.id);
    if (dups.length > 0) return duplicateReply(ctx, dups);
  }
  const reset = !isAdmin(ctx) && o.status === 'verified';
  const after = updateOutcome(services.store, o.id, changes, ctx.user, nowIso(ctx), { resetVerification: reset })!;
  const note = reset ? (fi ? ' Tulos palasi tilaan raportoitu: ylläpitäjän pitää vahvistaa se uudelleen.' : ' It is back to reported: an admin needs to verify it again.') : '';
  return reply(lang, `${fi ? 'Muokattu' : 'Edited'}: ${outcomeLine(kb, after, lang, true)}.${note} ${fi ? 'Vanhat arvot' : 'Old values'}: /history ${after.id}`, {
    data: { outcome: { id: after.id, goal: after.goalId, status: after.status } },
  });
}

export const editCommand: Command = {
  name: 'edit',
  aliases: ['muokkaa'],
  summary: { en: 'Correct an outcome (your own, or any as admin)', fi: 'Korjaa tulosta (omaa, tai mitä tahansa ylläpitäjänä)' },
  usage: '/edit <id> field=value...',
  run: storeGuard(run),
};
