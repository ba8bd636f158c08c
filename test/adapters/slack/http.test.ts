/**
 * The Slack adapter in HTTP mode, end to end: the real Bolt app on 127.0.0.1 receives signed
 * requests shaped like Slack's and talks to a fake Web API that records every call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFeedback } from '../../../src/store/feedback.js';
import { postToApp, waitFor, type ResponsePost } from '../../fakes/slack/fake-slack.js';
import { buttonClick, eventCallback, mention, message, reportSubmission, slashCommand } from '../../fakes/slack/payloads.js';
import { SECRET, startHarness, type Harness } from './harness.js';

let h: Harness;
let seq = 0;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** Sends a signed slash command; returns the response_url id its answers are recorded under, and the HTTP response. */
async function slash(text: string, o: { user?: string; channel?: string; triggerId?: string } = {}): Promise<{ id: string; status: number; text: string }> {
  const id = `r${++seq}`;
  const res = await h.fake.deliver(h.url, new URLSearchParams(slashCommand(text, { ...o, responseUrl: h.fake.responseUrl(id) })).toString(), FORM, { secret: SECRET });
  return { id, ...res };
}

async function event(ev: Record<string, unknown>, eventId = `Ev${++seq}`, headers: Record<string, string> = {}): Promise<number> {
  const res = await h.fake.deliver(h.url, JSON.stringify(eventCallback(ev, eventId)), JSON_TYPE, { secret: SECRET, headers });
  return res.status;
}

async function interactive(payload: Record<string, unknown>): Promise<{ status: number; text: string }> {
  return h.fake.deliver(h.url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, { secret: SECRET });
}

const blocksText = (body: Record<string, unknown>): string => JSON.stringify(body.blocks ?? []);
const buttonValue = (body: Record<string, unknown>, actionId: string): string => {
  const blocks = (body.blocks ?? []) as { type: string; elements?: { action_id?: string; value?: string }[] }[];
  const button = blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).find((e) => e.action_id === actionId);
  if (!button?.value) throw new Error(`no ${actionId} button in ${blocksText(body)}`);
  return button.value;
};

