/**
 * The per-user rate limit (issue 11 item 3): a token bucket per user, one polite "slow down"
 * reply when it runs dry, then silence until it refills; never for the console. The bucket
 * logic runs on a fake clock. Through Bot.handle: bot-rate-limit.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createRateLimitGate, parseRateLimit, RateLimiter } from '../../src/core/rate-limit.js';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const DEFAULT = { count: 20, periodMs: 60_000, burst: 5 };

describe('BOT_RATE_LIMIT format', () => {
  it.each([
    ['20/min,burst=5', DEFAULT],
    [' 20 / min , burst = 5 ', DEFAULT],
    ['2/s', { count: 2, periodMs: 1000, burst: 5 }],
    ['100/h,burst=10', { count: 100, periodMs: 3_600_000, burst: 10 }],
    ['30/minute', { count: 30, periodMs: 60_000, burst: 5 }],
    ['off', 'off'],
    ['OFF', 'off'],
  ])('reads %j', (text, expected) => {
    expect(parseRateLimit(text)).toEqual(expected);
  });

  it.each(['', '20', '20/day', '0/min', '-1/min', '1.5/min', '20/min,burst=0', '20/min,burst=x', '20/min;burst=5', 'none', '20/min,burst=5,x=1'])('refuses %j', (text) => {
    expect(parseRateLimit(text)).toBeUndefined();
  });
});

describe('token bucket', () => {
  it('lets a burst through, warns once when empty, then drops until a token refills', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(DEFAULT, clock.now);
    const verdicts = Array.from({ length: 8 }, () => limiter.take('slack:U1').verdict);
    expect(verdicts).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'warn', 'drop', 'drop']);
    // 20 a minute: one token every 3 s.
    clock.advance(2_999);
    expect(limiter.take('slack:U1').verdict).toBe('drop');
    clock.advance(1);
    expect(limiter.take('slack:U1').verdict).toBe('pass');
    // Empty again: a new episode gets its one polite reply again.
    expect(limiter.take('slack:U1')).toEqual({ verdict: 'warn', retryAfterMs: 3_000 });
    expect(limiter.take('slack:U1').verdict).toBe('drop');
  });

  it('keeps one bucket per user', () => {
    const limiter = new RateLimiter({ count: 1, periodMs: 60_000, burst: 1 }, fakeClock().now);
    expect([limiter.take('slack:U1').verdict, limiter.take('slack:U1').verdict, limiter.take('slack:U2').verdict]).toEqual(['pass', 'warn', 'pass']);
  });

  it('keeps memory bounded: idle buckets are forgotten, and there is a hard cap under a flood of users', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(DEFAULT, clock.now, { maxBuckets: 1_000 });
    for (let i = 0; i < 50_000; i++) {
      limiter.take(`discord:${i}`);
      if (i % 7 === 0) clock.advance(1);
      expect(limiter.size).toBeLessThanOrEqual(1_000);
    }
    // A full refill (5 tokens at one per 3 s = 15 s) later, an idle bucket equals a new one.
    clock.advance(15_000);
    limiter.take('slack:U1');
    expect(limiter.size).toBe(1);
  });

  it('forgets a bucket only when forgetting it changes nothing', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(DEFAULT, clock.now);
    for (let i = 0; i < 6; i++) limiter.take('slack:U1'); // empty, warned
    clock.advance(14_000); // not yet full again
    limiter.take('slack:U2');
    expect(limiter.size).toBe(2);
  });
});

describe('rate limit gate', () => {
  it('answers the first message over the limit politely in the user’s language, then nothing', () => {
    const gate = createRateLimitGate({ count: 1, periodMs: 60_000, burst: 2 }, { clock: fakeClock().now });
    const run = (lang: 'en' | 'fi', user: string) => Array.from({ length: 4 }, () => gate('slack', user, () => lang));
    const [a, b, warn, after] = run('en', 'slack:U1');
    expect([a, b]).toEqual([undefined, undefined]);
    expect(warn).toMatchObject({ ok: false, visibility: 'ephemeral', lang: 'en' });
    expect(warn!.text).toMatch(/slow down/i);
    expect(warn!.text).toMatch(/about 60 seconds/);
    expect(warn!.silent).toBeFalsy();
    expect(after).toMatchObject({ ok: false, silent: true, lang: 'en' });

    const fi = run('fi', 'slack:U2')[2]!;
    expect(fi.lang).toBe('fi');
    expect(fi.text).toMatch(/hidasta/i);
  });

  it('never limits the console, and is off with BOT_RATE_LIMIT=off', () => {
    const gate = createRateLimitGate({ count: 1, periodMs: 60_000, burst: 1 }, { clock: fakeClock().now });
    expect(Array.from({ length: 50 }, () => gate('console', 'console:admin', () => 'en')).every((r) => r === undefined)).toBe(true);
    const off = createRateLimitGate('off', { clock: fakeClock().now });
    expect(Array.from({ length: 50 }, () => off('slack', 'slack:U1', () => 'en')).every((r) => r === undefined)).toBe(true);
  });
});
