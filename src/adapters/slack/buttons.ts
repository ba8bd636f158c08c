/**
 * The buttons under an answer: "Share in channel" and 👍/👎, each carrying a reference; and
 * the buttons a reply asks for itself (`Reply.actions`: open a form, run a command line).
 */
import type { Lang, Reply } from '../../core/reply.js';
import { clip } from '../../core/i18n.js';
import type { KnownBlock } from './blocks.js';
import { LIMITS } from './limits.js';
import { formButtonValue } from '../shared/form-button.js';

export const SHARE_ACTION = 'kajaani_share';
export const FEEDBACK_UP_ACTION = 'kajaani_feedback_up';
export const FEEDBACK_DOWN_ACTION = 'kajaani_feedback_down';
export const OPEN_REPORT_ACTION = 'kajaani_open_report';
/** A reply's "run this command line" button: the value is the line, run as the clicker. */
export const COMMAND_ACTION = 'kajaani_command';

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

/**
 * The reply's own buttons as one actions block (none when it asks for none). A form button
 * is the "open the form" button, its value the command (and its pre-fill's reference); a
 * command button carries its line.
 * A line too long for a button's value is left out rather than cut (a cut line is another
 * command).
 */
export function replyActionBlocks(r: Reply): KnownBlock[] {
  const elements = (r.actions ?? []).flatMap((a) => {
    const value = a.kind === 'form' ? formButtonValue(a.command, a.prefill) : a.line;
    if (value.length > LIMITS.buttonValue) return [];
    return [
      {
        type: 'button' as const,
        action_id: a.kind === 'form' ? OPEN_REPORT_ACTION : COMMAND_ACTION,
        text: { type: 'plain_text' as const, text: clip(a.label, LIMITS.buttonText), emoji: true },
        value,
        ...(a.style === 'primary' ? { style: 'primary' as const } : {}),
      },
    ];
  });
  return elements.length > 0 ? [{ type: 'actions', block_id: 'reply-actions', elements }] : [];
}