describe('Slack over HTTP: request signatures', () => {
  it('answers the url_verification challenge', async () => {
    const res = await postToApp(h.url, JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' }), JSON_TYPE, { secret: SECRET });
    expect(res.status).toBe(200);
    expect(res.text).toContain('c-123');
  });

  it('rejects a wrong, missing or stale signature with 401 and runs nothing', async () => {
    const before = h.inbound.length;
    const body = new URLSearchParams(slashCommand('who are the parties?', { responseUrl: h.fake.responseUrl('never') })).toString();
    const wrong = await postToApp(h.url, body, FORM, { secret: 'not-the-secret' });
    const missing = await postToApp(h.url, body, FORM, {});
    const stale = await postToApp(h.url, body, FORM, { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect([wrong.status, missing.status, stale.status]).toEqual([401, 401, 401]);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.inbound.length).toBe(before);
    expect(h.fake.responses.filter((r) => r.id === 'never')).toEqual([]);
  });
});

describe('Slack over HTTP: /kajaani', () => {
  it('answers a question inside the acknowledgement, ephemerally, with the real core, a share button and feedback buttons', async () => {
    const { id, status, text } = await slash('who are the parties?');
    expect(status).toBe(200);
    // The HTTP response itself is the answer; nothing goes to the response_url.
    expect(JSON.parse(text)).toMatchObject({ response_type: 'ephemeral', blocks: expect.any(Array) });
    const post = await h.fake.waitForResponse(id);
    expect(post.via).toBe('ack');
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.responses.filter((r) => r.id === id)).toHaveLength(1);
    expect(post.body.response_type).toBe('ephemeral');
    expect(blocksText(post.body)).toContain('KAMK');
    expect(blocksText(post.body)).toContain('kajaani_share');
    expect(blocksText(post.body)).toContain('kajaani_feedback_up');
    expect(h.inbound.at(-1)).toMatchObject({ platform: 'slack', user: 'slack:U123', text: 'who are the parties?', conversationId: 'slack:C123' });
  });

  it('passes commands in the console grammar and resolves user mentions to slack:U… ids', async () => {
    await slash('report companies "Acme Oy" party=KAMK');
    await waitFor(() => h.inbound.find((m) => m.text === '/report companies "Acme Oy" party=KAMK'), 'the report command');
    await slash('grant <@U999|bob> reporter');
    await waitFor(() => h.inbound.find((m) => m.text === '/grant slack:U999 reporter'), 'the grant command with the resolved user');
  });

  it('answers a first command in the language of its text without waiting for users.info, then uses the Slack locale (fi-FI)', async () => {
    h.fake.locales.set('UFI', 'fi-FI');
    const first = await slash('ketkä ovat osapuolet?', { user: 'UFI' });
    expect(h.inbound.at(-1)).toMatchObject({ user: 'slack:UFI' });
    expect(h.inbound.at(-1)!.locale).toBeUndefined();
    // Finnish all the same: the question's own words say so.
    expect((await h.fake.waitForResponse(first.id)).body.text).toMatch(/osapuol/i);
    // The lookup ran in the background and filled the cache: a bare command now goes by the locale.
    await waitFor(() => h.fake.callsOf('users.info').some((c) => c.args.user === 'UFI'), 'the users.info lookup for UFI');
    await new Promise((r) => setTimeout(r, 50));
    const second = await slash('progress', { user: 'UFI' });
    await h.fake.waitForResponse(second.id);
    expect(h.inbound.at(-1)).toMatchObject({ user: 'slack:UFI', text: '/progress', locale: 'fi' });
    expect(h.fake.callsOf('users.info').filter((c) => c.args.user === 'UFI')).toHaveLength(1);
  });

  it('does not hold an answer up for a slow users.info: the text decides the language then', async () => {
    h.fake.rateLimit('users.info', 2);
    const started = Date.now();
    const { id } = await slash('who are the parties?', { user: 'USLOW' });
    await h.fake.waitForResponse(id);
    expect(Date.now() - started).toBeLessThan(1900);
    const msg = h.inbound.findLast((m) => m.user === 'slack:USLOW');
    expect(msg).toBeDefined();
    expect(msg!.locale).toBeUndefined();
  });

  it('keeps errors ephemeral and without a share button', async () => {
    const { id } = await slash('report companies "Acme" business-id=123');
    const post = await h.fake.waitForResponse(id);
    expect(post.body.response_type).toBe('ephemeral');
    expect(blocksText(post.body)).toContain('is not a Finnish Business ID');
    expect(blocksText(post.body)).not.toContain('kajaani_share');
  });

});

describe('Slack over HTTP: the report form', () => {
  it('opens the form for a bare /kajaani report, with goals, parties and today as the date', async () => {
    const before = h.fake.callsOf('views.open').length;
    const { text } = await slash('report', { triggerId: '1234.5678.abcdef' });
    expect(text).toBe('');
    const call = await h.fake.waitForCall('views.open', before + 1);
    expect(call.args.trigger_id).toBe('1234.5678.abcdef');
    const view = JSON.stringify(call.args.view);
    expect(view).toContain('"callback_id":"kajaani_report"');
    expect(view).toContain('"value":"companies"');
    expect(view).toContain('"value":"KAMK"');
    // 2025-03-04 10:00 UTC is 12:00 in Helsinki.
    expect(view).toContain('"initial_date":"2025-03-04"');
  });

  it('puts a duplicate on the "store anyway" box, and stores it when that box is ticked', async () => {
    const meta = JSON.stringify({ lang: 'en', channel: 'C123', responseUrl: h.fake.responseUrl('form-dup') });
    const first = await interactive(reportSubmission({ goal: 'companies', title: 'Dup Oy', date: '2025-03-01' }, meta));
    expect(first.text).toBe('');
    await h.fake.waitForResponse('form-dup');
    const again = await interactive(reportSubmission({ goal: 'companies', title: 'Dup Oy', date: '2025-03-01' }, meta));
    expect(JSON.parse(again.text)).toMatchObject({ response_action: 'errors', errors: { duplicate: expect.stringContaining('duplicate') } });
    const forced = await interactive(reportSubmission({ goal: 'companies', title: 'Dup Oy', date: '2025-03-01', duplicateOk: true }, meta));
    expect(forced.text).toBe('');
    expect(h.inbound.at(-1)?.text).toBe('/report companies "Dup Oy" date=2025-03-01 duplicate=ok');
    await h.fake.waitForResponse('form-dup', 2);
  });

  it('shows an invalid field as an inline error and stores nothing', async () => {
    const meta = JSON.stringify({ lang: 'en', channel: 'C123', responseUrl: h.fake.responseUrl('form-bad') });
    const res = await interactive(reportSubmission({ goal: 'companies', title: 'Acme Oy', date: '2025-03-01', businessId: '12345' }, meta));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['business-id']);
    expect(body.errors['business-id']).toContain('Business ID');
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.responses.filter((r) => r.id === 'form-bad')).toEqual([]);
  });

  it('confirms a valid report where the form was opened, with the title escaped so <!channel> pings nobody', async () => {
    const meta = JSON.stringify({ lang: 'en', channel: 'C123', responseUrl: h.fake.responseUrl('form-ok') });
    const res = await interactive(reportSubmission({ goal: 'companies', title: 'Acme <!channel> & Co', party: 'KAMK', date: '2025-03-01', link: 'https://example.fi/a', note: 'line one\nline two' }, meta));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const post = await h.fake.waitForResponse('form-ok');
    expect(h.inbound.at(-1)?.text).toBe('/report companies "Acme <!channel> & Co" party=KAMK date=2025-03-01 link=https://example.fi/a note="line one line two"');
    const sent = JSON.stringify(post.body);
    expect(sent).toContain('&lt;!channel&gt; &amp; Co');
    expect(sent).not.toContain('<!channel>');
    expect(sent).toMatch(/new companies: █+░+ \d+ \/ 15/); // the new progress as a bar
  });

  it('confirms in a DM when the form was opened from a button (no response_url)', async () => {
    const before = h.fake.callsOf('chat.postMessage').length;
    await interactive(reportSubmission({ goal: 'companies', title: 'Beta Oy', date: '2025-03-02' }, JSON.stringify({ lang: 'en' }), 'U555'));
    const call = await h.fake.waitForCall('chat.postMessage', before + 1);
    expect(call.args.channel).toBe('U555');
    expect(JSON.stringify(call.args.blocks)).toContain('Beta Oy');
  });
});

