/**
 * `/kajaani <question or command>`, always answered ephemerally. The answer travels in the
 * acknowledgement itself (the HTTP response, or the Socket Mode ack's payload): the reply is
 * computed first and the ack carries it, which saves a response_url round trip and shows the
 * answer as soon as Slack has the ack. The ack goes out empty, and the answer through the
 * response_url, when the work is slow (a reply with a file: the digest preview's chart, an
 * export), when the reply takes more than one message, or when the core has not answered
 * within the time budget. `/kajaani report` alone opens the report form.
 */
import type { App as BoltApp, RespondArguments } from '@slack/bolt';
import { todayIn } from '../../core/outcomes/dates.js';
import { encodeConversation } from '../../core/conversation-id.js';
import { findCommand } from '../../core/commands/index.js';
import { ask, coreUser, respondAll, respondReply, responseMessages, type ResponseMessage, type SlackContext } from './context.js';
import { guarded } from '../shared/failure.js';
import { withinDeadline } from '../shared/deadline.js';
import { bareFormCommand, toCoreText } from '../shared/command-text.js';
import { commandForm } from './form.js';
import { slackTextToCore } from './text.js';

/**
 * How long an answer may take and still ride in the acknowledgement. Slack shows the user
 * "operation_timeout" and drops the response when the ack takes more than 3 s from its side;
 * half of that is left for the network to and from Slack and for an event loop busy with
 * other requests (a timer fires late when the loop is busy). After it the ack goes out empty
 * and the answer follows through the response_url when the core is done.
 */
export const ACK_BUDGET_MS = 1500;

/**
 * Commands acknowledged before they run: their replies carry a file (the digest preview's
 * chart, an export), which takes long to build, and the chart is rendered synchronously,
 * so no timer can cut that work short once it has started: the 3 s clock must not be
 * running while it does. (`/digest subscribe` comes along; it is answered the same way,
 * only through the response_url.)
 */
const ACK_FIRST = new Set(['digest', 'export']);

/** True when the core line names a command that is acknowledged before it runs. */
function acksFirst(coreText: string): boolean {
  const name = /^\/(\S+)/.exec(coreText)?.[1];
  const command = name ? findCommand(name) : undefined;
  return command !== undefined && ACK_FIRST.has(command.name);
}

/** Options for tests. */
export interface SlashOptions {
  /** Default ACK_BUDGET_MS. */
  ackBudgetMs?: number;
}

export function registerSlashCommand(bolt: BoltApp, ctx: SlackContext, options: SlashOptions = {}): void {
  const budgetMs = options.ackBudgetMs ?? ACK_BUDGET_MS;
  // Any slash command routed to this app (the manifest defines /kajaani; a workspace may rename it).
  bolt.command(/^\/.+/, async ({ command, ack, respond, client, context }) => {
    const config = ctx.app.services.config;
    // Never waits on users.info: see locale.ts.
    const locale = ctx.locales.known(command.user_id);
    const lang = locale ?? config.BOT_DEFAULT_LANGUAGE;
    // The ack can go out once: with the answer, empty, or with the apology.
    let acked = false;
    const acknowledge = async (message?: ResponseMessage) => {
      acked = true;
      await ack(message as RespondArguments | undefined);
    };
    await guarded(
      ctx.log,
      'slash',
      lang,
      async () => {
        const text = toCoreText(slackTextToCore(command.text, context.botUserId));
        const form = bareFormCommand(text);
        if (form) {
          await acknowledge();
          const today = todayIn(config.BOT_TIMEZONE, ctx.app.services.now());
          const view = commandForm(form, ctx.app.services.knowledge.current, lang, today, { lang, channel: command.channel_id, responseUrl: command.response_url });
          await client.views.open({ trigger_id: command.trigger_id, view });
          return;
        }
        const inbound = { user: coreUser(command.user_id), text, conversationId: encodeConversation({ platform: 'slack', channel: command.channel_id }) };
        if (acksFirst(text)) {
          await acknowledge();
          await respondReply(ctx, respond, text, await ask(ctx, inbound, locale));
          return;
        }
        const pending = ask(ctx, inbound, locale);
        const early = await withinDeadline(pending, budgetMs);
        if (early === undefined) {
          ctx.log.info({ user: command.user_id, budgetMs }, 'slack: answer not ready within the ack budget; answering through the response_url');
          await acknowledge();
          await respondReply(ctx, respond, text, await pending);
          return;
        }
        const messages = responseMessages(ctx, text, early);
        // One message (or none: a rate-limited user already told) fits in the ack.
        if (messages.length <= 1 && early.files.length === 0) {
          await acknowledge(messages[0]);
          return;
        }
        await acknowledge();
        await respondAll(respond, messages);
      },
      async (apology) => {
        const message: ResponseMessage = { response_type: 'ephemeral', text: apology };
        if (acked) await respond({ ...message, replace_original: false });
        else await acknowledge(message);
      },
    );
  });
}
