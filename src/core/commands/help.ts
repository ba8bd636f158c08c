/**
 * `/help [command]`: what the bot can do, with example questions and the commands (usage from
 * each spec); or one command's usage, its other names and two examples in the user's language
 * (`/help report`, `/help /raportoi`).
 */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { exampleQuestions, introduction } from '../answer/examples.js';
import { usageLine, type CommandSpec } from './spec.js';

/** The commands help shows: everything typed, not `/ask` (plain text asks) and not the button-only ones. */
function listed(catalog: readonly CommandSpec[]): CommandSpec[] {
  return catalog.filter((c) => !c.hidden);
}

/** One command's help: summary, usage, other names, two examples. */
function commandHelp(ctx: CommandContext, c: CommandSpec): Reply {
  const { lang } = ctx;
  const fi = lang === 'fi';
  const sections = [
    { heading: fi ? 'Käyttö' : 'Usage', lines: [usageLine(c, lang)] },
    { heading: fi ? 'Esimerkkejä' : 'Examples', lines: c.examples[lang].slice(0, 2) },
  ];
  if (c.aliases.length > 0) sections.push({ heading: fi ? 'Myös' : 'Also written as', lines: [c.aliases.map((a) => `/${a}`).join(', ')] });
  return reply(lang, `/${c.name}: ${c.summary[lang]}`, { sections, data: { help: c.name } });
}

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  const { lang } = ctx;
  const fi = lang === 'fi';
  const commands = listed(ctx.catalog);
  if (values.command !== undefined) {
    const name = values.command.replace(/^\//, '').toLowerCase();
    const found = commands.find((c) => c.name === name || c.aliases.includes(name));
    if (found) return commandHelp(ctx, found);
    const all = commands.map((c) => `/${c.name}`).join(', ');
    return errorReply(lang, fi ? `Komentoa /${name} ei ole. Komennot: ${all}.` : `There is no command /${name}. The commands are: ${all}.`, { data: { error: 'not-found' } });
  }
  return reply(lang, introduction(lang), {
    sections: [
      {
        heading: fi ? 'Komennot' : 'Commands',
        lines: [
          ...commands.filter((c) => c.name !== 'ask').map((c) => `${usageLine(c, lang)} — ${c.summary[lang]}`),
          fi ? 'Yhden komennon ohje ja esimerkit: /help <komento>, esim. /help report' : "One command's usage and examples: /help <command>, e.g. /help report",
        ],
      },
    ],
    suggestions: exampleQuestions(lang),
  });
}

export const helpCommand: Command = {
  name: 'help',
  aliases: ['apua', 'ohje'],
  summary: L('What I can do, or how to use one command', 'Mitä osaan, tai miten yhtä komentoa käytetään'),
  args: [
    {
      name: 'command',
      nameFi: 'komento',
      keyAliases: ['komento'],
      kind: 'word',
      position: 'positional',
      limits: { maxLength: 40 },
      label: L('Command', 'Komento'),
      description: L('A command to explain, e.g. report (all when empty)', 'Selitettävä komento, esim. report (tyhjä = kaikki)'),
      usage: L('<command>', '<komento>'),
    },
  ],
  role: 'anyone',
  writes: false,
  examples: { en: ['/help', '/help report'], fi: ['/apua', '/ohje raportoi'] },
  run,
};
