/** `/help`: what the bot can do, with example questions and the commands. */
import type { Command } from './types.js';
import { commands } from './index.js';
import { reply } from '../reply.js';
import { exampleQuestions, introduction } from '../answer/examples.js';

export const helpCommand: Command = {
  name: 'help',
  aliases: ['apua', 'ohje'],
  summary: { en: 'What I can do, with example questions', fi: 'Mitä osaan, esimerkkikysymyksineen' },
  usage: '/help',
  run(ctx) {
    const { lang } = ctx;
    return reply(lang, introduction(lang), {
      sections: [
        {
          heading: lang === 'fi' ? 'Komennot' : 'Commands',
          lines: commands.filter((c) => c.name !== 'ask').map((c) => `${c.usage} — ${c.summary[lang]}`),
        },
      ],
      suggestions: exampleQuestions(lang),
    });
  },
};
