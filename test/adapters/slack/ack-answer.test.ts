/**
 * Where a slash command's answer goes: inside the acknowledgement when it is ready within the
 * budget and fits one message, otherwise an empty ack and the response_url (a slow answer, a
 * reply of several messages, a reply with a file). The real Bolt app over HTTP against the
 * fake Slack, with a short budget so the slow case stays quick.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbound } from '../../../src/core/bot.js';
import type { Reply } from '../../../src/core/reply.js';
import { contractWrap, LONG, BOOM } from '../contract/suite.js';
import { slashCommand } from '../../fakes/slack/payloads.js';
import { SECRET, startHarness, type Harness } from './harness.js';

/** The ack budget in these tests (production: ACK_BUDGET_MS, 1.5 s). */
const BUDGET_MS = 300;
const SLOW = 'slow-question';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The contract's test replies, plus a question the core answers only after twice the budget. */
const wrap = (handle: (msg: Inbound) => Promise<Reply>) => {
  const contract = contractWrap(handle);
  return async (msg: Inbound): Promise<Reply> => {
    if (msg.text.includes(SLOW)) {
      await sleep(BUDGET_MS * 2);
      return handle({ ...msg, text: 'who are the parties?' });
    }
    return contract(msg);
  };
};

let h: Harness;
let seq = 0;

beforeAll(async () => {
  h = await startHarness({ wrap, ackBudgetMs: BUDGET_MS });
});
afterAll(async () => {
  await h?.close();
});

async function slash(text: string, user = 'U123'): Promise<{ id: string; status: number; text: string; ms: number }> {
  const id = `a${++seq}`;
  const started = Date.now();
  const res = await h.fake.deliver(h.url, new URLSearchParams(slashCommand(text, { user, responseUrl: h.fake.responseUrl(id) })).toString(), 'application/x-www-form-urlencoded', { secret: SECRET });
  return { id, ...res, ms: Date.now() - started };
}

const answers = (id: string) => h.fake.responses.filter((r) => r.id === id);

describe('Slack slash command: the answer in the acknowledgement, or after it', () => {
  it('carries an answer that is ready in time in the HTTP response, and posts nothing to the response_url', async () => {
    const { id, status, text } = await slash('what are the focus areas?');
    expect(status).toBe(200);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body.blocks)).toContain('kajaani_share');
    await sleep(200);
    expect(answers(id).map((a) => a.via)).toEqual(['ack']);
  });

  it('acks empty when the answer is not ready within the budget, then answers through the response_url', async () => {
    const { id, status, text, ms } = await slash(SLOW);
    expect(status).toBe(200);
    expect(text).toBe('');
    // Acked at the budget, not when the answer was done (twice the budget).
    expect(ms).toBeGreaterThanOrEqual(BUDGET_MS - 20);
    const post = await h.fake.waitForResponse(id);
    expect(post.via).toBe('response_url');
    expect(post.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(post.body.blocks)).toContain('KAMK');
    expect(h.logs.some((l) => String(l.msg).includes('not ready within the ack budget'))).toBe(true);
  });

  it('acks empty and posts every message to the response_url when the reply takes several messages', async () => {
    const { id, text } = await slash(LONG);
    expect(text).toBe('');
    await h.fake.waitForResponse(id, 2);
    await sleep(200);
    const posts = answers(id);
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.every((p) => p.via === 'response_url' && p.body.response_type === 'ephemeral')).toBe(true);
  });

  it('acks the digest preview (a reply with its chart) before building it, and answers through the response_url', async () => {
    const { id, text } = await slash('digest preview');
    expect(text).toBe('');
    const post = await h.fake.waitForResponse(id);
    expect(post.via).toBe('response_url');
    expect(h.inbound.at(-1)?.text).toBe('/digest preview');
  });

  it('puts the apology with its reference id in the ack when the core fails within the budget', async () => {
    const { id, text } = await slash(BOOM);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toMatchObject({ response_type: 'ephemeral' });
    const ref = /Reference: ([0-9a-f]{8})/.exec(String(body.text))?.[1];
    expect(ref).toBeDefined();
    expect(h.logs.some((l) => l.reference === ref)).toBe(true);
    expect(answers(id).map((a) => a.via)).toEqual(['ack']);
  });
});
