/** `/export [csv|json]`: every outcome (retracted ones too) with status and evidence links; admins. */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { toCsv } from '../outcomes/csv.js';
import { extraOf } from '../outcomes/fields.js';
import { today } from '../outcomes/guard.js';
import { allOutcomes, type Outcome } from '../../store/outcomes.js';

const COLUMNS: (keyof Outcome)[] = [
  'id', 'goalId', 'title', 'partyId', 'happenedOn', 'status', 'link', 'businessId', 'description',
  'reportedBy', 'reportedAt', 'verifiedBy', 'verifiedAt', 'retractedBy', 'retractedAt', 'retractReason', 'extra',
];

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  const format = values.format as 'csv' | 'json';
  const fi = ctx.lang === 'fi';
  const rows = allOutcomes(ctx.services.store);
  const name = `kajaani-outcomes-${today(ctx)}.${format}`;
  const data =
    format === 'csv'
      ? toCsv(COLUMNS.map(String), rows.map((o) => COLUMNS.map((c) => o[c])))
      : Buffer.from(`${JSON.stringify(rows.map((o) => Object.fromEntries(COLUMNS.map((c) => [c, c === 'extra' ? (o.extra ? extraOf(o.extra) : null) : o[c]]))), null, 2)}\n`, 'utf8');
  const counted = rows.filter((o) => o.status !== 'retracted').length;
  // The file's name is not in the text: each surface says where the file went (an attachment
  // in Slack and Discord, a file saved in the current folder by the console).
  const text = fi
    ? `Vienti: ${rows.length} tulosta (${counted} laskettua, ${rows.length - counted} peruttua), ${format.toUpperCase()}-tiedostona.`
    : `Export: ${rows.length} outcomes (${counted} counted, ${rows.length - counted} retracted), as ${format.toUpperCase()}.`;
  return reply(ctx.lang, text, {
    visibility: 'ephemeral',
    files: [{ filename: name, contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json', data }],
    data: { export: { filename: name, format, rows: rows.length } },
  });
}

export const exportCommand: Command = {
  name: 'export',
  aliases: ['vie'],
  summary: L('Export all outcomes as CSV or JSON (admins)', 'Vie kaikki tulokset CSV- tai JSON-tiedostona (ylläpitäjät)'),
  args: [
    {
      name: 'format',
      nameFi: 'muoto',
      keyAliases: ['muoto'],
      kind: 'choice',
      choices: [
        { value: 'csv', label: L('CSV (spreadsheet)', 'CSV (taulukko)') },
        { value: 'json', label: L('JSON', 'JSON') },
      ],
      default: 'csv',
      position: 'positional',
      label: L('Format', 'Muoto'),
      description: L('File format', 'Tiedostomuoto'),
    },
  ],
  role: 'admin',
  roleAction: L('export outcomes', 'tulosten vienti'),
  writes: false,
  private: true,
  examples: { en: ['/export csv', '/export json'], fi: ['/export csv', '/export json'] },
  run,
};
