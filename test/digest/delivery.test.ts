/**
 * Delivery bookkeeping with a controlled clock and recording posters: once per (period,
 * channel), retries with back-off, quiet weeks, catch-up after downtime, leases.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main.js';
import type { RenderedDigest } from '../../src/core/digest/build.js';
import type { DigestTarget } from '../../src/core/digest/channels.js';
import { parsePeriod } from '../../src/core/digest/period.js';
import { claimPost, getPost, listPosts, upsertSubscription } from '../../src/store/digest.js';
import { deliverDigest, MAX_ATTEMPTS } from '../../src/delivery/deliver.js';
import type { DigestPoster, PostProgress } from '../../src/delivery/poster.js';
import { createDigestScheduler, startDigestScheduler } from '../../src/delivery/scheduler.js';
import { testEnv } from '../helpers/app.js';
import { tempDbPath } from '../helpers/temp.js';
import { seedStore } from './seed.js';

interface Posted {
  target: DigestTarget;
  digest: RenderedDigest;
  resumedFrom: string | null;
}

/** A poster that records posts and fails the next `failNext` of them. */
class RecordingPoster implements DigestPoster {
  readonly posted: Posted[] = [];
  failNext = 0;
  private n = 0;
  constructor(readonly platform: 'slack' | 'discord') {}
  async post(target: DigestTarget, digest: RenderedDigest, progress: PostProgress) {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('platform unavailable');
    }
    this.posted.push({ target, digest, resumedFrom: progress.messageId });
    return { messageId: `${this.platform}-msg-${++this.n}` };
  }
}

let clock = new Date('2026-11-30T07:00:00.000Z'); // Monday 30 Nov 2026, 09:00 Helsinki
const apps: App[] = [];
afterEach(() => {
  while (apps.length) apps.pop()!.close();
});

function setup(extraEnv: NodeJS.ProcessEnv = {}, opts: { seed?: boolean; dbPath?: string } = {}) {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, cb) => (lines.push(JSON.parse(String(chunk))), cb()) }));
  const dbPath = opts.dbPath ?? tempDbPath();
  const env = { ...testEnv(dbPath), BOT_KNOWLEDGE_DIR: path.resolve(import.meta.dirname, '..', '..', 'knowledge'), ...extraEnv };
  const app = createApp(env, { now: () => clock, log });
  apps.push(app);
  if (opts.seed !== false) seedStore(app.services.store);
  const slack = new RecordingPoster('slack');
  const discord = new RecordingPoster('discord');
  const scheduler = createDigestScheduler(app.services, [slack, discord], { env, timers: false });
  return { app, env, slack, discord, scheduler, lines, dbPath };
}

const CHANNELS = { DIGEST_SLACK_CHANNELS: 'C0DIGEST', DIGEST_DISCORD_CHANNELS: '987654321098765432=both' };

