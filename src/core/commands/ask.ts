/** Answers a free-text question from the knowledge base (and the outcome store for progress). */
import type { Command } from './types.js';

export const askCommand: Command = {
  name: 'ask',
  aliases: ['kysy'],
  summary: { en: 'Ask a question about the agreement', fi: 'Kysy sopimuksesta' },
  usage: '/ask <question>',
  run(ctx, args) {
    return ctx.services.knowledge.answerer.answer(args.raw, { lang: ctx.lang, hooks: {} });
  },
};
