/** `/progress [goal]`: every goal's progress, or one goal in detail. Works on an empty database. */
import type { Command, CommandArgs, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { describeProblem } from '../outcomes/field-messages.js';
import { goalProgress, goalSources } from '../outcomes/goal-progress.js';
import { storeGuard, today } from '../outcomes/guard.js';
import { progressFigures } from '../outcomes/progress.js';
import { resolveGoal } from '../outcomes/resolve.js';
import { countsByGoal } from '../../store/progress.js';

function run(ctx: CommandContext, args: CommandArgs): Reply {
  const { lang, services } = ctx;
  const kb = services.knowledge.current;
  const day = today(ctx);
  const query = args.positional.join(' ').trim();
  if (query !== '') {
    const goal = resolveGoal(kb, query);
    if (!goal.ok) return errorReply(lang, describeProblem(lang, { field: 'goal', code: 'unknown-goal', value: query, suggestions: goal.suggestions }));
    const p = goalProgress(services.store, kb, goal.value, lang, day);
    return reply(lang, p.lines[0]!, {
      sections: [{ lines: p.lines.slice(1) }],
      progress: [p.row],
      sources: goalSources(kb, goal.value),
      data: { progress: [p.row] },
    });
  }
  const counts = countsByGoal(services.store);
  const rows = kb.goals.map((g) => progressFigures(g, counts.get(g.id)?.counted ?? 0, day, lang).row);
  const total = [...counts.values()].reduce((n, c) => n + c.counted, 0);
  const text =
    lang === 'fi'
      ? `Tavoitteiden edistyminen (${total} tulosta raportoitu). Tarkemmin: /progress <tavoite>.`
      : `Progress on the goals (${total} outcomes reported). Details: /progress <goal>.`;
  return reply(lang, text, { progress: rows, data: { progress: rows } });
}

export const progressCommand: Command = {
  name: 'progress',
  aliases: ['edistyminen', 'tilanne'],
  summary: { en: 'How far along each goal is', fi: 'Miten tavoitteet edistyvät' },
  usage: '/progress [goal]',
  run: storeGuard(run),
};
