/** `/outcomes [goal] [party=<id>] [year=YYYY] [status=reported|verified|retracted]`: lists outcomes. */
import type { Command, CommandArgs, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { describeProblems, type FieldProblem } from '../outcomes/field-messages.js';
import { outcomeLine } from '../outcomes/format.js';
import { storeGuard } from '../outcomes/guard.js';
import { resolveGoal, resolveParty } from '../outcomes/resolve.js';
import { canonicalKeys } from '../outcomes/fields.js';
import { listOutcomes, type OutcomeFilter, type OutcomeStatus } from '../../store/outcomes.js';

/** Listings stay readable in chat; /export gives everything. */
const MAX_LISTED = 25;
const STATUSES: Record<string, OutcomeStatus> = { reported: 'reported', raportoitu: 'reported', verified: 'verified', vahvistettu: 'verified', retracted: 'retracted', peruttu: 'retracted' };
const ALLOWED = ['goal', 'party', 'year', 'status'];

function run(ctx: CommandContext, args: CommandArgs): Reply {
  const { lang, services } = ctx;
  const fi = lang === 'fi';
  const kb = services.knowledge.current;
  const named = canonicalKeys(args.named);
  const problems: FieldProblem[] = [];
  const filter: OutcomeFilter = {};
  for (const key of Object.keys(named)) if (!ALLOWED.includes(key)) problems.push({ field: key, code: 'unknown-field', allowed: ALLOWED });
  const goalText = named.goal ?? args.positional.join(' ').trim();
  if (goalText) {
    const g = resolveGoal(kb, goalText);
    if (g.ok) filter.goalId = g.value.id;
    else problems.push({ field: 'goal', code: 'unknown-goal', value: goalText, suggestions: g.suggestions });
  }
  if (named.party !== undefined) {
    const p = resolveParty(kb, named.party);
    if (p.ok) filter.partyId = p.value.id;
    else problems.push({ field: 'party', code: 'unknown-party', value: named.party, suggestions: p.suggestions });
  }
  if (named.year !== undefined) {
    if (/^20\d\d$/.test(named.year.trim())) filter.year = Number(named.year);
    else problems.push({ field: 'year', code: 'year.invalid', value: named.year });
  }
  if (named.status !== undefined) {
    const typed = named.status.trim().toLowerCase();
    // Own keys only: `status=constructor` must not find Object.prototype.constructor.
    const s = Object.hasOwn(STATUSES, typed) ? STATUSES[typed] : undefined;
    if (s) filter.status = s;
    else problems.push({ field: 'status', code: 'status.invalid', value: named.status });
  }
  if (problems.length > 0) return errorReply(lang, describeProblems(lang, problems, 'listed'), { data: { error: 'invalid', problems } });

  const rows = listOutcomes(services.store, { ...filter, limit: MAX_LISTED + 1 });
  const shown = rows.slice(0, MAX_LISTED);
  const lines = shown.map((o) => outcomeLine(kb, o, lang, filter.goalId === undefined));
  const text =
    rows.length === 0
      ? fi
        ? 'Ei tuloksia näillä ehdoilla.'
        : 'No outcomes match.'
      : fi
        ? `Tulokset${rows.length > MAX_LISTED ? ` (${MAX_LISTED} uusinta; kaikki: /export)` : ''}:`
        : `Outcomes${rows.length > MAX_LISTED ? ` (latest ${MAX_LISTED}; all of them: /export)` : ''}:`;
  return reply(lang, text, { sections: lines.length ? [{ lines }] : [], data: { outcomes: shown.map((o) => ({ id: o.id, goal: o.goalId, title: o.title, status: o.status })) } });
}

export const outcomesCommand: Command = {
  name: 'outcomes',
  aliases: ['tulokset'],
  summary: { en: 'List reported outcomes', fi: 'Listaa raportoidut tulokset' },
  usage: '/outcomes [goal] [party=<id>] [year=YYYY] [status=reported|verified|retracted]',
  run: storeGuard(run),
};
