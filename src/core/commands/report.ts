/** `/report <goal> "<title>" [party=] [date=] [link=] [business-id=] [note=] [duplicate=ok]`: stores an outcome. */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { extraWith, OUTCOME_ARGS } from '../outcomes/fields.js';
import { goalById, partyById } from '../outcomes/resolve.js';
import { titleKey } from '../outcomes/normalise.js';
import { nowIso, today } from '../outcomes/guard.js';
import { goalProgressSummary } from '../outcomes/goal-progress.js';
import { duplicateReply } from '../outcomes/duplicates.js';
import { insertOutcome } from '../../store/outcomes.js';
import { partyShortName } from '../outcomes/format.js';
import { echoDate } from '../outcomes/date-text.js';

function run(ctx: CommandContext, { values: v, corrected, dateStyles }: CheckedArgs): Reply {
  const { lang, services } = ctx;
  const kb = services.knowledge.current;
  const goal = goalById(kb, v.goal!)!;
  const title = v.title!;
  const result = insertOutcome(
    services.store,
    {
      goalId: goal.id,
      title,
      titleKey: titleKey(title),
      description: v.note ?? null,
      partyId: partyById(kb, v.party ?? null)?.id ?? null,
      happenedOn: v.date!,
      link: v.link ?? null,
      businessId: v['business-id'] ?? null,
      extra: extraWith(null, v) ?? null,
    },
    ctx.user,
    nowIso(ctx),
    v.duplicate !== undefined,
  );
  if (!result.ok) return duplicateReply(ctx, result.duplicates);

  const o = result.outcome;
  // The confirmation's progress comes from the counts kept per goal (see goalProgressSummary).
  const progress = goalProgressSummary(services.store, goal, lang, today(ctx));
  const notes: string[] = [];
  // The notes name the goal as the reader knows it ("uudet yritykset"), not by its id.
  if (corrected.goal !== undefined) notes.push(lang === 'fi' ? `(Tulkitsin "${corrected.goal}" tavoitteeksi ${goal.name.fi}.)` : `(I took "${corrected.goal}" to mean ${goal.name.en}.)`);
  const who = partyShortName(kb, o.partyId, lang);
  if (corrected.party !== undefined) notes.push(lang === 'fi' ? `(Tulkitsin "${corrected.party}" osapuoleksi ${who}.)` : `(I took "${corrected.party}" to mean ${who}.)`);
  // The date as the user wrote it: 15.11.2025 for someone who typed that, ISO otherwise.
  const day = echoDate(o.happenedOn, dateStyles.date);
  const text =
    lang === 'fi'
      ? `Tallennettu #${o.id}: "${o.title}" tavoitteeseen ${goal.name.fi} (${who}, ${day}). Tila: raportoitu.`
      : `Stored #${o.id}: "${o.title}" for ${goal.name.en} (${who}, ${day}). Status: reported.`;
  return reply(lang, [text, ...notes].join(' '), {
    sections: [{ heading: lang === 'fi' ? 'Edistyminen' : 'Progress', lines: progress.lines }],
    progress: [progress.row],
    data: { outcome: { id: o.id, goal: o.goalId, status: o.status } },
  });
}

export const reportCommand: Command = {
  name: 'report',
  aliases: ['raportoi'],
  summary: L('Report an outcome (reporters)', 'Raportoi tulos (raportoijat)'),
  args: OUTCOME_ARGS,
  role: 'reporter',
  roleAction: L('report outcomes', 'tulosten raportointi'),
  writes: true,
  refusal: 'stored',
  form: { title: L('Report an outcome', 'Ilmoita tulos'), submit: L('Report', 'Ilmoita') },
  examples: {
    en: ['/report companies "Acme Oy" party=KAMK', '/report technologies "Edge AI platform" date=2025-03-01 link=https://example.fi/news'],
    fi: ['/report yritykset "Acme Oy" party=KAMK', '/report teknologiat "Reunalaskenta-alusta" date=1.3.2025 link=https://esimerkki.fi/uutinen'],
  },
  run,
};
