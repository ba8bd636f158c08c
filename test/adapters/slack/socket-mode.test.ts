/**
 * The Slack adapter in Socket Mode, end to end: the fake hands out a ws://127.0.0.1 URL from
 * apps.connections.open, says hello, pushes envelopes and checks each is acknowledged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../fakes/slack/fake-slack.js';
import { eventCallback, mention, reportSubmission, slashCommand } from '../../fakes/slack/payloads.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ socket: true });
});
afterAll(async () => {
  await h?.close();
});

describe('Slack in Socket Mode', () => {
  it('connects through apps.connections.open with the app token', () => {
    expect(h.fake.callsOf('apps.connections.open')).toHaveLength(1);
    expect(h.fake.connections).toBe(1);
  });

  it('answers a slash command inside the ack of its envelope, ephemerally, with share and feedback buttons', async () => {
    const ack = await h.fake.push('slash_commands', slashCommand('who are the parties?', { responseUrl: h.fake.responseUrl('s1') }));
    expect(ack).toMatchObject({ response_type: 'ephemeral', text: expect.any(String) });
    const blocks = JSON.stringify(ack.blocks);
    expect(blocks).toContain('KAMK');
    expect(blocks).toContain('kajaani_share');
    expect(blocks).toContain('kajaani_feedback_up');
    await new Promise((r) => setTimeout(r, 200));
    // The ack was the answer: nothing went to the response_url.
    expect(h.fake.responses.filter((r) => r.id === 's1').map((r) => r.via)).toEqual(['ack']);
  });

  it('acknowledges a bare /kajaani report empty and opens the form', async () => {
    const before = h.fake.callsOf('views.open').length;
    const ack = await h.fake.push('slash_commands', slashCommand('report', { responseUrl: h.fake.responseUrl('s-form') }));
    expect(ack).toEqual({});
    await h.fake.waitForCall('views.open', before + 1);
  });

  it('acknowledges an events_api envelope, answers in the thread, and handles a retry once', async () => {
    const before = h.fake.callsOf('chat.postMessage').length;
    const envelope = eventCallback(mention('<@UBOT> what are the focus areas?', { ts: '1700000600.000100' }), 'EvSock1');
    await h.fake.push('events_api', envelope);
    await h.fake.push('events_api', envelope, { retry_attempt: 1, retry_reason: 'timeout' });
    const call = await h.fake.waitForCall('chat.postMessage', before + 1);
    expect(call.args).toMatchObject({ channel: 'C123', thread_ts: '1700000600.000100' });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.callsOf('chat.postMessage').length).toBe(before + 1);
  });

  it('returns inline form errors in the ack of an interactive envelope', async () => {
    const ack = await h.fake.push('interactive', reportSubmission({ goal: 'companies', title: 'Acme', date: '2025-03-01', businessId: 'nope' }, JSON.stringify({ lang: 'en' })));
    expect(ack).toMatchObject({ response_action: 'errors', errors: { 'business-id': expect.stringContaining('Business ID') } });
  });

  it('reconnects after a disconnect message and keeps answering', async () => {
    h.fake.disconnect();
    await waitFor(() => h.fake.connections >= 2 || undefined, 'a reconnect', 10_000);
    const ack = await h.fake.push('slash_commands', slashCommand('who are the parties?', { responseUrl: h.fake.responseUrl('s2') }));
    expect(JSON.stringify(ack.blocks)).toContain('KAMK');
    await h.fake.waitForResponse('s2');
  });
});
