/** Example questions shown in help and when the bot declines. */
import type { Lang } from '../reply.js';

const EXAMPLES: Record<Lang, string[]> = {
  en: ['Who are the parties to the agreement?', 'How many new companies is the goal?', 'What are the focus areas?'],
  fi: ['Keitä sopimuksen osapuolet ovat?', 'Montako uutta yritystä tavoitellaan?', 'Mitkä ovat painopisteet?'],
};

/** Two or three questions the bot can answer, in the given language. */
export function exampleQuestions(lang: Lang): string[] {
  return EXAMPLES[lang];
}
