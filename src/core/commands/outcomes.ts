/** `/outcomes [goal] [party=<id>] [year=YYYY] [status=reported|verified|retracted]`: lists outcomes. */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { outcomeLine } from '../outcomes/format.js';
import { GOAL_FILTER_ARG, PARTY_ARG } from '../outcomes/fields.js';
import { listOutcomes, type OutcomeFilter, type OutcomeStatus } from '../../store/outcomes.js';

/** Listings stay readable in chat; /export gives everything. */
const MAX_LISTED = 25;

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  const { lang, services } = ctx;
  const fi = lang === 'fi';
  const kb = services.knowledge.current;
  const filter: OutcomeFilter = {};
  if (values.goal !== undefined) filter.goalId = values.goal;
  if (values.party !== undefined) filter.partyId = values.party;
  if (values.year !== undefined) filter.year = Number(values.year);
  if (values.status !== undefined) filter.status = values.status as OutcomeStatus;

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
  summary: L('List reported outcomes', 'Listaa raportoidut tulokset'),
  args: [
    GOAL_FILTER_ARG,
    PARTY_ARG,
    {
      name: 'year',
      nameFi: 'vuosi',
      keyAliases: ['vuosi'],
      kind: 'integer',
      limits: { min: 2000, max: 2099 },
      invalidCode: 'year.invalid',
      position: 'named',
      label: L('Year', 'Vuosi'),
      description: L('Year', 'Vuosi'),
      usage: L('YYYY', 'VVVV'),
    },
    {
      name: 'status',
      nameFi: 'tila',
      keyAliases: ['tila'],
      kind: 'choice',
      choices: [
        { value: 'reported', label: L('reported', 'raportoitu'), aliases: ['raportoitu'] },
        { value: 'verified', label: L('verified', 'vahvistettu'), aliases: ['vahvistettu'] },
        { value: 'retracted', label: L('retracted', 'peruttu'), aliases: ['peruttu'] },
      ],
      invalidCode: 'status.invalid',
      position: 'named',
      label: L('Status', 'Tila'),
      description: L('Status', 'Tila'),
    },
  ],
  role: 'anyone',
  writes: false,
  examples: {
    en: ['/outcomes companies party=KAMK', '/outcomes year=2025 status=verified'],
    fi: ['/outcomes yritykset party=KAMK', '/outcomes year=2025 status=vahvistettu'],
  },
  run,
};
