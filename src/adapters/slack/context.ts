/**
 * What every Slack handler shares: the bot, the caches, and the two ways of answering (a
 * response_url, or the Web API). Failures in handlers go through the shared `guarded()`.
 */
import type { webApi } from '@slack/bolt';
import type { App } from '../../main.js';
import type { Inbound } from '../../core/bot.js';
import type { Lang, Reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import type { ShownAnswers } from '../../core/feedback/shown-answers.js';
import type { SeenIds } from '../shared/seen-ids.js';
import { LIMITS } from './limits.js';
import type { LocaleCache } from './locale.js';
import { answerActions } from './buttons.js';
import { renderReply, type SlackMessage } from './render.js';

export interface SlackContext {
  app: App;
  log: Logger;
  recent: SeenIds;
  /** Answers shown with "Share in channel", by the reference the button carries. */
  answers: ShownAnswers;
  /** The users' Slack languages. */
  locales: LocaleCache;
}

/** Posts to a response_url (slash commands, button clicks, the report form's origin). */
export type Respond = (message: Record<string, unknown>) => Promise<unknown>;

/** A response_url poster for places where Bolt gives none (the report form's submit). */
export function responderFor(url: string): Respond {
  return async (message) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
    if (!res.ok) throw new Error(`response_url answered ${res.status}`);
    return res;
  };
}

/** The core's user id for a Slack user. */
export const coreUser = (slackUserId: string): string => `slack:${slackUserId}`;

/** Asks the core, passing the language only when Slack knows it. */
export async function ask(ctx: SlackContext, msg: Omit<Inbound, 'platform' | 'locale'>, locale: Lang | undefined): Promise<Reply> {
  return ctx.app.bot.handle({ platform: 'slack', ...msg, ...(locale ? { locale } : {}) });
}

/**
 * Renders a reply with its buttons: 👍/👎 under answers the core lets users rate
 * (`feedbackRef`); "Share in channel" under public answers shown only to the asker.
 */
export function messagesFor(ctx: SlackContext, question: string, r: Reply, opts: { share: boolean; maxMessages?: number }): SlackMessage[] {
  // Over the rate limit and already told: nothing to post.
  if (r.silent) return [];
  const share = opts.share && r.ok && r.visibility === 'public' ? ctx.answers.remember(question, r) : undefined;
  return renderReply(r, answerActions(r.lang, { share, feedback: r.feedbackRef }), opts.maxMessages);
}

/** One message of an answer to a slash command (or a click): the acknowledgement's body or a response_url post. */
export interface ResponseMessage {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  blocks?: SlackMessage['blocks'];
}

/**
 * A reply as response messages: always ephemeral (errors too), with the share button. Renders
 * once (the share button's reference is remembered here), so call it once per reply.
 */
export function responseMessages(ctx: SlackContext, question: string, r: Reply): ResponseMessage[] {
  return messagesFor(ctx, question, r, { share: true, maxMessages: LIMITS.responseUrlMessages }).map((m) => ({ response_type: 'ephemeral', text: m.text, blocks: m.blocks }));
}

/** Posts response messages to a response_url, each as a new message (never replacing the one clicked). */
export async function respondAll(respond: Respond, messages: ResponseMessage[]): Promise<void> {
  for (const m of messages) await respond({ ...m, replace_original: false });
}

/** Answers through a response_url: always ephemeral (errors too), with the share button. */
export async function respondReply(ctx: SlackContext, respond: Respond, question: string, r: Reply): Promise<void> {
  await respondAll(respond, responseMessages(ctx, question, r));
}

/** Posts a reply in a conversation; errors and ephemeral replies only to `user`. */
export async function postReply(
  ctx: SlackContext,
  client: webApi.WebClient,
  where: { channel: string; user: string; threadTs?: string; privateChannel?: boolean },
  question: string,
  r: Reply,
): Promise<void> {
  const thread = where.threadTs ? { thread_ts: where.threadTs } : {};
  const onlyToUser = !where.privateChannel && (!r.ok || r.visibility === 'ephemeral');
  for (const m of messagesFor(ctx, question, r, { share: false })) {
    if (onlyToUser) await client.chat.postEphemeral({ channel: where.channel, user: where.user, text: m.text, blocks: m.blocks, ...thread });
    else await client.chat.postMessage({ channel: where.channel, text: m.text, blocks: m.blocks, unfurl_links: false, ...thread });
  }
}
