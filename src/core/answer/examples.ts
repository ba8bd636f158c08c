/** Example questions and the introduction shown in help, greetings and when the bot declines. */
import type { Lang } from '../reply.js';

const EXAMPLES: Record<Lang, string[]> = {
  en: ['Who are the parties to the agreement?', 'How many new companies is the goal?', 'What are the focus areas?'],
  fi: ['Keitä sopimuksen osapuolet ovat?', 'Montako uutta yritystä tavoitellaan?', 'Mitkä ovat painopisteet?'],
};

const INTRO: Record<Lang, string> = {
  en: 'I answer questions about the ecosystem agreement on innovation activities between the Kajaani city region and the state: its parties, focus areas, goals and their progress. Ask in English or Finnish; type /help for the commands.',
  fi: 'Vastaan kysymyksiin Kajaanin kaupunkiseudun ja valtion innovaatiotoiminnan ekosysteemisopimuksesta: osapuolet, painopisteet, tavoitteet ja niiden edistyminen. Voit kysyä suomeksi tai englanniksi; /help näyttää komennot.',
};

/** Two or three questions the bot can answer, in the given language. */
export function exampleQuestions(lang: Lang): string[] {
  return EXAMPLES[lang];
}

/** What the bot is for, in one paragraph. */
export function introduction(lang: Lang): string {
  return INTRO[lang];
}
