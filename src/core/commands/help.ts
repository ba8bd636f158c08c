/** `/help`: what the bot can do, with example questions and the commands. */
import type { Command } from './types.js';
import { commands } from './index.js';
import { reply } from '../reply.js';
import { exampleQuestions } from '../answer/examples.js';

export const helpCommand: Command = {
  name: 'help',
  aliases: ['apua', 'ohje'],
  summary: { en: 'What I can do, with example questions', fi: 'Mitä osaan, esimerkkikysymyksineen' },
  usage: '/help',
  run(ctx) {
    const { lang } = ctx;
    const intro =
      lang === 'fi'
        ? 'Vastaan kysymyksiin Kajaanin kaupunkiseudun ja valtion innovaatiotoiminnan ekosysteemisopimuksesta: osapuolet, painopisteet, tavoitteet ja niiden edistyminen. Kysy suomeksi tai englanniksi.'
        : 'I answer questions about the ecosystem agreement on innovation activities between the Kajaani city region and the state: its parties, focus areas, goals and progress. Ask in English or Finnish.';
    return reply(lang, intro, {
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