describe('Slack over HTTP: mentions and DMs', () => {
  // Ignoring its own and other bots' messages, and answering a retried event once, are in the
  // adapter contract (test/adapters/contract/); here only Slack's placement of answers.
  it('answers a mention in its thread, with feedback buttons under the answer', async () => {
    const before = h.fake.callsOf('chat.postMessage').length;
    expect(await event(mention('<@UBOT> who are the parties?', { ts: '1700000100.000100' }), 'EvThread1')).toBe(200);
    const call = await h.fake.waitForCall('chat.postMessage', before + 1);
    expect(call.args).toMatchObject({ channel: 'C123', thread_ts: '1700000100.000100' });
    expect(JSON.stringify(call.args.blocks)).toContain('KAMK');
    expect(JSON.stringify(call.args.blocks)).toContain('kajaani_feedback_up');
  });

  it('answers a DM in the DM, not in a thread', async () => {
    const before = h.fake.callsOf('chat.postMessage').length;
    await event(message('what are the focus areas?', { channel: 'D123', ts: '1700000200.000100' }));
    const call = await h.fake.waitForCall('chat.postMessage', before + 1);
    expect(call.args.channel).toBe('D123');
    expect(call.args.thread_ts).toBeUndefined();
  });

  it('ignores channel messages that do not mention it, and edits', async () => {
    const before = h.inbound.length;
    await event(message('just chatting', { channel: 'C123', channelType: 'channel', ts: '1700000300.000004' }));
    await event(message('edited', { channel: 'D123', subtype: 'message_changed', ts: '1700000300.000005' }));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.inbound.length).toBe(before);
  });

  it('waits out a 429 (Retry-After) and then posts the answer', async () => {
    h.fake.rateLimit('chat.postMessage', 1);
    const before = h.fake.callsOf('chat.postMessage').length;
    const started = Date.now();
    await event(mention('<@UBOT> who are the parties?', { ts: '1700000400.000100' }));
    await h.fake.waitForCall('chat.postMessage', before + 1, 8000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(h.fake.callsOf('chat.postMessage#429').length).toBe(1);
  });
});

