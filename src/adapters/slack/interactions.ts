/**
 * Clicks and form submits: "Share in channel", 👍/👎 (sent to the core as `/feedback`),
 * "Report an outcome" (opens the form, pre-filled when a suggestion's button), a reply's command button (its line sent to the core
 * as the clicker's, e.g. a reminder's "Nothing this time") and a command form's submit.
 * Every click is acknowledged first.
 */
import type { App as BoltApp, BlockAction, ButtonAction } from '@slack/bolt';
import type { Lang } from '../../core/reply.js';
import { todayIn } from '../../core/outcomes/dates.js';
import { encodeConversation } from '../../core/conversation-id.js';
import { findCommand } from '../../core/commands/index.js';
import { reportCommand } from '../../core/commands/report.js';
import { COMMAND_ACTION, FEEDBACK_DOWN_ACTION, FEEDBACK_UP_ACTION, OPEN_REPORT_ACTION, SHARE_ACTION } from './buttons.js';
import { ask, coreUser, messagesFor, postReply, respondReply, responderFor, type Respond, type SlackContext } from './context.js';
import { guarded } from '../shared/failure.js';
import { formButtonTarget, parseFormButton } from '../shared/form-button.js';
import { PREFILL_EXPIRED } from '../../core/reporting-intent/prefills.js';
import { LIMITS } from './limits.js';
import { withinDeadline } from '../shared/deadline.js';
import { isAllowedResponseUrl } from './response-url.js';
import { commandForm, FORM_CALLBACK_PREFIX, formCommandText, formErrors, readMetadata, type ViewStateValues } from './form.js';

/**
 * Slack closes a form only if the submit is acknowledged within 3 s. The core answers a
 * report in milliseconds; if it ever takes longer than 2.5 s, the form is closed and the
 * result (success or error) is sent as a message instead.
 */
const SUBMIT_DEADLINE_MS = 2500;

const T = {
  // Shown answers live in memory: after a restart (or a day) the button's reference is unknown.
  expired: { en: 'This answer has expired, so it cannot be shared. Please ask again.', fi: 'Vastaus on vanhentunut, joten sitä ei voi jakaa. Kysy uudelleen.' },
  sharedBy: { en: 'Shared by', fi: 'Jakoi' },
} as const;

/** The user's language for a click: their Slack locale, else the default. */
async function langOf(ctx: SlackContext, userId: string): Promise<Lang> {
  return (await ctx.locales.lookup(userId)) ?? ctx.app.services.config.BOT_DEFAULT_LANGUAGE;
}

/** An ephemeral answer through the click's response_url, for apologies and short notes. */
const privately = (respond: Respond) => (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });

/**
 * A button whose click is a command line sent to the core as the clicker's (a vote, a
 * reminder's "Nothing this time"), answered privately through the click's response_url.
 * `inChannel` keeps the channel's conversation (a command button); a vote has none.
 */
