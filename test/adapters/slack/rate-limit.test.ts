/**
 * The per-user rate limit end to end through the real Bolt app (issue 11 item 3): past the
 * burst, one polite "slow down" reply, then nothing is posted (no message in the ack, no
 * response_url post, no chat.postMessage), while the request is still acknowledged. The
 * limit (1 an hour, bursts of 2) cannot refill during the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToApp } from '../../fakes/slack/fake-slack.js';
import { eventCallback, message, reportSubmission, slashCommand } from '../../fakes/slack/payloads.js';
import { SECRET, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { BOT_RATE_LIMIT: '1/h,burst=2' } });
});
afterAll(async () => {
  await h?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FORM = 'application/x-www-form-urlencoded';

/** A signed slash command through the fake, which records an answer in the ack as well as response_url posts. */
async function slash(id: string, text: string, user: string): Promise<number> {
  const res = await h.fake.deliver(h.url, new URLSearchParams(slashCommand(text, { user, responseUrl: h.fake.responseUrl(id) })).toString(), FORM, { secret: SECRET });
  return res.status;
}

describe('Slack: per-user rate limit', () => {
  it('answers /kajaani twice, says "slow down" once, then acknowledges but posts nothing', async () => {
    for (const id of ['s1', 's2', 's3']) {
      expect(await slash(id, 'help', 'U777')).toBe(200);
      await h.fake.waitForResponse(id);
    }
    const slow = h.fake.responses.filter((r) => r.id === 's3');
    expect(slow).toHaveLength(1);
    expect(String(slow[0]!.body.text)).toMatch(/slow down/i);
    expect(h.fake.responses.filter((r) => r.id === 's1').map((r) => String(r.body.text))).not.toContainEqual(expect.stringMatching(/slow down/i));

    expect(await slash('s4', 'who are the parties?', 'U777')).toBe(200);
    // Acknowledged, and the ack is empty.
    expect(h.fake.delivered.at(-1)).toEqual({ status: 200, text: '' });
    // Another user is still answered; by then the limited request has long been handled.
    expect(await slash('other', 'help', 'U888')).toBe(200);
    await h.fake.waitForResponse('other');
    await sleep(300);
    expect(h.fake.responses.filter((r) => r.id === 's4')).toEqual([]);
  });

  it('posts nothing in a DM past the limit', async () => {
    const before = h.fake.callsOf('chat.postMessage').length;
    await postToApp(h.url, JSON.stringify(eventCallback(message('help', { user: 'U777', channel: 'D777', ts: '1700000900.000100' }), 'EvLimited1')), 'application/json', { secret: SECRET });
    await sleep(500);
    expect(h.fake.callsOf('chat.postMessage').length).toBe(before);
    expect(h.fake.callsOf('chat.postEphemeral').filter((c) => c.args.user === 'U777')).toEqual([]);
    expect(h.inbound.filter((m) => m.user === 'slack:U777')).toHaveLength(5);
  });

  it('keeps the report form open with the "slow down" text as its error, and posts nothing', async () => {
    const meta = JSON.stringify({ lang: 'en', channel: 'C123', responseUrl: h.fake.responseUrl('form-limited') });
    const form = { goal: 'companies', title: 'Limited Oy', date: '2025-03-01' };
    const res = await postToApp(h.url, new URLSearchParams({ payload: JSON.stringify(reportSubmission(form, meta, 'U777')) }).toString(), FORM, { secret: SECRET });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.values(body.errors).join(' ')).toMatch(/slow down/i);
    await sleep(200);
    expect(h.fake.responses.filter((r) => r.id === 'form-limited')).toEqual([]);
  });
});
