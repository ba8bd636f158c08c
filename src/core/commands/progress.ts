/** `/progress [goal]`: every goal's progress, or one goal in detail. Works on an empty database. */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { goalProgress, goalSources } from '../outcomes/goal-progress.js';
import { today } from '../outcomes/guard.js';
import { progressFigures } from '../outcomes/progress.js';
import { goalById } from '../outcomes/resolve.js';
import { GOAL_FILTER_ARG } from '../outcomes/fields.js';
import { countsByGoal } from '../../store/progress.js';

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  const { lang, services } = ctx;
  const kb = services.knowledge.current;
  const day = today(ctx);
  const goal = values.goal === undefined ? undefined : goalById(kb, values.goal);
  if (goal) {
    const p = goalProgress(services.store, kb, goal, lang, day);
    return reply(lang, p.lines[0]!, {
      sections: [{ lines: p.lines.slice(1) }],
      progress: [p.row],
      sources: goalSources(kb, goal),
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
  summary: L('How far along each goal is', 'Miten tavoitteet edistyvät'),
  args: [GOAL_FILTER_ARG],
  role: 'anyone',
  writes: false,
  examples: { en: ['/progress', '/progress companies'], fi: ['/progress', '/progress yritykset'] },
  run,
};
