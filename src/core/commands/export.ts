/** `/export [csv|json]`: every outcome (retracted ones too) with status and evidence links; admins. */
import type { Command, CommandArgs, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { isAdmin, notAllowed } from '../outcomes/authorize.js';
import { toCsv } from '../outcomes/csv.js';
import { storeGuard, today } from '../outcomes/guard.js';
import { allOutcomes, type Outcome } from '../../store/outcomes.js';

const COLUMNS: (keyof Outcome)[] = [
  'id', 'goalId', 'title', 'partyId', 'happenedOn', 'status', 'link', 'businessId', 'description',
  'reportedBy', 'reportedAt', 'verifiedBy', 'verifiedAt', 'retractedBy', 'retractedAt', 'retractReason',
];

function run(ctx: CommandContext, args: CommandArgs): Reply {
  if (!isAdmin(ctx)) return notAllowed(ctx, 'admin', { en: 'export outcomes', fi: 'tulosten vienti' });
  const format = (args.positional[0] ?? 'csv').toLowerCase();
  const fi = ctx.lang === 'fi';
  if (format !== 'csv' && format !== 'json') {
    return errorReply(ctx.lang, fi ? 'Muoto on csv tai json, esim. /export csv.' : 'The format is csv or json, e.g. /export csv.', { data: { error: 'invalid' } });
  }
  const rows = allOutcomes(ctx.services.store);
  const name = `kajaani-outcomes-${today(ctx)}.${format}`;
  const data =
    format === 'csv'
      ? toCsv(COLUMNS.map(String), rows.map((o) => COLUMNS.map((c) => o[c])))
      : Buffer.from(`${JSON.stringify(rows.map((o) => Object.fromEntries(COLUMNS.map((c) => [c, o[c]]))), null, 2)}\n`, 'utf8');
  const counted = rows.filter((o) => o.status !== 'retracted').length;
  const text = fi
    ? `Vienti: ${rows.length} tulosta (${counted} laskettua, ${rows.length - counted} peruttua) tiedostossa ${name}.`
    : `Export: ${rows.length} outcomes (${counted} counted, ${rows.length - counted} retracted) in ${name}.`;
  return reply(ctx.lang, text, {
    visibility: 'ephemeral',
    files: [{ filename: name, contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json', data }],
    data: { export: { filename: name, format, rows: rows.length } },
  });
}

export const exportCommand: Command = {
  name: 'export',
  aliases: ['vie'],
  summary: { en: 'Export all outcomes as CSV or JSON (admins)', fi: 'Vie kaikki tulokset CSV- tai JSON-tiedostona (ylläpitäjät)' },
  usage: '/export [csv|json]',
  run: storeGuard(run),
};
