/** `/help`: what the bot can do, with example questions and the commands (usage from each spec). */
import type { Command } from './types.js';
import { reply } from '../reply.js';
import { L } from '../i18n.js';
import { exampleQuestions, introduction } from '../answer/examples.js';
import { usageLine } from './spec.js';

export const helpCommand: Command = {
  name: 'help',
  aliases: ['apua', 'ohje'],
  summary: L('What I can do, with example questions', 'Mitä osaan, esimerkkikysymyksineen'),
  args: [],
  role: 'anyone',
  writes: false,
  examples: { en: ['/help', '/apua'], fi: ['/apua', '/ohje'] },
  run(ctx) {
    const { lang } = ctx;
    return reply(lang, introduction(lang), {
      sections: [
        {
          heading: lang === 'fi' ? 'Komennot' : 'Commands',
          lines: ctx.catalog.filter((c) => c.name !== 'ask' && !c.hidden).map((c) => `${usageLine(c, lang)} — ${c.summary[lang]}`),
        },
      ],
      suggestions: exampleQuestions(lang),
    });
  },
};
