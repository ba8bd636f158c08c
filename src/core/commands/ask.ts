/**
 * Answers a free-text question: store-backed questions ("how many companies so far?",
 * "what has KAMK reported?") from the outcome store, everything else from the knowledge
 * base, whose goal answers include live progress through the `goalProgress` hook.
 */
import type { Command } from './types.js';
import type { AnswerHooks } from '../answer/answerer.js';
import { goalProgress } from '../outcomes/goal-progress.js';
import { storeGuard, today } from '../outcomes/guard.js';
import { outcomeQuestionAnswer } from '../outcomes/question.js';

export const askCommand: Command = {
  name: 'ask',
  aliases: ['kysy'],
  summary: { en: 'Ask a question about the agreement', fi: 'Kysy sopimuksesta' },
  usage: '/ask <question>',
  run: storeGuard((ctx, args) => {
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
  }),
};