describe('Slack over HTTP: buttons and the Home tab', () => {
  let answer: ResponsePost;
  beforeAll(async () => {
    const { id } = await slash('who are the parties?', { user: 'U200' });
    answer = await h.fake.waitForResponse(id);
  });

  it('shares an ephemeral answer in the channel', async () => {
    const ref = buttonValue(answer.body, 'kajaani_share');
    await interactive(buttonClick('kajaani_share', ref, { user: 'U200', responseUrl: h.fake.responseUrl('share') }));
    const post = await h.fake.waitForResponse('share');
    expect(post.body).toMatchObject({ response_type: 'in_channel', delete_original: true });
    expect(blocksText(post.body)).toContain('KAMK');
    expect(blocksText(post.body)).toContain('<@U200>');
  });

  it('stores 👍/👎 clicks (one vote per user and answer) and says thanks', async () => {
    const ref = buttonValue(answer.body, 'kajaani_feedback_up');
    await interactive(buttonClick('kajaani_feedback_up', ref, { user: 'U200', responseUrl: h.fake.responseUrl('fb1') }));
    await h.fake.waitForResponse('fb1');
    await interactive(buttonClick('kajaani_feedback_down', ref, { user: 'U200', responseUrl: h.fake.responseUrl('fb2') }));
    const thanks = await h.fake.waitForResponse('fb2');
    expect(thanks.body).toMatchObject({ response_type: 'ephemeral', text: 'Thanks for the feedback!' });
    const rows = listFeedback(h.app.services.store).filter((r) => r.answerRef === ref);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user: 'slack:U200', vote: 'down', question: 'who are the parties?', platform: 'slack' });
    expect(rows[0]!.answer).toContain('KAMK');
  });

  it('publishes the Home tab with progress bars and the latest outcomes, escaped', async () => {
    const before = h.fake.callsOf('views.publish').length;
    await event({ type: 'app_home_opened', user: 'U300', channel: 'D300', tab: 'home', event_ts: '1700000500.000100' });
    const call = await h.fake.waitForCall('views.publish', before + 1);
    expect(call.args.user_id).toBe('U300');
    const view = JSON.stringify(call.args.view);
    expect(view).toContain('"type":"home"');
    expect(view).toMatch(/new companies: [█░]{10} \d+ \/ 15/);
    expect(view).toContain('Acme &lt;!channel&gt; &amp; Co');
    expect(view).not.toContain('<!channel>');
    expect(view).toContain('kajaani_open_report');
  });

  it('opens the report form from the Home tab button', async () => {
    const before = h.fake.callsOf('views.open').length;
    const click = buttonClick('kajaani_open_report', 'home', { user: 'U300', responseUrl: '' });
    delete click.response_url;
    delete click.channel;
    click.container = { type: 'view', view_id: 'VHOME' };
    await interactive(click);
    const call = await h.fake.waitForCall('views.open', before + 1);
    expect(call.args.trigger_id).toBe(click.trigger_id);
    expect(JSON.parse(String((call.args.view as { private_metadata: string }).private_metadata))).toEqual({ lang: 'en' });
  });
});