describe('exactly once', () => {
  it('posts the previous week once per channel; a second run changes nothing and says so', async () => {
    clock = new Date('2026-11-30T07:00:00.000Z');
    const { app, slack, discord, scheduler } = setup(CHANNELS);
    // The same Slack channel subscribed in chat as well: still one post, in the subscription's language.
    upsertSubscription(app.services.store, { channel: 'slack:C0DIGEST', platform: 'slack', conversation: 'slack:C0DIGEST', lang: 'fi', subscribedBy: 'slack:UADMIN', subscribedAt: '2026-11-01T00:00:00.000Z' });
    const first = await scheduler.runScheduled();
    expect(first.period).toBe('2026-W48');
    expect(first.results.map((r) => [r.channel, r.status])).toEqual([
      ['discord:987654321098765432', 'posted'],
      ['slack:C0DIGEST', 'posted'],
    ]);
    expect(slack.posted).toHaveLength(1);
    expect(slack.posted[0]!.digest.lang).toBe('fi');
    expect(discord.posted[0]!.digest.replies.map((r) => r.lang)).toEqual(['fi', 'en']);
    expect(discord.posted[0]!.digest.chart.png.length).toBeGreaterThan(1000);

    const second = await scheduler.runScheduled();
    expect(second.results.map((r) => r.status)).toEqual(['already-posted', 'already-posted']);
    expect(second.results[1]!.messageId).toBe('slack-msg-1');
    expect(slack.posted).toHaveLength(1);
    expect(discord.posted).toHaveLength(1);
    expect(listPosts(app.services.store, '2026-W48').map((p) => [p.channel, p.status, p.messageId])).toEqual([
      ['discord:987654321098765432', 'done', 'discord-msg-1'],
      ['slack:C0DIGEST', 'done', 'slack-msg-1'],
    ]);
  });

  it('retries a failed post after its back-off (not before), logging each failure', async () => {
    clock = new Date('2026-11-30T07:00:00.000Z');
    const { app, slack, scheduler, lines } = setup({ DIGEST_SLACK_CHANNELS: 'C0DIGEST' });
    slack.failNext = 2;
    expect((await scheduler.runScheduled()).results[0]).toMatchObject({ status: 'failed', error: 'platform unavailable', nextAttemptAt: '2026-11-30T07:01:00.000Z' });
    expect(lines.some((l) => l.msg === 'digest post failed; will retry' && l.channel === 'slack:C0DIGEST' && l.attempts === 1)).toBe(true);

    clock = new Date('2026-11-30T07:00:30.000Z');
    expect(await scheduler.retry()).toEqual([]);
    // The scheduled run again (e.g. a second process) does not jump the back-off either.
    expect((await scheduler.runScheduled()).results[0]!.status).toBe('waiting-retry');

    clock = new Date('2026-11-30T07:01:00.000Z');
    expect((await scheduler.retry())[0]!.results[0]).toMatchObject({ status: 'failed', nextAttemptAt: '2026-11-30T07:03:00.000Z' });
    clock = new Date('2026-11-30T07:03:05.000Z');
    expect((await scheduler.retry())[0]!.results[0]).toMatchObject({ status: 'posted', messageId: 'slack-msg-1' });
    expect(slack.posted).toHaveLength(1);
    expect(getPost(app.services.store, '2026-W48', 'slack:C0DIGEST')).toMatchObject({ status: 'done', attempts: 2, lastError: null });
  });

  it(`gives up after ${MAX_ATTEMPTS} failed attempts and logs an error`, async () => {
    clock = new Date('2026-11-30T07:00:00.000Z');
    const { slack, scheduler, lines } = setup({ DIGEST_SLACK_CHANNELS: 'C0DIGEST' });
    slack.failNext = 100;
    await scheduler.runScheduled();
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      clock = new Date(clock.getTime() + 2 * 60 * 60_000);
      await scheduler.retry();
    }
    expect(lines.filter((l) => l.msg === 'digest post failed; will retry')).toHaveLength(MAX_ATTEMPTS - 1);
    expect(lines.filter((l) => l.msg === 'digest post failed; giving up' && l.level === 50)).toHaveLength(1);
    clock = new Date(clock.getTime() + 2 * 60 * 60_000);
    expect(await scheduler.retry()).toEqual([]);
    expect((await scheduler.runScheduled()).results[0]!.status).toBe('abandoned');
  });

  it('leaves a claim another live process holds, and takes over one whose lease ran out', async () => {
    clock = new Date('2026-11-30T07:00:00.000Z');
    const { app, slack, env } = setup({ DIGEST_SLACK_CHANNELS: 'C0DIGEST' });
    claimPost(app.services.store, { period: '2026-W48', channel: 'slack:C0DIGEST', owner: 'other-process', now: clock.toISOString(), leaseUntil: '2026-11-30T07:05:00.000Z' });
    const scheduler = createDigestScheduler(app.services, [slack], { env, timers: false });
    expect((await scheduler.runScheduled()).results[0]!.status).toBe('in-progress');
    expect(slack.posted).toHaveLength(0);
    clock = new Date('2026-11-30T07:05:01.000Z');
    expect((await scheduler.runScheduled()).results[0]!.status).toBe('posted');
  });
});

