/**
 * `/kajaani <question or command>`: acknowledged at once (Slack gives 3 s), then answered
 * through the response_url, always ephemeral. `/kajaani report` alone opens the report form.
 */
import type { App as BoltApp } from '@slack/bolt';
import { todayIn } from '../../core/outcomes/dates.js';
import { encodeConversation } from '../../core/conversation-id.js';
import { ask, coreUser, respondReply, type SlackContext } from './context.js';
import { guarded } from '../shared/failure.js';
import { bareFormCommand, toCoreText } from '../shared/command-text.js';
import { commandForm } from './form.js';
import { slackTextToCore } from './text.js';

export function registerSlashCommand(bolt: BoltApp, ctx: SlackContext): void {
  // Any slash command routed to this app (the manifest defines /kajaani; a workspace may rename it).
  bolt.command(/^\/.+/, async ({ command, ack, respond, client, context }) => {
    await ack();
    const config = ctx.app.services.config;
    const locale = await ctx.localeOf(command.user_id);
    const lang = locale ?? config.BOT_DEFAULT_LANGUAGE;
    await guarded(
      ctx.log,
      'slash',
      lang,
      async () => {
        const text = toCoreText(slackTextToCore(command.text, context.botUserId));
        const form = bareFormCommand(text);
        if (form) {
          const today = todayIn(config.BOT_TIMEZONE, ctx.app.services.now());
          const view = commandForm(form, ctx.app.services.knowledge.current, lang, today, { lang, channel: command.channel_id, responseUrl: command.response_url });
          await client.views.open({ trigger_id: command.trigger_id, view });
          return;
        }
        const reply = await ask(ctx, { user: coreUser(command.user_id), text, conversationId: encodeConversation({ platform: 'slack', channel: command.channel_id }) }, locale);
        await respondReply(ctx, respond, text, reply);
      },
      (apology) => respond({ response_type: 'ephemeral', text: apology }),
    );
  });
}
