/**
 * Answers a free-text question from the knowledge base. The answer engine reaches the
 * outcome store (live progress, store-backed questions such as "how many companies so
 * far?" or "what has KAMK reported?") and the conversation's memory only through its hooks.
 */
import type { Command } from './types.js';
import type { AnswerHooks } from '../answer/answerer.js';
import { L } from '../i18n.js';
import { goalProgress } from '../outcomes/goal-progress.js';
import { today } from '../outcomes/guard.js';
import { outcomeQuestionAnswer } from '../outcomes/question.js';

export const askCommand: Command = {
  name: 'ask',
  aliases: ['kysy'],
  summary: L('Ask a question about the agreement', 'Kysy sopimuksesta'),
  args: [
    {
      name: 'question',
      nameFi: 'kysymys',
      kind: 'text',
      required: true,
      position: 'raw',
      label: L('Question', 'Kysymys'),
      description: L('Your question', 'Kysymyksesi'),
    },
  ],
  role: 'anyone',
  writes: false,
  rated: true,
  examples: {
    en: ['/ask who are the parties?', '/ask how many companies so far?'],
    fi: ['/ask ketkä ovat sopimuksen osapuolet?', '/ask montako yritystä on syntynyt?'],
  },
  run(ctx, args) {
    const { knowledge, store } = ctx.services;
    const kb = knowledge.current;
    const day = today(ctx);
    const hooks: AnswerHooks = {
      goalProgress: (goal, lang) => goalProgress(store, kb, goal, lang, day),
      storeAnswer: (q) => outcomeQuestionAnswer(q, { store, kb, today: day }),
      memory: ctx.memory,
    };
    return knowledge.answerer.answer(args.raw, { lang: ctx.lang, hooks, today: day });
  },
};
