/** Real-shaped Slack payloads for the tests: slash commands, events, interactive payloads. */
import { TEAM_ID, BOT_USER_ID } from './fake-slack.js';

const APP_ID = 'A0TEST';

let triggers = 0;
/** A new trigger id, as Slack gives each command, click and submission its own. */
export const nextTriggerId = (): string => `${++triggers}.5678.abcdef`;

/** A slash command's fields (sent form-encoded over HTTP, as an object in Socket Mode). */
export function slashCommand(text: string, o: { user?: string; channel?: string; responseUrl: string; command?: string; triggerId?: string }): Record<string, string> {
  return {
    token: 'verification-token',
    team_id: TEAM_ID,
    team_domain: 'test',
    channel_id: o.channel ?? 'C123',
    channel_name: 'general',
    user_id: o.user ?? 'U123',
    user_name: 'ann',
    command: o.command ?? '/kajaani',
    text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: o.triggerId ?? nextTriggerId(),
  };
}

/** An Events API envelope (`event_callback`). */
export function eventCallback(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: 'verification-token',
    team_id: TEAM_ID,
    api_app_id: APP_ID,
    event: { event_ts: event.ts ?? '1700000000.000100', ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: '4-eyJldCI6ImFwcF9tZW50aW9uIn0',
  };
}

/** An `app_mention` event. */
export function mention(text: string, o: { user?: string; channel?: string; ts?: string; threadTs?: string; botId?: string } = {}): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: o.user ?? 'U123',
    text,
    ts: o.ts ?? '1700000000.000100',
    channel: o.channel ?? 'C123',
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    ...(o.botId ? { bot_id: o.botId } : {}),
    team: TEAM_ID,
  };
}

/** A `message` event (a DM when channel_type is `im`). */
export function message(text: string, o: { user?: string; channel?: string; channelType?: string; ts?: string; botId?: string; subtype?: string } = {}): Record<string, unknown> {
  return {
    type: 'message',
    user: o.user ?? 'U123',
    text,
    ts: o.ts ?? '1700000000.000200',
    channel: o.channel ?? 'D123',
    channel_type: o.channelType ?? 'im',
    team: TEAM_ID,
    ...(o.botId ? { bot_id: o.botId } : {}),
    ...(o.subtype ? { subtype: o.subtype } : {}),
  };
}

/** A `block_actions` payload for a button click in a message. */
export function buttonClick(actionId: string, value: string, o: { user?: string; channel?: string; responseUrl: string; ephemeral?: boolean }): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: o.user ?? 'U123', username: 'ann', name: 'ann', team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: 'verification-token',
    container: { type: 'message', message_ts: '1700000000.000300', channel_id: o.channel ?? 'C123', is_ephemeral: o.ephemeral ?? true },
    trigger_id: nextTriggerId(),
    team: { id: TEAM_ID, domain: 'test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: o.channel ?? 'C123', name: 'general' },
    state: { values: {} },
    response_url: o.responseUrl,
    actions: [{ action_id: actionId, block_id: 'answer', text: { type: 'plain_text', text: 'x', emoji: true }, value, type: 'button', action_ts: '1700000001.000000' }],
  };
}

/** A `view_submission` for the report form, with the values as Slack sends them. */
export function reportSubmission(
  fields: { goal?: string; title?: string; party?: string; date?: string; link?: string; businessId?: string; note?: string; duplicateOk?: boolean },
  privateMetadata: string,
  user = 'U123',
): Record<string, unknown> {
  const text = (v: string | undefined) => ({ value: { type: 'plain_text_input', value: v ?? null } });
  const select = (v: string | undefined) => ({ value: { type: 'static_select', selected_option: v ? { text: { type: 'plain_text', text: v }, value: v } : null } });
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'test' },
    user: { id: user, username: 'ann', name: 'ann', team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: 'verification-token',
    trigger_id: nextTriggerId(),
    view: {
      id: 'V1',
      team_id: TEAM_ID,
      type: 'modal',
      callback_id: 'kajaani_report',
      private_metadata: privateMetadata,
      blocks: [],
      state: {
        values: {
          goal: select(fields.goal),
          title: text(fields.title),
          party: select(fields.party),
          date: { value: { type: 'datepicker', selected_date: fields.date ?? null } },
          link: { value: { type: 'url_text_input', value: fields.link ?? null } },
          'business-id': text(fields.businessId),
          note: text(fields.note),
          duplicate: { value: { type: 'checkboxes', selected_options: fields.duplicateOk ? [{ text: { type: 'plain_text', text: 'Store anyway' }, value: 'ok' }] : [] } },
        },
      },
      hash: '1700000000.abc',
      app_id: APP_ID,
      bot_id: 'BBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
