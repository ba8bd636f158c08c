/**
 * Answers a free-text question: store-backed questions ("how many companies so far?",
 * "what has KAMK reported?") from the outcome store, everything else from the knowledge
 * base, whose goal answers include live progress through the `goalProgress` hook.
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
    const understood = knowledge.answerer.understand(args.raw, ctx.lang);
    const best = understood.best;
    const goals = [...understood.entities.goals, ...(best?.kind === 'goal' && best.ref ? [best.ref] : [])];
    const fromStore = outcomeQuestionAnswer(
      { text: args.raw, lang: ctx.lang, goals, parties: understood.entities.parties, years: understood.entities.years, progressAsked: understood.progressAsked },
      { store, kb, today: day },
    );
    if (fromStore) return fromStore;
    const hooks: AnswerHooks = { goalProgress: (goal, lang) => goalProgress(store, kb, goal, lang, day) };
    return knowledge.answerer.answer(args.raw, { lang: ctx.lang, hooks, understood });
  },
};
