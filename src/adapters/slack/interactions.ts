/**
 * Clicks and form submits: "Share in channel", 👍/👎, "Report an outcome" (opens the form) and
 * the report form's submit. Every click is acknowledged first.
 */
import type { App as BoltApp, BlockAction, ButtonAction } from '@slack/bolt';
import { replyToPlainText, type Lang } from '../../core/reply.js';
import { todayIn } from '../../core/outcomes/dates.js';
import { encodeConversation } from '../../core/conversation-id.js';
import { recordFeedback } from '../../store/feedback.js';
import { FEEDBACK_DOWN_ACTION, FEEDBACK_UP_ACTION, OPEN_REPORT_ACTION, SHARE_ACTION } from './buttons.js';
import { ask, coreUser, messagesFor, postReply, respondReply, responderFor, type SlackContext } from './context.js';
import { guarded } from '../shared/failure.js';
import { withinDeadline } from '../shared/deadline.js';
import { formErrors, readMetadata, REPORT_CALLBACK_ID, reportCommandText, reportModal, type ViewStateValues } from './report-modal.js';

/**
 * Slack closes a form only if the submit is acknowledged within 3 s. The core answers a
 * report in milliseconds; if it ever takes longer than 2.5 s, the form is closed and the
 * result (success or error) is sent as a message instead.
 */
const SUBMIT_DEADLINE_MS = 2500;

const T = {
  expired: { en: 'That answer is no longer available to share. Please ask again.', fi: 'Vastausta ei voi enää jakaa. Kysy uudelleen.' },
  sharedBy: { en: 'Shared by', fi: 'Jakoi' },
  thanks: { en: 'Thanks for the feedback!', fi: 'Kiitos palautteesta!' },
} as const;

/** The user's language for a click: their Slack locale, else the default. */
async function langOf(ctx: SlackContext, userId: string): Promise<Lang> {
  return (await ctx.localeOf(userId)) ?? ctx.app.services.config.BOT_DEFAULT_LANGUAGE;
}

export function registerInteractions(bolt: BoltApp, ctx: SlackContext): void {
  bolt.action<BlockAction<ButtonAction>>(SHARE_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const lang = await langOf(ctx, body.user.id);
    await guarded(
      ctx.log,
      'share',
      lang,
      async () => {
        const shown = ctx.answers.get(action.value ?? '');
        if (!shown) {
          await respond({ response_type: 'ephemeral', replace_original: false, text: T.expired[lang] });
          return;
        }
        const messages = messagesFor(ctx, shown.question, shown.reply, { share: false, maxMessages: 4 });
        // Slack user ids are [A-Z0-9]; anything else is not put into a mention.
        const sharer = /^[A-Z0-9]+$/.test(body.user.id) ? `<@${body.user.id}>` : '';
        for (const [i, m] of messages.entries()) {
          const blocks = i === messages.length - 1 && sharer ? [...m.blocks, { type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: `${T.sharedBy[shown.reply.lang]} ${sharer}` }] }] : m.blocks;
          await respond({ response_type: 'in_channel', ...(i === 0 ? { delete_original: true } : { replace_original: false }), text: m.text, blocks });
        }
      },
      (apology) => respond({ response_type: 'ephemeral', replace_original: false, text: apology }),
    );
  });

  bolt.action<BlockAction<ButtonAction>>(new RegExp(`^(${FEEDBACK_UP_ACTION}|${FEEDBACK_DOWN_ACTION})$`), async ({ ack, body, action, respond }) => {
    await ack();
    const lang = await langOf(ctx, body.user.id);
    await guarded(
      ctx.log,
      'feedback',
      lang,
      async () => {
        const ref = action.value ?? '';
        const shown = ctx.answers.get(ref);
        recordFeedback(ctx.app.services.store, {
          answerRef: ref,
          user: coreUser(body.user.id),
          vote: action.action_id === FEEDBACK_UP_ACTION ? 'up' : 'down',
          question: shown?.question ?? null,
          answer: shown ? replyToPlainText(shown.reply) : null,
          platform: 'slack',
          at: ctx.app.services.now().toISOString(),
        });
        await respond({ response_type: 'ephemeral', replace_original: false, text: T.thanks[lang] });
      },
      (apology) => respond({ response_type: 'ephemeral', replace_original: false, text: apology }),
    );
  });

  bolt.action<BlockAction<ButtonAction>>(OPEN_REPORT_ACTION, async ({ ack, body, client }) => {
    await ack();
    const lang = await langOf(ctx, body.user.id);
    const config = ctx.app.services.config;
    await guarded(
      ctx.log,
      'open-report',
      lang,
      async () => {
        const today = todayIn(config.BOT_TIMEZONE, ctx.app.services.now());
        const channel = body.channel?.id;
        const view = reportModal(ctx.app.services.knowledge.current, lang, today, { lang, ...(channel ? { channel } : {}), ...(body.response_url ? { responseUrl: body.response_url } : {}) });
        await client.views.open({ trigger_id: body.trigger_id, view });
      },
      (apology) => client.chat.postMessage({ channel: body.user.id, text: apology }),
    );
  });

  bolt.view(REPORT_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const meta = readMetadata(view.private_metadata, ctx.app.services.config.BOT_DEFAULT_LANGUAGE);
    const userId = body.user.id;
    const text = reportCommandText(view.state.values as ViewStateValues);
    const pending = ask(ctx, { user: coreUser(userId), text, ...(meta.channel ? { conversationId: encodeConversation({ platform: 'slack', channel: meta.channel }) } : {}) }, meta.lang);
    const early = await withinDeadline(pending, SUBMIT_DEADLINE_MS);
    if (early && !early.ok) {
      await ack({ response_action: 'errors', errors: formErrors(early) });
      return;
    }
    await ack();
    await guarded(
      ctx.log,
      'report-submit',
      meta.lang,
      async () => {
        const reply = early ?? (await pending);
        // Where the form was opened from a slash command, confirm there (ephemeral, shareable);
        // otherwise (Home tab, a button in a message) in the user's DM with the bot.
        if (meta.responseUrl) await respondReply(ctx, responderFor(meta.responseUrl), text, reply);
        else await postReply(ctx, client, { channel: userId, user: userId, privateChannel: true }, text, reply);
      },
      (apology) => client.chat.postMessage({ channel: userId, text: apology }),
    );
  });
}
