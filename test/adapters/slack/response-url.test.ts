/**
 * The report form's response URL (issue 11, item 8): the bot posts a form's confirmation only
 * to Slack's own response URLs (or the configured SLACK_API_URL's origin, the fake here); a
 * forged private_metadata naming any other address is ignored and logged, and the user is
 * answered in a DM instead.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedResponseUrl } from '../../../src/adapters/slack/response-url.js';
import { reportSubmission } from '../../fakes/slack/payloads.js';
import { SECRET, startHarness, type Harness } from './harness.js';

describe('isAllowedResponseUrl', () => {
  const api = 'http://127.0.0.1:4100/api/';
  it('accepts Slack’s hooks and the configured API’s origin', () => {
    expect(isAllowedResponseUrl('https://hooks.slack.com/commands/T0/123/abc')).toBe(true);
    expect(isAllowedResponseUrl('https://hooks.slack.com/actions/T0/123/abc', api)).toBe(true);
    expect(isAllowedResponseUrl('http://127.0.0.1:4100/response/r1', api)).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'http://hooks.slack.com/commands/T0/1/x',
      'https://hooks.slack.com.evil.example/commands/T0/1/x',
      'https://hooks.slack.com@evil.example/commands',
      'https://user:pw@hooks.slack.com/commands',
      'https://hooks.slack.com:8443/commands',
      'https://evil.example/?u=https://hooks.slack.com/',
      'https://slack.com/api/chat.postMessage',
      'http://127.0.0.1:4101/response/r1',
      'not a url',
      '',
    ]) {
      expect(isAllowedResponseUrl(url, api), url).toBe(false);
    }
    expect(isAllowedResponseUrl('http://127.0.0.1:4100/response/r1')).toBe(false);
  });
});

describe('Slack report form: a forged response URL in private_metadata', () => {
  let h: Harness;
  let elsewhere: http.Server;
  const received: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    // Another server on loopback: the address a forged metadata names.
    elsewhere = http.createServer((req, res) => {
      received.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    await h?.close();
    elsewhere?.closeAllConnections();
    await new Promise<void>((r) => elsewhere?.close(() => r()));
  });

  it('posts nothing to it, logs it, stores the report and confirms in the user’s DM', async () => {
    const forged = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/collect`;
    const before = h.fake.callsOf('chat.postMessage').length;
    const payload = reportSubmission({ goal: 'companies', title: 'Forged Url Oy', date: '2025-03-01' }, JSON.stringify({ lang: 'en', channel: 'C123', responseUrl: forged }));
    const res = await h.fake.deliver(h.url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', { secret: SECRET });
    expect(res.status).toBe(200);
    const dm = await h.fake.waitForCall('chat.postMessage', before + 1);
    expect(dm.args.channel).toBe('U123');
    expect(JSON.stringify(dm.args.blocks)).toContain('Forged Url Oy');
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toEqual([]);
    expect(h.logs.some((l) => l.level === 40 && String(l.msg).includes('not Slack'))).toBe(true);
  });

  it('still confirms where the form was opened when the URL is the configured Slack’s', async () => {
    const payload = reportSubmission({ goal: 'companies', title: 'Fine Url Oy', date: '2025-03-01' }, JSON.stringify({ lang: 'en', channel: 'C123', responseUrl: h.fake.responseUrl('fine') }));
    await h.fake.deliver(h.url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', { secret: SECRET });
    const post = await h.fake.waitForResponse('fine');
    expect(JSON.stringify(post.body)).toContain('Fine Url Oy');
  });
});
