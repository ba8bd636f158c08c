/** The buttons under an answer: "Share in channel" and 👍/👎, each carrying a reference. */
import type { Lang } from '../../core/reply.js';
import type { KnownBlock } from './blocks.js';

export const SHARE_ACTION = 'kajaani_share';
export const FEEDBACK_UP_ACTION = 'kajaani_feedback_up';
export const FEEDBACK_DOWN_ACTION = 'kajaani_feedback_down';
export const OPEN_REPORT_ACTION = 'kajaani_open_report';

const T = {
  share: { en: 'Share in channel', fi: 'Jaa kanavalle' },
  helpful: { en: 'Helpful', fi: 'Hyödyllinen' },
  notHelpful: { en: 'Not helpful', fi: 'Ei hyödyllinen' },
} as const;

/**
 * An actions block with the wanted buttons, or nothing when none is wanted: `share` is the
 * reference of the answer to share, `feedback` the core's reference for rating it.
 */
export function answerActions(lang: Lang, want: { share?: string; feedback?: string }): KnownBlock[] {
  const elements = [];
  if (want.share) elements.push({ type: 'button' as const, action_id: SHARE_ACTION, text: { type: 'plain_text' as const, text: T.share[lang] }, value: want.share });
  if (want.feedback) {
    elements.push({ type: 'button' as const, action_id: FEEDBACK_UP_ACTION, text: { type: 'plain_text' as const, text: `👍 ${T.helpful[lang]}`, emoji: true }, value: want.feedback });
    elements.push({ type: 'button' as const, action_id: FEEDBACK_DOWN_ACTION, text: { type: 'plain_text' as const, text: `👎 ${T.notHelpful[lang]}`, emoji: true }, value: want.feedback });
  }
  if (elements.length === 0) return [];
  return [{ type: 'actions', block_id: `answer:${want.feedback ?? want.share}`, elements }];
}
