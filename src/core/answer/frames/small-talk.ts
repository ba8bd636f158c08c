/**
 * Small talk in both languages: thanks, greetings, "ok", help. Short and always the same;
 * a greeting or "ok" with other words in it is a question, not small talk.
 */
import { reply, type Lang } from '../../reply.js';
import { exampleQuestions, introduction } from '../examples.js';
import { frameOf, type FrameHandler } from '../frame.js';
import { isEntity } from '../understand.js';
import { has } from './helpers.js';

const THANKS: Record<Lang, string> = {
  en: "You're welcome! Ask me anything else about the agreement.",
  fi: 'Ole hyvä! Kysy vain lisää sopimuksesta.',
};
const ACK: Record<Lang, string> = {
  en: 'OK. Ask me anything else about the agreement whenever you like.',
  fi: 'Selvä. Kysy vain lisää sopimuksesta.',
};
const HELLO: Record<Lang, string> = { en: 'Hi!', fi: 'Moi!' };
const REPORTING: Record<Lang, string> = {
  en: 'Reporters add outcomes with /report, e.g. /report companies "Acme Oy" party=KAMK date=2025-05-01; an admin grants the reporter role. /help lists every command.',
  fi: 'Raportoijat kirjaavat tuloksia /report-komennolla, esim. /report companies "Acme Oy" party=KAMK date=2025-05-01; ylläpitäjä antaa raportoijan roolin. /help näyttää kaikki komennot.',
};
const BYE: Record<Lang, string> = { en: 'Bye! Ask again any time.', fi: 'Hei hei! Kysy milloin vain uudelleen.' };
const LANGUAGES: Record<Lang, string> = {
  en: 'I answer in English and Finnish. Swedish is not supported yet.',
  fi: 'Vastaan suomeksi ja englanniksi. Ruotsia ei vielä tueta.',
};

export const smallTalk: FrameHandler = {
  kind: 'small-talk',
  detect(u) {
    const helpAsked = u.best?.kind === 'help' && has(u, 'c:help');
    if (helpAsked) return frameOf('small-talk', u, { attribute: 'c:help' });
    // "How do I report a new company?": how to use /report, whatever is reported.
    if (has(u, 'c:how-to-report')) return frameOf('small-talk', u, { attribute: 'c:how-to-report' });
    // Thanks may come with words of praise; a greeting or "ok" with unknown words is a question.
    const subject = u.topic.some((f) => isEntity(f) || f.startsWith('c:'));
    const words = u.topic.some((f) => f.startsWith('w:'));
    if (subject) return null;
    if (has(u, 'c:language-ask')) return frameOf('small-talk', u, { attribute: 'c:language-ask' });
    if (has(u, 'c:thanks')) return frameOf('small-talk', u, { attribute: 'c:thanks' });
    if (has(u, 'c:bye')) return frameOf('small-talk', u, { attribute: 'c:bye' });
    if (words) return null;
    if (has(u, 'c:help')) return frameOf('small-talk', u, { attribute: 'c:help' });
    if (has(u, 'c:greeting')) return frameOf('small-talk', u, { attribute: 'c:greeting' });
    if (has(u, 'c:ack')) return frameOf('small-talk', u, { attribute: 'c:ack' });
    return null;
  },
  answer(frame, ctx) {
    const lang = ctx.lang;
    switch (frame.attribute) {
      case 'c:thanks':
        return reply(lang, THANKS[lang]);
      case 'c:ack':
        return reply(lang, ACK[lang]);
      case 'c:bye':
        return reply(lang, BYE[lang]);
      case 'c:language-ask':
        return reply(lang, LANGUAGES[lang]);
      case 'c:how-to-report':
        return reply(lang, REPORTING[lang]);
      case 'c:greeting':
        return reply(lang, `${HELLO[lang]} ${introduction(lang)}`, { suggestions: exampleQuestions(lang) });
      default:
        return reply(lang, introduction(lang), { suggestions: exampleQuestions(lang) });
    }
  },
};
