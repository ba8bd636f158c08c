/**
 * Replayed and future-dated requests in HTTP mode (issue 11, item 7), against the real Bolt
 * app: an identical signed request sent again is refused and runs once; a timestamp more
 * than 5 minutes ahead is refused; Slack's own retries (re-signed when sent) still reach the
 * app and are answered once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToApp } from '../../fakes/slack/fake-slack.js';
import { eventCallback, mention, reportSubmission, slashCommand } from '../../fakes/slack/payloads.js';
import { SECRET, startHarness, type Harness } from './harness.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const nowS = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const outcomes = (title: string) => h.app.services.store.db.prepare('SELECT COUNT(*) FROM outcomes WHERE title = ?').pluck().get(title) as number;

describe('Slack over HTTP: replays', () => {
  it('refuses an identical signed slash command sent again (401): it runs once and stores one row', async () => {
    const body = new URLSearchParams(slashCommand('report companies "Replay Oy" party=KAMK', { responseUrl: h.fake.responseUrl('replay') })).toString();
    const timestamp = nowS();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await postToApp(h.url, body, FORM, { secret: SECRET, timestamp })).status);
    expect(statuses).toEqual([200, 401, 401, 401]);
    await sleep(200);
    expect(outcomes('Replay Oy')).toBe(1);
    expect(h.inbound.filter((m) => m.text.includes('Replay Oy'))).toHaveLength(1);
    expect(h.logs.some((l) => String(l.msg).includes('replayed request refused'))).toBe(true);
  });

  it('runs one of several identical copies sent at once, and stores one row', async () => {
    const body = new URLSearchParams(slashCommand('report companies "Replay Burst Oy" party=KAMK', { responseUrl: h.fake.responseUrl('burst') })).toString();
    const timestamp = nowS();
    const results = await Promise.all(Array.from({ length: 4 }, () => postToApp(h.url, body, FORM, { secret: SECRET, timestamp })));
    // Each copy is refused (401) or acknowledged empty; exactly one carries the answer.
    expect(results.every((r) => r.status === 401 || r.status === 200)).toBe(true);
    expect(results.filter((r) => r.text !== '')).toHaveLength(1);
    await sleep(200);
    expect(outcomes('Replay Burst Oy')).toBe(1);
    expect(h.inbound.filter((m) => m.text.includes('Replay Burst Oy'))).toHaveLength(1);
  });

  it('refuses a replayed form submission and stores the report once', async () => {
    const payload = reportSubmission({ goal: 'companies', title: 'Replay Form Oy', date: '2025-03-01' }, JSON.stringify({ lang: 'en' }), 'U555');
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const timestamp = nowS();
    const first = await postToApp(h.url, body, FORM, { secret: SECRET, timestamp });
    const again = await postToApp(h.url, body, FORM, { secret: SECRET, timestamp });
    expect([first.status, again.status]).toEqual([200, 401]);
    await sleep(200);
    expect(outcomes('Replay Form Oy')).toBe(1);
  });

  it('refuses a request dated an hour ahead (401) and runs nothing', async () => {
    const before = h.inbound.length;
    const body = new URLSearchParams(slashCommand('report companies "Future Oy" party=KAMK', { responseUrl: h.fake.responseUrl('future') })).toString();
    const res = await postToApp(h.url, body, FORM, { secret: SECRET, timestamp: nowS() + 3600 });
    expect(res.status).toBe(401);
    await sleep(200);
    expect(h.inbound.length).toBe(before);
    expect(outcomes('Future Oy')).toBe(0);
    expect(h.fake.responses.filter((r) => r.id === 'future')).toEqual([]);
  });

  it('accepts a request dated a minute ahead (clocks differ a little)', async () => {
    const body = new URLSearchParams(slashCommand('who are the parties?', { responseUrl: h.fake.responseUrl('skew') })).toString();
    const res = await postToApp(h.url, body, FORM, { secret: SECRET, timestamp: nowS() + 60 });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ response_type: 'ephemeral' });
  });

  it('lets Slack’s retry of an event through (re-signed when sent) and answers the event once', async () => {
    const before = h.fake.callsOf('chat.postMessage').length;
    const body = JSON.stringify(eventCallback(mention('<@UBOT> what are the focus areas?', { ts: '1700009000.000100' }), 'EvRetry1'));
    const first = await postToApp(h.url, body, JSON_TYPE, { secret: SECRET, timestamp: nowS() - 2 });
    const retry = await postToApp(h.url, body, JSON_TYPE, { secret: SECRET, timestamp: nowS(), headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await h.fake.waitForCall('chat.postMessage', before + 1);
    await sleep(300);
    expect(h.fake.callsOf('chat.postMessage').length).toBe(before + 1);
    expect(h.inbound.filter((m) => m.text === 'what are the focus areas?' && m.conversationId?.includes('1700009000.000100'))).toHaveLength(1);
  });

  it('answers a byte-identical copy marked as a retry with a plain 200 and runs nothing', async () => {
    const before = h.fake.callsOf('chat.postMessage').length;
    const body = JSON.stringify(eventCallback(mention('<@UBOT> who are the parties?', { ts: '1700009100.000100' }), 'EvRetry2'));
    const timestamp = nowS();
    const first = await postToApp(h.url, body, JSON_TYPE, { secret: SECRET, timestamp });
    const copy = await postToApp(h.url, body, JSON_TYPE, { secret: SECRET, timestamp, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.status, copy.status]).toEqual([200, 200]);
    expect(copy.text).toBe('');
    await h.fake.waitForCall('chat.postMessage', before + 1);
    await sleep(300);
    expect(h.fake.callsOf('chat.postMessage').length).toBe(before + 1);
  });

  it('still refuses a wrong signature (401) without remembering it, so the genuine request still runs', async () => {
    const body = new URLSearchParams(slashCommand('who are the parties?', { responseUrl: h.fake.responseUrl('genuine') })).toString();
    const timestamp = nowS();
    const forged = await postToApp(h.url, body, FORM, { secret: SECRET, timestamp, signature: 'v0=' + '0'.repeat(64) });
    const genuine = await postToApp(h.url, body, FORM, { secret: SECRET, timestamp });
    expect([forged.status, genuine.status]).toEqual([401, 200]);
  });
});
