/**
 * Mentions and direct messages. A mention in a channel is answered in a thread, a DM in the
 * DM; nothing else is answered. Each message is answered once, however Slack delivers it
 * (retries carry the same event id; a mention in a DM may arrive both as `message` and as
 * `app_mention`, with the same channel and ts).
 */
import type { App as BoltApp, webApi } from '@slack/bolt';
import { OPEN_REPORT_ACTION } from './buttons.js';
import { ask, coreUser, postReply, type SlackContext } from './context.js';
import { guarded } from '../shared/failure.js';
import { bareFormCommand, toCoreText } from '../shared/command-text.js';
import { slackTextToCore } from './text.js';
import { encodeConversation } from '../../core/conversation-id.js';

interface Incoming {
  eventId: string | undefined;
  channel: string;
  ts: string;
  user: string;
  text: string;
  threadTs?: string;
  isDm: boolean;
}

const REPORT_BUTTON = {
  en: { text: 'Report an outcome with a form:', button: 'Open the form' },
  fi: { text: 'Ilmoita tulos lomakkeella:', button: 'Avaa lomake' },
} as const;

async function answer(ctx: SlackContext, client: webApi.WebClient, botUserId: string | undefined, m: Incoming): Promise<void> {
  const keys = [`msg:${m.channel}:${m.ts}`, ...(m.eventId ? [`event:${m.eventId}`] : [])];
  if (!ctx.recent.firstOfAll(keys)) {
    ctx.log.debug({ eventId: m.eventId, channel: m.channel, ts: m.ts }, 'slack: duplicate delivery ignored');
    return;
  }
  const locale = await ctx.locales.lookup(m.user);
  const lang = locale ?? ctx.app.services.config.BOT_DEFAULT_LANGUAGE;
  // In a channel the answer goes into the mention's thread; in a DM, straight into the DM.
  const where = { channel: m.channel, user: m.user, threadTs: m.isDm ? m.threadTs : (m.threadTs ?? m.ts), privateChannel: m.isDm };
  const thread = where.threadTs ? { thread_ts: where.threadTs } : {};
  await guarded(
    ctx.log,
    m.isDm ? 'dm' : 'mention',
    lang,
    async () => {
      const text = toCoreText(slackTextToCore(m.text, botUserId));
      if (bareFormCommand(text)) {
        // A form needs a trigger id, which only a click or a slash command gives: offer a button.
        const t = REPORT_BUTTON[lang];
        const blocks = [
          { type: 'section' as const, text: { type: 'mrkdwn' as const, text: t.text }, accessory: { type: 'button' as const, action_id: OPEN_REPORT_ACTION, text: { type: 'plain_text' as const, text: t.button }, value: 'message' } },
        ];
        await client.chat.postEphemeral({ channel: m.channel, user: m.user, text: t.text, blocks, ...thread });
        return;
      }
      const reply = await ask(ctx, { user: coreUser(m.user), text, conversationId: encodeConversation({ platform: 'slack', channel: m.channel, thread: where.threadTs }) }, locale);
      await postReply(ctx, client, where, text, reply);
    },
    (apology) => client.chat.postEphemeral({ channel: m.channel, user: m.user, text: apology, ...thread }),
  );
}

/** Loose view of a message event: the fields this adapter reads. */
interface MessageLike {
  type: string;
  subtype?: string;
  bot_id?: string;
  bot_profile?: unknown;
  user?: string;
  text?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
}

/** True for messages from bots (this one or any other) and for edits, joins and the like. */
function notFromAPerson(e: MessageLike, botUserId: string | undefined): boolean {
  return e.subtype !== undefined || e.bot_id !== undefined || e.bot_profile !== undefined || !e.user || e.user === botUserId;
}

export function registerMessages(bolt: BoltApp, ctx: SlackContext): void {
  bolt.event('app_mention', async ({ event, body, client, context }) => {
    const e = event as unknown as MessageLike;
    if (notFromAPerson(e, context.botUserId)) return;
    await answer(ctx, client, context.botUserId, {
      eventId: body.event_id,
      channel: e.channel,
      ts: e.ts,
      user: e.user!,
      text: e.text ?? '',
      threadTs: e.thread_ts,
      isDm: e.channel.startsWith('D'),
    });
  });

  bolt.message(async ({ message, body, client, context }) => {
    const e = message as unknown as MessageLike;
    // Channel messages are answered only when they mention the bot (the app_mention event).
    if (e.channel_type !== 'im') return;
    if (notFromAPerson(e, context.botUserId)) return;
    await answer(ctx, client, context.botUserId, {
      eventId: (body as { event_id?: string }).event_id,
      channel: e.channel,
      ts: e.ts,
      user: e.user!,
      text: e.text ?? '',
      threadTs: e.thread_ts,
      isDm: true,
    });
  });
}