describe('quiet weeks', () => {
  it('posts a two-line digest for a quiet week, or skips it with DIGEST_SKIP_QUIET=true', async () => {
    clock = new Date('2026-10-05T06:00:00.000Z'); // Monday 5 Oct: the week before (W40) was quiet
    const posting = setup({ DIGEST_SLACK_CHANNELS: 'C0DIGEST' });
    expect((await posting.scheduler.runScheduled()).results[0]!.status).toBe('posted');
    expect(posting.slack.posted[0]!.digest.quiet).toBe(true);
    expect(posting.slack.posted[0]!.digest.text.split('\n').filter((l) => l !== '')).toHaveLength(2);

    const skipping = setup({ DIGEST_SLACK_CHANNELS: 'C0DIGEST', DIGEST_SKIP_QUIET: 'true' });
    expect((await skipping.scheduler.runScheduled()).results[0]!.status).toBe('skipped-quiet');
    expect((await skipping.scheduler.runScheduled()).results[0]!.status).toBe('already-skipped');
    expect(skipping.slack.posted).toHaveLength(0);
  });
});

describe('catching up after downtime', () => {
  it('posts only the latest missed digest once at start, and not to channels subscribed after it was due', async () => {
    clock = new Date('2026-11-20T10:00:00.000Z');
    const { app, env, dbPath } = setup({ DIGEST_DISCORD_CHANNELS: '987654321098765432' });
    upsertSubscription(app.services.store, { channel: 'slack:C0EARLY', platform: 'slack', conversation: 'slack:C0EARLY', lang: 'en', subscribedBy: 'slack:UADMIN', subscribedAt: clock.toISOString() });
    // The bot is down from 28 Nov; runs were due on 30 Nov (for W48) and 7 Dec (for W49).
    // A channel subscribed (by a second process) on Tuesday 8 Dec did not miss anything.
    upsertSubscription(app.services.store, { channel: 'slack:C0LATE', platform: 'slack', conversation: 'slack:C0LATE', lang: 'en', subscribedBy: 'slack:UADMIN', subscribedAt: '2026-12-08T12:00:00.000Z' });
    clock = new Date('2026-12-09T08:00:00.000Z'); // back on Wednesday 9 Dec
    const restarted = setup({ ...env, DIGEST_DISCORD_CHANNELS: '987654321098765432' }, { seed: false, dbPath });
    const report = await restarted.scheduler.catchUp();
    expect(report!.period).toBe('2026-W49');
    expect(report!.results.map((r) => [r.channel, r.status])).toEqual([
      ['discord:987654321098765432', 'posted'],
      ['slack:C0EARLY', 'posted'],
    ]);
    expect(restarted.slack.posted.map((p) => p.target.key)).toEqual(['slack:C0EARLY']);
    expect(listPosts(restarted.app.services.store, '2026-W48')).toEqual([]);
    expect(restarted.lines.some((l) => l.msg === 'posted a missed digest at start' && l.period === '2026-W49')).toBe(true);

    // Another restart the same day posts nothing more.
    const again = setup({ ...env, DIGEST_DISCORD_CHANNELS: '987654321098765432' }, { seed: false, dbPath });
    expect((await again.scheduler.catchUp())!.results.map((r) => r.status)).toEqual(['already-posted', 'already-posted']);
    expect(again.slack.posted.length + again.discord.posted.length).toBe(0);
  });

  it('starts the schedule in the running bot and reports the next Monday 09:00', async () => {
    clock = new Date('2026-03-25T12:00:00.000Z');
    const { app, env, slack } = setup({ DIGEST_SLACK_CHANNELS: 'C0DIGEST' }, { seed: false });
    const s = startDigestScheduler(app, [slack], { env });
    try {
      expect(s.nextRun()?.toISOString()).toBe('2026-03-30T06:00:00.000Z');
      await expect.poll(() => getPost(app.services.store, parsePeriod('2026-W12', 'Europe/Helsinki')!.label, 'slack:C0DIGEST')?.status).toBe('done');
    } finally {
      s.stop();
    }
  });
});

describe('delivery without a poster', () => {
  it('reports a channel whose platform has no token instead of claiming it', async () => {
    clock = new Date('2026-11-30T07:00:00.000Z');
    const { app } = setup();
    const target: DigestTarget = { platform: 'discord', channelId: '1234567', key: 'discord:1234567', lang: 'en', source: 'config', since: null };
    const report = await deliverDigest(app.services, [], [target], parsePeriod('2026-W48', 'Europe/Helsinki')!, { skipQuiet: false });
    expect(report.results).toEqual([{ channel: 'discord:1234567', status: 'no-poster' }]);
    expect(listPosts(app.services.store)).toEqual([]);
  });
});