async function runAsClicker(ctx: SlackContext, what: string, body: BlockAction, respond: Respond, text: string, inChannel: boolean): Promise<void> {
  const locale = await ctx.locales.lookup(body.user.id);
  const channel = inChannel ? body.channel?.id : undefined;
  await guarded(
    ctx.log,
    what,
    locale ?? ctx.app.services.config.BOT_DEFAULT_LANGUAGE,
    async () => {
      await respondReply(ctx, respond, text, await ask(ctx, { user: coreUser(body.user.id), text, ...(channel ? { conversationId: encodeConversation({ platform: 'slack', channel }) } : {}) }, locale));
    },
    privately(respond),
  );
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
          await privately(respond)(T.expired[lang]);
          return;
        }
        const messages = messagesFor(ctx, shown.question, shown.reply, { share: false, maxMessages: LIMITS.responseUrlMessages });
        // Slack user ids are [A-Z0-9]; anything else is not put into a mention.
        const sharer = /^[A-Z0-9]+$/.test(body.user.id) ? `<@${body.user.id}>` : '';
        for (const [i, m] of messages.entries()) {
          const blocks = i === messages.length - 1 && sharer ? [...m.blocks, { type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: `${T.sharedBy[shown.reply.lang]} ${sharer}` }] }] : m.blocks;
          await respond({ response_type: 'in_channel', ...(i === 0 ? { delete_original: true } : { replace_original: false }), text: m.text, blocks });
        }
      },
      privately(respond),
    );
  });

  // A vote is the core's business: the click becomes `/feedback <ref> up|down` from the clicker.
  bolt.action<BlockAction<ButtonAction>>(new RegExp(`^(${FEEDBACK_UP_ACTION}|${FEEDBACK_DOWN_ACTION})$`), async ({ ack, body, action, respond }) => {
    await ack();
    const vote = action.action_id === FEEDBACK_UP_ACTION ? 'up' : 'down';
    await runAsClicker(ctx, 'feedback', body, respond, `/feedback ${action.value ?? ''} ${vote}`, false);
  });

  // A reply's button that runs a command line: exactly as if the clicker had typed it.
  bolt.action<BlockAction<ButtonAction>>(COMMAND_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const text = action.value ?? '';
    if (text.startsWith('/')) await runAsClicker(ctx, 'command-button', body, respond, text, true);
  });

  bolt.action<BlockAction<ButtonAction>>(OPEN_REPORT_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const lang = await langOf(ctx, body.user.id);
    const config = ctx.app.services.config;
    await guarded(
      ctx.log,
      'open-report',
      lang,
      async () => {
        const target = formButtonTarget(ctx.app.services, parseFormButton(action.value ?? ''));
        // A suggestion's pre-fill lives in memory: after a restart or an hour it is gone.
        if (target === 'expired') {
          await privately(respond)(PREFILL_EXPIRED[lang]);
          return;
        }
        const today = todayIn(config.BOT_TIMEZONE, ctx.app.services.now());
        const channel = body.channel?.id;
        // The button names the command whose form it opens (older buttons carry other values).
        const named = findCommand(target.command);
        const meta = { lang, ...(channel ? { channel } : {}), ...(body.response_url ? { responseUrl: body.response_url } : {}) };
        const view = commandForm(named?.form ? named : reportCommand, ctx.app.services.knowledge.current, lang, today, meta, target.values);
        await client.views.open({ trigger_id: body.trigger_id, view });
      },
      (apology) => client.chat.postMessage({ channel: body.user.id, text: apology }),
    );
  });

  bolt.view(new RegExp(`^${FORM_CALLBACK_PREFIX}`), async ({ ack, body, view, client }) => {
    const command = findCommand(view.callback_id.slice(FORM_CALLBACK_PREFIX.length));
    if (!command?.form) {
      await ack();
      return;
    }
    const config = ctx.app.services.config;
    const meta = readMetadata(view.private_metadata, config.BOT_DEFAULT_LANGUAGE);
    const userId = body.user.id;
    // The metadata comes back from outside: post only to Slack's own response URLs. Another
    // URL is dropped (and logged), and the answer goes to the user's DM instead.
    const responseUrl = meta.responseUrl !== undefined && isAllowedResponseUrl(meta.responseUrl, config.SLACK_API_URL) ? meta.responseUrl : undefined;
    if (meta.responseUrl !== undefined && responseUrl === undefined) {
      ctx.log.warn({ user: userId, responseUrl: meta.responseUrl.slice(0, 200) }, 'slack: form metadata names a response URL that is not Slack\'s; ignored, answering in a DM');
    }
    const text = formCommandText(command, view.state.values as ViewStateValues);
    const pending = ask(ctx, { user: coreUser(userId), text, ...(meta.channel ? { conversationId: encodeConversation({ platform: 'slack', channel: meta.channel }) } : {}) }, meta.lang);
    const early = await withinDeadline(pending, SUBMIT_DEADLINE_MS);
    if (early && !early.ok) {
      await ack({ response_action: 'errors', errors: formErrors(command, early) });
      return;
    }
    await ack();
    await guarded(
      ctx.log,
      'form-submit',
      meta.lang,
      async () => {
        const reply = early ?? (await pending);
        // Where the form was opened from a slash command, confirm there (ephemeral, shareable);
        // otherwise (Home tab, a button in a message) in the user's DM with the bot.
        if (responseUrl) await respondReply(ctx, responderFor(responseUrl), text, reply);
        else await postReply(ctx, client, { channel: userId, user: userId, privateChannel: true }, text, reply);
      },
      (apology) => client.chat.postMessage({ channel: userId, text: apology }),
    );
  });
}
