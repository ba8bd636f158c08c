/** `/report <goal> "<title>" [party=] [date=] [link=] [business-id=] [note=] [duplicate=ok]`: stores an outcome. */
import type { Command, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { canReport, notAllowed } from '../outcomes/authorize.js';
import { canonicalKeys, validateFields } from '../outcomes/fields.js';
import { describeProblems, type FieldProblem } from '../outcomes/field-messages.js';
import { resolveGoal, resolveParty } from '../outcomes/resolve.js';
import { titleKey } from '../outcomes/normalise.js';
import { nowIso, storeGuard, today } from '../outcomes/guard.js';
import { goalProgressSummary } from '../outcomes/goal-progress.js';
import { duplicateReply } from '../outcomes/duplicates.js';
import { insertOutcome } from '../../store/outcomes.js';
import { partyShortName } from '../outcomes/format.js';

const USAGE_HINT = {
  en: 'Usage: /report <goal> "<title>" [party=<id>] [date=YYYY-MM-DD] [link=<url>] [business-id=<Y-tunnus>] [note="<text>"], e.g. /report companies "Acme Oy" party=KAMK',
  fi: 'Käyttö: /report <tavoite> "<otsikko>" [party=<tunnus>] [date=VVVV-KK-PP] [link=<url>] [business-id=<Y-tunnus>] [note="<teksti>"], esim. /report companies "Acme Oy" party=KAMK',
};

function run(ctx: CommandContext, args: Parameters<Command['run']>[1]): Reply {
  const { lang, services } = ctx;
  if (!canReport(ctx)) return notAllowed(ctx, 'reporter', { en: 'report outcomes', fi: 'tulosten raportointi' });
  const named = canonicalKeys(args.named);
  const goalText = named.goal ?? args.positional[0];
  const titleText = named.title ?? args.positional.slice(named.goal === undefined ? 1 : 0).join(' ');
  if (goalText === undefined || goalText.trim() === '') return errorReply(lang, USAGE_HINT[lang]);

  const day = today(ctx);
  const checked = validateFields({ ...named, goal: goalText, title: titleText }, day);
  const problems: FieldProblem[] = checked.ok ? [] : checked.problems;
  const kb = services.knowledge.current;
  const goal = resolveGoal(kb, goalText);
  if (!goal.ok) problems.unshift({ field: 'goal', code: 'unknown-goal', value: goalText, suggestions: goal.suggestions });
  const partyText = named.party?.trim();
  const party = partyText ? resolveParty(kb, partyText) : null;
  if (party && !party.ok) problems.push({ field: 'party', code: 'unknown-party', value: partyText, suggestions: party.suggestions });
  if (problems.length > 0 || !checked.ok || !goal.ok || (party && !party.ok)) {
    return errorReply(lang, `${describeProblems(lang, problems)}\n${USAGE_HINT[lang]}`, { data: { error: 'invalid', problems } });
  }

  const f = checked.fields;
  const title = f.title!;
  const result = insertOutcome(
    services.store,
    {
      goalId: goal.value.id,
      title,
      titleKey: titleKey(title),
      description: f.note ?? null,
      partyId: party?.ok ? party.value.id : null,
      happenedOn: f.date ?? day,
      link: f.link ?? null,
      businessId: f['business-id'] ?? null,
    },
    ctx.user,
    nowIso(ctx),
    f.duplicate !== undefined,
  );
  if (!result.ok) return duplicateReply(ctx, result.duplicates);

  const o = result.outcome;
  const progress = goalProgressSummary(services.store, goal.value, lang, day);
  const notes: string[] = [];
  if (goal.corrected) notes.push(lang === 'fi' ? `(Tulkitsin "${goalText}" tavoitteeksi ${goal.value.id}.)` : `(I took "${goalText}" to mean ${goal.value.id}.)`);
  if (party?.ok && party.corrected) notes.push(lang === 'fi' ? `(Tulkitsin "${partyText}" osapuoleksi ${party.value.id}.)` : `(I took "${partyText}" to mean ${party.value.id}.)`);
  const who = partyShortName(kb, o.partyId, lang);
  const text =
    lang === 'fi'
      ? `Tallennettu #${o.id}: "${o.title}" tavoitteeseen ${goal.value.name.fi} (${who}, ${o.happenedOn}). Tila: raportoitu.`
      : `Stored #${o.id}: "${o.title}" for ${goal.value.name.en} (${who}, ${o.happenedOn}). Status: reported.`;
  return reply(lang, [text, ...notes].join(' '), {
    sections: [{ heading: lang === 'fi' ? 'Edistyminen' : 'Progress', lines: progress.lines }],
    progress: [progress.row],
    data: { outcome: { id: o.id, goal: o.goalId, status: o.status } },
  });
}

export const reportCommand: Command = {
  name: 'report',
  aliases: ['raportoi'],
  summary: { en: 'Report an outcome (reporters)', fi: 'Raportoi tulos (raportoijat)' },
  usage: '/report <goal> "<title>" [party=<id>] [date=YYYY-MM-DD] [link=<url>] [business-id=<Y-tunnus>] [note="<text>"]',
  run: storeGuard(run),
};
