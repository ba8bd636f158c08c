/**
 * `/feedback <ref> up|down`: a 👍/👎 on an answer, stored with the question and the answer it
 * is about, to improve the knowledge base. Sent by the buttons under answers (adapters turn
 * the click into this command), not typed; only answers this process showed can be voted on.
 */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { errorReply, reply, replyToPlainText, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { nowIso } from '../outcomes/guard.js';
import { recordFeedback } from '../../store/feedback.js';

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  const fi = ctx.lang === 'fi';
  const shown = ctx.services.shown.get(values.ref!);
  if (!shown) {
    return errorReply(ctx.lang, fi ? 'Vastausta ei enää löydy, joten palautetta ei tallennettu. Kiitos silti!' : 'That answer is no longer available, so the feedback was not stored. Thanks anyway!', {
      data: { error: 'not-found' },
    });
  }
  recordFeedback(ctx.services.store, {
    answerRef: values.ref!,
    user: ctx.user,
    vote: values.vote as 'up' | 'down',
    question: shown.question,
    answer: replyToPlainText(shown.reply),
    platform: ctx.platform,
    at: nowIso(ctx),
  });
  return reply(ctx.lang, fi ? 'Kiitos palautteesta!' : 'Thanks for the feedback!', { visibility: 'ephemeral', data: { feedback: { ref: values.ref, vote: values.vote } } });
}

export const feedbackCommand: Command = {
  name: 'feedback',
  aliases: ['palaute'],
  summary: L('Rate an answer (the 👍/👎 buttons)', 'Arvioi vastaus (👍/👎-painikkeet)'),
  args: [
    {
      name: 'ref',
      nameFi: 'viite',
      kind: 'word',
      required: true,
      position: 'positional',
      limits: { maxLength: 32 },
      label: L('Answer', 'Vastaus'),
      description: L('The reference of the answer', 'Vastauksen viite'),
    },
    {
      name: 'vote',
      nameFi: 'arvio',
      kind: 'choice',
      choices: [
        { value: 'up', label: L('👍 Helpful', '👍 Hyödyllinen'), aliases: ['hyva', 'hyvä'] },
        { value: 'down', label: L('👎 Not helpful', '👎 Ei hyödyllinen'), aliases: ['huono'] },
      ],
      required: true,
      position: 'positional',
      label: L('Vote', 'Arvio'),
      description: L('Helpful or not', 'Hyödyllinen vai ei'),
    },
  ],
  role: 'anyone',
  writes: true,
  hidden: true,
  examples: { en: ['/feedback 3f2a9c1b7d4e up', '/feedback 3f2a9c1b7d4e down'], fi: ['/feedback 3f2a9c1b7d4e hyvä', '/feedback 3f2a9c1b7d4e huono'] },
  run,
};
