/** `/history <id>`: an outcome's audit trail — who changed what, when, before and after. */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { findOutcome, OUTCOME_ID } from '../outcomes/access.js';
import { outcomeDetails } from '../outcomes/format.js';
import { timeOf } from '../outcomes/guard.js';
import { outcomeHistory, type AuditEntry } from '../../store/audit.js';

const ACTIONS: Record<AuditEntry['action'], [string, string]> = {
  report: ['reported', 'raportoi'],
  edit: ['edited', 'muokkasi'],
  verify: ['verified', 'vahvisti'],
  retract: ['retracted', 'perui'],
  grant: ['granted', 'myönsi'],
  revoke: ['revoked', 'poisti'],
  import: ['imported', 'toi'],
};

/** Fields shown in the changes of an edit, in order. */
const SHOWN = ['goalId', 'title', 'partyId', 'happenedOn', 'link', 'businessId', 'description', 'extra', 'status'] as const;

function changes(e: AuditEntry): string {
  if (e.action !== 'edit') return '';
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const diffs = SHOWN.filter((k) => before[k] !== after[k]).map((k) => `${k}: ${JSON.stringify(before[k] ?? null)} → ${JSON.stringify(after[k] ?? null)}`);
  return diffs.length ? `: ${diffs.join('; ')}` : '';
}

/** Where an imported outcome came from: " from outcomes.csv, line 7" (see store/import.ts). */
function source(e: AuditEntry, fi: boolean): string {
  if (e.action !== 'import') return '';
  const from = (e.after as { importedFrom?: { file?: unknown; line?: unknown } } | null)?.importedFrom;
  if (!from) return '';
  return fi ? ` tiedostosta ${String(from.file)}, rivi ${String(from.line)}` : ` from ${String(from.file)}, line ${String(from.line)}`;
}

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  const found = findOutcome(ctx, values.id!);
  if (!found.ok) return found.reply;
  const o = found.outcome;
  const fi = ctx.lang === 'fi';
  const kb = ctx.services.knowledge.current;
  const entries = outcomeHistory(ctx.services.store, o.id);
  const lines = entries.map((e) => {
    const reason = e.action === 'retract' ? `: ${String((e.after as { retractReason?: string } | null)?.retractReason ?? '')}` : '';
    // Times in BOT_TIMEZONE as the reader writes them; `data.history` keeps the stored UTC instants.
    return `${timeOf(ctx, e.at)} ${e.actor} ${ACTIONS[e.action][fi ? 1 : 0]}${source(e, fi)}${changes(e)}${reason}`;
  });
  return reply(ctx.lang, fi ? `Tuloksen #${o.id} historia:` : `History of outcome #${o.id}:`, {
    sections: [{ lines: outcomeDetails(kb, o, ctx.lang, (t) => timeOf(ctx, t)) }, { heading: fi ? 'Muutokset' : 'Changes', lines }],
    data: { history: entries.map((e) => ({ at: e.at, actor: e.actor, action: e.action, before: e.before, after: e.after })) },
  });
}

export const historyCommand: Command = {
  name: 'history',
  aliases: ['historia'],
  summary: L("An outcome's change history", 'Tuloksen muutoshistoria'),
  args: [OUTCOME_ID],
  role: 'anyone',
  writes: false,
  examples: { en: ['/history 12', '/history #7'], fi: ['/history 12', '/history #7'] },
  run,
};
